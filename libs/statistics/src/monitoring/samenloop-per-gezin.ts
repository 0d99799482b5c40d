import { WETTELIJKE_KADERS, WettelijkKader } from '@app/domain';
import { MAX_DAYS_APART, compareText, daysApart } from '../intervals';
import { dagenTussen } from '../periods';

/**
 * Overlap (samenloop, "stapeling") of care across legal frameworks within a family, for the family
 * as a whole and per member (002:872-882), and gaps (hiaten) in a family's care. Input is the
 * members' episodes (see `mergeEpisodes`); pure.
 */
export const SAMENLOOP_DEFINITIE = {
  versie: 'samenloop-1',
  actief:
    'een episode telt in de periode als ze er minstens één dag in valt (van en tot tellen mee)',
  kaders:
    'de wettelijke kaders met een episode in de periode, van alle gezinsleden samen; een combinatie ' +
    'is de lijst kaders in vaste volgorde (jeugdwet, wmo, participatiewet, schuldhulpverlening, ' +
    'overig), verbonden met +',
  samenloopdagen:
    'dagen in de periode waarop zorg uit minstens twee verschillende kaders loopt (bij één of ' +
    'meer gezinsleden)',
  aanbieders: 'verschillende aanbieders van de episodes in de periode',
  hiaten:
    'zorg van het gezin (alle leden en kaders samen) die stopt en later opnieuw begint, met meer ' +
    'dan 1 dag tussen einde en nieuw begin; de lengte is het aantal dagen zonder zorg',
  personen: 'een persoon die in twee gezinnen staat, telt in beide',
} as const;

export interface OverlapEpisode {
  wettelijkKader: WettelijkKader;
  start: string;
  /** Inclusive. */
  end: string;
  aanbiederIds?: readonly string[];
}

export interface FamilyMember {
  persoonId: string;
  episodes: readonly OverlapEpisode[];
}

export interface Family {
  gezinId: string;
  members: readonly FamilyMember[];
}

export interface OverlapFigures {
  /** Frameworks with an episode in the period, in the order of WETTELIJKE_KADERS. */
  frameworks: WettelijkKader[];
  /** `frameworks` joined with '+' ("jeugdwet+wmo"); `null` without care in the period. */
  combination: string | null;
  multipleFrameworks: boolean;
  /** Days in the period with care from at least one framework. */
  careDays: number;
  /** Days in the period with care from at least two different frameworks. */
  concurrentDays: number;
  /** Distinct providers of the episodes in the period. */
  providers: number;
}

export interface FamilyOverlap extends OverlapFigures {
  gezinId: string;
  /** Every member, sorted by persoonId. */
  perPerson: (OverlapFigures & { persoonId: string })[];
}

export interface CombinationCount {
  combination: string;
  frameworks: WettelijkKader[];
  count: number;
  /** Who is counted (see `OverlapTotals.ids`). */
  ids: string[];
}

export interface OverlapTotals {
  withCare: number;
  withOneFramework: number;
  withMultipleFrameworks: number;
  /** Per combination (also single frameworks), most frequent first: the sets of an UpSet chart. */
  perCombination: CombinationCount[];
  /** How many have 1, 2, ... distinct providers (only those with care), by number of providers. */
  providersDistribution: { providers: number; count: number; ids: string[] }[];
  /** Summed over all. */
  concurrentDays: number;
  /**
   * Who is counted in each total, so a caller can give each count the keys of its records: a
   * gezinId per family, a persoonId per member (a person in two families twice, as counted), in
   * the order of the rows (sorted by gezinId, then persoonId).
   */
  ids: { withCare: string[]; withOneFramework: string[]; withMultipleFrameworks: string[] };
  /** The concurrent days of each of `ids.withMultipleFrameworks`, in that order. */
  concurrentDaysOfMultiple: number[];
}

export interface OverlapResult {
  van: string;
  tot: string;
  /** Days from van to tot inclusive. */
  periodDays: number;
  /** Every family, sorted by gezinId. */
  families: FamilyOverlap[];
  /** Raw counts, with who is in each: disclosure control is the caller's. */
  totals: { families: OverlapTotals; persons: OverlapTotals };
}

