import { addDays, addMonths, format, parseISO } from 'date-fns';
import fc from 'fast-check';
import { DREMPEL, GROOTHEID_FACTOR, Telling, publiceerAantal } from '../disclosure';
import { durationDays } from '../survival';
import { MAX_FOUT, metSleutels } from '../testing/tellingen';
import { bouwDataset } from './dataset';
import { MonitoringFeit } from './feiten';
import { MonitoringVraag } from './selectie';
import {
  GepubliceerdeVerlengingen,
  OVERIGE_REDENEN,
  RuweVerlengingTelling,
  VERLENGING_GROEPERINGEN,
  langerDanMaximum,
  normaliseerReden,
  telVerlengingen,
  verlengingenCijfers,
} from './verlengingen';
import { PERSONEN, dag, feitenVan, metGeschud, toewijzingMet, vragen } from './testing/arbitraries';
import { verlenging } from './testing/feiten';

/** Common reasons reach 10 now and then; rare ones are marked so they can be looked for. */
const REDENEN = ['Doelen nog niet behaald', ' doelen nog niet behaald', 'WACHTLIJST'];

/** One assignment with its stop and its contracted maximum (if any). */
const toewijzingMetMaximum = toewijzingMet({
  zorgStop: fc.option(fc.integer({ min: -10, max: 200 }), { freq: 3 }),
  max: fc.constantFrom(null, 1, 3, 6),
});

const aanvraagBlok = fc
  .record({
    toewijzing: fc.nat(),
    op: fc.integer({ min: 0, max: 400 }),
    extra: fc.integer({ min: 1, max: 200 }),
    reden: fc.oneof(
      { arbitrary: fc.constantFrom(...REDENEN), weight: 2 },
      { arbitrary: fc.nat({ max: 40 }).map((n) => `[zeldzaam ${n}]`), weight: 1 },
    ),
    besluit: fc.constantFrom(null, 'toegekend' as const, 'afgewezen' as const),
    telaat: fc.boolean(),
  })
  .map(
    (r) => (id: string, toewijzingen: number) =>
      verlenging({
        id,
        persoon: PERSONEN[r.toewijzing % PERSONEN.length]!,
        // Requests for assignment indexes that do not exist are requests for unknown assignments.
        toewijzing: `tw-${r.toewijzing % (toewijzingen + 1)}`,
        op: dag(r.op),
        tot: dag(r.op + r.extra),
        reden: r.reden,
        telaat: r.telaat,
        besluit: r.besluit,
        besluitOp: dag(r.op + 1),
        nieuweToewijzing: 'x',
        toelichting: '',
      }),
  );

/** Blocks of facts; any order of the blocks is a valid log. */
const blokkenVan = (
  aanvragen: { minLength: number; maxLength: number },
  toewijzingen = { minLength: 1, maxLength: 20 },
) =>
  fc
    .tuple(fc.array(toewijzingMetMaximum, toewijzingen), fc.array(aanvraagBlok, aanvragen))
    .map(([toewijzingen, aanvragen]) => [
      ...toewijzingen.map((blok, i) => blok(`tw-${i}`)),
      ...aanvragen.map((blok, i) => blok(`vl-${i}`, toewijzingen.length)),
    ]);
const blokken = blokkenVan({ minLength: 0, maxLength: 40 });
/** Many requests over a long period, so that reasons reach 10 now and then. */
const veelAanvragen = blokkenVan({ minLength: 20, maxLength: 60 });
/** Many episodes and requests, so that counts reach 10 and get published. */
const veelZorg = blokkenVan({ minLength: 30, maxLength: 80 }, { minLength: 30, maxLength: 60 });
const langePeriode: fc.Arbitrary<MonitoringVraag> = fc
  .record({ van: fc.integer({ min: 0, max: 100 }), lengte: fc.integer({ min: 200, max: 400 }) })
  .map(({ van, lengte }) => ({
    van: dag(van),
    tot: dag(van + lengte),
    bekendOp: dag(800),
    filter: {},
  }));

const groepen = fc.constantFrom(...VERLENGING_GROEPERINGEN);
/** The seed of the record keys the generated persons get. */
const seeds = fc.nat();

/** The generated facts with a record key for each person, as a log would have them. */
const dataset = (b: MonitoringFeit[][], seed: number) =>
  bouwDataset(metSleutels(feitenVan(b), seed));

function controleerTelling(t: RuweVerlengingTelling): void {
  expect(t.langerDanMaximum.aantal).toBeLessThanOrEqual(t.metMaximum.aantal);
  expect(t.toegekend.plus(t.afgewezen).plus(t.openstaand)).toEqual(t.aangevraagd);
  expect(t.telaat.aantal).toBeLessThanOrEqual(t.aangevraagd.aantal);
  expect(t.extraDagen).toHaveLength(t.toegekend.aantal);
  expect(t.verblijfVerlengd.aantal).toBeLessThanOrEqual(t.toegekend.aantal);
}

