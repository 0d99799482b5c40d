import { NotAllowed, NotFound, RuleViolation, fold } from '../decider';
import { deciderSpecification } from '../testing/decider-specification';
import { GEZIN_NIET_GEVONDEN, PERSOON_NIET_GEVONDEN } from '../toegang';
import {
  AddBekendGezinslid,
  AssignContactpersoon,
  Door,
  GezinCommand,
  NieuwLid,
  RegisterGezin,
  gezinDecider,
} from './gezin.decider';
import { Contactpersoon, GezinEvent, GezinState, toegangVan, toegangen } from './gezin.events';
import { Gezinsplan } from './gezinsplan';

const spec = deciderSpecification(gezinDecider);
const initial = gezinDecider.initialState;
const now = new Date('2026-03-01T10:00:00Z');
/** After the handovers and ends of these specs (2026-04-01, 2026-05-01). */
const later = new Date('2026-06-01T10:00:00Z');

const anna: Contactpersoon = {
  userId: 'u-anna',
  naam: 'Anna de Vries',
  organisatie: 'Wijkteam Noord',
};
const bram: Contactpersoon = {
  userId: 'u-bram',
  naam: 'Bram Bakker',
  organisatie: 'Jeugdteam Zuid',
};
const asAnna: Door = { userId: 'u-anna', teamleider: false };
const asBram: Door = { userId: 'u-bram', teamleider: false };
const asTeamleider: Door = { userId: 'u-lead', teamleider: true };

const sanne: NieuwLid = {
  persoonId: 'p-sanne',
  rol: 'jeugdige',
  geboortedatum: '2012-05-04',
  voornaam: 'Sanne',
};
const daan: NieuwLid = {
  persoonId: 'p-daan',
  rol: 'jeugdige',
  geboortedatum: '2015-01-31',
  voornaam: 'Daan',
};
const mark: NieuwLid = { persoonId: 'p-mark', rol: 'ouder', geboortedatum: null, voornaam: 'Mark' };

const g = 'g-1';
const registered: GezinEvent[] = [
  { type: 'GezinRegistered', data: { gezinId: g, naam: 'Jansen', registeredBy: 'u-anna' } },
  {
    type: 'GezinslidAdded',
    data: { gezinId: g, persoonId: 'p-sanne', rol: 'jeugdige', vanaf: '2026-03-01' },
  },
  {
    type: 'GezinslidAdded',
    data: { gezinId: g, persoonId: 'p-mark', rol: 'ouder', vanaf: '2026-03-01' },
  },
];
const annaAssigned: GezinEvent = {
  type: 'ContactpersoonAssigned',
  data: { gezinId: g, contactpersoon: anna, vanaf: '2026-03-01' },
};
const handedToBram: GezinEvent = {
  type: 'ContactpersoonHandedOver',
  data: {
    gezinId: g,
    van: anna,
    naar: bram,
    per: '2026-04-01',
    reden: 'Anna gaat met verlof',
    leestMeeTot: null,
  },
};
const withAnna = [...registered, annaAssigned];
/** Anna reads on for a while after the handover (a warm handover). */
const handedToBramWarm: GezinEvent = {
  type: 'ContactpersoonHandedOver',
  data: { ...(handedToBram.data as object), leestMeeTot: '2026-12-31' },
} as GezinEvent;

const plan: Gezinsplan = {
  hulpvraag: 'Wij willen rust in huis en dat Sanne weer naar school gaat.',
  doelen: [
    {
      doelId: 'd-1',
      leefgebied: 'onderwijs',
      persoonId: 'p-sanne',
      omschrijving: 'Sanne gaat elke dag naar school',
    },
    {
      doelId: 'd-2',
      leefgebied: 'financien',
      persoonId: null,
      omschrijving: 'Overzicht over de schulden',
    },
  ],
  afspraken: [
    {
      afspraakId: 'a-1',
      wie: 'Mark',
      wat: 'Belt de schuldhulp',
      uiterlijk: '2026-03-15',
      status: 'open',
      doelId: 'd-2',
    },
  ],
  evaluatiedatum: '2026-06-01',
  toestemming: { delen: true, vastgelegdOp: '2026-03-01', toelichting: null },
};
const planV1: GezinEvent = {
  type: 'GezinsplanWritten',
  data: { gezinId: g, versie: 1, plan, reden: null },
};

