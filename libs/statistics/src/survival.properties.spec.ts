import { addDays, format, parseISO } from 'date-fns';
import fc from 'fast-check';
import {
  DurationObservation,
  atRiskOn,
  durationDays,
  kaplanMeier,
  observation,
  summarize,
} from './survival';
import { AssignmentInput, mergeEpisodes } from './intervals';

const dag = (n: number): string => format(addDays(parseISO('2025-01-01'), n), 'yyyy-MM-dd');

const toewijzingen: fc.Arbitrary<AssignmentInput[]> = fc
  .array(
    fc.record({
      persoonId: fc.constantFrom('p-a', 'p-b'),
      begin: fc.integer({ min: 0, max: 300 }),
      lengte: fc.integer({ min: -3, max: 90 }),
      zorgStop: fc.option(fc.integer({ min: -5, max: 100 })),
    }),
    { maxLength: 20 },
  )
  .map((rows) =>
    rows.map((r, i) => ({
      toewijzingId: `tw-${i}`,
      persoonId: r.persoonId,
      productcode: '45A01',
      wettelijkKader: 'jeugdwet' as const,
      begindatum: dag(r.begin),
      einddatum: dag(r.begin + r.lengte),
      zorgStart: null,
      zorgStop: r.zorgStop === null ? null : dag(r.begin + r.zorgStop),
    })),
  );

const waarnemingen: fc.Arbitrary<DurationObservation[]> = fc.array(
  fc.record({ duration: fc.integer({ min: 1, max: 40 }), ended: fc.boolean() }),
  { maxLength: 60 },
);

describe('duration properties', () => {
  it('durations of episodes are never negative (at least 1 day, both ends inclusive)', () => {
    fc.assert(
      fc.property(toewijzingen, fc.integer({ min: 0, max: 400 }), (lijst, peil) => {
        for (const e of mergeEpisodes(lijst, dag(peil))) {
          expect(durationDays(e.start, e.end)).toBeGreaterThanOrEqual(1);
          expect(observation(e).ended).toBe(!e.running);
        }
      }),
    );
  });

  it('durationDays adds up over a split period', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 1, max: 500 }),
        (start, eerste, tweede) => {
          expect(durationDays(dag(start), dag(start + eerste + tweede))).toBe(
            durationDays(dag(start), dag(start + eerste)) +
              durationDays(dag(start + eerste + 1), dag(start + eerste + tweede)),
          );
        },
      ),
    );
  });

  it('summary statistics are ordered and lie within the range', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1 }), (duren) => {
        const s = summarize(duren);
        expect(s.count).toBe(duren.length);
        const order = [s.min!, s.p25!, s.median!, s.p75!, s.p90!, s.max!];
        order.slice(1).forEach((v, i) => expect(v).toBeGreaterThanOrEqual(order[i]!));
        expect(s.mean!).toBeGreaterThanOrEqual(s.min!);
        expect(s.mean!).toBeLessThanOrEqual(s.max!);
      }),
    );
  });

  it('Kaplan-Meier survival is non-increasing and within [0, 1]; censored ones are counted', () => {
    fc.assert(
      fc.property(waarnemingen, (obs) => {
        const km = kaplanMeier(obs);
        let vorige = 1;
        for (const p of km.points) {
          expect(p.survival).toBeGreaterThanOrEqual(0);
          expect(p.survival).toBeLessThanOrEqual(vorige);
          vorige = p.survival;
        }
        expect(km.censored + km.events).toBe(obs.length);
        expect(km.censoredIndices.every((i) => !obs[i]!.ended)).toBe(true);
        expect(km.points.reduce((n, p) => n + p.events + p.censored, 0)).toBe(obs.length);
        if (km.median !== null) {
          const p = km.points.find((q) => q.day === km.median)!;
          expect(p.survival).toBeLessThanOrEqual(0.5 + 1e-9);
        }
      }),
    );
  });

  it('those at risk on a day are those with a duration of at least that day, at a point as the point says', () => {
    fc.assert(
      fc.property(waarnemingen, fc.integer({ min: 0, max: 45 }), (obs, dag) => {
        const km = kaplanMeier(obs);
        expect(atRiskOn(km, dag)).toBe(obs.filter((o) => o.duration >= dag).length);
        for (const p of km.points) expect(atRiskOn(km, p.day)).toBe(p.atRisk);
      }),
    );
  });

  it('without censoring Kaplan-Meier equals the empirical survival, and its median the data', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 60 }),
        (duren) => {
          const km = kaplanMeier(duren.map((duration) => ({ duration, ended: true })));
          for (const p of km.points) {
            const langer = duren.filter((d) => d > p.day).length;
            expect(p.survival).toBeCloseTo(langer / duren.length, 10);
            expect(p.atRisk).toBe(duren.filter((d) => d >= p.day).length);
          }
          const sorted = [...duren].sort((a, b) => a - b);
          // The first duration by which at least half have ended.
          expect(km.median).toBe(sorted[Math.ceil(duren.length / 2) - 1]);
        },
      ),
    );
  });
});
