import { addDays, addMonths, format, parseISO } from 'date-fns';
import fc from 'fast-check';
import { DREMPEL } from '../disclosure';
import { durationDays } from '../durations';
import { bouwDataset } from './dataset';
import { MonitoringVraag } from './selectie';
import {
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
const blokkenVan = (aanvragen: { minLength: number; maxLength: number }) =>
  fc
    .tuple(
      fc.array(toewijzingMetMaximum, { minLength: 1, maxLength: 20 }),
      fc.array(aanvraagBlok, aanvragen),
    )
    .map(([toewijzingen, aanvragen]) => [
      ...toewijzingen.map((blok, i) => blok(`tw-${i}`)),
      ...aanvragen.map((blok, i) => blok(`vl-${i}`, toewijzingen.length)),
    ]);
const blokken = blokkenVan({ minLength: 0, maxLength: 40 });
/** Many requests over a long period, so that reasons reach 10 now and then. */
const veelAanvragen = blokkenVan({ minLength: 20, maxLength: 60 });
const langePeriode: fc.Arbitrary<MonitoringVraag> = fc
  .record({ van: fc.integer({ min: 0, max: 100 }), lengte: fc.integer({ min: 200, max: 400 }) })
  .map(({ van, lengte }) => ({
    van: dag(van),
    tot: dag(van + lengte),
    bekendOp: dag(800),
    filter: {},
  }));

const groepen = fc.constantFrom(...VERLENGING_GROEPERINGEN);

function controleerTelling(t: RuweVerlengingTelling): void {
  expect(t.langerDanMaximum).toBeLessThanOrEqual(t.metMaximum);
  expect(t.toegekend + t.afgewezen + t.openstaand).toBe(t.aangevraagd);
  expect(t.telaat).toBeLessThanOrEqual(t.aangevraagd);
  expect(t.extraDagen).toHaveLength(t.toegekend);
  expect(t.verblijfVerlengd).toBeLessThanOrEqual(t.toegekend);
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
      fc.property(blokken, vragen, groepen, (b, vraag, groep) => {
        const ruw = telVerlengingen(bouwDataset(feitenVan(b)), vraag, groep);
        for (const g of ruw.perGroep) controleerTelling(g);
        controleerTelling(ruw.totaal);
        const som = (veld: 'aangevraagd' | 'toegekend' | 'telaat' | 'verblijfVerlengd') =>
          ruw.perGroep.reduce((s, g) => s + g[veld], 0);
        expect(som('aangevraagd')).toBe(ruw.totaal.aangevraagd);
        expect(som('toegekend')).toBe(ruw.totaal.toegekend);
        expect(som('telaat')).toBe(ruw.totaal.telaat);
        expect(som('verblijfVerlengd')).toBe(ruw.totaal.verblijfVerlengd);
        expect(ruw.redenen.reduce((s, r) => s + r.aantal, 0)).toBe(ruw.totaal.aangevraagd);
        const episodes = ruw.perGroep.reduce((s, g) => s + g.metMaximum, 0);
        // An episode has one product but may have several providers.
        if (groep === 'product') expect(episodes).toBe(ruw.totaal.metMaximum);
        else expect(episodes).toBeGreaterThanOrEqual(ruw.totaal.metMaximum);
      }),
    );
  });

  it('a reason given by fewer than 10 requests never appears in the published result', () => {
    fc.assert(
      fc.property(veelAanvragen, fc.oneof(vragen, langePeriode), groepen, (b, vraag, groep) => {
        const d = bouwDataset(feitenVan(b));
        const ruw = telVerlengingen(d, vraag, groep);
        const c = verlengingenCijfers(d, vraag, groep);
        const json = JSON.stringify(c).toLowerCase();
        for (const { reden, aantal } of ruw.redenen) {
          if (aantal < DREMPEL) expect(json).not.toContain(JSON.stringify(reden).slice(1, -1));
        }
        const gepubliceerd = new Map(ruw.redenen.map((r) => [r.reden, r.aantal]));
        for (const { reden, aantal } of c.redenen) {
          if (reden === OVERIGE_REDENEN) continue;
          expect(gepubliceerd.get(reden)!).toBeGreaterThanOrEqual(DREMPEL);
          expect(aantal).not.toBeNull();
        }
        // Every reason that was counted is in a row: word for word or among the others.
        const overige = ruw.redenen
          .filter((r) => !c.redenen.some((p) => p.reden === r.reden))
          .reduce((s, r) => s + r.aantal, 0);
        expect(c.redenen.some((r) => r.reden === OVERIGE_REDENEN)).toBe(overige > 0);
      }),
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
      fc.property(metGeschud(blokken), vragen, groepen, ([b, geschud], vraag, groep) => {
        expect(verlengingenCijfers(bouwDataset(feitenVan(geschud)), vraag, groep)).toEqual(
          verlengingenCijfers(bouwDataset(feitenVan(b)), vraag, groep),
        );
      }),
      { numRuns: 50 },
    );
  });

  it('published counts are rounded multiples of 5 from 10 on, shares lie in 0..100, and no person id occurs', () => {
    fc.assert(
      fc.property(blokken, vragen, groepen, (b, vraag, groep) => {
        const c = verlengingenCijfers(bouwDataset(feitenVan(b)), vraag, groep);
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