/** Overlap of care across legal frameworks per family and per member from `van` to `tot` (inclusive). */
export function overlapInPeriod(
  families: readonly Family[],
  van: string,
  tot: string,
): OverlapResult {
  if (tot < van) throw new RangeError(`tot ${tot} lies before van ${van}`);
  const result = [...families]
    .sort((a, b) => compareText(a.gezinId, b.gezinId))
    .map((family) => familyOverlap(family, van, tot));
  return {
    van,
    tot,
    periodDays: dagenTussen(van, tot),
    families: result,
    totals: overlapTotals(result),
  };
}

/** The overlap of one family and each of its members from `van` to `tot` (inclusive). */
export function familyOverlap(family: Family, van: string, tot: string): FamilyOverlap {
  const perPerson = [...family.members]
    .sort((a, b) => compareText(a.persoonId, b.persoonId))
    .map((member) => ({ persoonId: member.persoonId, ...figures(member.episodes, van, tot) }));
  return {
    gezinId: family.gezinId,
    ...figures(
      family.members.flatMap((m) => m.episodes),
      van,
      tot,
    ),
    perPerson,
  };
}

/** The totals of `overlapInPeriod` over families sorted by gezinId (see `familyOverlap`). */
export function overlapTotals(families: readonly FamilyOverlap[]): OverlapResult['totals'] {
  return {
    families: totals(families, (f) => f.gezinId),
    persons: totals(
      families.flatMap((f) => f.perPerson),
      (p) => p.persoonId,
    ),
  };
}

function figures(episodes: readonly OverlapEpisode[], van: string, tot: string): OverlapFigures {
  const inPeriod = episodes.filter((e) => e.start <= tot && e.end >= van && e.start <= e.end);
  const frameworks = WETTELIJKE_KADERS.filter((k) => inPeriod.some((e) => e.wettelijkKader === k));
  // Per framework the days it is active, as half-open day ranges [from, to) counted from `van`;
  // then a sweep over all boundaries counts the days with 1 and with 2 or more frameworks.
  const deltas = new Map<number, number>();
  for (const kader of frameworks) {
    const ranges = union(
      inPeriod
        .filter((e) => e.wettelijkKader === kader)
        .map((e) => [
          daysApart(van, e.start < van ? van : e.start),
          daysApart(van, e.end > tot ? tot : e.end) + 1,
        ]),
    );
    for (const [from, to] of ranges) {
      deltas.set(from, (deltas.get(from) ?? 0) + 1);
      deltas.set(to, (deltas.get(to) ?? 0) - 1);
    }
  }
  let careDays = 0;
  let concurrentDays = 0;
  let active = 0;
  let previous = 0;
  for (const day of [...deltas.keys()].sort((a, b) => a - b)) {
    if (active >= 1) careDays += day - previous;
    if (active >= 2) concurrentDays += day - previous;
    active += deltas.get(day)!;
    previous = day;
  }
  return {
    frameworks,
    combination: frameworks.length > 0 ? frameworks.join('+') : null,
    multipleFrameworks: frameworks.length > 1,
    careDays,
    concurrentDays,
    providers: new Set(inPeriod.flatMap((e) => e.aanbiederIds ?? [])).size,
  };
}

