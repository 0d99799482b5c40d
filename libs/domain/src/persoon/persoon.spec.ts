import { NotAllowed, NotFound, RuleViolation } from '../decider';
import { GEEN_GEZINSLID } from '../toegang';
import { deciderSpecification } from '../testing/decider-specification';
import {
  CorrectPersoonsgegevens,
  HerkenningBeoordelaar,
  PersoonCommand,
  PersoonStreamEvent,
  Persoonsgegevens,
  herkenPersoon,
  persoonDecider,
} from './persoon';

const spec = deciderSpecification(persoonDecider);
const now = new Date('2026-03-01T10:00:00Z');
const sanne: Persoonsgegevens = {
  voornaam: 'Sanne',
  achternaam: 'Jansen',
  geboortedatum: '2012-05-04',
  bsn: '111222333',
};
const registered: PersoonStreamEvent = {
  type: 'PersoonRegistered',
  data: { persoonId: 'p-1', ...sanne },
};
const recordKey = 3_000_000_123;
/** Corrected by the contact person of the family, in which the person is a youth. */
const alsJeugdige: CorrectPersoonsgegevens['gezin'] = { toegang: 'schrijven', rol: 'jeugdige' };
const keyAssigned: PersoonStreamEvent = {
  type: 'PersoonRecordKeyAssigned',
  data: { persoonId: 'p-1', recordKey },
};