describe('gezin decider', () => {
  describe('RegisterGezin', () => {
    const register = (leden: NieuwLid[]): RegisterGezin => ({
      type: 'RegisterGezin',
      door: asAnna,
      gezinId: g,
      naam: 'Jansen',
      leden,
      vanaf: '2026-03-01',
    });

    it('registers the family and each member, and records who registered it', () => {
      spec
        .given([])
        .when(register([sanne, mark]), now)
        .then(registered);
    });
    it('refuses a family without a youth', () => {
      spec
        .given([])
        .when(register([mark]), now)
        .thenThrows(RuleViolation, /ten minste één jeugdige/);
    });
    it('refuses a youth without a birth date', () => {
      spec
        .given([])
        .when(register([{ ...sanne, geboortedatum: null }]), now)
        .thenThrows(RuleViolation, /ontbreekt/);
    });
    it('refuses a birth date in the future', () => {
      spec
        .given([])
        .when(register([{ ...sanne, geboortedatum: '2026-03-02' }]), now)
        .thenThrows(RuleViolation, /toekomst/);
    });
    it('refuses the same person twice', () => {
      spec
        .given([])
        .when(register([sanne, sanne]), now)
        .thenThrows(RuleViolation, /twee keer/);
    });
    it('refuses two members with one BSN, as two persons or as one known person twice alike', () => {
      const bsn = '111222333';
      for (const leden of [
        [
          { ...sanne, bsn },
          { ...daan, bsn },
        ],
        [
          { ...sanne, bsn },
          { ...sanne, bsn },
        ],
      ]) {
        spec
          .given([])
          .when(register(leden), now)
          .thenThrows(RuleViolation, /Twee leden hebben hetzelfde BSN/);
      }
      spec
        .given([])
        .when(
          register([
            { ...sanne, bsn },
            { ...mark, bsn: null },
            { ...daan, bsn: null },
          ]),
          now,
        )
        .then([...registered.slice(0, 3), expect.objectContaining({ type: 'GezinslidAdded' })]);
    });
    it('refuses registering a family twice', () => {
      spec
        .given(registered)
        .when(register([sanne]), now)
        .thenThrows(RuleViolation, /al geregistreerd/);
    });
    it('with a district, sets it from the calendar day of registration, right after registering', () => {
      // Just after midnight local time (still 28 February in UTC in the Netherlands): 1 March.
      const justAfterMidnight = new Date(2026, 2, 1, 0, 30);
      spec
        .given([])
        .when({ ...register([sanne, mark]), wijk: '  Lelystad-Haven ' }, justAfterMidnight)
        .then([
          registered[0]!,
          { type: 'GezinWijkSet', data: { gezinId: g, wijk: 'Lelystad-Haven', per: '2026-03-01' } },
          ...registered.slice(1),
        ]);
    });
    it('without a district (left out or null), sets none', () => {
      spec
        .given([])
        .when({ ...register([sanne, mark]), wijk: null }, now)
        .then(registered);
    });
    it('refuses a district of only spaces', () => {
      spec
        .given([])
        .when({ ...register([sanne]), wijk: '   ' }, now)
        .thenThrows(RuleViolation, /naam van de wijk/);
    });
  });

  describe('district (wijk)', () => {
    const setWijk = (wijk: string, door: Door = asAnna, per = '2026-04-01'): GezinCommand => ({
      type: 'SetGezinWijk',
      door,
      wijk,
      per,
    });
    const inHaven: GezinEvent = {
      type: 'GezinWijkSet',
      data: { gezinId: g, wijk: 'Haven', per: '2026-03-01' },
    };

    it('the contact person sets the district of a family that had none', () => {
      spec
        .given(withAnna)
        .when(setWijk('Haven'))
        .then([{ type: 'GezinWijkSet', data: { gezinId: g, wijk: 'Haven', per: '2026-04-01' } }]);
    });
    it('records a move to another district, trimmed', () => {
      spec
        .given([...withAnna, inHaven])
        .when(setWijk(' Atol '))
        .then([{ type: 'GezinWijkSet', data: { gezinId: g, wijk: 'Atol', per: '2026-04-01' } }]);
    });
    it('refuses the district the family already lives in', () => {
      spec
        .given([...withAnna, inHaven])
        .when(setWijk('Haven '))
        .thenThrows(RuleViolation, 'Gezin Jansen woont al in wijk Haven; er verandert niets.');
    });
    it('refuses a district of only spaces', () => {
      spec
        .given(withAnna)
        .when(setWijk(' '))
        .thenThrows(RuleViolation, /naam van de wijk/);
    });
    it('a team lead may set it, for any family', () => {
      spec
        .given(withAnna)
        .when(setWijk('Haven', asTeamleider))
        .then([{ type: 'GezinWijkSet', data: { gezinId: g, wijk: 'Haven', per: '2026-04-01' } }]);
    });
    it('the registrant may set it until the first contact person is assigned', () => {
      spec
        .given(registered)
        .when(setWijk('Haven'))
        .then([{ type: 'GezinWijkSet', data: { gezinId: g, wijk: 'Haven', per: '2026-04-01' } }]);
    });
    it('a stranger learns nothing (NotFound); a former contact person reading on may not (NotAllowed)', () => {
      spec.given(withAnna).when(setWijk('Haven', asBram)).thenThrows(NotFound);
      spec
        .given([...withAnna, handedToBramWarm])
        .when(setWijk('Haven', asAnna))
        .thenThrows(NotAllowed);
    });
    it('a team lead cannot set the district of a family that does not exist', () => {
      spec.given([]).when(setWijk('Haven', asTeamleider)).thenThrows(NotFound);
    });
    it('the state keeps the current district', () => {
      const fold = (events: GezinEvent[]): GezinState =>
        events.reduce(gezinDecider.evolve, gezinDecider.initialState());
      expect(fold(withAnna).wijk).toBeNull();
      expect(fold([...withAnna, inHaven]).wijk).toBe('Haven');
      const moved: GezinEvent = {
        type: 'GezinWijkSet',
        data: { gezinId: g, wijk: 'Atol', per: '2026-06-01' },
      };
      expect(fold([...withAnna, inHaven, moved]).wijk).toBe('Atol');
    });
  });

  describe('need-to-know', () => {
    const addDaan = (door: Door): GezinCommand => ({
      type: 'AddGezinslid',
      door,
      lid: daan,
      vanaf: '2026-03-02',
    });

    it('lets the registrant prepare the family until a contact person is assigned', () => {
      spec
        .given(registered)
        .when(addDaan(asAnna), now)
        .then([
          {
            type: 'GezinslidAdded',
            data: { gezinId: g, persoonId: 'p-daan', rol: 'jeugdige', vanaf: '2026-03-02' },
          },
        ]);
    });
    it('answers NotFound to someone who does not work with the family', () => {
      spec.given(withAnna).when(addDaan(asBram), now).thenThrows(NotFound);
    });
    it('answers NotFound for a family that does not exist', () => {
      spec.given([]).when(addDaan(asAnna), now).thenThrows(NotFound);
    });
    it('leaves a former contact person read-only during a warm handover', () => {
      spec
        .given([...withAnna, handedToBramWarm])
        .when(addDaan(asAnna), now)
        .thenThrows(NotAllowed, /inzien maar niet meer wijzigen/);
    });
    it('lets the new contact person write after a handover', () => {
      spec
        .given([...withAnna, handedToBram])
        .when(addDaan(asBram), now)
        .then([
          {
            type: 'GezinslidAdded',
            data: { gezinId: g, persoonId: 'p-daan', rol: 'jeugdige', vanaf: '2026-03-02' },
          },
        ]);
    });
    it('does not let a team lead change the family itself', () => {
      spec.given(withAnna).when(addDaan(asTeamleider), now).thenThrows(NotFound);
    });
  });

  describe('a known person joins (a youth of two households)', () => {
    /** Tim is a youth of another family; Anna is its contact person unless a test says otherwise. */
    const addTim = (
      facts: Partial<Pick<AddBekendGezinslid, 'persoon' | 'toegangTotPersoon' | 'door'>> = {},
    ): GezinCommand => ({
      type: 'AddBekendGezinslid',
      door: asAnna,
      persoonId: 'p-tim',
      rol: 'jeugdige',
      vanaf: '2026-03-02',
      persoon: { voornaam: 'Tim', geboortedatum: '2016-08-31' },
      toegangTotPersoon: 'schrijven',
      ...facts,
    });

    it('adds the person with the role given, from the date given', () => {
      spec
        .given(withAnna)
        .when(addTim(), now)
        .then([
          {
            type: 'GezinslidAdded',
            data: { gezinId: g, persoonId: 'p-tim', rol: 'jeugdige', vanaf: '2026-03-02' },
          },
        ]);
    });
    it('answers NotFound when the sender is not the contact person of a family of the person', () => {
      for (const toegangTotPersoon of ['geen', 'lezen'] as const) {
        spec
          .given(withAnna)
          .when(addTim({ toegangTotPersoon }), now)
          .thenThrows(NotFound, PERSOON_NIET_GEVONDEN);
      }
    });
    it('answers NotFound, the same, for a person who does not exist', () => {
      spec
        .given(withAnna)
        .when(addTim({ persoon: null }), now)
        .thenThrows(NotFound, PERSOON_NIET_GEVONDEN);
    });
    it('checks the person before the family: a stranger to both hears about the person', () => {
      spec
        .given(withAnna)
        .when(addTim({ door: asBram, toegangTotPersoon: 'geen' }), now)
        .thenThrows(NotFound, PERSOON_NIET_GEVONDEN);
      expect(() =>
        gezinDecider.authorize!(
          addTim({ door: asBram, toegangTotPersoon: 'geen' }),
          withAnna.reduce(gezinDecider.evolve, gezinDecider.initialState()),
          now,
        ),
      ).toThrow(PERSOON_NIET_GEVONDEN);
    });
    it("still needs write access to this family: the person's contact person is not enough", () => {
      spec
        .given(withAnna)
        .when(addTim({ door: asBram }), now)
        .thenThrows(NotFound, GEZIN_NIET_GEVONDEN);
      spec
        .given([...withAnna, handedToBramWarm])
        .when(addTim(), now)
        .thenThrows(NotAllowed, /niet meer wijzigen/);
    });
    it("keeps the family's rules: not twice, and a youth needs a birth date", () => {
      spec
        .given(withAnna)
        .when({ ...addTim(), persoonId: 'p-sanne' } as GezinCommand, now)
        .thenThrows(RuleViolation, /Tim hoort al bij het gezin/);
      spec
        .given(withAnna)
        .when(addTim({ persoon: { voornaam: 'Tim', geboortedatum: null } }), now)
        .thenThrows(RuleViolation, /geboortedatum van Tim ontbreekt/);
    });
  });

  describe('members', () => {
    it('refuses adding someone who is already a member', () => {
      spec
        .given(withAnna)
        .when({ type: 'AddGezinslid', door: asAnna, lid: sanne, vanaf: '2026-03-02' }, now)
        .thenThrows(RuleViolation, /hoort al bij/);
    });
    it('removes a member with a reason', () => {
      spec
        .given(withAnna)
        .when(
          {
            type: 'RemoveGezinslid',
            door: asAnna,
            persoonId: 'p-mark',
            per: '2026-05-01',
            reden: 'Verhuisd',
          },
          now,
        )
        .then([
          {
            type: 'GezinslidRemoved',
            data: { gezinId: g, persoonId: 'p-mark', per: '2026-05-01', reden: 'Verhuisd' },
          },
        ]);
    });
    it('refuses removing the last youth', () => {
      spec
        .given(withAnna)
        .when(
          {
            type: 'RemoveGezinslid',
            door: asAnna,
            persoonId: 'p-sanne',
            per: '2026-05-01',
            reden: 'x',
          },
          now,
        )
        .thenThrows(RuleViolation, /laatste jeugdige/);
    });
    it('refuses removing a member the plan still has goals for', () => {
      spec
        .given([
          ...withAnna,
          {
            type: 'GezinslidAdded',
            data: { gezinId: g, persoonId: 'p-daan', rol: 'jeugdige', vanaf: '2026-03-01' },
          },
          planV1,
        ])
        .when(
          {
            type: 'RemoveGezinslid',
            door: asAnna,
            persoonId: 'p-sanne',
            per: '2026-05-01',
            reden: 'x',
          },
          now,
        )
        .thenThrows(RuleViolation, /doelen voor deze persoon/);
    });
    it('answers NotFound for removing someone who is not a member', () => {
      spec
        .given(withAnna)
        .when(
          {
            type: 'RemoveGezinslid',
            door: asAnna,
            persoonId: 'p-x',
            per: '2026-05-01',
            reden: 'x',
          },
          now,
        )
        .thenThrows(NotFound);
    });
  });

  describe('network', () => {
    const oma = {
      betrokkeneId: 'b-1',
      soort: 'informeel' as const,
      naam: 'Oma Jansen',
      rol: 'oma',
      organisatie: null,
      vanaf: '2026-01-01',
      tot: null,
    };
    const added: GezinEvent = { type: 'NetwerkBetrokkeneAdded', data: { gezinId: g, ...oma } };

    it('adds an informal network member', () => {
      spec
        .given(withAnna)
        .when({ type: 'AddNetwerkBetrokkene', door: asAnna, betrokkene: oma }, now)
        .then([added]);
    });
    it('refuses a professional without an organisation', () => {
      spec
        .given(withAnna)
        .when(
          {
            type: 'AddNetwerkBetrokkene',
            door: asAnna,
            betrokkene: { ...oma, soort: 'formeel', rol: 'jeugdarts' },
          },
          now,
        )
        .thenThrows(RuleViolation, /organisatie/);
    });
    it('refuses a period that ends before it starts', () => {
      spec
        .given(withAnna)
        .when(
          { type: 'AddNetwerkBetrokkene', door: asAnna, betrokkene: { ...oma, tot: '2025-12-31' } },
          now,
        )
        .thenThrows(RuleViolation, /voor de begindatum/);
    });
    it('refuses the same network member twice', () => {
      spec
        .given([...withAnna, added])
        .when({ type: 'AddNetwerkBetrokkene', door: asAnna, betrokkene: oma }, now)
        .thenThrows(RuleViolation, /al in het netwerk/);
    });
    it('ends a network member once, not before they started', () => {
      const end = (tot: string): GezinCommand => ({
        type: 'EndNetwerkBetrokkene',
        door: asAnna,
        betrokkeneId: 'b-1',
        tot,
        reden: null,
      });
      const ended: GezinEvent = {
        type: 'NetwerkBetrokkeneEnded',
        data: { gezinId: g, betrokkeneId: 'b-1', tot: '2026-06-01', reden: null },
      };
      spec
        .given([...withAnna, added])
        .when(end('2026-06-01'), now)
        .then([ended]);
      spec
        .given([...withAnna, added, ended])
        .when(end('2026-07-01'), now)
        .thenThrows(RuleViolation, /al niet meer betrokken/);
      spec
        .given([...withAnna, added])
        .when(end('2025-06-01'), now)
        .thenThrows(RuleViolation, /pas betrokken sinds/);
      spec.given(withAnna).when(end('2026-06-01'), now).thenThrows(NotFound);
    });
  });

  describe('one contact person', () => {
    const assign = (door: Door, contactpersoon = anna): GezinCommand => ({
      type: 'AssignContactpersoon',
      door,
      contactpersoon,
      vanaf: '2026-03-01',
    });
    const handOver = (
      door: Door,
      per = '2026-04-01',
      warmeOverdrachtDagen = 0,
      naar = bram,
    ): GezinCommand => ({
      type: 'HandOverContactpersoon',
      door,
      naar,
      per,
      reden: 'Anna gaat met verlof',
      warmeOverdrachtDagen,
    });
    const end = (door: Door, per = '2026-05-01', warmeOverdrachtDagen = 0): GezinCommand => ({
      type: 'EndContactpersoon',
      door,
      per,
      reden: 'Hulp afgerond',
      warmeOverdrachtDagen,
    });
    const ended: GezinEvent = {
      type: 'ContactpersoonEnded',
      data: {
        gezinId: g,
        contactpersoon: anna,
        per: '2026-05-01',
        reden: 'Hulp afgerond',
        leestMeeTot: null,
      },
    };
    const readPlan = (door: Door): GezinCommand => ({
      type: 'WriteGezinsplan',
      door,
      plan,
      reden: null,
    });

    it('lets the registrant assign the first contact person', () => {
      spec.given(registered).when(assign(asAnna), now).then([annaAssigned]);
    });
    it('lets a team lead assign one to any family without one', () => {
      spec.given(registered).when(assign(asTeamleider), now).then([annaAssigned]);
    });
    it('refuses a second contact person while one is active, naming the active one', () => {
      spec
        .given(withAnna)
        .when(assign(asAnna, bram), now)
        .thenThrows(
          RuleViolation,
          /al een contactpersoon \(Anna de Vries, Wijkteam Noord, sinds 2026-03-01\)/,
        );
    });
    it('hands over in one event with from, to, date and reason', () => {
      spec.given(withAnna).when(handOver(asAnna), later).then([handedToBram]);
    });
    it('lets a team lead hand over', () => {
      spec.given(withAnna).when(handOver(asTeamleider), later).then([handedToBram]);
    });
    it('refuses a handover by someone else', () => {
      spec.given(withAnna).when(handOver(asBram), later).thenThrows(NotFound);
    });
    it('refuses a team lead who would make herself contact person, by assigning or handing over', () => {
      const lead: Contactpersoon = { userId: 'u-lead', naam: 'Lotte Leider', organisatie: 'Noord' };
      spec
        .given(registered)
        .when(assign(asTeamleider, lead), now)
        .thenThrows(NotAllowed, /uzelf geen contactpersoon/);
      spec
        .given(withAnna)
        .when(handOver(asTeamleider, '2026-04-01', 0, lead), later)
        .thenThrows(NotAllowed, /uzelf geen contactpersoon/);
      // Another team lead may.
      spec
        .given(withAnna)
        .when(handOver({ userId: 'u-lead-2', teamleider: true }, '2026-04-01', 0, lead), later)
        .then([{ ...handedToBram, data: { ...handedToBram.data, naar: lead } }]);
    });
    it('refuses a handover, start or end dated in the future, naming the field', () => {
      const refused = (command: GezinCommand, field: string) => {
        try {
          gezinDecider.decide(command, withAnna.reduce(gezinDecider.evolve, initial()), now);
        } catch (error) {
          expect(error).toBeInstanceOf(RuleViolation);
          expect((error as RuleViolation).message).toMatch(/ligt in de toekomst/);
          return (error as RuleViolation).field === field;
        }
        return false;
      };
      expect(refused(handOver(asAnna, '2026-03-02'), 'per')).toBe(true);
      expect(refused(end(asAnna, '2026-03-02'), 'per')).toBe(true);
      spec
        .given(registered)
        .when({ ...(assign(asAnna) as AssignContactpersoon), vanaf: '2026-03-02' }, now)
        .thenThrows(RuleViolation, /ligt in de toekomst/);
      // Today is fine.
      spec
        .given(withAnna)
        .when(handOver(asAnna, '2026-03-01'), now)
        .then([{ ...handedToBram, data: { ...handedToBram.data, per: '2026-03-01' } }]);
    });
    it("ends a former contact person's access at the handover: no reading, no writing", () => {
      spec
        .given([...withAnna, handedToBram])
        .when(readPlan(asAnna), later)
        .thenThrows(NotFound, GEZIN_NIET_GEVONDEN);
      spec
        .given([...withAnna, ended])
        .when(readPlan(asAnna), later)
        .thenThrows(NotFound, GEZIN_NIET_GEVONDEN);
    });
    it('lets a former contact person read on during a warm handover, counted from the handover', () => {
      const warm = (per: string, leestMeeTot: string): GezinEvent => ({
        ...handedToBram,
        data: { ...handedToBram.data, per, leestMeeTot },
      });
      spec
        .given(withAnna)
        .when(handOver(asAnna, '2026-04-01', 14), new Date('2026-04-01T10:00:00Z'))
        .then([warm('2026-04-01', '2026-04-15')]);
      // Recorded afterwards: the days count from the day it is recorded.
      spec
        .given(withAnna)
        .when(handOver(asAnna, '2026-04-01', 14), later)
        .then([warm('2026-04-01', '2026-06-15')]);
      const events = [...withAnna, warm('2026-04-01', '2026-04-15')];
      // Reading (a write is refused with NotAllowed, not NotFound) until the day before `tot`.
      spec
        .given(events)
        .when(readPlan(asAnna), new Date('2026-04-14T10:00:00Z'))
        .thenThrows(NotAllowed);
      spec
        .given(events)
        .when(readPlan(asAnna), new Date('2026-04-15T10:00:00Z'))
        .thenThrows(NotFound);
      const state = events.reduce(gezinDecider.evolve, initial());
      expect(toegangen(state)).toEqual([
        { userId: 'u-bram', toegang: 'schrijven', tot: null },
        { userId: 'u-anna', toegang: 'lezen', tot: '2026-04-15' },
      ]);
      // Handed back: she writes again, without an end.
      const back = events.reduce(gezinDecider.evolve, initial());
      const backAgain = gezinDecider.evolve(back, {
        type: 'ContactpersoonHandedOver',
        data: { gezinId: g, van: bram, naar: anna, per: '2026-04-10', reden: 'terug' },
      });
      expect(toegangVan(backAgain, 'u-anna', '2026-05-01')).toBe('schrijven');
      expect(toegangVan(backAgain, 'u-bram', '2026-04-10')).toBe('geen');
    });
    it('ends the registrant’s access when someone else becomes the first contact person', () => {
      const bramAssigned: GezinEvent = {
        type: 'ContactpersoonAssigned',
        data: { gezinId: g, contactpersoon: bram, vanaf: '2026-03-01' },
      };
      const state = [...registered, bramAssigned].reduce(gezinDecider.evolve, initial());
      expect(toegangVan(state, 'u-anna', '2026-03-01')).toBe('geen');
      expect(toegangVan(state, 'u-bram', '2026-03-01')).toBe('schrijven');
    });
    it('refuses a handover without a contact person, to the same person, or before the start', () => {
      spec
        .given(registered)
        .when(handOver(asTeamleider), later)
        .thenThrows(RuleViolation, /geen contactpersoon om over te dragen/);
      spec
        .given([...withAnna, handedToBram])
        .when(
          {
            ...(handOver(asBram) as Extract<GezinCommand, { type: 'HandOverContactpersoon' }>),
            naar: bram,
          },
          later,
        )
        .thenThrows(RuleViolation, /is al de contactpersoon/);
      spec
        .given(withAnna)
        .when(handOver(asAnna, '2026-02-01'), later)
        .thenThrows(RuleViolation, /niet voor 2026-03-01/);
    });
    it('ends the contact person, leaving the family without one, so a new one can be assigned', () => {
      spec.given(withAnna).when(end(asAnna), later).then([ended]);
      spec
        .given([...withAnna, ended])
        .when(assign(asTeamleider, bram), now)
        .then([
          {
            type: 'ContactpersoonAssigned',
            data: { gezinId: g, contactpersoon: bram, vanaf: '2026-03-01' },
          },
        ]);
      spec
        .given([...withAnna, ended])
        .when(end(asTeamleider, '2026-06-01'), later)
        .thenThrows(RuleViolation, /geen contactpersoon/);
    });
  });

  describe('one plan, versioned', () => {
    const write = (p: Gezinsplan, reden: string | null, door: Door = asAnna): GezinCommand => ({
      type: 'WriteGezinsplan',
      door,
      plan: p,
      reden,
    });

    it('writes version 1', () => {
      spec.given(withAnna).when(write(plan, null), now).then([planV1]);
    });
    it('writes version 2 with a reason', () => {
      const changed = { ...plan, evaluatiedatum: '2026-07-01' };
      spec
        .given([...withAnna, planV1])
        .when(write(changed, 'Evaluatie verzet op verzoek van het gezin'), now)
        .then([
          {
            type: 'GezinsplanWritten',
            data: {
              gezinId: g,
              versie: 2,
              plan: changed,
              reden: 'Evaluatie verzet op verzoek van het gezin',
            },
          },
        ]);
    });
    it('refuses a change without a reason', () => {
      spec
        .given([...withAnna, planV1])
        .when(write({ ...plan, hulpvraag: 'anders' }, null), now)
        .thenThrows(RuleViolation, /waarom het plan verandert/);
    });
    it('makes no new version when nothing changed', () => {
      spec
        .given([...withAnna, planV1])
        .when(write(plan, 'opnieuw opgeslagen'), now)
        .then([]);
    });
    it('refuses a goal for someone who is not a member', () => {
      const bad = { ...plan, doelen: [{ ...plan.doelen[0]!, persoonId: 'p-elders' }] };
      spec
        .given(withAnna)
        .when(write(bad, null), now)
        .thenThrows(RuleViolation, /niet \(meer\) bij het gezin/);
    });
    it('refuses an agreement for a goal that is not in the plan, and duplicate ids', () => {
      const orphan = { ...plan, afspraken: [{ ...plan.afspraken[0]!, doelId: 'd-9' }] };
      spec
        .given(withAnna)
        .when(write(orphan, null), now)
        .thenThrows(RuleViolation, /doel dat niet in het plan staat/);
      const twice = { ...plan, doelen: [plan.doelen[0]!, plan.doelen[0]!] };
      spec
        .given(withAnna)
        .when(write(twice, null), now)
        .thenThrows(RuleViolation, /twee keer/);
      const twiceA = { ...plan, afspraken: [plan.afspraken[0]!, plan.afspraken[0]!] };
      spec
        .given(withAnna)
        .when(write(twiceA, null), now)
        .thenThrows(RuleViolation, /twee keer/);
    });
    it('refuses a plan from someone who does not work with the family', () => {
      spec
        .given(withAnna)
        .when(write(plan, null, asBram), now)
        .thenThrows(NotFound);
    });
    it('refuses a consent recorded on a day still to come, naming the field', () => {
      const later = { ...plan, toestemming: { ...plan.toestemming, vastgelegdOp: '2026-03-02' } };
      spec
        .given(withAnna)
        .when(write(later, null), now)
        .thenThrows(RuleViolation, /De toestemming \(2026-03-02\) ligt in de toekomst/);
      expect(() =>
        gezinDecider.decide(write(later, null), fold(gezinDecider, withAnna), now),
      ).toThrow(expect.objectContaining({ field: 'toestemming.vastgelegdOp' }));
    });
  });
});

