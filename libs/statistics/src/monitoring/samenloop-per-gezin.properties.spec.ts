import { addDays, format, parseISO } from 'date-fns';
import fc from 'fast-check';
import { WETTELIJKE_KADERS } from '@app/domain';
import { daysApart } from '../intervals';
import { Family, OverlapEpisode, gaps, overlapInPeriod } from './samenloop-per-gezin';
import { datumsTussen } from '../periods';

/** A short span and few frameworks and providers, so overlaps and gaps are common. */
const dag = (n: number): string => format(addDays(parseISO('2026-01-01'), n), 'yyyy-MM-dd');

const episode: fc.Arbitrary<OverlapEpisode> = fc
  .record({
    wettelijkKader: fc.constantFrom(...WETTELIJKE_KADERS.slice(0, 3)),
    start: fc.integer({ min: -30, max: 120 }),
    lengte: fc.integer({ min: 0, max: 50 }),
    aanbiederIds: fc.uniqueArray(fc.constantFrom('A', 'B', 'C', 'D'), { maxLength: 2 }),
  })
  .map(({ start, lengte, ...rest }) => ({ ...rest, start: dag(start), end: dag(start + lengte) }));

const gezinnen: fc.Arbitrary<Family[]> = fc
  .array(fc.array(fc.array(episode, { maxLength: 4 }), { minLength: 1, maxLength: 3 }), {
    maxLength: 8,
  })
  .map((families) =>
    families.map((members, g) => ({
      gezinId: `g-${g}`,
      members: members.map((episodes, m) => ({ persoonId: `p-${g}-${m}`, episodes })),
    })),
  );

const periode = fc
  .tuple(fc.integer({ min: -10, max: 100 }), fc.integer({ min: 0, max: 60 }))
  .map(([van, lengte]) => ({ van: dag(van), tot: dag(van + lengte) }));

/** The same families in another order, each with its members and episodes in another order. */
const geschud = (families: Family[]): fc.Arbitrary<Family[]> =>
  fc
    .tuple(
      ...families.map((f) =>
        fc
          .shuffledSubarray(
            f.members.map((m) => ({ ...m, episodes: [...m.episodes].reverse() })),
            { minLength: f.members.length, maxLength: f.members.length },
          )
          .map((members) => ({ ...f, members })),
      ),
    )
    .chain((fs) => fc.shuffledSubarray(fs, { minLength: fs.length, maxLength: fs.length }));

const metGeschud = gezinnen.chain((fs) => fc.tuple(fc.constant(fs), geschud(fs)));