describe('persoon decider', () => {
  it('registers a person with the record key drawn for them', () => {
    spec
      .given([])
      .when({ type: 'RegisterPersoon', persoonId: 'p-1', gegevens: sanne, recordKey }, now)
      .then([registered, keyAssigned]);
  });
  it('refuses a record key that is not an unsigned 32-bit integer', () => {
    for (const wrong of [-1, 2 ** 32, 1.5]) {
      spec
        .given([])
        .when({ type: 'RegisterPersoon', persoonId: 'p-1', gegevens: sanne, recordKey: wrong })
        .thenThrows(RangeError);
    }
  });
  it('assigns a record key to a person registered before record keys, once', () => {
    spec
      .given([registered])
      .when({ type: 'AssignPersoonRecordKey', recordKey })
      .then([keyAssigned]);
    spec
      .given([registered, keyAssigned])
      .when({ type: 'AssignPersoonRecordKey', recordKey: 7 })
      .then([]);
    spec
      .given([])
      .when({ type: 'AssignPersoonRecordKey', recordKey })
      .thenThrows(RuleViolation, /bestaat niet/);
  });
  it('refuses an invalid BSN and a birth date in the future', () => {
    spec
      .given([])
      .when(
        {
          type: 'RegisterPersoon',
          persoonId: 'p-1',
          gegevens: { ...sanne, bsn: '123456789' },
          recordKey,
        },
        now,
      )
      .thenThrows(RuleViolation, /elfproef/);
    spec
      .given([])
      .when(
        {
          type: 'RegisterPersoon',
          persoonId: 'p-1',
          gegevens: { ...sanne, geboortedatum: '2027-01-01' },
          recordKey,
        },
        now,
      )
      .thenThrows(RuleViolation, /toekomst/);
  });
  it('refuses registering twice', () => {
    spec
      .given([registered])
      .when({ type: 'RegisterPersoon', persoonId: 'p-1', gegevens: sanne, recordKey }, now)
      .thenThrows(RuleViolation, /al geregistreerd/);
  });
  it('keeps the birth date of a youth', () => {
    spec
      .given([registered])
      .when(
        {
          type: 'CorrectPersoonsgegevens',
          gegevens: { ...sanne, geboortedatum: null },
          reden: 'x',
          gezin: alsJeugdige,
        },
        now,
      )
      .thenThrows(RuleViolation, /nodig voor een jeugdige/);
    spec
      .given([registered])
      .when(
        {
          type: 'CorrectPersoonsgegevens',
          gegevens: { ...sanne, geboortedatum: null },
          reden: 'x',
          gezin: { toegang: 'schrijven', rol: 'ouder' },
        },
        now,
      )
      .then([
        {
          type: 'PersoonsgegevensCorrected',
          data: { persoonId: 'p-1', reden: 'x', ...sanne, geboortedatum: null },
        },
      ]);
  });

  it('corrects data with a reason', () => {
    const corrected = { ...sanne, geboortedatum: '2012-05-14' };
    spec
      .given([registered])
      .when(
        {
          type: 'CorrectPersoonsgegevens',
          gegevens: corrected,
          reden: 'Typefout',
          gezin: alsJeugdige,
        },
        now,
      )
      .then([
        {
          type: 'PersoonsgegevensCorrected',
          data: { persoonId: 'p-1', reden: 'Typefout', ...corrected },
        },
      ]);
    spec
      .given([])
      .when(
        {
          type: 'CorrectPersoonsgegevens',
          gegevens: corrected,
          reden: 'Typefout',
          gezin: alsJeugdige,
        },
        now,
      )
      .thenThrows(RuleViolation, /bestaat niet/);
  });

  describe('need-to-know: the data of a family member is corrected in that family', () => {
    const correct = (gezin: CorrectPersoonsgegevens['gezin']): CorrectPersoonsgegevens => ({
      type: 'CorrectPersoonsgegevens',
      gegevens: { ...sanne, voornaam: 'Sanne Marie' },
      reden: 'Tweede voornaam',
      gezin,
    });

    it('lets whoever may change the family correct a member', () => {
      spec
        .given([registered])
        .when(correct({ toegang: 'schrijven', rol: 'jeugdige' }), now)
        .then([
          {
            type: 'PersoonsgegevensCorrected',
            data: { persoonId: 'p-1', reden: 'Tweede voornaam', ...sanne, voornaam: 'Sanne Marie' },
          },
        ]);
    });
    it('answers NotFound to someone who does not work with the family, even for a member', () => {
      spec
        .given([registered])
        .when(correct({ toegang: 'geen', rol: 'jeugdige' }), now)
        .thenThrows(NotFound, 'Dit gezin bestaat niet of u werkt er niet mee.');
    });
    it('leaves an earlier contact person read-only (NotAllowed)', () => {
      spec
        .given([registered])
        .when(correct({ toegang: 'lezen', rol: 'jeugdige' }), now)
        .thenThrows(NotAllowed, /niet meer wijzigen/);
    });
    it('answers NotFound for a person who is not a member of the family', () => {
      spec
        .given([registered])
        .when(correct({ toegang: 'schrijven', rol: null }), now)
        .thenThrows(NotFound, 'Deze persoon hoort niet bij het gezin.');
    });
    it('checks access before the data: a stranger learns nothing from a refused BSN', () => {
      spec
        .given([registered])
        .when(
          { ...correct({ toegang: 'geen', rol: null }), gegevens: { ...sanne, bsn: '123456789' } },
          now,
        )
        .thenThrows(NotFound, /werkt er niet mee/);
    });
    it('authorize refuses before anything else, as the command path calls it', () => {
      const state = persoonDecider.evolve(persoonDecider.initialState(), registered);
      expect(() =>
        persoonDecider.authorize!(correct({ toegang: 'geen', rol: 'ouder' }), state),
      ).toThrow(NotFound);
      expect(() =>
        persoonDecider.authorize!(correct({ toegang: 'schrijven', rol: null }), state),
      ).toThrow(GEEN_GEZINSLID);
      expect(() =>
        persoonDecider.authorize!(correct({ toegang: 'schrijven', rol: 'ouder' }), state),
      ).not.toThrow();
    });
  });
});