describe('gezin decider: authorize (checked before anything else by the command path)', () => {
  const handOver: GezinCommand = {
    type: 'HandOverContactpersoon',
    door: asBram,
    naar: bram,
    per: '2026-04-01',
    reden: 'x',
    warmeOverdrachtDagen: 0,
  };
  const state = (events: GezinEvent[]) =>
    events.reduce(gezinDecider.evolve, gezinDecider.initialState());

  it('refuses a stranger with NotFound, the same as for a family that does not exist', () => {
    expect(() => gezinDecider.authorize!(handOver, state(withAnna), later)).toThrow(NotFound);
    expect(() => gezinDecider.authorize!(handOver, state([]), later)).toThrow(NotFound);
  });
  it('lets the contact person, a team lead and a new registration through', () => {
    expect(() =>
      gezinDecider.authorize!({ ...handOver, door: asAnna }, state(withAnna), later),
    ).not.toThrow();
    expect(() =>
      gezinDecider.authorize!({ ...handOver, door: asTeamleider }, state(withAnna), later),
    ).not.toThrow();
    const register: GezinCommand = {
      type: 'RegisterGezin',
      door: asBram,
      gezinId: g,
      naam: 'X',
      leden: [sanne],
      vanaf: '2026-03-01',
    };
    expect(() => gezinDecider.authorize!(register, state([]), later)).not.toThrow();
  });
});
