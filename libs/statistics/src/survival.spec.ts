import {
  atRiskOn,
  durationDays,
  kaplanMeier,
  observation,
  percentile,
  summarize,
} from './survival';
import { mergeEpisodes } from './intervals';

describe('durationDays', () => {
  it('counts both the start and the end day', () => {
    expect(durationDays('2026-01-01', '2026-01-01')).toBe(1);
    expect(durationDays('2026-01-01', '2026-01-31')).toBe(31);
    expect(durationDays('2024-02-28', '2024-03-01')).toBe(3);
    expect(durationDays('2025-12-31', '2026-01-01')).toBe(2);
  });

  it('refuses an end before the start', () => {
    expect(() => durationDays('2026-01-02', '2026-01-01')).toThrow(RangeError);
  });
});

describe('summarize', () => {
  it('gives type-7 percentiles (Excel PERCENTILE.INC)', () => {
    // Sorted 10, 20, 30, 40: p25 at position 0.75, median at 1.5, p75 at 2.25, p90 at 2.7.
    expect(summarize([40, 10, 30, 20])).toEqual({
      count: 4,
      mean: 25,
      median: 25,
      p25: 17.5,
      p75: 32.5,
      p90: 37,
      min: 10,
      max: 40,
    });
    expect(percentile([7], 0.9)).toBe(7);
    expect(summarize([3, 1, 2]).median).toBe(2);
  });

  it('has no figures for no episodes, and refuses negative durations', () => {
    expect(summarize([])).toEqual({
      count: 0,
      mean: null,
      median: null,
      p25: null,
      p75: null,
      p90: null,
      min: null,
      max: null,
    });
    expect(() => summarize([3, -1])).toThrow(RangeError);
  });
});

describe('kaplanMeier', () => {
  it('censors a running episode at its duration so far', () => {
    const [lopend] = mergeEpisodes(
      [
        {
          toewijzingId: 'tw-1',
          persoonId: 'p-1',
          productcode: '43A01',
          wettelijkKader: 'jeugdwet',
          begindatum: '2026-01-01',
          einddatum: '2026-12-31',
          zorgStart: null,
          zorgStop: null,
        },
      ],
      '2026-06-30',
    );
    // January to June: 31 + 28 + 31 + 30 + 31 + 30 days.
    expect(observation(lopend!)).toEqual({ duration: 181, ended: false });
    const km = kaplanMeier([observation(lopend!)]);
    expect(km).toMatchObject({ n: 1, events: 0, censored: 1, censoredIndices: [0], median: null });
    expect(km.points).toEqual([{ day: 181, atRisk: 1, events: 0, censored: 1, survival: 1 }]);
  });

  it('matches a hand computation with censoring', () => {
    const km = kaplanMeier([
      { duration: 10, ended: true },
      { duration: 20, ended: false },
      { duration: 30, ended: true },
      { duration: 30, ended: true },
      { duration: 40, ended: false },
      { duration: 50, ended: true },
    ]);
    // S(10) = 5/6; S(30) = 5/6 · (1 - 2/4) = 5/12; S(50) = 5/12 · (1 - 1/1) = 0.
    expect(km.points).toEqual([
      { day: 10, atRisk: 6, events: 1, censored: 0, survival: 5 / 6 },
      { day: 20, atRisk: 5, events: 0, censored: 1, survival: 5 / 6 },
      { day: 30, atRisk: 4, events: 2, censored: 0, survival: expect.closeTo(5 / 12, 12) },
      { day: 40, atRisk: 2, events: 0, censored: 1, survival: expect.closeTo(5 / 12, 12) },
      { day: 50, atRisk: 1, events: 1, censored: 0, survival: 0 },
    ]);
    expect(km).toMatchObject({ median: 30, n: 6, events: 4, censored: 2, censoredIndices: [1, 4] });
    expect(km.censoring).toMatch(/lopende episodes zijn gecensureerd/);
  });

  it('has no median while survival stays above one half; ties count events first', () => {
    expect(
      kaplanMeier([
        { duration: 10, ended: true },
        { duration: 20, ended: false },
        { duration: 30, ended: false },
      ]).median,
    ).toBeNull();
    // Both at risk on day 5: one of two ended, survival 0.5, the median.
    const tie = kaplanMeier([
      { duration: 5, ended: false },
      { duration: 5, ended: true },
    ]);
    expect(tie.points).toEqual([{ day: 5, atRisk: 2, events: 1, censored: 1, survival: 0.5 }]);
    expect(tie.median).toBe(5);
    // Three of six ended by day 3: 5/6 · 4/5 · 3/4 is one half up to rounding, still the median.
    expect(kaplanMeier([1, 2, 3, 4, 5, 6].map((d) => ({ duration: d, ended: true }))).median).toBe(
      3,
    );
  });

  it('counts those at risk on any day: a duration of at least that day', () => {
    const km = kaplanMeier([
      { duration: 10, ended: true },
      { duration: 20, ended: false },
      { duration: 30, ended: true },
      { duration: 30, ended: true },
      { duration: 40, ended: false },
      { duration: 50, ended: true },
    ]);
    // Day 1..10: all 6; 11..20: 5; 21..30: 4; 31..40: 2; 41..50: 1; after 50: none.
    expect([1, 10, 11, 20, 21, 30, 31, 40, 41, 50, 51, 365].map((d) => atRiskOn(km, d))).toEqual([
      6, 6, 5, 5, 4, 4, 2, 2, 1, 1, 0, 0,
    ]);
    expect(atRiskOn(kaplanMeier([]), 90)).toBe(0);
  });

  it('is empty for no episodes', () => {
    expect(kaplanMeier([])).toMatchObject({ points: [], median: null, n: 0, censored: 0 });
  });
});
