import { NotFound, RuleViolation } from '../decider';
import { deciderSpecification } from '../testing/decider-specification';
import { PraktijkCommand, praktijkDecider } from './praktijk.decider';
import { PraktijkEvent, jphOp, jphSindsOp, laatsteJph } from './praktijk.events';

const spec = deciderSpecification(praktijkDecider);
const p = 'pr-1';
const register: PraktijkCommand = {
  type: 'RegisterPraktijk',
  praktijkId: p,
  naam: 'De Linde',
  agbCode: '01051234',
  wijk: 'Lelystad-Haven',
  jph: null,
  agbCodeVan: null,
};
const registered: PraktijkEvent = {
  type: 'PraktijkRegistered',
  data: { praktijkId: p, naam: 'De Linde', agbCode: '01051234', wijk: 'Lelystad-Haven' },
};
const jphStarted: PraktijkEvent = {
  type: 'PraktijkJphStarted',
  data: { praktijkId: p, per: '2025-01-01', urenPerWeek: 16 },
};
const anna = { userId: 'u-anna', rol: 'jph' as const };

describe('praktijk decider', () => {
  describe('RegisterPraktijk', () => {
    it('registers a practice without a JPH', () => {
      spec.given([]).when(register).then([registered]);
    });
    it('registers a practice with a JPH since a date', () => {
      spec
        .given([])
        .when({ ...register, jph: { sinds: '2025-01-01', urenPerWeek: 16 } })
        .then([registered, jphStarted]);
    });
    it('refuses registering twice', () => {
      spec
        .given([registered])
        .when(register)
        .thenThrows(RuleViolation, /al geregistreerd/);
    });
    it('refuses an AGB code another practice already has', () => {
      spec
        .given([])
        .when({ ...register, agbCodeVan: 'Het Anker' })
        .thenThrows(RuleViolation, /al van praktijk Het Anker/);
    });
    it.each([0, -4, 40.5])('refuses %d JPH hours per week', (urenPerWeek) => {
      spec
        .given([])
        .when({ ...register, jph: { sinds: '2025-01-01', urenPerWeek } })
        .thenThrows(RuleViolation, /hoogstens 40 uur/);
    });
  });

  describe('JPH changes, dated, never rewriting history', () => {
    it('starts a JPH at a practice without one', () => {
      spec
        .given([registered])
        .when({ type: 'SetJph', per: '2026-02-01', urenPerWeek: 12 })
        .then([
          {
            type: 'PraktijkJphStarted',
            data: { praktijkId: p, per: '2026-02-01', urenPerWeek: 12 },
          },
        ]);
    });
    it('changes the hours from a date', () => {
      spec
        .given([registered, jphStarted])
        .when({ type: 'SetJph', per: '2026-02-01', urenPerWeek: 24 })
        .then([
          {
            type: 'PraktijkJphHoursChanged',
            data: { praktijkId: p, per: '2026-02-01', urenPerWeek: 24 },
          },
        ]);
    });
    it('records nothing when the hours stay the same', () => {
      spec
        .given([registered, jphStarted])
        .when({ type: 'SetJph', per: '2026-02-01', urenPerWeek: 16 })
        .then([]);
    });
    it('stops the JPH from a date, and starts one again later', () => {
      const ended: PraktijkEvent = {
        type: 'PraktijkJphEnded',
        data: { praktijkId: p, per: '2026-01-01' },
      };
      spec
        .given([registered, jphStarted])
        .when({ type: 'EndJph', per: '2026-01-01' })
        .then([ended]);
      spec
        .given([registered, jphStarted, ended])
        .when({ type: 'SetJph', per: '2026-06-01', urenPerWeek: 8 })
        .then([
          {
            type: 'PraktijkJphStarted',
            data: { praktijkId: p, per: '2026-06-01', urenPerWeek: 8 },
          },
        ]);
    });
    it('refuses stopping a JPH the practice does not have', () => {
      spec
        .given([registered])
        .when({ type: 'EndJph', per: '2026-01-01' })
        .thenThrows(RuleViolation, /geen JPH om te stoppen/);
    });
    it('refuses a change dated before the last change', () => {
      spec
        .given([registered, jphStarted])
        .when({ type: 'SetJph', per: '2024-12-31', urenPerWeek: 20 })
        .thenThrows(RuleViolation, /niet eerder ingaan/);
      spec
        .given([registered, jphStarted])
        .when({ type: 'EndJph', per: '2024-06-01' })
        .thenThrows(RuleViolation, /niet eerder ingaan/);
    });
    it('refuses hours outside 0 < uren <= 40', () => {
      spec
        .given([registered])
        .when({ type: 'SetJph', per: '2026-02-01', urenPerWeek: 41 })
        .thenThrows(RuleViolation, /hoogstens 40 uur/);
    });
    it('answers NotFound for a practice that does not exist', () => {
      spec
        .given([])
        .when({ type: 'SetJph', per: '2026-02-01', urenPerWeek: 8 })
        .thenThrows(NotFound);
    });
  });

  describe('users linked to the practice', () => {
    const link = (gekoppeldElders: { praktijkId: string; naam: string } | null = null) =>
      ({ type: 'LinkMedewerker', medewerker: anna, gekoppeldElders }) as const;
    const linked: PraktijkEvent = {
      type: 'PraktijkMedewerkerLinked',
      data: { praktijkId: p, userId: 'u-anna', rol: 'jph' },
    };

    it('links a user as JPH or huisarts', () => {
      spec.given([registered]).when(link()).then([linked]);
    });
    it('refuses linking a user twice', () => {
      spec
        .given([registered, linked])
        .when(link())
        .thenThrows(RuleViolation, /al als jph/);
    });
    it('refuses a user who is linked to another practice: one practice at a time', () => {
      spec
        .given([registered])
        .when(link({ praktijkId: 'pr-2', naam: 'Het Anker' }))
        .thenThrows(RuleViolation, /Het Anker; iemand werkt voor één praktijk tegelijk/);
    });
    it('unlinks a user, who may then be linked again', () => {
      const unlinked: PraktijkEvent = {
        type: 'PraktijkMedewerkerUnlinked',
        data: { praktijkId: p, userId: 'u-anna' },
      };
      spec
        .given([registered, linked])
        .when({ type: 'UnlinkMedewerker', userId: 'u-anna' })
        .then([unlinked]);
      spec.given([registered, linked, unlinked]).when(link()).then([linked]);
    });
    it('answers NotFound when unlinking a user who is not linked here', () => {
      spec
        .given([registered])
        .when({ type: 'UnlinkMedewerker', userId: 'u-anna' })
        .thenThrows(NotFound, /niet aan deze praktijk gekoppeld/);
    });
  });

  describe('the JPH on a date', () => {
    const historie = [
      { per: '2025-01-01', urenPerWeek: 16 },
      { per: '2025-07-01', urenPerWeek: 24 },
      { per: '2025-07-01', urenPerWeek: 20 },
      { per: '2026-01-01', urenPerWeek: null },
    ];
    it.each([
      ['2024-12-31', null],
      ['2025-01-01', 16],
      ['2025-06-30', 16],
      ['2025-07-01', 20],
      ['2025-12-31', 20],
      ['2026-01-01', null],
    ])('on %s: %s hours', (datum, uren) => {
      expect(jphOp(historie, datum)).toBe(uren);
    });
    it('says since when the JPH works there without a break', () => {
      expect(jphSindsOp(historie, '2025-08-01')).toEqual({ sinds: '2025-01-01', urenPerWeek: 20 });
      expect(jphSindsOp(historie, '2024-08-01')).toBeNull();
      expect(jphSindsOp(historie, '2026-08-01')).toBeNull();
      expect(
        jphSindsOp([...historie, { per: '2026-05-01', urenPerWeek: 8 }], '2026-08-01'),
      ).toEqual({ sinds: '2026-05-01', urenPerWeek: 8 });
    });
    it('knows the last change', () => {
      expect(laatsteJph(historie)).toEqual({ per: '2026-01-01', urenPerWeek: null });
      expect(laatsteJph([])).toBeNull();
    });
  });
});