const AANTALLEN = [
  'metMaximum',
  'langerDanMaximum',
  'aangevraagd',
  'toegekend',
  'afgewezen',
  'openstaand',
  'telaat',
  'verblijfVerlengd',
] as const;

/** A share in percent, one decimal, of two published counts: null when either is withheld. */
const aandeelVan = (teller: number | null, noemer: number | null): number | null =>
  teller === null || noemer === null
    ? null
    : Math.round(Math.min(1000, (1000 * teller) / noemer)) / 10;

/** What is published of a row, against its raw counts. */
function controleerGepubliceerd(c: GepubliceerdeVerlengingen, t: RuweVerlengingTelling): void {
  for (const veld of AANTALLEN) {
    const gepubliceerd = c[veld];
    // Withheld exactly when the count is under 10; else a multiple of 5 close to it.
    expect(gepubliceerd === null).toBe(t[veld].aantal < DREMPEL);
    if (gepubliceerd !== null) {
      expect(gepubliceerd % 5).toBe(0);
      expect(Math.abs(gepubliceerd - t[veld].aantal)).toBeLessThanOrEqual(MAX_FOUT);
    }
  }
  expect(c.aandeelLangerDanMaximum).toBe(aandeelVan(c.langerDanMaximum, c.metMaximum));
  const besloten = t.toegekend.plus(t.afgewezen);
  expect(c.aandeelToegekend).toBe(aandeelVan(c.toegekend, publiceerAantal(besloten)));
  expect(c.gemiddeldeExtraDagen === null).toBe(t.toegekend.aantal < DREMPEL);
  if (c.gemiddeldeExtraDagen !== null) {
    const n = t.toegekend.aantal;
    const som = t.extraDagen.reduce((a, b) => a + b, 0);
    const ruis = (GROOTHEID_FACTOR * Math.max(...t.extraDagen.map(Math.abs))) / n;
    expect(Math.abs(c.gemiddeldeExtraDagen - som / n)).toBeLessThanOrEqual(ruis + 0.05 + 1e-9);
  }
}

