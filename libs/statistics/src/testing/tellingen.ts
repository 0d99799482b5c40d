import { DREMPEL, PTABEL, SLEUTELRUIMTE, Telling, publiceerAantal } from '../disclosure';
import { MonitoringFeit } from '../monitoring/feiten';

/**
 * Test helpers for counts under disclosure control: compare raw counts with hand computations,
 * check what is published against the raw count, and give hand-made data sets record keys.
 */

/** `T` with every Telling replaced by its count. */
export type Aantallen<T> = T extends Telling
  ? number
  : T extends readonly (infer U)[]
    ? Aantallen<U>[]
    : T extends object
      ? { [K in keyof T]: Aantallen<T[K]> }
      : T;

/** A raw result with every Telling replaced by its count, for comparison with hand counts. */
export function aantallen<T>(waarde: T): Aantallen<T> {
  if (waarde instanceof Telling) return waarde.aantal as Aantallen<T>;
  if (Array.isArray(waarde)) return waarde.map(aantallen) as Aantallen<T>;
  if (waarde !== null && typeof waarde === 'object') {
    return Object.fromEntries(
      Object.entries(waarde).map(([k, v]) => [k, aantallen(v)]),
    ) as Aantallen<T>;
  }
  return waarde as Aantallen<T>;
}

/** The largest distance between a published count and the true one: perturbation plus rounding. */
export const MAX_FOUT = PTABEL.maxAfwijking + 2;

/**
 * A published count is the p-table's answer for the raw count and its cell key: withheld under
 * 10, else a multiple of 5 within MAX_FOUT of the truth.
 */
export function verwachtGepubliceerd(gepubliceerd: number | null, ruw: Telling): void {
  if (ruw.aantal < DREMPEL) {
    expect(gepubliceerd).toBeNull();
    return;
  }
  expect(gepubliceerd).toBe(publiceerAantal(ruw));
  expect(gepubliceerd! % 5).toBe(0);
  expect(Math.abs(gepubliceerd! - ruw.aantal)).toBeLessThanOrEqual(MAX_FOUT);
}

/** A fixed series of pseudo-random 32-bit keys (mulberry32), so a hand-made data set is the same each run. */
export function sleutelreeks(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/**
 * The facts with a record key for every person they mention that has none, as a log would have
 * them (the key right after the person's first fact). Keys come from `sleutelreeks(seed)`.
 */
export function metSleutels(feiten: readonly MonitoringFeit[], seed = 1): MonitoringFeit[] {
  const volgende = sleutelreeks(seed);
  const metSleutel = new Set(
    feiten.flatMap((f) => (f.type === 'Recordsleutel' ? [f.persoonId] : [])),
  );
  const uit: MonitoringFeit[] = [];
  for (const feit of feiten) {
    uit.push(feit);
    const persoonId = persoonVan(feit);
    if (persoonId !== null && !metSleutel.has(persoonId)) {
      metSleutel.add(persoonId);
      uit.push({ type: 'Recordsleutel', persoonId, sleutel: volgende() });
    }
  }
  return uit;
}

function persoonVan(feit: MonitoringFeit): string | null {
  switch (feit.type) {
    case 'Persoon':
    case 'Gezinslid':
      return feit.persoonId;
    case 'Zorg':
      return feit.event.data.persoonId;
    default:
      return null;
  }
}

/** The cell key of these record keys, as `Telling` computes it. */
export function celsleutel(sleutels: readonly number[]): number {
  return sleutels.reduce((som, s) => (som + s) % SLEUTELRUIMTE, 0);
}
