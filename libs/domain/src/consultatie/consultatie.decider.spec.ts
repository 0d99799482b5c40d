import { NotFound, RuleViolation, fold } from '../decider';
import { deciderSpecification } from '../testing/decider-specification';
import {
  ConsultatieCommand,
  ConsultatieDoor,
  HerleidbaarGegeven,
  KoppelingBeoordelaar,
  ZONDER_TOESTEMMING,
  consultatieDecider,
} from './consultatie.decider';
import { ConsultatieEvent, ConsultatieInhoud, Koppeling } from './consultatie.events';

const spec = deciderSpecification(consultatieDecider);
const now = new Date('2026-03-01T10:00:00Z');
const c = 'c-1';
const p = 'pr-1';
const sanne: Koppeling = { persoonId: 'p-sanne', gezinId: null };
const daan: Koppeling = { persoonId: 'p-daan', gezinId: null };

const asAnna: ConsultatieDoor = { userId: 'u-anna', rol: 'jph', praktijkId: p };
const asHenk: ConsultatieDoor = { userId: 'u-henk', rol: 'huisarts', praktijkId: p };
const otherPractice: ConsultatieDoor = { userId: 'u-olga', rol: 'jph', praktijkId: 'pr-2' };
const noPractice: ConsultatieDoor = { userId: 'u-nina', rol: 'jph', praktijkId: null };

/** The contact person of Sanne's family, with the facts the command service fetched for Sanne. */
const asBram: KoppelingBeoordelaar = {
  userId: 'u-bram',
  koppeling: sanne,
  schrijfbareGezinnen: ['g-jansen'],
};

const inhoud: ConsultatieInhoud = {
  datum: '2026-02-27',
  leeftijdsgroep: '12-17',
  onderwerpen: ['angst-somberheid', 'school'],
  toelichting: 'Twee gesprekken met moeder en dochter.',
  aantalContacten: 2,
  uitkomst: 'afgehandeld-door-jph',
  vervolgdatum: '2026-03-27',
  toestemming: false,
};
const metToestemming: ConsultatieInhoud = { ...inhoud, toestemming: true };

const log = (
  overrides: Partial<ConsultatieInhoud> = {},
  door: ConsultatieDoor = asAnna,
  herleidbaar: HerleidbaarGegeven[] = [],
  persoonMetBsn: string | null = null,
): ConsultatieCommand => ({
  type: 'LogConsultatie',
  door,
  consultatieId: c,
  praktijkId: p,
  inhoud: { ...inhoud, ...overrides },
  herleidbaar,
  persoonMetBsn,
  recordKey: 4_000_000_000,
});
const correct = (
  nieuw: ConsultatieInhoud,
  herleidbaar: HerleidbaarGegeven[] = [],
  persoonMetBsn: string | null = null,
  door: ConsultatieDoor = asAnna,
): ConsultatieCommand => ({
  type: 'CorrectConsultatie',
  door,
  inhoud: nieuw,
  herleidbaar,
  persoonMetBsn,
  reden: 'Aangevuld',
});
const ids = { consultatieId: c, praktijkId: p };
const logged: ConsultatieEvent = {
  type: 'ConsultatieLogged',
  data: {
    ...ids,
    professional: { userId: 'u-anna', rol: 'jph' },
    inhoud,
    koppelingGevraagd: false,
    koppeling: null,
  },
};
const recordKey: ConsultatieEvent = {
  type: 'ConsultatieRecordKeyAssigned',
  data: { ...ids, recordKey: 4_000_000_000 },
};
/** Logged with consent and the BSN of Sanne, a known person: a proposed link. */
const loggedMetSanne: ConsultatieEvent = {
  type: 'ConsultatieLogged',
  data: {
    ...ids,
    professional: { userId: 'u-anna', rol: 'jph' },
    inhoud: metToestemming,
    koppelingGevraagd: true,
    koppeling: sanne,
  },
};
const confirmed: ConsultatieEvent = {
  type: 'ConsultatieLinkConfirmed',
  data: { ...ids, koppeling: sanne },
};
const rejected: ConsultatieEvent = {
  type: 'ConsultatieLinkRejected',
  data: { ...ids, koppeling: sanne, reden: 'Andere Sanne' },
};
const withdrawn: ConsultatieEvent = {
  type: 'ConsultatieWithdrawn',
  data: { ...ids, reden: 'Dubbel vastgelegd' },
};
const state = (events: ConsultatieEvent[]) => fold(consultatieDecider, events);
const after = (events: ConsultatieEvent[], command: ConsultatieCommand) =>
  state([...events, ...consultatieDecider.decide(command, state(events), now)]);

