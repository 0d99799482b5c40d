import fc from 'fast-check';
import { WOONVORMEN } from '@app/domain';
import {
  DREMPEL,
  GROOTHEID_FACTOR,
  OVERLEVING_FACTOR,
  Telling,
  publiceerAantal,
} from '../disclosure';
import { MAX_FOUT, metSleutels } from '../testing/tellingen';
import { bouwDataset } from './dataset';
import { MonitoringFeit } from './feiten';
import { MonitoringVraag } from './selectie';
import {
  BEHANDELD_WONEN_DOELFACTOR,
  DUUR_GROEPERINGEN,
  GepubliceerdeDuren,
  RuweDuurStatistiek,
  durenCijfers,
  telDuren,
} from './duren';
import { telZorgepisodes } from './zorgepisodes';
import { PERSONEN, dag, feitenVan, metGeschud, toewijzingMet, vragen } from './testing/arbitraries';
import { persoon, verblijf } from './testing/feiten';

/** One assignment with its start and stop. */
const toewijzingMetZorg = toewijzingMet({
  zorgStart: fc.option(fc.integer({ min: -5, max: 20 }), { freq: 3 }),
  zorgStop: fc.option(fc.integer({ min: -10, max: 200 }), { freq: 3 }),
});

/** A stay from day `start` (a year's indication), its change of form `na` days later, its end. */
const verblijfBlok = fc
  .record({
    persoon: fc.constantFrom(...PERSONEN),
    vorm: fc.constantFrom(...WOONVORMEN),
    start: fc.integer({ min: -1100, max: 400 }),
    wijziging: fc.option(
      fc.record({ na: fc.integer({ min: 1, max: 100 }), vorm: fc.constantFrom(...WOONVORMEN) }),
    ),
    einde: fc.option(fc.integer({ min: -5, max: 300 })),
  })
  .map(
    (r) =>
      (id: string): MonitoringFeit[] =>
        verblijf({
          id,
          persoon: r.persoon,
          vorm: r.vorm,
          start: dag(r.start),
          indicatieEinde: dag(r.start + 365),
          wijzigingen: r.wijziging
            ? [{ datum: dag(r.start + r.wijziging.na), naar: r.wijziging.vorm }]
            : [],
          einde: r.einde === null ? null : dag(r.start + r.einde),
          vervolghulp: false,
        }),
  );

/** Blocks of facts; any order of the blocks is a valid log. */
const blokkenVan = (aantal: { minLength?: number; maxLength: number }) =>
  fc
    .tuple(fc.array(toewijzingMetZorg, aantal), fc.array(verblijfBlok, aantal))
    .map(([toewijzingen, verblijven]) => [
      ...toewijzingen.map((blok, i) => blok(`tw-${i}`)),
      ...verblijven.map((blok, i) => blok(`vb-${i}`)),
    ]);
const blokken: fc.Arbitrary<MonitoringFeit[][]> = blokkenVan({ maxLength: 30 });
/** Enough episodes and stays for counts of 10 and more. */
const veleBlokken: fc.Arbitrary<MonitoringFeit[][]> = blokkenVan({ minLength: 50, maxLength: 80 });
/** Long periods known late, so that many episodes end and start in them. */
const langeVragen: fc.Arbitrary<MonitoringVraag> = fc
  .record({
    van: fc.integer({ min: 0, max: 100 }),
    lengte: fc.integer({ min: 150, max: 400 }),
    bekend: fc.integer({ min: 200, max: 700 }),
  })
  .map(({ van, lengte, bekend }) => ({
    van: dag(van),
    tot: dag(van + lengte),
    bekendOp: dag(bekend),
    filter: {},
  }));

/**
 * The data set of the blocks, every person with a record key from `seed`, drawn before any block
 * so that the order of the blocks does not change who gets which key.
 */
const dataset = (b: MonitoringFeit[][], seed: number, extra: MonitoringFeit[] = []) =>
  bouwDataset([
    ...metSleutels(
      PERSONEN.map((p) => persoon(p, null)),
      seed,
    ),
    ...feitenVan(b),
    ...extra,
  ]);

