import fc from 'fast-check';
import { MonitoringFeit } from '../feiten';
import { MonitoringVraag } from '../selectie';
import { aanbieder, dagNa, product, toewijzing } from './feiten';

/** Generators shared by the property tests of the monitoring figures. */

/** A list and the same list in another order: `[xs, geschud]`. */
export const metGeschud = <T>(lijst: fc.Arbitrary<T[]>): fc.Arbitrary<[T[], T[]]> =>
  lijst.chain((xs) =>
    fc.tuple(
      fc.constant(xs),
      fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length }),
    ),
  );

/**
 * Episodes (duren, verlengingen): few persons, products and providers over a short span from
 * 2025-10-01, so that care touches and overlaps. Days are offsets from that date.
 */
export const dag = (n: number): string => dagNa('2025-10-01', n);
export const PERSONEN = Array.from({ length: 6 }, (_, i) => `persoon-${i}-x`);
const PRODUCTEN = [
  { productcode: '45A01', categorie: '45' },
  { productcode: '41B02', categorie: '41' },
  { productcode: '43V01', categorie: '43' },
] as const;
const AANBIEDERS = ['aanb-a', 'aanb-b'];

/** The providers and products of the episodes, with made-up names. */
const referentie: MonitoringFeit[] = [
  ...AANBIEDERS.map((id) => aanbieder(id, `Naam ${id}`)),
  ...PRODUCTEN.map(({ productcode, categorie }) =>
    product({ code: productcode, categorie, omschrijving: `Product ${productcode}` }),
  ),
];

/** The facts of generated blocks, in their order, after the reference data of the episodes. */
export const feitenVan = (blokken: MonitoringFeit[][]): MonitoringFeit[] => [
  ...referentie,
  ...blokken.flat(),
];

/** The fields of an assignment of the episodes. */
const toewijzingVelden = {
  persoon: fc.constantFrom(...PERSONEN),
  product: fc.constantFrom(...PRODUCTEN),
  aanbieder: fc.constantFrom(...AANBIEDERS),
  // Starts on multiples of 10 with lengths 9 or 10 make consecutive (mergeable) assignments.
  begin: fc.oneof(
    fc.integer({ min: 0, max: 40 }).map((n) => n * 10),
    fc.integer({ min: 0, max: 400 }),
  ),
  lengte: fc.oneof(fc.constantFrom(9, 10), fc.integer({ min: -3, max: 300 })),
};

/** What a test adds to an assignment, in days after its begin date, and its maximum in months. */
interface ToewijzingExtra {
  zorgStart?: fc.Arbitrary<number | null>;
  zorgStop?: fc.Arbitrary<number | null>;
  max?: fc.Arbitrary<number | null>;
}

/**
 * One assignment of the episodes (referred by the municipality) with what `extra` adds, in that
 * order: for an id, a block of facts whose internal order matters.
 */
export const toewijzingMet = (
  extra: ToewijzingExtra,
): fc.Arbitrary<(id: string) => MonitoringFeit[]> =>
  fc.record({ ...toewijzingVelden, ...extra }).map(
    (r) => (id: string) =>
      toewijzing({
        id,
        persoon: r.persoon,
        product: r.product.productcode,
        categorie: r.product.categorie,
        aanbieder: r.aanbieder,
        verwijzer: '01',
        begin: dag(r.begin),
        eind: dag(r.begin + r.lengte),
        maxDuurMaanden: r.max,
        start: r.zorgStart == null ? null : dag(r.begin + r.zorgStart),
        stop: r.zorgStop == null ? null : dag(r.begin + r.zorgStop),
      }),
  );

/** Periods of up to 300 days, known on a day up to 700 days after 2025-10-01. */
export const vragen: fc.Arbitrary<MonitoringVraag> = fc
  .record({
    van: fc.integer({ min: 0, max: 300 }),
    lengte: fc.integer({ min: 0, max: 300 }),
    bekend: fc.integer({ min: 0, max: 700 }),
  })
  .map(({ van, lengte, bekend }) => ({
    van: dag(van),
    tot: dag(van + lengte),
    bekendOp: dag(bekend),
    filter: {},
  }));