describe('overlap properties', () => {
  it('is symmetric: the order of families, members and episodes changes nothing', () => {
    fc.assert(
      fc.property(metGeschud, periode, ([fs, anders], { van, tot }) => {
        expect(overlapInPeriod(anders, van, tot)).toEqual(overlapInPeriod(fs, van, tot));
        expect(gaps(anders)).toEqual(gaps(fs));
      }),
    );
  });

  it('swapping two members changes nothing', () => {
    fc.assert(
      fc.property(gezinnen, periode, (fs, { van, tot }) => {
        const omgedraaid = fs.map((f) => ({ ...f, members: [...f.members].reverse() }));
        expect(overlapInPeriod(omgedraaid, van, tot)).toEqual(overlapInPeriod(fs, van, tot));
      }),
    );
  });

  it('days of overlap ≤ days with care ≤ days in the period, and match a day-by-day count', () => {
    fc.assert(
      fc.property(gezinnen, periode, (fs, { van, tot }) => {
        const result = overlapInPeriod(fs, van, tot);
        const dagen = datumsTussen(van, tot);
        expect(result.periodDays).toBe(dagen.length);
        for (const f of result.families) {
          const episodes = fs
            .find((g) => g.gezinId === f.gezinId)!
            .members.flatMap((m) => m.episodes);
          const kadersOp = (d: string) =>
            new Set(
              episodes.filter((e) => e.start <= d && d <= e.end).map((e) => e.wettelijkKader),
            );
          expect(f.careDays).toBe(dagen.filter((d) => kadersOp(d).size >= 1).length);
          expect(f.concurrentDays).toBe(dagen.filter((d) => kadersOp(d).size >= 2).length);
          expect(f.concurrentDays).toBeLessThanOrEqual(f.careDays);
          expect(f.careDays).toBeLessThanOrEqual(result.periodDays);
          expect(f.multipleFrameworks).toBe(f.frameworks.length > 1);
          expect(f.careDays > 0).toBe(f.combination !== null);
          if (!f.multipleFrameworks) expect(f.concurrentDays).toBe(0);
          for (const p of f.perPerson) {
            expect(p.concurrentDays).toBeLessThanOrEqual(f.concurrentDays);
            expect(p.careDays).toBeLessThanOrEqual(f.careDays);
            expect(p.providers).toBeLessThanOrEqual(f.providers);
            expect(p.frameworks.every((k) => f.frameworks.includes(k))).toBe(true);
          }
        }
      }),
    );
  });

  it('totals add up: one framework + more than one = families with care, per combination too', () => {
    fc.assert(
      fc.property(gezinnen, periode, (fs, { van, tot }) => {
        const { families, totals } = overlapInPeriod(fs, van, tot);
        const persons = families.flatMap((f) => f.perPerson);
        for (const [t, rows] of [
          [totals.families, families],
          [totals.persons, persons],
        ] as const) {
          expect(t.withOneFramework + t.withMultipleFrameworks).toBe(t.withCare);
          expect(t.withCare).toBe(rows.filter((r) => r.careDays > 0).length);
          expect(t.perCombination.reduce((n, c) => n + c.count, 0)).toBe(t.withCare);
          expect(t.providersDistribution.reduce((n, c) => n + c.count, 0)).toBe(t.withCare);
          expect(
            t.perCombination
              .filter((c) => c.frameworks.length > 1)
              .reduce((n, c) => n + c.count, 0),
          ).toBe(t.withMultipleFrameworks);
          expect(t.concurrentDays).toBe(rows.reduce((n, r) => n + r.concurrentDays, 0));
        }
        expect(totals.families.withCare).toBeLessThanOrEqual(fs.length);
        expect(totals.families.withCare).toBeLessThanOrEqual(totals.persons.withCare);
      }),
    );
  });

  it('each count is the number of ids it lists, and the ids are exactly those of the rows counted', () => {
    fc.assert(
      fc.property(gezinnen, periode, (fs, { van, tot }) => {
        const { families, totals } = overlapInPeriod(fs, van, tot);
        const gesorteerd = (ids: string[]) => [...ids].sort();
        for (const [t, rows] of [
          [totals.families, families.map((f) => ({ ...f, id: f.gezinId }))],
          [
            totals.persons,
            families.flatMap((f) => f.perPerson.map((p) => ({ ...p, id: p.persoonId }))),
          ],
        ] as const) {
          const metZorg = rows.filter((r) => r.combination !== null);
          expect(gesorteerd(t.ids.withCare)).toEqual(gesorteerd(metZorg.map((r) => r.id)));
          expect(t.ids.withCare).toHaveLength(t.withCare);
          expect(t.ids.withOneFramework).toHaveLength(t.withOneFramework);
          expect(t.ids.withMultipleFrameworks).toHaveLength(t.withMultipleFrameworks);
          expect(gesorteerd([...t.ids.withOneFramework, ...t.ids.withMultipleFrameworks])).toEqual(
            gesorteerd(t.ids.withCare),
          );
          for (const c of t.perCombination) {
            expect(c.ids).toHaveLength(c.count);
            expect(gesorteerd(c.ids)).toEqual(
              gesorteerd(metZorg.filter((r) => r.combination === c.combination).map((r) => r.id)),
            );
          }
          expect(gesorteerd(t.perCombination.flatMap((c) => c.ids))).toEqual(
            gesorteerd(t.ids.withCare),
          );
          for (const p of t.providersDistribution) {
            expect(p.ids).toHaveLength(p.count);
            expect(gesorteerd(p.ids)).toEqual(
              gesorteerd(metZorg.filter((r) => r.providers === p.providers).map((r) => r.id)),
            );
          }
          // The values behind a mean of concurrent days: one per row with several frameworks.
          expect(t.concurrentDaysOfMultiple).toHaveLength(t.withMultipleFrameworks);
          expect(t.concurrentDaysOfMultiple.reduce((n, x) => n + x, 0)).toBe(t.concurrentDays);
        }
      }),
    );
  });

  it('gaps are at least a day long and are exactly the uncovered days between first and last care', () => {
    fc.assert(
      fc.property(gezinnen, (fs) => {
        const result = gaps(fs);
        for (const f of result.families) {
          const episodes = fs
            .find((g) => g.gezinId === f.gezinId)!
            .members.flatMap((m) => m.episodes);
          f.gaps.forEach((g) => {
            expect(g.daysWithoutCare).toBeGreaterThanOrEqual(1);
            expect(g.daysWithoutCare).toBe(daysApart(g.end, g.restart) - 1);
          });
          if (episodes.length === 0) continue;
          const eerste = episodes.map((e) => e.start).sort()[0]!;
          const laatste = episodes
            .map((e) => e.end)
            .sort()
            .reverse()[0]!;
          const zonderZorg = datumsTussen(eerste, laatste).filter(
            (d) => !episodes.some((e) => e.start <= d && d <= e.end),
          ).length;
          expect(f.gaps.reduce((n, g) => n + g.daysWithoutCare, 0)).toBe(zonderZorg);
        }
        expect(result.familiesWithGap).toBe(
          result.families.filter((f) => f.gaps.length > 0).length,
        );
        expect(result.breakLengths).toHaveLength(
          result.families.reduce((n, f) => n + f.gaps.length, 0),
        );
      }),
    );
  });
});
