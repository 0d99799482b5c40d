import { NotFound, RuleViolation } from '../decider';
import { deciderSpecification } from '../testing/decider-specification';
import {
  ConsultatieCommand,
  ConsultatieDoor,
  ZONDER_TOESTEMMING,
  consultatieDecider,
} from './consultatie.decider';
import { ConsultatieEvent, ConsultatieInhoud } from './consultatie.events';

const spec = deciderSpecification(consultatieDecider);
const now = new Date('2026-03-01T10:00:00Z');
const c = 'c-1';
const p = 'pr-1';

const asAnna: ConsultatieDoor = { userId: 'u-anna', rol: 'jph', praktijkId: p };
const asHenk: ConsultatieDoor = { userId: 'u-henk', rol: 'huisarts', praktijkId: p };
const otherPractice: ConsultatieDoor = { userId: 'u-olga', rol: 'jph', praktijkId: 'pr-2' };
const noPractice: ConsultatieDoor = { userId: 'u-nina', rol: 'jph', praktijkId: null };

const inhoud: ConsultatieInhoud = {
  datum: '2026-02-27',
  leeftijdsgroep: '12-17',
  onderwerpen: ['angst-somberheid', 'school'],
  toelichting: 'Twee gesprekken met moeder en dochter.',
  aantalContacten: 2,
  uitkomst: 'afgehandeld-door-jph',
  vervolgdatum: '2026-03-27',
  toestemming: false,
  koppeling: null,
};
const metToestemming: ConsultatieInhoud = {
  ...inhoud,
  toestemming: true,
  koppeling: { persoonId: 'p-sanne', gezinId: null },
};

const log = (
  overrides: Partial<ConsultatieInhoud> = {},
  door: ConsultatieDoor = asAnna,
  herleidbaar: ('bsn' | 'naam' | 'geboortedatum')[] = [],
): ConsultatieCommand => ({
  type: 'LogConsultatie',
  door,
  consultatieId: c,
  praktijkId: p,
  inhoud: { ...inhoud, ...overrides },
  herleidbaar,
});
const logged: ConsultatieEvent = {
  type: 'ConsultatieLogged',
  data: {
    consultatieId: c,
    praktijkId: p,
    professional: { userId: 'u-anna', rol: 'jph' },
    inhoud,
  },
};
const withdrawn: ConsultatieEvent = {
  type: 'ConsultatieWithdrawn',
  data: { consultatieId: c, praktijkId: p, reden: 'Dubbel vastgelegd' },
};

describe('consultatie decider', () => {
  describe('LogConsultatie', () => {
    it('logs an anonymous consultation: counted, never traced', () => {
      spec.given([]).when(log(), now).then([logged]);
    });
    it('logs a consultation linked to a known person, with consent', () => {
      spec
        .given([])
        .when(log(metToestemming, asAnna, ['bsn']), now)
        .then([{ ...logged, data: { ...logged.data, inhoud: metToestemming } }]);
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
        ]);
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
        .when(
          {
            type: 'CorrectConsultatie',
            door: otherPractice,
            inhoud,
            herleidbaar: [],
            reden: 'x',
          },
          now,
        )
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
          consultatieDecider.evolve(consultatieDecider.initialState(), logged),
        ),
      ).toThrow(NotFound);
    });
  });

  describe('privacy: without consent nothing traceable is stored', () => {
    it('refuses a link without consent', () => {
      spec
        .given([])
        .when(log({ koppeling: { persoonId: null, gezinId: 'g-1' } }), now)
        .thenThrows(RuleViolation, ZONDER_TOESTEMMING);
    });
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
      spec
        .given([])
        .when(log({ toelichting: 'Belde 0320-123456 en 123456789 (geen BSN)' }), now)
        .then([
          {
            ...logged,
            data: {
              ...logged.data,
              inhoud: { ...inhoud, toelichting: 'Belde 0320-123456 en 123456789 (geen BSN)' },
            },
          },
        ]);
    });
    it('applies the same rules to a correction', () => {
      spec
        .given([logged])
        .when(
          {
            type: 'CorrectConsultatie',
            door: asAnna,
            inhoud: { ...inhoud, koppeling: { persoonId: 'p-sanne', gezinId: null } },
            herleidbaar: [],
            reden: 'Koppeling vergeten',
          },
          now,
        )
        .thenThrows(RuleViolation, ZONDER_TOESTEMMING);
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
            type: 'CorrectConsultatie',
            door: asHenk,
            inhoud: corrected,
            herleidbaar: [],
            reden: 'Toch verwezen naar de basis-ggz',
          },
          now,
        )
        .then([
          {
            type: 'ConsultatieCorrected',
            data: {
              consultatieId: c,
              praktijkId: p,
              inhoud: corrected,
              reden: 'Toch verwezen naar de basis-ggz',
            },
          },
        ]);
    });
    it('records nothing when the correction changes nothing', () => {
      spec
        .given([logged])
        .when(
          { type: 'CorrectConsultatie', door: asAnna, inhoud, herleidbaar: [], reden: 'x' },
          now,
        )
        .then([]);
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
        .when(
          {
            type: 'CorrectConsultatie',
            door: asAnna,
            inhoud: corrected,
            herleidbaar: [],
            reden: 'x',
          },
          now,
        )
        .thenThrows(RuleViolation, /ingetrokken en kan niet meer/);
    });
    it('refuses withdrawing twice', () => {
      spec
        .given([logged, withdrawn])
        .when({ type: 'WithdrawConsultatie', door: asAnna, reden: 'x' }, now)
        .thenThrows(RuleViolation, /al ingetrokken/);
    });
  });
});