const som = (tellingen: Telling[]) => tellingen.reduce((a, b) => a.plus(b), new Telling());

const groepen = fc.constantFrom(...DUUR_GROEPERINGEN);

function controleerStatistiek(s: RuweDuurStatistiek): void {
  expect(s.lopend.aantal).toBeLessThanOrEqual(s.gestart.aantal);
  expect(s.samenvatting.count).toBe(s.beeindigd.aantal);
  // The values behind the magnitudes are those of the records counted.
  expect(s.beeindigdeDuren).toHaveLength(s.beeindigd.aantal);
  expect(s.gestarteDuren).toHaveLength(s.gestart.aantal);
  // A started one that ended by the peildatum ended in the period too: the ended part of the
  // cohort is part of the ended population (which may hold more: those started before van).
  expect(s.gestart.aantal - s.lopend.aantal).toBeLessThanOrEqual(s.beeindigd.aantal);
  // Those at risk are of the cohort, and fewer later on.
  const { kmMediaan, na90, na180, na365 } = s.onderRisico;
  expect(na90).toBeLessThanOrEqual(s.gestart.aantal);
  expect(na180).toBeLessThanOrEqual(na90);
  expect(na365).toBeLessThanOrEqual(na180);
  expect(kmMediaan).toBeLessThanOrEqual(s.gestart.aantal);
  if (s.kmMediaan !== null) {
    expect(kmMediaan).toBe(s.gestarteDuren.filter((duur) => duur >= s.kmMediaan!).length);
  }
  expect(na90).toBe(s.gestarteDuren.filter((duur) => duur >= 90).length);
  if (s.beeindigd.aantal > 0) expect(s.samenvatting.min!).toBeGreaterThanOrEqual(1);
  if (s.kmMediaan !== null) expect(s.kmMediaan).toBeGreaterThanOrEqual(1);
  const overleving = [s.overlevingNa90, s.overlevingNa180, s.overlevingNa365];
  for (const o of overleving) {
    if (o !== null) {
      expect(o).toBeGreaterThanOrEqual(0);
      expect(o).toBeLessThanOrEqual(1);
    }
  }
  // Survival never rises with time.
  for (let i = 1; i < overleving.length; i++) {
    const [eerder, later] = [overleving[i - 1], overleving[i]];
    if (eerder != null && later != null) expect(later).toBeLessThanOrEqual(eerder + 1e-12);
  }
}

