import { differenceInCalendarDays, parseISO } from 'date-fns';
import { WettelijkKader, leeftijdOp } from '@app/domain';

/**
 * Care episodes (002:2179-2491, footnotes 10 and 15): the active period of every assignment, and
 * consecutive assignments of the same person and product merged into one continuous episode
 * ("probably extensions"). Pure: dates are calendar strings (YYYY-MM-DD) and "as of" is a
 * parameter, never the clock.
 */
export const EPISODES_DEFINITIE = {
  versie: 'episodes-1',
  actief:
    'van aanvang zorg (JW305) tot en met einde zorg (JW307); ontbreekt een van beide, dan de ' +
    'begin- of einddatum van de toewijzing; beide dagen tellen mee',
  lopend:
    'een periode die na de peildatum eindigt loopt nog: ze wordt op de peildatum afgekapt ' +
    '(running, gecensureerd); een periode die op de peildatum eindigt is afgelopen',
  samenvoegen:
    'periodes van dezelfde persoon, hetzelfde product en hetzelfde wettelijk kader die overlappen ' +
    'of waarvan de volgende hoogstens 1 dag na het einde van de vorige begint (einde + 1 dag >= ' +
    'volgend begin) vormen één episode',
  nietGeteld:
    'toewijzingen die op de peildatum nog niet begonnen zijn, of waarvan het einde voor het begin ligt',
} as const;

/**
 * Two periods of the same person and product merge when the next starts at most this many days
 * after the previous one ends: end 2026-01-31, start 2026-02-01 merge (1 day apart); start
 * 2026-02-02 does not (2 days apart, with 1 day without care in between). The seed says "waar maar
 * 1 dag tussen zit"; this is the reading the municipality chose (end + 1 day >= next start).
 */
export const MAX_DAYS_APART = 1;

/** Calendar days from `from` to `to` (negative when `to` is earlier): 2026-01-31 → 2026-02-01 is 1. */
export function daysApart(from: string, to: string): number {
  const a = dagnummer(from);
  const b = dagnummer(to);
  // Anything but a plain calendar date goes the general way (date-fns reads more ISO forms).
  if (a === null || b === null) return differenceInCalendarDays(parseISO(to), parseISO(from));
  return b - a;
}

const KALENDERDATUM = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAG_MS = 86_400_000;

/**
 * Days since 1970-01-01 of a calendar date (YYYY-MM-DD), or null for anything else. The figures
 * count days hundreds of thousands of times per question; parsing with date-fns took most of it.
 * Date.UTC has no time zone, so the count is the calendar's, as differenceInCalendarDays's is.
 */
const dagnummer = memoised(rekenDagnummer);

/**
 * `fn` with its answers kept per argument: for a pure function of a date that the figures ask
 * many times per question (a municipality's figures use a few thousand distinct dates). Once
 * `max` answers are kept they are forgotten all at once, so odd input cannot grow it without end.
 */
export function memoised<T>(fn: (tekst: string) => T, max = 100_000): (tekst: string) => T {
  const bekend = new Map<string, T>();
  return (tekst) => {
    if (bekend.has(tekst)) return bekend.get(tekst)!;
    const antwoord = fn(tekst);
    if (bekend.size >= max) bekend.clear();
    bekend.set(tekst, antwoord);
    return antwoord;
  };
}

function rekenDagnummer(datum: string): number | null {
  const m = KALENDERDATUM.exec(datum);
  if (!m) return null;
  const jaar = Number(m[1]);
  const maand = Number(m[2]);
  const dag = Number(m[3]);
  // Date.UTC reads years 0-99 as 1900-1999 and rolls 2026-02-30 over into March, where parseISO
  // says Invalid Date: those go the general way.
  if (jaar < 100 || maand < 1 || maand > 12 || dag < 1 || dag > dagenInMaand(jaar, maand)) {
    return null;
  }
  return Date.UTC(jaar, maand - 1, dag) / DAG_MS;
}

const DAGEN_IN_MAAND = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function dagenInMaand(jaar: number, maand: number): number {
  const schrikkel = jaar % 4 === 0 && (jaar % 100 !== 0 || jaar % 400 === 0);
  return maand === 2 && schrikkel ? 29 : DAGEN_IN_MAAND[maand - 1]!;
}

/**
 * The part of an assignment the statistics need: `ToewijzingState` plus the person it belongs to
 * fits (its `zorgStop` is `{ datum, reden }`; a plain date is accepted too).
 */