/** Sorted, overlapping or touching half-open ranges joined. */
function union(ranges: [number, number][]): [number, number][] {
  const joined: [number, number][] = [];
  for (const [from, to] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const last = joined[joined.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else joined.push([from, to]);
  }
  return joined;
}

function totals<R extends OverlapFigures>(
  rows: readonly R[],
  idOf: (row: R) => string,
): OverlapTotals {
  const withCare = rows.filter((r) => r.combination !== null);
  const multiple = withCare.filter((r) => r.multipleFrameworks);
  const combinations = new Map<string, CombinationCount>();
  const providers = new Map<number, string[]>();
  for (const row of withCare) {
    const key = row.combination!;
    const entry = combinations.get(key) ?? {
      combination: key,
      frameworks: row.frameworks,
      count: 0,
      ids: [],
    };
    entry.count += 1;
    entry.ids.push(idOf(row));
    combinations.set(key, entry);
    const metZoveel = providers.get(row.providers);
    if (metZoveel) metZoveel.push(idOf(row));
    else providers.set(row.providers, [idOf(row)]);
  }
  return {
    withCare: withCare.length,
    withOneFramework: withCare.length - multiple.length,
    withMultipleFrameworks: multiple.length,
    perCombination: [...combinations.values()].sort(
      (a, b) => b.count - a.count || compareText(a.combination, b.combination),
    ),
    providersDistribution: [...providers.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([n, ids]) => ({ providers: n, count: ids.length, ids })),
    concurrentDays: rows.reduce((sum, r) => sum + r.concurrentDays, 0),
    ids: {
      withCare: withCare.map(idOf),
      withOneFramework: withCare.filter((r) => !r.multipleFrameworks).map(idOf),
      withMultipleFrameworks: multiple.map(idOf),
    },
    concurrentDaysOfMultiple: multiple.map((r) => r.concurrentDays),
  };
}

export interface Gap {
  /** The last day with care before the break. */
  end: string;
  /** The first day with care after it. */
  restart: string;
  /** Days without care in between (at least 1). */
  daysWithoutCare: number;
}

export interface FamilyGaps {
  gezinId: string;
  /** Breaks in the care of the family as a whole (any member, any framework), in order. */
  gaps: Gap[];
  /** Breaks in each member's own care, every member sorted by persoonId. */
  perPerson: { persoonId: string; gaps: Gap[] }[];
}

export interface GapsResult {
  /** Every family, sorted by gezinId. */
  families: FamilyGaps[];
  familiesWithGap: number;
  /** The lengths (days without care) of all family breaks, ascending. */
  breakLengths: number[];
  personsWithGap: number;
  personBreakLengths: number[];
}

/**
 * Gaps: care that ended and started again after a break. All episodes of the family (or the
 * person) are joined into blocks of continuous care with the rule of `mergeEpisodes` (overlapping
 * or at most `MAX_DAYS_APART` apart); every step from one block to the next is a break.
 */
export function gaps(families: readonly Family[]): GapsResult {
  const result = [...families].sort((a, b) => compareText(a.gezinId, b.gezinId)).map(familyGaps);
  const persons = result.flatMap((f) => f.perPerson);
  const lengths = (rows: { gaps: Gap[] }[]) =>
    rows.flatMap((r) => r.gaps.map((g) => g.daysWithoutCare)).sort((a, b) => a - b);
  return {
    families: result,
    familiesWithGap: result.filter((f) => f.gaps.length > 0).length,
    breakLengths: lengths(result),
    personsWithGap: persons.filter((p) => p.gaps.length > 0).length,
    personBreakLengths: lengths(persons),
  };
}

/** The gaps of one family and of each of its members (see `gaps`). */
export function familyGaps(family: Family): FamilyGaps {
  return {
    gezinId: family.gezinId,
    gaps: familyBreaks(family),
    perPerson: [...family.members]
      .sort((a, b) => compareText(a.persoonId, b.persoonId))
      .map((m) => ({ persoonId: m.persoonId, gaps: breaks(m.episodes) })),
  };
}

/** The breaks in the care of a family as a whole (the `gaps` of its `familyGaps`). */
export function familyBreaks(family: Family): Gap[] {
  return breaks(family.members.flatMap((m) => m.episodes));
}

function breaks(episodes: readonly OverlapEpisode[]): Gap[] {
  const sorted = episodes
    .filter((e) => e.start <= e.end)
    .sort((a, b) => compareText(a.start, b.start) || compareText(a.end, b.end));
  const found: Gap[] = [];
  let end: string | undefined;
  for (const e of sorted) {
    if (end !== undefined && daysApart(end, e.start) > MAX_DAYS_APART) {
      found.push({ end, restart: e.start, daysWithoutCare: daysApart(end, e.start) - 1 });
    }
    if (end === undefined || e.end > end) end = e.end;
  }
  return found;
}
