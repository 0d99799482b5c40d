import fc from 'fast-check';
import { WOONVORMEN } from '@app/domain';
import { DREMPEL } from '../disclosure';
import { bouwDataset } from './dataset';
import { MonitoringFeit } from './feiten';
import { DUUR_GROEPERINGEN, RuweDuurStatistiek, durenCijfers, telDuren } from './duren';
import { telZorgepisodes } from './zorgepisodes';
import { PERSONEN, dag, feitenVan, metGeschud, toewijzingMet, vragen } from './testing/arbitraries';
import { verblijf } from './testing/feiten';

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
const blokken: fc.Arbitrary<MonitoringFeit[][]> = fc
  .tuple(fc.array(toewijzingMetZorg, { maxLength: 30 }), fc.array(verblijfBlok, { maxLength: 20 }))
  .map(([toewijzingen, verblijven]) => [
    ...toewijzingen.map((blok, i) => blok(`tw-${i}`)),
    ...verblijven.map((blok, i) => blok(`vb-${i}`)),
  ]);

const groepen = fc.constantFrom(...DUUR_GROEPERINGEN);

function controleerStatistiek(s: RuweDuurStatistiek): void {
  expect(s.lopend).toBeLessThanOrEqual(s.gestart);
  expect(s.samenvatting.count).toBe(s.beeindigd);
  // A started one that ended by the peildatum ended in the period too: the ended part of the
  // cohort is part of the ended population (which may hold more: those started before van).
  expect(s.gestart - s.lopend).toBeLessThanOrEqual(s.beeindigd);
  if (s.beeindigd > 0) expect(s.samenvatting.min!).toBeGreaterThanOrEqual(1);
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
      fc.property(blokken, vragen, groepen, (b, vraag, groep) => {
        const ruw = telDuren(bouwDataset(feitenVan(b)), vraag, groep);
        for (const g of ruw.perGroep) controleerStatistiek(g);
        controleerStatistiek(ruw.totaal);
        controleerStatistiek(ruw.verblijf);
        controleerStatistiek(ruw.behandeldWonen.periode);
        controleerStatistiek(ruw.behandeldWonen.basisjaar);
      }),
    );
  });

  it('per category and per product the groups add up to the total; per provider each is at most the total', () => {
    fc.assert(
      fc.property(blokken, vragen, groepen, (b, vraag, groep) => {
        const ruw = telDuren(bouwDataset(feitenVan(b)), vraag, groep);
        const velden = ['gestart', 'beeindigd', 'lopend'] as const;
        const som = (veld: (typeof velden)[number]) =>
          ruw.perGroep.reduce((s, g) => s + g[veld], 0);
        for (const veld of velden) {
          if (groep === 'aanbieder') {
            expect(som(veld)).toBeGreaterThanOrEqual(ruw.totaal[veld]);
            for (const g of ruw.perGroep) expect(g[veld]).toBeLessThanOrEqual(ruw.totaal[veld]);
          } else {
            expect(som(veld)).toBe(ruw.totaal[veld]);
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
        (b, vraag, start, einde) => {
          const zonder = telDuren(bouwDataset(feitenVan(b)), vraag, 'categorie');
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
          const met = telDuren(bouwDataset([...feitenVan(b), ...pleegzorg]), vraag, 'categorie');
          expect(met.verblijf).toEqual(zonder.verblijf);
          expect(met.behandeldWonen).toEqual(zonder.behandeldWonen);
          const { periode } = zonder.behandeldWonen;
          expect(periode.gestart).toBeLessThanOrEqual(zonder.verblijf.gestart);
          expect(periode.beeindigd).toBeLessThanOrEqual(zonder.verblijf.beeindigd);
        },
      ),
    );
  });

  it('the ended and started episodes are those the episode counts call beeindigd and gestart, per group and in total', () => {
    fc.assert(
      fc.property(blokken, vragen, groepen, (b, vraag, groep) => {
        const d = bouwDataset(feitenVan(b));
        const duren = telDuren(d, vraag, groep);
        const episodes = telZorgepisodes(d, vraag, groep);
        const telling = new Map(episodes.perGroep.map((g) => [g.sleutel, g.telling]));
        const vergelijk = (s: RuweDuurStatistiek, t: (typeof episodes)['totaal']) => {
          expect([s.gestart, s.beeindigd]).toEqual([t.gestart, t.beeindigd]);
          // The running ones of the cohort only; the episode counts also have earlier ones.
          expect(s.lopend).toBeLessThanOrEqual(t.lopend);
        };
        vergelijk(duren.totaal, episodes.totaal);
        for (const g of duren.perGroep) vergelijk(g, telling.get(g.sleutel)!);
      }),
    );
  });

  it('the order of independent facts does not matter', () => {
    fc.assert(
      fc.property(metGeschud(blokken), vragen, groepen, ([b, geschud], vraag, groep) => {
        expect(durenCijfers(bouwDataset(feitenVan(geschud)), vraag, groep)).toEqual(
          durenCijfers(bouwDataset(feitenVan(b)), vraag, groep),
        );
      }),
      { numRuns: 50 },
    );
  });

  it('published counts are rounded multiples of 5 from 10 on, shares are percentages, and no person id occurs', () => {
    fc.assert(
      fc.property(blokken, vragen, groepen, (b, vraag, groep) => {
        const c = durenCijfers(bouwDataset(feitenVan(b)), vraag, groep);
        const rijen = [
          ...c.perGroep,
          c.totaal,
          c.verblijf,
          c.behandeldWonen.periode,
          c.behandeldWonen.basisjaar,
        ];
        for (const rij of rijen) {
          for (const aantal of [rij.gestart, rij.beeindigd, rij.lopend]) {
            if (aantal !== null) {
              expect(aantal % 5).toBe(0);
              expect(aantal).toBeGreaterThanOrEqual(DREMPEL);
            }
          }
          for (const p of [rij.overlevingNa90, rij.overlevingNa180, rij.overlevingNa365]) {
            if (p !== null) {
              expect(p).toBeGreaterThanOrEqual(0);
              expect(p).toBeLessThanOrEqual(100);
            }
          }
        }
        const json = JSON.stringify(c);
        for (const persoonId of PERSONEN) expect(json).not.toContain(persoonId);
      }),
    );
  });
});