describe('one person per BSN (ADR 0016)', () => {
  const bekend = [{ persoonId: 'p-1', gegevens: sanne }];

  it('recognises a known person only by the same BSN, first name, last name and birth date', () => {
    expect(herkenPersoon({ ...sanne }, bekend)).toBe('p-1');
    for (const anders of [
      { voornaam: 'Sana' },
      { voornaam: 'sanne' },
      { achternaam: 'Janssen' },
      { geboortedatum: '2012-05-05' },
      { bsn: '123456782' },
    ]) {
      expect(herkenPersoon({ ...sanne, ...anders }, bekend)).toBeNull();
    }
  });

  it('never recognises without a BSN or a birth date, nor an erased person', () => {
    expect(herkenPersoon({ ...sanne, bsn: null }, bekend)).toBeNull();
    const zonderDatum = { ...sanne, geboortedatum: null };
    expect(herkenPersoon(zonderDatum, [{ persoonId: 'p-1', gegevens: zonderDatum }])).toBeNull();
    expect(herkenPersoon(sanne, [{ persoonId: 'p-1', gegevens: null }])).toBeNull();
    expect(herkenPersoon(sanne, [])).toBeNull();
  });

  it('picks the first of two known persons alike (split before this rule)', () => {
    expect(herkenPersoon(sanne, [...bekend, { persoonId: 'p-2', gegevens: sanne }])).toBe('p-1');
  });

  it("records in the known person's stream that a family found them; nothing for an unknown person", () => {
    spec
      .given([registered, keyAssigned])
      .when({ type: 'RecognisePersoon', gezinId: 'g-2' }, now)
      .then([{ type: 'PersoonRecognised', data: { persoonId: 'p-1', gezinId: 'g-2' } }]);
    spec
      .given([])
      .when({ type: 'RecognisePersoon', gezinId: 'g-2' }, now)
      .thenThrows(RuleViolation, /bestaat niet/);
  });
});

