import { dagenTussen } from './periods';

/**
 * Durations of care episodes. Ended episodes get ordinary summary statistics; running episodes
 * have no duration yet (they are censored at the as-of date), so they are left out of those and
 * only enter the Kaplan-Meier estimate, as censored observations. Every result says how many
 * episodes were left out or censored.
 */
export const DUREN_DEFINITIE = {
  versie: 'duren-1',
  duur: 'kalenderdagen van begin tot en met einde, beide meegeteld: een episode van één dag duurt 1 dag',
  samenvatting:
    'alleen afgelopen episodes; lopende episodes tellen niet mee (zie uitgeslotenLopend)',
  percentielen:
    'lineaire interpolatie tussen de omliggende waarnemingen (Hyndman & Fan type 7, zoals ' +
    'PERCENTIEL.INC in Excel en quantile() in R): positie (n - 1) * p in de gesorteerde duren',
  kaplanMeier:
    'lopende episodes zijn gecensureerd op hun duur tot de peildatum (ze duren in werkelijkheid ' +
    'langer); bij gelijke duur gaan afgelopen episodes voor gecensureerde; de mediaan is de eerste ' +
    'dag waarop de overleving 0,5 of lager is, null als de curve daar niet komt',
} as const;

/**
 * The duration of a period in calendar days, `start` and `end` both inclusive: a one-day episode
 * lasts 1 day, 2026-01-01 to 2026-01-31 lasts 31. Never negative: an end before the start throws.
 */
export function durationDays(start: string, end: string): number {
  if (end < start) throw new RangeError(`end ${end} lies before start ${start}`);
  return dagenTussen(start, end);
}

export interface DurationSummary {
  count: number;
  /** All `null` when `count` is 0. Unrounded: rounding is for the caller. */
  mean: number | null;
  median: number | null;
  p25: number | null;
  p75: number | null;
  p90: number | null;
  min: number | null;
  max: number | null;
}

/**
 * The p-th quantile (0 ≤ p ≤ 1) of sorted numbers by linear interpolation between the closest
 * ranks (Hyndman & Fan type 7; Excel PERCENTILE.INC, R's default): the value at position
 * (n - 1) · p, counted from 0.
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError('percentile of no values');
  if (p < 0 || p > 1) throw new RangeError(`percentile ${p} outside [0, 1]`);
  const position = (sorted.length - 1) * p;
  const lower = Math.floor(position);
  const below = sorted[lower]!;
  const above = sorted[Math.min(lower + 1, sorted.length - 1)]!;
  return below + (above - below) * (position - lower);
}

/** Count, mean, median and percentiles of durations (in days) of ENDED episodes. */
export function summarize(durations: readonly number[]): DurationSummary {
  for (const d of durations) {
    if (!(d >= 0)) throw new RangeError(`negative or invalid duration ${d}`);
  }
  return summarizeSorted([...durations].sort((a, b) => a - b));
}

/**
 * `summarize` of durations already in ascending order (a cache that keeps them sorted): no copy,
 * no sort.
 */
export function summarizeSorted(sorted: readonly number[]): DurationSummary {
  if (sorted.length === 0) {
    return {
      count: 0,
      mean: null,
      median: null,
      p25: null,
      p75: null,
      p90: null,
      min: null,
      max: null,
    };
  }
  if (!(sorted[0]! >= 0)) throw new RangeError(`negative or invalid duration ${sorted[0]}`);
  return {
    count: sorted.length,
    mean: sorted.reduce((sum, d) => sum + d, 0) / sorted.length,
    median: percentile(sorted, 0.5),
    p25: percentile(sorted, 0.25),
    p75: percentile(sorted, 0.75),
    p90: percentile(sorted, 0.9),
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
  };
}

export interface DurationObservation {
  /** Days, inclusive (see `durationDays`); for a running episode the days until the as-of date. */
  duration: number;
  /** `false` for a running episode: censored. */
  ended: boolean;
}

