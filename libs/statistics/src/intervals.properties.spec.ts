import { addDays, differenceInCalendarDays, format, parseISO } from 'date-fns';
import fc from 'fast-check';
import {
  AssignmentInput,
  MAX_DAYS_APART,
  activePeriod,
  daysApart,
  mergeEpisodes,
  mergePeriods,
} from './intervals';

/** Few persons and products and a short span, so that assignments touch and overlap often. */
const dag = (n: number): string => format(addDays(parseISO('2025-01-01'), n), 'yyyy-MM-dd');
const ASOF = dag(200);

const toewijzingen: fc.Arbitrary<AssignmentInput[]> = fc
  .array(
    fc.record({
      persoonId: fc.constantFrom('p-a', 'p-b', 'p-c'),
      product: fc.constantFrom(
        ['45A01', 'jeugdwet'] as const,
        ['41A05', 'jeugdwet'] as const,
        ['WMO-HH', 'wmo'] as const,
      ),
      // Starts on multiples of 10 with lengths of 8, 9 or 10 make periods 2 days apart, 1 day
      // apart (touching) and overlapping by a day; the free integers give everything else.
      begin: fc.oneof(
        fc.integer({ min: 0, max: 24 }).map((n) => n * 10),
        fc.integer({ min: 0, max: 240 }),
      ),
      lengte: fc.oneof(fc.constantFrom(8, 9, 10, 19, 29), fc.integer({ min: 0, max: 60 })),
      zorgStart: fc.option(fc.integer({ min: -5, max: 20 }), { freq: 3 }),
      zorgStop: fc.option(fc.integer({ min: -10, max: 70 }), { freq: 3 }),
      aanbiederId: fc.constantFrom('aanb-1', 'aanb-2'),
    }),
    { maxLength: 30 },
  )
  .map((rows) =>
    rows.map((r, i): AssignmentInput => ({
      toewijzingId: `tw-${i}`,
      persoonId: r.persoonId,
      productcode: r.product[0],
      wettelijkKader: r.product[1],
      begindatum: dag(r.begin),
      einddatum: dag(r.begin + r.lengte),
      zorgStart: r.zorgStart === null ? null : dag(r.begin + r.zorgStart),
      zorgStop: r.zorgStop === null ? null : { datum: dag(r.begin + r.zorgStop) },
      aanbiederId: r.aanbiederId,
    })),
  );

const metVolgorde = toewijzingen.chain((lijst) =>
  fc.tuple(
    fc.constant(lijst),
    fc.shuffledSubarray(lijst, { minLength: lijst.length, maxLength: lijst.length }),
  ),
);

const groep = (e: { persoonId: string; productcode: string; wettelijkKader: string }) =>
  `${e.persoonId}|${e.productcode}|${e.wettelijkKader}`;

describe('episode properties', () => {
  it('merging is idempotent: merging merged episodes changes nothing', () => {
    fc.assert(
      fc.property(toewijzingen, (lijst) => {
        const episodes = mergeEpisodes(lijst, ASOF);
        expect(mergePeriods(episodes)).toEqual(episodes);
      }),
    );
  });

  it('merging is order-independent', () => {
    fc.assert(
      fc.property(metVolgorde, ([lijst, geschud]) => {
        expect(mergeEpisodes(geschud, ASOF)).toEqual(mergeEpisodes(lijst, ASOF));
      }),
    );
  });

  it('merged episodes of one person and product never overlap or touch', () => {
    fc.assert(
      fc.property(toewijzingen, (lijst) => {
        const episodes = mergeEpisodes(lijst, ASOF);
        episodes.forEach((e, i) => {
          expect(e.start <= e.end).toBe(true);
          const next = episodes[i + 1];
          if (next && groep(next) === groep(e)) {
            expect(next.start > e.start).toBe(true);
            expect(daysApart(e.end, next.start)).toBeGreaterThan(MAX_DAYS_APART);
          }
        });
      }),
    );
  });

  it('every active assignment is in exactly one episode, which covers its period', () => {
    fc.assert(
      fc.property(toewijzingen, (lijst) => {
        const episodes = mergeEpisodes(lijst, ASOF);
        for (const t of lijst) {
          const period = activePeriod(t, ASOF);
          const bevat = episodes.filter((e) => e.assignmentIds.includes(t.toewijzingId));
          if (!period) {
            expect(bevat).toHaveLength(0);
            continue;
          }
          expect(bevat).toHaveLength(1);
          const [e] = bevat;
          expect(groep(e!)).toBe(groep(t));
          expect(e!.start <= period.start && period.end <= e!.end).toBe(true);
          expect(e!.aanbiederIds).toContain(t.aanbiederId);
          // A running assignment makes its episode running (censored), an ended one cannot.
          if (period.running) expect(e!.running).toBe(true);
        }
      }),
    );
  });

  it('episodes cover exactly the active days, end by the as-of date, and run only up to it', () => {
    fc.assert(
      fc.property(toewijzingen, (lijst) => {
        const episodes = mergeEpisodes(lijst, ASOF);
        // Brute force: the set of active days per group, from the assignments and the episodes.
        const dagen = (periodes: { start: string; end: string; key: string }[]) => {
          const set = new Set<string>();
          for (const p of periodes) {
            for (let d = 0; d <= daysApart(p.start, p.end); d++) {
              set.add(`${p.key}|${d + daysApart(dag(0), p.start)}`);
            }
          }
          return set;
        };
        const uitToewijzingen = dagen(
          lijst.flatMap((t) => {
            const p = activePeriod(t, ASOF);
            return p ? [{ ...p, key: groep(t) }] : [];
          }),
        );
        const uitEpisodes = dagen(episodes.map((e) => ({ ...e, key: groep(e) })));
        expect([...uitEpisodes].sort()).toEqual([...uitToewijzingen].sort());
        for (const e of episodes) {
          expect(e.end <= ASOF).toBe(true);
          if (e.running) expect(e.end).toBe(ASOF);
          const running = lijst.some(
            (t) => e.assignmentIds.includes(t.toewijzingId) && activePeriod(t, ASOF)?.running,
          );
          expect(e.running).toBe(running);
        }
      }),
    );
  });
});

describe('daysApart', () => {
  it('counts calendar days as date-fns does, for dates and for what is not one', () => {
    const datum = fc
      .date({ min: new Date('1890-01-01'), max: new Date('2200-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    const ietsAnders = fc.constantFrom(
      '2026-02-30',
      '2025-02-29',
      '2024-02-29',
      '0050-01-01',
      '2026-13-01',
      '2026-00-10',
      '2026-1-1',
      '2026-01-01T10:00',
      'x',
    );
    const invoer = fc.oneof({ weight: 5, arbitrary: datum }, { weight: 1, arbitrary: ietsAnders });
    fc.assert(
      fc.property(invoer, invoer, (van, tot) => {
        expect(daysApart(van, tot)).toBe(differenceInCalendarDays(parseISO(tot), parseISO(van)));
      }),
      { numRuns: 2000 },
    );
  });
});