describe('consultatie decider', () => {
  describe('LogConsultatie', () => {
    it('logs an anonymous consultation: counted, never traced, with its record key', () => {
      spec.given([]).when(log(), now).then([logged, recordKey]);
    });
    it('with consent and a known BSN, proposes a link to the person', () => {
      spec
        .given([])
        .when(log(metToestemming, asAnna, ['bsn'], 'p-sanne'), now)
        .then([loggedMetSanne, recordKey]);
    });
    it('with consent and an unknown BSN, records that a link was asked for, and nothing more', () => {
      spec
        .given([])
        .when(log(metToestemming, asAnna, ['bsn'], null), now)
        .then([
          { ...loggedMetSanne, data: { ...loggedMetSanne.data, koppeling: null } },
          recordKey,
        ]);
    });
    it('gives a known and an unknown BSN the same events and the same practice version', () => {
      const known = consultatieDecider.decide(
        log(metToestemming, asAnna, ['bsn'], 'p-1'),
        state([]),
        now,
      );
      const unknown = consultatieDecider.decide(
        log(metToestemming, asAnna, ['bsn'], null),
        state([]),
        now,
      );
      expect(known.map((e) => e.type)).toEqual(unknown.map((e) => e.type));
      expect(consultatieDecider.version!(state(known))).toBe(0);
      expect(consultatieDecider.version!(state(unknown))).toBe(0);
    });
    it('asks for no link with consent but without a BSN', () => {
      spec
        .given([])
        .when(log(metToestemming), now)
        .then([{ ...logged, data: { ...logged.data, inhoud: metToestemming } }, recordKey]);
    });
    it('records the professional as the sender, a huisarts too', () => {
      spec
        .given([])
        .when(log({}, asHenk), now)
        .then([
          {
            ...logged,
            data: { ...logged.data, professional: { userId: 'u-henk', rol: 'huisarts' } },
          },
          recordKey,
        ]);
    });
    it.each([-1, 2 ** 32, 1.5])('refuses the record key %d', (key) => {
      spec
        .given([])
        .when({ ...log(), recordKey: key } as ConsultatieCommand, now)
        .thenThrows(RangeError, /record key/);
    });
    it('accepts the record keys 0 and 2^32 - 1', () => {
      for (const key of [0, 2 ** 32 - 1]) {
        const events = consultatieDecider.decide(
          { ...log(), recordKey: key } as ConsultatieCommand,
          state([]),
          now,
        );
        expect(state(events).recordKey).toBe(key);
      }
    });
  });

  describe('own practice only', () => {
    it('answers NotFound to someone of another practice', () => {
      spec
        .given([])
        .when(log({}, otherPractice), now)
        .thenThrows(NotFound, /niet aan gekoppeld/);
    });
    it('answers NotFound to someone linked to no practice', () => {
      spec.given([]).when(log({}, noPractice), now).thenThrows(NotFound);
    });
    it('answers NotFound when another practice corrects or withdraws', () => {
      spec
        .given([logged])
        .when({ type: 'WithdrawConsultatie', door: otherPractice, reden: 'x' }, now)
        .thenThrows(NotFound, /niet van uw praktijk/);
      spec
        .given([logged])
        .when(correct(inhoud, [], null, otherPractice), now)
        .thenThrows(NotFound);
    });
    it('answers NotFound for a consultation that does not exist', () => {
      spec
        .given([])
        .when({ type: 'WithdrawConsultatie', door: asAnna, reden: 'x' }, now)
        .thenThrows(NotFound);
    });
    it('checks the practice before anything else (authorize)', () => {
      expect(() =>
        consultatieDecider.authorize!(
          { type: 'WithdrawConsultatie', door: otherPractice, reden: 'x' },
          state([logged]),
        ),
      ).toThrow(NotFound);
    });
  });

  describe('privacy: without consent nothing traceable is stored', () => {
    it.each(['bsn', 'naam', 'geboortedatum'] as const)('refuses a %s without consent', (veld) => {
      spec
        .given([])
        .when(log({}, asAnna, [veld]), now)
        .thenThrows(RuleViolation, /zonder toestemming wordt niets herleidbaars vastgelegd/i);
    });
    it('never stores a name or birth date, not even with consent', () => {
      spec
        .given([])
        .when(log(metToestemming, asAnna, ['naam']), now)
        .thenThrows(RuleViolation, /nooit vastgelegd/);
      spec
        .given([])
        .when(log(metToestemming, asAnna, ['geboortedatum']), now)
        .thenThrows(RuleViolation, /nooit vastgelegd/);
    });
    it.each(['BSN 111222333', 'bsn: 1112.22.333', 'nummer 111 222 333 gebeld'])(
      'refuses a BSN in the free text (%s)',
      (toelichting) => {
        spec
          .given([])
          .when(log({ toelichting }), now)
          .thenThrows(RuleViolation, /toelichting bevat een BSN/);
      },
    );
    it('accepts other numbers in the free text', () => {
      const toelichting = 'Belde 0320-123456 en 123456789 (geen BSN)';
      spec
        .given([])
        .when(log({ toelichting }), now)
        .then([
          { ...logged, data: { ...logged.data, inhoud: { ...inhoud, toelichting } } },
          recordKey,
        ]);
    });
    it('applies the same rules to a correction', () => {
      spec
        .given([logged])
        .when(correct(inhoud, ['bsn']), now)
        .thenThrows(RuleViolation, ZONDER_TOESTEMMING);
    });
    it('refuses a person found without a BSN sent (a bug in the command service, not a user error)', () => {
      spec
        .given([])
        .when(log(metToestemming, asAnna, [], 'p-sanne'), now)
        .thenThrows(Error);
    });
  });

  describe('content', () => {
    it('refuses a date in the future', () => {
      spec
        .given([])
        .when(log({ datum: '2026-03-02', vervolgdatum: null }), now)
        .thenThrows(RuleViolation, /toekomst/);
    });
    it('refuses a follow-up date that is not after the consultation', () => {
      spec
        .given([])
        .when(log({ vervolgdatum: '2026-02-27' }), now)
        .thenThrows(RuleViolation, /vervolgdatum ligt niet na/);
    });
    it('refuses no topic, and a topic twice', () => {
      spec
        .given([])
        .when(log({ onderwerpen: [] }), now)
        .thenThrows(RuleViolation, /ten minste één onderwerp/);
      spec
        .given([])
        .when(log({ onderwerpen: ['school', 'school'] }), now)
        .thenThrows(RuleViolation, /twee keer/);
    });
    it('wants a note with the topic overig', () => {
      spec
        .given([])
        .when(log({ onderwerpen: ['overig'], toelichting: null }), now)
        .thenThrows(RuleViolation, /overig hoort een toelichting/);
    });
    it.each([0, 51, 2.5])('refuses %d contacts', (aantalContacten) => {
      spec
        .given([])
        .when(log({ aantalContacten }), now)
        .thenThrows(RuleViolation, /1 tot en met 50/);
    });
    it('refuses logging the same consultation twice', () => {
      spec
        .given([logged])
        .when(log(), now)
        .thenThrows(RuleViolation, /al vastgelegd/);
    });
  });

  describe('corrections and withdrawals are events too', () => {
    const corrected = { ...inhoud, uitkomst: 'verwezen-lichte-zorg-bggz' as const };

    it('corrects the whole content with a reason, by anyone of the same practice', () => {
      spec
        .given([logged])
        .when(
          {
            ...correct(corrected, [], null, asHenk),
            reden: 'Toch verwezen naar de basis-ggz',
          } as ConsultatieCommand,
          now,
        )
        .then([
          {
            type: 'ConsultatieCorrected',
            data: {
              ...ids,
              inhoud: corrected,
              reden: 'Toch verwezen naar de basis-ggz',
              koppelingGevraagd: false,
              koppeling: null,
            },
          },
        ]);
    });
    it('records nothing when the correction changes nothing', () => {
      spec.given([logged]).when(correct(inhoud), now).then([]);
      spec.given([loggedMetSanne, confirmed]).when(correct(metToestemming), now).then([]);
    });
    it('withdraws with a reason', () => {
      spec
        .given([logged])
        .when({ type: 'WithdrawConsultatie', door: asAnna, reden: 'Dubbel vastgelegd' }, now)
        .then([withdrawn]);
    });
    it('refuses correcting a withdrawn consultation', () => {
      spec
        .given([logged, withdrawn])
        .when(correct(corrected), now)
        .thenThrows(RuleViolation, /ingetrokken en kan niet meer/);
    });
    it('refuses withdrawing twice', () => {
      spec
        .given([logged, withdrawn])
        .when({ type: 'WithdrawConsultatie', door: asAnna, reden: 'x' }, now)
        .thenThrows(RuleViolation, /al ingetrokken/);
    });
  });

  describe("a correction and the link (the practice's side)", () => {
    const gecorrigeerd = (
      koppelingGevraagd: boolean,
      koppeling: Koppeling | null,
      nieuw = metToestemming,
    ) => ({
      type: 'ConsultatieCorrected' as const,
      data: { ...ids, inhoud: nieuw, reden: 'Aangevuld', koppelingGevraagd, koppeling },
    });

    it('with a BSN re-matches: another person is proposed anew', () => {
      spec
        .given([loggedMetSanne, confirmed])
        .when(correct(metToestemming, ['bsn'], 'p-daan'), now)
        .then([gecorrigeerd(true, daan)]);
      const na = after([loggedMetSanne, confirmed], correct(metToestemming, ['bsn'], 'p-daan'));
      expect([na.koppeling, na.koppelingStatus]).toEqual([daan, 'voorgesteld']);
    });
    it('with a BSN of the same person keeps the decision on the link', () => {
      const bevestigd = after(
        [loggedMetSanne, confirmed],
        correct(metToestemming, ['bsn'], 'p-sanne'),
      );
      expect([bevestigd.koppeling, bevestigd.koppelingStatus]).toEqual([sanne, 'bevestigd']);
      const afgewezen = after(
        [loggedMetSanne, rejected],
        correct(metToestemming, ['bsn'], 'p-sanne'),
      );
      expect(afgewezen.koppelingStatus).toBe('afgewezen');
    });
    it('with a BSN always writes, known or not, even when nothing else changed', () => {
      spec
        .given([loggedMetSanne])
        .when(correct(metToestemming, ['bsn'], 'p-sanne'), now)
        .then([gecorrigeerd(true, sanne)]);
      spec
        .given([loggedMetSanne])
        .when(correct(metToestemming, ['bsn'], null), now)
        .then([gecorrigeerd(true, null)]);
    });
    it('with consent and no BSN keeps the link as it is', () => {
      const nieuw = { ...metToestemming, uitkomst: 'alleen-advies' as const };
      spec
        .given([loggedMetSanne, confirmed])
        .when(correct(nieuw), now)
        .then([gecorrigeerd(true, sanne, nieuw)]);
      expect(after([loggedMetSanne, confirmed], correct(nieuw)).koppelingStatus).toBe('bevestigd');
    });
    it('without consent drops the link, and that is a change even with the same content', () => {
      spec
        .given([loggedMetSanne, confirmed])
        .when(correct(inhoud), now)
        .then([gecorrigeerd(false, null, inhoud)]);
      const na = after([loggedMetSanne, confirmed], correct(inhoud));
      expect([na.koppelingGevraagd, na.koppeling, na.koppelingStatus]).toEqual([false, null, null]);
    });
  });

  describe("the link: the contact person's side", () => {
    const confirm = (door: KoppelingBeoordelaar = asBram): ConsultatieCommand => ({
      type: 'ConfirmConsultatieLink',
      door,
    });
    const reject = (door: KoppelingBeoordelaar = asBram): ConsultatieCommand => ({
      type: 'RejectConsultatieLink',
      door,
      reden: 'Andere Sanne',
    });

    it('the contact person of a family of the person confirms a proposed link', () => {
      spec.given([loggedMetSanne, recordKey]).when(confirm(), now).then([confirmed]);
    });
    it('the contact person rejects a proposed link, with a reason', () => {
      spec.given([loggedMetSanne]).when(reject(), now).then([rejected]);
    });
    it('rejects a confirmed link too (a mistake), and confirms a rejected one', () => {
      spec.given([loggedMetSanne, confirmed]).when(reject(), now).then([rejected]);
      spec.given([loggedMetSanne, rejected]).when(confirm(), now).then([confirmed]);
    });
    it('refuses confirming twice and rejecting twice', () => {
      spec
        .given([loggedMetSanne, confirmed])
        .when(confirm(), now)
        .thenThrows(RuleViolation, /al bevestigd/);
      spec
        .given([loggedMetSanne, rejected])
        .when(reject(), now)
        .thenThrows(RuleViolation, /al afgewezen/);
    });
    it('refuses a decision on a withdrawn consultation', () => {
      spec
        .given([loggedMetSanne, withdrawn])
        .when(confirm(), now)
        .thenThrows(RuleViolation, /ingetrokken/);
    });
    it('answers NotFound to someone without write access to a family of the person', () => {
      spec
        .given([loggedMetSanne])
        .when(confirm({ ...asBram, schrijfbareGezinnen: [] }), now)
        .thenThrows(NotFound, /contactpersoon/);
      spec
        .given([loggedMetSanne])
        .when(reject({ ...asBram, schrijfbareGezinnen: [] }), now)
        .thenThrows(NotFound);
    });
    it('answers NotFound without a link, and for a consultation that does not exist', () => {
      const zonder = { ...asBram, koppeling: null };
      spec.given([logged]).when(confirm(zonder), now).thenThrows(NotFound);
      spec.given([]).when(confirm(zonder), now).thenThrows(NotFound);
    });
    it('answers NotFound when the facts are about another link (the practice re-matched since)', () => {
      spec
        .given([loggedMetSanne])
        .when(confirm({ ...asBram, koppeling: daan }), now)
        .thenThrows(NotFound);
    });
    it('checks the contact person before anything else (authorize)', () => {
      expect(() =>
        consultatieDecider.authorize!(
          confirm({ ...asBram, schrijfbareGezinnen: [] }),
          state([loggedMetSanne, withdrawn]),
        ),
      ).toThrow(NotFound);
    });
    it('does not change the version the practice sees', () => {
      const voor = consultatieDecider.version!(state([loggedMetSanne, recordKey]));
      expect(consultatieDecider.version!(state([loggedMetSanne, recordKey, confirmed]))).toBe(voor);
      expect(consultatieDecider.version!(state([loggedMetSanne, recordKey, rejected]))).toBe(voor);
      expect(voor).toBe(0);
      expect(
        consultatieDecider.version!(state([loggedMetSanne, recordKey, confirmed, withdrawn])),
      ).toBe(1);
    });
  });

  describe('record keys for consultations logged before them', () => {
    const assign = (key = 17): ConsultatieCommand => ({
      type: 'AssignConsultatieRecordKey',
      door: 'systeem',
      recordKey: key,
    });

    it('assigns a key to a consultation that has none', () => {
      spec
        .given([logged])
        .when(assign(), now)
        .then([{ type: 'ConsultatieRecordKeyAssigned', data: { ...ids, recordKey: 17 } }]);
    });
    it('assigns nothing to a consultation that has one, withdrawn or not', () => {
      spec.given([logged, recordKey]).when(assign(), now).then([]);
      spec.given([logged, recordKey, withdrawn]).when(assign(), now).then([]);
    });
    it('answers NotFound for a consultation that does not exist', () => {
      spec.given([]).when(assign(), now).thenThrows(NotFound);
    });
    it('is for the system only: a practice user sending it gets NotFound', () => {
      const viaPraktijk = { ...assign(), door: asAnna } as unknown as ConsultatieCommand;
      expect(() => consultatieDecider.authorize!(viaPraktijk, state([logged]))).toThrow(NotFound);
    });
    it('refuses a key out of range', () => {
      spec
        .given([logged])
        .when(assign(2 ** 32), now)
        .thenThrows(RangeError, /record key/);
    });
    it('leaves the version the practice sees as it is', () => {
      expect(consultatieDecider.version!(state([logged, recordKey]))).toBe(0);
    });
  });

  describe('consultations linked before issue 10', () => {
    const legacy = {
      type: 'ConsultatieLogged',
      data: {
        ...ids,
        professional: { userId: 'u-anna', rol: 'jph' },
        inhoud: { ...metToestemming, koppeling: { persoonId: null, gezinId: 'g-1' } },
      },
    } as unknown as ConsultatieEvent;

    it('read a link the practice made by id as asked for and proposed, outside the content', () => {
      const s = state([legacy]);
      expect(s.inhoud).toEqual(metToestemming);
      expect([s.koppelingGevraagd, s.koppeling, s.koppelingStatus]).toEqual([
        true,
        { persoonId: null, gezinId: 'g-1' },
        'voorgesteld',
      ]);
    });
    it('let the contact person of that family confirm it', () => {
      const door = {
        userId: 'u-bram',
        koppeling: { persoonId: null, gezinId: 'g-1' } as Koppeling,
        schrijfbareGezinnen: ['g-1'],
      };
      spec
        .given([legacy])
        .when({ type: 'ConfirmConsultatieLink', door }, now)
        .then([{ type: 'ConsultatieLinkConfirmed', data: { ...ids, koppeling: door.koppeling } }]);
    });
  });
});