describe('duren properties', () => {
  it('running ones are of the started ones, the ended started ones are among the ended, durations are at least 1 day and survival lies in 0..1', () => {
    fc.assert(
      fc.property(blokken, vragen, groepen, fc.nat(), (b, vraag, groep, seed) => {
        const ruw = telDuren(dataset(b, seed), vraag, groep);
        for (const g of ruw.perGroep) controleerStatistiek(g);
        controleerStatistiek(ruw.totaal);
        controleerStatistiek(ruw.verblijf);
        controleerStatistiek(ruw.behandeldWonen.periode);
        controleerStatistiek(ruw.behandeldWonen.basisjaar);
      }),
    );
  });

  it('per category and per product the groups add up to the total, cell keys too; per provider each is at most the total', () => {
    fc.assert(
      fc.property(blokken, vragen, groepen, fc.nat(), (b, vraag, groep, seed) => {
        const ruw = telDuren(dataset(b, seed), vraag, groep);
        for (const veld of ['gestart', 'beeindigd', 'lopend'] as const) {
          const opgeteld = som(ruw.perGroep.map((g) => g[veld]));
          if (groep === 'aanbieder') {
            expect(opgeteld.aantal).toBeGreaterThanOrEqual(ruw.totaal[veld].aantal);
            for (const g of ruw.perGroep) {
              expect(g[veld].aantal).toBeLessThanOrEqual(ruw.totaal[veld].aantal);
            }
          } else {
            // Each episode is in one group: the groups' records are the total's.
            expect(opgeteld).toEqual(ruw.totaal[veld]);
          }
        }
      }),
    );
  });

  it('a foster care stay never changes the residential durations, and behandeld wonen is part of them', () => {
    fc.assert(
      fc.property(
        blokken,
        vragen,
        fc.integer({ min: -100, max: 400 }),
        fc.option(fc.integer({ min: 0, max: 300 })),
        fc.nat(),
        (b, vraag, start, einde, seed) => {
          const zonder = telDuren(dataset(b, seed), vraag, 'categorie');
          const pleegzorg = verblijf({
            id: 'vb-pleeg',
            persoon: PERSONEN[0]!,
            vorm: 'pleegzorg',
            start: dag(start),
            indicatieEinde: dag(start + 365),
            wijzigingen: [{ datum: dag(start + 5), naar: 'behandeld-wonen' }],
            einde: einde === null ? null : dag(start + einde),
            vervolghulp: false,
          });
          const met = telDuren(dataset(b, seed, pleegzorg), vraag, 'categorie');
          expect(met.verblijf).toEqual(zonder.verblijf);
          expect(met.behandeldWonen).toEqual(zonder.behandeldWonen);
          const { periode } = zonder.behandeldWonen;
          expect(periode.gestart.aantal).toBeLessThanOrEqual(zonder.verblijf.gestart.aantal);
          expect(periode.beeindigd.aantal).toBeLessThanOrEqual(zonder.verblijf.beeindigd.aantal);
        },
      ),
    );
  });

  it('the ended and started episodes are those the episode counts call beeindigd and gestart, per group and in total', () => {
    fc.assert(
      fc.property(blokken, vragen, groepen, fc.nat(), (b, vraag, groep, seed) => {
        const d = dataset(b, seed);
        const duren = telDuren(d, vraag, groep);
        const episodes = telZorgepisodes(d, vraag, groep);
        const telling = new Map(episodes.perGroep.map((g) => [g.sleutel, g.telling]));
        const vergelijk = (s: RuweDuurStatistiek, t: (typeof episodes)['totaal']) => {
          // The same episodes: the same counts and cell keys.
          expect([s.gestart, s.beeindigd]).toEqual([t.gestart, t.beeindigd]);
          // The running ones of the cohort only; the episode counts also have earlier ones.
          expect(s.lopend.aantal).toBeLessThanOrEqual(t.lopend.aantal);
        };
        vergelijk(duren.totaal, episodes.totaal);
        for (const g of duren.perGroep) vergelijk(g, telling.get(g.sleutel)!);
      }),
    );
  });

  it('the order of independent facts does not matter', () => {
    fc.assert(
      fc.property(
        metGeschud(blokken),
        vragen,
        groepen,
        fc.nat(),
        ([b, geschud], vraag, groep, seed) => {
          expect(durenCijfers(dataset(geschud, seed), vraag, groep)).toEqual(
            durenCijfers(dataset(b, seed), vraag, groep),
          );
        },
      ),
      { numRuns: 50 },
    );
  });

  it('publishes counts iff 10 or more, near the truth; magnitudes within their noise, withheld with their groups or those at risk; the same answer twice', () => {
    fc.assert(
      fc.property(veleBlokken, langeVragen, groepen, fc.nat(), (b, vraag, groep, seed) => {
        const d = dataset(b, seed);
        const ruw = telDuren(d, vraag, groep);
        const c = durenCijfers(d, vraag, groep);
        const paren: [GepubliceerdeDuren, RuweDuurStatistiek][] = [
          ...c.perGroep.map((g, i): [GepubliceerdeDuren, RuweDuurStatistiek] => [
            g,
            ruw.perGroep[i]!,
          ]),
          [c.totaal, ruw.totaal],
          [c.verblijf, ruw.verblijf],
          [c.behandeldWonen.periode, ruw.behandeldWonen.periode],
          [c.behandeldWonen.basisjaar, ruw.behandeldWonen.basisjaar],
        ];
        for (const [p, s] of paren) controleerGepubliceerd(p, s);
        // The goal and the difference follow from the published means alone.
        const [nu, basis] = [
          c.behandeldWonen.periode.gemiddelde,
          c.behandeldWonen.basisjaar.gemiddelde,
        ];
        expect(c.behandeldWonen.doelGemiddelde).toBe(
          basis === null ? null : Math.round(basis * BEHANDELD_WONEN_DOELFACTOR * 10) / 10,
        );
        if (nu === null || basis === null) expect(c.behandeldWonen.verschilPercentage).toBeNull();
        expect(durenCijfers(d, vraag, groep)).toEqual(c);
        const json = JSON.stringify(c);
        for (const persoonId of PERSONEN) expect(json).not.toContain(persoonId);
      }),
      { numRuns: 100 },
    );
  });
});