/** An episode's duration as an observation: running episodes are not ended. */
export function observation(episode: {
  start: string;
  end: string;
  running: boolean;
}): DurationObservation {
  return { duration: durationDays(episode.start, episode.end), ended: !episode.running };
}

export interface SurvivalPoint {
  /** Duration in days. */
  day: number;
  /** Episodes with a duration of at least `day` (still in care at the start of that day). */
  atRisk: number;
  /** Episodes that ended with exactly this duration. */
  events: number;
  /** Running episodes censored at exactly this duration. */
  censored: number;
  /** Estimated share of episodes lasting longer than `day` days. */
  survival: number;
}

export interface KaplanMeierResult {
  /** One point per distinct duration, ascending; survival is 1 before the first. */
  points: SurvivalPoint[];
  /** The first day on which survival is 0.5 or lower; `null` when it never gets there. */
  median: number | null;
  n: number;
  events: number;
  censored: number;
  /** Positions in the input of the censored (running) observations. */
  censoredIndices: number[];
  censoring: string;
}

/** Survival products are compared with this tolerance (0.5 may come out as 0.5000000000000001). */
const EPS = 1e-9;

/**
 * The Kaplan-Meier estimate of the duration of episodes: S(t) = Π over days d ≤ t of
 * (1 - events(d) / atRisk(d)). Running episodes are censored at their duration so far: they count
 * as at risk up to and including that day and then leave. Ties: an episode that ended on day d and
 * one censored on day d are both at risk on day d (events before censoring).
 */
export function kaplanMeier(observations: readonly DurationObservation[]): KaplanMeierResult {
  const censoredIndices: number[] = [];
  const byDay = new Map<number, { events: number; censored: number }>();
  observations.forEach((o, index) => {
    if (!(o.duration >= 0)) throw new RangeError(`negative or invalid duration ${o.duration}`);
    const entry = byDay.get(o.duration) ?? { events: 0, censored: 0 };
    if (o.ended) entry.events += 1;
    else {
      entry.censored += 1;
      censoredIndices.push(index);
    }
    byDay.set(o.duration, entry);
  });
  const perDay = [...byDay.keys()]
    .sort((a, b) => a - b)
    .map((day) => ({ day, ...byDay.get(day)! }));
  return {
    ...kaplanMeierPerDay(perDay, observations.length),
    n: observations.length,
    events: observations.length - censoredIndices.length,
    censored: censoredIndices.length,
    censoredIndices,
    censoring: DUREN_DEFINITIE.kaplanMeier,
  };
}

/**
 * The Kaplan-Meier curve and median of `n` observations from their events and censorings per
 * distinct duration, in ascending order of `day` (as `kaplanMeier` counts them, or a cache keeps
 * them).
 */
export function kaplanMeierPerDay(
  perDay: Iterable<{ day: number; events: number; censored: number }>,
  n: number,
): Pick<KaplanMeierResult, 'points' | 'median'> {
  const points: SurvivalPoint[] = [];
  let atRisk = n;
  let survival = 1;
  let median: number | null = null;
  for (const { day, events, censored } of perDay) {
    survival *= 1 - events / atRisk;
    points.push({ day, atRisk, events, censored, survival });
    if (median === null && survival <= 0.5 + EPS) median = day;
    atRisk -= events + censored;
  }
  return { points, median };
}

/**
 * How many were at risk on `day`: those with a duration of at least `day`, still in care at its
 * start, as `SurvivalPoint.atRisk` (also between and after the points). A survival estimate at a
 * day says something about these few: disclosure control needs their number.
 */
export function atRiskOn(km: Pick<KaplanMeierResult, 'n' | 'points'>, day: number): number {
  let atRisk = km.n;
  for (const p of km.points) {
    if (p.day >= day) break;
    atRisk -= p.events + p.censored;
  }
  return atRisk;
}