export interface AssignmentInput {
  toewijzingId: string;
  persoonId: string;
  productcode: string;
  wettelijkKader: WettelijkKader;
  begindatum: string;
  einddatum: string;
  zorgStart: string | null;
  zorgStop: string | { datum: string } | null;
  /** Carried into the episode's `aanbiederIds` when present. */
  aanbiederId?: string;
}

export interface ActivePeriod {
  start: string;
  /** The last active day (inclusive); for a running period the as-of date. */
  end: string;
  /** Still active after `asOf`: its `end` is `asOf`, and its duration is censored there. */
  running: boolean;
}

/**
 * The active period of an assignment as of `asOf`: from care start (or, when there is none, the
 * assignment's begindatum) to care stop (or, when there is none, its einddatum), both inclusive.
 * The two ends fall back independently, so a started, not stopped assignment runs until its
 * einddatum. When that end lies after `asOf` the period is running and is cut off at `asOf`;
 * ending on `asOf` itself counts as ended. `null` when it has not started by `asOf`, or when its
 * end lies before its start (inconsistent dates: not counted).
 */
export function activePeriod(a: AssignmentInput, asOf: string): ActivePeriod | null {
  const start = a.zorgStart ?? a.begindatum;
  const stop = typeof a.zorgStop === 'string' ? a.zorgStop : (a.zorgStop?.datum ?? null);
  const end = stop ?? a.einddatum;
  if (start > asOf || end < start) return null;
  return end > asOf ? { start, end: asOf, running: true } : { start, end, running: false };
}

export interface Episode {
  persoonId: string;
  productcode: string;
  wettelijkKader: WettelijkKader;
  start: string;
  /** Inclusive; for a running episode the as-of date. */
  end: string;
  /** Still running as of the as-of date: its duration is censored. */
  running: boolean;
  /** The assignments merged into it, sorted. */
  assignmentIds: string[];
  /** The providers of those assignments, sorted, without duplicates (empty when not given). */
  aanbiederIds: string[];
}

/**
 * Merges assignments into episodes as of `asOf`: per person, product and legal framework (a
 * product code belongs to one framework, so in practice per person and product), the active
 * periods that overlap or are at most `MAX_DAYS_APART` apart become one episode. Sorted by person,
 * product, framework and start.
 */
export function mergeEpisodes(assignments: readonly AssignmentInput[], asOf: string): Episode[] {
  const pieces: Episode[] = [];
  for (const a of assignments) {
    const period = activePeriod(a, asOf);
    if (!period) continue;
    pieces.push({
      persoonId: a.persoonId,
      productcode: a.productcode,
      wettelijkKader: a.wettelijkKader,
      ...period,
      assignmentIds: [a.toewijzingId],
      aanbiederIds: a.aanbiederId === undefined ? [] : [a.aanbiederId],
    });
  }
  return mergePeriods(pieces);
}

/**
 * The merge step of `mergeEpisodes` on episodes that are already periods; merging merged episodes
 * changes nothing. A merged episode is running when the piece with the latest end is.
 */
export function mergePeriods(episodes: readonly Episode[]): Episode[] {
  const sorted = [...episodes].sort(
    (x, y) =>
      compareText(x.persoonId, y.persoonId) ||
      compareText(x.productcode, y.productcode) ||
      compareText(x.wettelijkKader, y.wettelijkKader) ||
      compareText(x.start, y.start) ||
      compareText(x.end, y.end),
  );
  const merged: Episode[] = [];
  let current: Episode | undefined;
  for (const next of sorted) {
    if (
      current &&
      current.persoonId === next.persoonId &&
      current.productcode === next.productcode &&
      current.wettelijkKader === next.wettelijkKader &&
      daysApart(current.end, next.start) <= MAX_DAYS_APART
    ) {
      current = {
        ...current,
        end: next.end > current.end ? next.end : current.end,
        running:
          next.end > current.end
            ? next.running
            : next.end === current.end
              ? current.running || next.running
              : current.running,
        assignmentIds: union(current.assignmentIds, next.assignmentIds),
        aanbiederIds: union(current.aanbiederIds, next.aanbiederIds),
      };
      merged[merged.length - 1] = current;
    } else {
      current = {
        ...next,
        assignmentIds: union(next.assignmentIds, []),
        aanbiederIds: union(next.aanbiederIds, []),
      };
      merged.push(current);
    }
  }
  return merged;
}

/** Youth: up to and including 17 at the start of the episode. */
export const MAX_LEEFTIJD_JEUGD = 17;

/** Age in whole years at the start of the episode (the start of its first assignment). */
export function ageAtStart(episode: { start: string }, geboortedatum: string): number {
  return leeftijdOp(geboortedatum, episode.start);
}

/** Locale-independent string order, so results never depend on the server's language. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])].sort(compareText);
}