describe('deciding on a recognised membership (ADR 0016)', () => {
  const recognised: PersoonStreamEvent = {
    type: 'PersoonRecognised',
    data: { persoonId: 'p-1', gezinId: 'g-2' },
  };
  const past = [registered, keyAssigned, recognised];
  type Gezin = HerkenningBeoordelaar['gezinnen'][number];
  /** g-1: the family that knew the person (confirmed); g-2: the family that recognised them. */
  const eerste = (over: Partial<Gezin> = {}): Gezin => ({
    gezinId: 'g-1',
    bevestigd: true,
    heeftContactpersoon: true,
    toegang: 'geen',
    ...over,
  });
  const tweede = (over: Partial<Gezin> = {}): Gezin => ({
    gezinId: 'g-2',
    bevestigd: false,
    heeftContactpersoon: false,
    toegang: 'geen',
    ...over,
  });
  const door = (gezinnen: Gezin[], teamleider = false): HerkenningBeoordelaar => ({
    teamleider,
    gezinnen,
  });
  /** The contact person of g-1. */
  const asBram = door([eerste({ toegang: 'schrijven' }), tweede()]);
  const confirm = (by: HerkenningBeoordelaar = asBram, gezinId = 'g-2'): PersoonCommand => ({
    type: 'ConfirmHerkenning',
    gezinId,
    door: by,
  });
  const reject = (by: HerkenningBeoordelaar = asBram): PersoonCommand => ({
    type: 'RejectHerkenning',
    gezinId: 'g-2',
    reden: 'Niet dezelfde Sanne',
    door: by,
  });
  const confirmed: PersoonStreamEvent = {
    type: 'HerkenningConfirmed',
    data: { persoonId: 'p-1', gezinId: 'g-2' },
  };

  it('the contact person of another, confirmed family confirms it', () => {
    spec.given(past).when(confirm(), now).then([confirmed]);
  });

  it('or rejects it, with the reason', () => {
    spec
      .given(past)
      .when(reject(), now)
      .then([
        {
          type: 'HerkenningRejected',
          data: { persoonId: 'p-1', gezinId: 'g-2', reden: 'Niet dezelfde Sanne' },
        },
      ]);
  });

  it('the registrant (write access through the recognising family only) is told it does not exist', () => {
    const registrant = door([eerste(), tweede({ toegang: 'schrijven' })]);
    spec
      .given(past)
      .when(confirm(registrant), now)
      .thenThrows(NotFound, /niet herkend/);
    spec
      .given(past)
      .when(reject(registrant), now)
      .thenThrows(NotFound, /niet herkend/);
  });

  it('someone who does not work with the person, or only reads a family, is told it does not exist', () => {
    spec
      .given(past)
      .when(confirm(door([eerste(), tweede()])), now)
      .thenThrows(NotFound);
    const leest = door([eerste({ toegang: 'lezen' }), tweede()]);
    spec.given(past).when(confirm(leest), now).thenThrows(NotFound);
  });

  it('write access to another pending family does not count: only confirmed memberships decide', () => {
    const viaOnbevestigd = door([
      eerste(),
      tweede(),
      { ...tweede({ toegang: 'schrijven' }), gezinId: 'g-3' },
    ]);
    spec.given(past).when(confirm(viaOnbevestigd), now).thenThrows(NotFound);
  });

  it('a person recognised by no family, or not in this family now, has nothing to decide (404)', () => {
    spec.given([registered, keyAssigned]).when(confirm(), now).thenThrows(NotFound);
    spec
      .given(past)
      .when(confirm(door([eerste({ toegang: 'schrijven' })])), now)
      .thenThrows(NotFound);
  });

  it('once decided, not again (422), either way', () => {
    spec
      .given([...past, confirmed])
      .when(confirm(), now)
      .thenThrows(RuleViolation, /al besloten/);
    spec
      .given([...past, confirmed])
      .when(reject(), now)
      .thenThrows(RuleViolation, /al besloten/);
    const rejected: PersoonStreamEvent = {
      type: 'HerkenningRejected',
      data: { persoonId: 'p-1', gezinId: 'g-2', reden: 'x' },
    };
    spec
      .given([...past, rejected])
      .when(confirm(), now)
      .thenThrows(RuleViolation, /al besloten/);
  });

  it('a team lead decides only when no other confirmed family has a contact person', () => {
    const zonderContactpersoon = eerste({ heeftContactpersoon: false });
    spec
      .given(past)
      .when(confirm(door([zonderContactpersoon, tweede()], true)), now)
      .then([confirmed]);
    // The person is in no other family now: the team lead too.
    spec
      .given(past)
      .when(confirm(door([tweede()], true)), now)
      .then([confirmed]);
    // A contact person is there to decide: not the team lead.
    spec
      .given(past)
      .when(confirm(door([eerste(), tweede()], true)), now)
      .thenThrows(NotFound);
    // Without the claim: no one.
    spec
      .given(past)
      .when(confirm(door([zonderContactpersoon, tweede()], false)), now)
      .thenThrows(NotFound);
  });

  it('a team lead who registered the recognising family does not decide on it', () => {
    const zelfAangemeld = door(
      [eerste({ heeftContactpersoon: false }), tweede({ toegang: 'schrijven' })],
      true,
    );
    spec.given(past).when(confirm(zelfAangemeld), now).thenThrows(NotFound);
  });

  it('a recognition by a second family is decided apart from the first', () => {
    const ook: PersoonStreamEvent = {
      type: 'PersoonRecognised',
      data: { persoonId: 'p-1', gezinId: 'g-3' },
    };
    const beide = door([
      eerste({ toegang: 'schrijven' }),
      tweede(),
      { ...tweede(), gezinId: 'g-3' },
    ]);
    spec
      .given([...past, ook, confirmed])
      .when(confirm(beide, 'g-3'), now)
      .then([{ type: 'HerkenningConfirmed', data: { persoonId: 'p-1', gezinId: 'g-3' } }]);
  });
});