describe('verlengingen properties', () => {
  it('longer than the maximum means lasting more days than start to start + max months', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 800 }),
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 1, max: 12 }),
        (start, lengte, max) => {
          const begin = dag(start);
          const maxDagen = durationDays(
            begin,
            format(addDays(addMonths(parseISO(begin), max), -1), 'yyyy-MM-dd'),
          );
          expect(langerDanMaximum({ start: begin, end: dag(start + lengte) }, max)).toBe(
            lengte + 1 > maxDagen,
          );
        },
      ),
    );
  });

  it('every row is consistent, and requests (one assignment each) add up to the total', () => {
    fc.assert(
      fc.property(blokken, vragen, groepen, seeds, (b, vraag, groep, seed) => {
        const ruw = telVerlengingen(dataset(b, seed), vraag, groep);
        for (const g of ruw.perGroep) controleerTelling(g);
        controleerTelling(ruw.totaal);
        // Requests have one assignment, so one group: counts and cell keys add up to the total.
        const som = (veld: 'aangevraagd' | 'toegekend' | 'telaat' | 'verblijfVerlengd') =>
          ruw.perGroep.reduce((s, g) => s.plus(g[veld]), new Telling());
        expect(som('aangevraagd')).toEqual(ruw.totaal.aangevraagd);
        expect(som('toegekend')).toEqual(ruw.totaal.toegekend);
        expect(som('telaat')).toEqual(ruw.totaal.telaat);
        expect(som('verblijfVerlengd')).toEqual(ruw.totaal.verblijfVerlengd);
        expect(ruw.redenen.reduce((s, r) => s.plus(r.aantal), new Telling())).toEqual(
          ruw.totaal.aangevraagd,
        );
        const episodes = ruw.perGroep.reduce((s, g) => s.plus(g.metMaximum), new Telling());
        // An episode has one product but may have several providers.
        if (groep === 'product') expect(episodes).toEqual(ruw.totaal.metMaximum);
        else expect(episodes.aantal).toBeGreaterThanOrEqual(ruw.totaal.metMaximum.aantal);
      }),
    );
  });

  it('a reason given by fewer than 10 requests never appears in the published result', () => {
    fc.assert(
      fc.property(
        veelAanvragen,
        fc.oneof(vragen, langePeriode),
        groepen,
        seeds,
        (b, vraag, groep, seed) => {
          const d = dataset(b, seed);
          const ruw = telVerlengingen(d, vraag, groep);
          const c = verlengingenCijfers(d, vraag, groep);
          const json = JSON.stringify(c).toLowerCase();
          for (const { reden, aantal } of ruw.redenen) {
            if (aantal.aantal < DREMPEL) {
              expect(json).not.toContain(JSON.stringify(reden).slice(1, -1));
            }
          }
          const geteld = new Map(ruw.redenen.map((r) => [r.reden, r.aantal]));
          for (const { reden, aantal } of c.redenen) {
            if (reden === OVERIGE_REDENEN) continue;
            expect(geteld.get(reden)!.aantal).toBeGreaterThanOrEqual(DREMPEL);
            expect(aantal).toBe(publiceerAantal(geteld.get(reden)!));
          }
          // Every reason that was counted is in a row: word for word or among the others.
          const overige = ruw.redenen
            .filter((r) => !c.redenen.some((p) => p.reden === r.reden))
            .reduce((s, r) => s.plus(r.aantal), new Telling());
          const overigeRij = c.redenen.find((r) => r.reden === OVERIGE_REDENEN);
          expect(overigeRij !== undefined).toBe(overige.aantal > 0);
          if (overigeRij) expect(overigeRij.aantal).toBe(publiceerAantal(overige));
        },
      ),
    );
  });

  it('reasons are grouped regardless of case and surrounding spaces', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('', ' ', '  \t'), (reden, rand) => {
        expect(normaliseerReden(`${rand}${reden.toUpperCase()}${rand}`)).toBe(
          normaliseerReden(reden.toLowerCase()),
        );
      }),
    );
  });

  it('the order of independent facts does not matter', () => {
    fc.assert(
      fc.property(
        metGeschud(blokken),
        vragen,
        groepen,
        seeds,
        ([b, geschud], vraag, groep, seed) => {
          // The same record keys in both orders: a person keeps theirs, whatever comes first.
          const sleutels = metSleutels(feitenVan(b), seed).filter(
            (f) => f.type === 'Recordsleutel',
          );
          expect(
            verlengingenCijfers(bouwDataset([...sleutels, ...feitenVan(geschud)]), vraag, groep),
          ).toEqual(verlengingenCijfers(bouwDataset([...sleutels, ...feitenVan(b)]), vraag, groep));
        },
      ),
      { numRuns: 50 },
    );
  });

  it('publishes each count perturbed within MAX_FOUT exactly when it reaches 10, shares of the published counts, means within their noise; the same each time', () => {
    fc.assert(
      fc.property(
        fc.oneof(blokken, veelZorg, veelZorg),
        fc.oneof(vragen, langePeriode, langePeriode),
        groepen,
        seeds,
        (b, vraag, groep, seed) => {
          const d = dataset(b, seed);
          const ruw = telVerlengingen(d, vraag, groep);
          const c = verlengingenCijfers(d, vraag, groep);
          expect(c.perGroep.map((g) => g.sleutel)).toEqual(ruw.perGroep.map((g) => g.sleutel));
          c.perGroep.forEach((g, i) => controleerGepubliceerd(g, ruw.perGroep[i]!));
          controleerGepubliceerd(c.totaal, ruw.totaal);
          expect(verlengingenCijfers(d, vraag, groep)).toEqual(c);
        },
      ),
    );
  });

  it('published counts are rounded multiples of 5 from 10 on, shares lie in 0..100, and no person id occurs', () => {
    fc.assert(
      fc.property(blokken, vragen, groepen, seeds, (b, vraag, groep, seed) => {
        const c = verlengingenCijfers(dataset(b, seed), vraag, groep);
        for (const rij of [...c.perGroep, c.totaal]) {
          const { aandeelLangerDanMaximum, aandeelToegekend, gemiddeldeExtraDagen, ...aantallen } =
            rij;
          for (const aantal of Object.values(aantallen)) {
            if (typeof aantal === 'number') {
              expect(aantal % 5).toBe(0);
              expect(aantal).toBeGreaterThanOrEqual(DREMPEL);
            }
          }
          for (const p of [aandeelLangerDanMaximum, aandeelToegekend]) {
            if (p !== null) {
              expect(p).toBeGreaterThanOrEqual(0);
              expect(p).toBeLessThanOrEqual(100);
            }
          }
          if (gemiddeldeExtraDagen !== null)
            expect(Number.isFinite(gemiddeldeExtraDagen)).toBe(true);
        }
        const json = JSON.stringify(c);
        for (const persoonId of PERSONEN) expect(json).not.toContain(persoonId);
      }),
    );
  });
});