/** What a published row may say, given its raw figures (see disclosure.spec.ts for the bounds). */
function controleerGepubliceerd(p: GepubliceerdeDuren, s: RuweDuurStatistiek): void {
  for (const veld of ['gestart', 'beeindigd', 'lopend'] as const) {
    if (s[veld].aantal < DREMPEL) expect(p[veld]).toBeNull();
    else {
      expect(p[veld]).toBe(publiceerAantal(s[veld]));
      expect(p[veld]! % 5).toBe(0);
      expect(p[veld]).toBeGreaterThanOrEqual(DREMPEL);
      expect(Math.abs(p[veld]! - s[veld].aantal)).toBeLessThanOrEqual(MAX_FOUT);
    }
  }
  const grens = (waarden: number[], t: Telling, decimalen: number) =>
    (GROOTHEID_FACTOR * Math.max(...waarden)) / t.aantal + 0.5 * 10 ** -decimalen + 1e-9;
  // The mean and percentiles of the ended ones: shown iff 10 or more ended.
  const { mean, median, p25, p75, p90 } = s.samenvatting;
  const genoegBeeindigd = s.beeindigd.aantal >= DREMPEL;
  expect(p.gemiddelde === null).toBe(!genoegBeeindigd);
  if (p.gemiddelde !== null) {
    const som = s.beeindigdeDuren.reduce((a, x) => a + x, 0);
    expect(Math.abs(p.gemiddelde - som / s.beeindigd.aantal)).toBeLessThanOrEqual(
      grens(s.beeindigdeDuren, s.beeindigd, 1),
    );
    expect(mean).not.toBeNull();
  }
  for (const [gepubliceerd, waarde] of [
    [p.mediaan, median],
    [p.p25, p25],
    [p.p75, p75],
    [p.p90, p90],
  ] as const) {
    expect(gepubliceerd === null).toBe(!genoegBeeindigd);
    if (gepubliceerd !== null) {
      expect(gepubliceerd).toBeGreaterThanOrEqual(0);
      expect(Math.abs(gepubliceerd - waarde!)).toBeLessThanOrEqual(
        grens(s.beeindigdeDuren, s.beeindigd, 1),
      );
    }
  }
  // Kaplan-Meier: shown iff estimable, the cohort 10 or more and 10 or more at risk on the day.
  const genoegGestart = s.gestart.aantal >= DREMPEL;
  expect(p.kmMediaan === null).toBe(
    s.kmMediaan === null || !genoegGestart || s.onderRisico.kmMediaan < DREMPEL,
  );
  if (p.kmMediaan !== null) {
    expect(Math.abs(p.kmMediaan - s.kmMediaan!)).toBeLessThanOrEqual(
      grens(s.gestarteDuren, s.gestart, 0),
    );
  }
  for (const [gepubliceerd, waarde, onderRisico] of [
    [p.overlevingNa90, s.overlevingNa90, s.onderRisico.na90],
    [p.overlevingNa180, s.overlevingNa180, s.onderRisico.na180],
    [p.overlevingNa365, s.overlevingNa365, s.onderRisico.na365],
  ] as const) {
    expect(gepubliceerd === null).toBe(waarde === null || !genoegGestart || onderRisico < DREMPEL);
    if (gepubliceerd !== null) {
      expect(gepubliceerd).toBeGreaterThanOrEqual(0);
      expect(gepubliceerd).toBeLessThanOrEqual(100);
      expect(Math.abs(gepubliceerd - 100 * waarde!)).toBeLessThanOrEqual(
        (100 * OVERLEVING_FACTOR) / onderRisico + 0.05 + 1e-9,
      );
    }
  }
}
