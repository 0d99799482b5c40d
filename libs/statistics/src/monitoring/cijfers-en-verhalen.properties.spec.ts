import fc from 'fast-check';
import { GEEN_ANTWOORD, HULPVRAAG_ANTWOORDEN, VERTELLERS } from '@app/domain';
import { DREMPEL, SLEUTELRUIMTE, Telling } from '../disclosure';
import { verwachtGepubliceerd } from '../testing/tellingen';
import { bouwDataset, voegFeitenToe } from './dataset';
import {
  GepubliceerdeOordelen,
  RuweOordeelGroep,
  cijfersEnVerhalen,
  telOordelen,
} from './cijfers-en-verhalen';
import { MonitoringFeit, OordeelFeit } from './feiten';
import { MonitoringVraag } from './selectie';
import { metGeschud } from './testing/arbitraries';
import { gezinInWijk, oordelen, toewijzing, verhaal } from './testing/feiten';

/**
 * The distribution of judgements under disclosure control, for any judgements: what is counted
 * adds up before suppression, nothing under 10 is published, the order of the facts changes
 * nothing, and a cell of fewer than 10 persons shows no story.
 */

const AANBIEDERS = ['11111111', '22222222'];

const score = <T>(waarden: readonly T[]) => fc.constantFrom(...waarden, ...GEEN_ANTWOORD);

const eenOordeel: fc.Arbitrary<OordeelFeit> = fc.record({
  door: fc.constantFrom(...VERTELLERS),
  hulpvraagBeantwoord: fc.constantFrom(...HULPVRAAG_ANTWOORDEN),
  regie: score([1, 2, 3, 4, 5] as const),
  voortgang: fc.array(score([-2, -1, 0, 1, 2] as const), { maxLength: 3 }),
});

/** A youth in a family with one assignment, and the judgements asked of the family. */
const gezin = fc.record({
  aanbieder: fc.constantFrom(...AANBIEDERS),
  wijk: fc.constantFrom('Noord', 'Zuid'),
  momenten: fc.array(
    fc.record({
      overToewijzing: fc.boolean(),
      maand: fc.constantFrom('2024-12', '2025-01', '2025-06', '2026-01'),
      oordelen: fc.array(eenOordeel, { minLength: 1, maxLength: 3 }),
    }),
    { maxLength: 4 },
  ),
  verhaal: fc.boolean(),
});

type Gezin = (typeof gezin extends fc.Arbitrary<infer T> ? T : never) & { nr: number };

/**
 * Each family's facts as one block: its order within is that of a log. Ids and record keys come
 * from the family's number, so a shuffled municipality has the same persons with the same keys.
 */
function blok(g: Gezin): MonitoringFeit[] {
  const i = g.nr;
  const [gezinId, persoonId, toewijzingId] = [`g${i}`, `p${i}`, `t${i}`];
  const over = { toewijzingId, persoonId };
  return [
    ...gezinInWijk(gezinId, persoonId, g.wijk),
    { type: 'Recordsleutel', persoonId, sleutel: Math.imul(i + 1, 0x9e3779b1) >>> 0 },
    ...toewijzing({
      id: toewijzingId,
      persoon: persoonId,
      aanbieder: g.aanbieder,
      begin: '2025-01-01',
      eind: '2025-06-30',
    }),
    ...g.momenten.map((m) =>
      oordelen({
        gezinId,
        toewijzing: m.overToewijzing ? over : null,
        maand: m.maand,
        oordelen: m.oordelen,
      }),
    ),
    ...(g.verhaal ? [verhaal({ verhaalId: `v${i}`, gezinId, toewijzing: over })] : []),
  ];
}

const gemeente = metGeschud(
  fc.array(gezin, { maxLength: 25 }).map((gs) => gs.map((g, nr): Gezin => ({ ...g, nr }))),
);

const vragen: fc.Arbitrary<MonitoringVraag> = fc.record({
  van: fc.constant('2025-01-01'),
  tot: fc.constantFrom('2025-03-31', '2025-12-31'),
  bekendOp: fc.constant('2026-02-01'),
  filter: fc.constantFrom({}, { aanbieder: AANBIEDERS[0] }, { wijk: 'Noord' }),
});

const feitenVan = (gezinnen: Gezin[]) => gezinnen.flatMap(blok);

const som = (tellingen: Telling[]) => tellingen.reduce((a, b) => a.plus(b), new Telling());

describe('judgements and stories side by side (properties)', () => {
  it('adds up before suppression: every answer, per teller and together', () => {
    fc.assert(
      fc.property(gemeente, vragen, ([gezinnen], vraag) => {
        const ruw = telOordelen(bouwDataset(feitenVan(gezinnen)), vraag);
        const groepen: RuweOordeelGroep[] = [...Object.values(ruw.perVerteller), ruw.totaal];
        for (const g of groepen) {
          expect(som(Object.values(g.hulpvraag))).toEqual(g.oordelen);
          expect(som(Object.values(g.regie))).toEqual(g.oordelen);
          expect(som(Object.values(g.voortgang))).toEqual(g.doelen);
          expect(g.regieScores).toHaveLength(g.regieGegeven.aantal);
          expect(g.voortgangScores).toHaveLength(g.voortgangGegeven.aantal);
        }
        const tellers = Object.values(ruw.perVerteller).map((g) => g.oordelen);
        expect(som(tellers)).toEqual(ruw.totaal.oordelen);
        expect(ruw.totaal.oordelen.sleutel).toBeLessThan(SLEUTELRUIMTE);
      }),
    );
  });

  it('publishes every count by the p-table, none under 10, and shares only of published counts', () => {
    fc.assert(
      fc.property(gemeente, vragen, ([gezinnen], vraag) => {
        const d = bouwDataset(feitenVan(gezinnen));
        const ruw = telOordelen(d, vraag);
        const { oordelen: gepubliceerd } = cijfersEnVerhalen(d, vraag);
        const groepen = [...VERTELLERS.map((v) => ruw.perVerteller[v]), ruw.totaal];
        gepubliceerd.forEach((p: GepubliceerdeOordelen, i) => {
          const g = groepen[i]!;
          verwachtGepubliceerd(p.oordelen, g.oordelen);
          verwachtGepubliceerd(p.doelen, g.doelen);
          for (const a of p.hulpvraagBeantwoord) {
            verwachtGepubliceerd(a.aantal, g.hulpvraag[a.antwoord as keyof typeof g.hulpvraag]);
            if (a.aantal === null || p.oordelen === null) expect(a.percentage).toBeNull();
            else expect(a.percentage).toBeGreaterThanOrEqual(0);
          }
          if (g.regieGegeven.aantal < DREMPEL) expect(p.gemiddeldeRegie).toBeNull();
          else expect(p.gemiddeldeRegie).toBeGreaterThanOrEqual(0.5);
        });
      }),
    );
  });

  it('gives the same answer whatever the order of the facts', () => {
    fc.assert(
      fc.property(gemeente, vragen, ([gezinnen, geschud], vraag) => {
        const a = cijfersEnVerhalen(bouwDataset(feitenVan(gezinnen)), vraag);
        const b = cijfersEnVerhalen(bouwDataset(feitenVan(geschud)), vraag);
        expect(b).toEqual(a);
      }),
    );
  });

  it('shows no story in a cell of fewer than 10 persons, and every story of a larger one', () => {
    fc.assert(
      fc.property(gemeente, vragen, ([gezinnen], vraag) => {
        const d = bouwDataset(feitenVan(gezinnen));
        const { cijfers, verhalen } = cijfersEnVerhalen(d, vraag);
        if (cijfers.episodes.personen === null) {
          expect(verhalen).toEqual({ getoond: false, reden: 'cel onder 10 personen', items: [] });
        } else {
          expect(verhalen.getoond).toBe(true);
          const inCel = gezinnen.filter(
            (g) =>
              g.verhaal &&
              (vraag.filter.aanbieder === undefined || g.aanbieder === vraag.filter.aanbieder) &&
              (vraag.filter.wijk === undefined || g.wijk === vraag.filter.wijk),
          );
          expect(verhalen.items).toHaveLength(inCel.length);
        }
      }),
    );
  });

  it('gives as known now, after new facts, what a full fold gives (the judgements kept per family)', () => {
    fc.assert(
      fc.property(gemeente, vragen, fc.nat(), fc.nat(), ([gezinnen], vraag, a, b) => {
        const feiten = feitenVan(gezinnen);
        const [k1, k2] = [a, b].map((x) => x % (feiten.length + 1)).sort((x, y) => x - y);
        const d = bouwDataset(feiten.slice(0, k1));
        cijfersEnVerhalen(d, vraag); // the screen was open before the new facts
        voegFeitenToe(d, feiten.slice(k1, k2));
        cijfersEnVerhalen(d, vraag);
        // A family moves, and judgements of all come in after.
        voegFeitenToe(d, [{ type: 'Wijk', gezinId: 'g0', wijk: 'Zuid', per: '2020-01-01' }]);
        voegFeitenToe(d, feiten.slice(k2));
        const volledig = bouwDataset([
          ...feiten.slice(0, k2),
          { type: 'Wijk', gezinId: 'g0', wijk: 'Zuid', per: '2020-01-01' },
          ...feiten.slice(k2),
        ]);
        expect(cijfersEnVerhalen(d, vraag)).toEqual(cijfersEnVerhalen(volledig, vraag));
      }),
    );
  });

  it('drops a withdrawn story from the answer, whatever else the cell holds', () => {
    fc.assert(
      fc.property(gemeente, vragen, ([gezinnen], vraag) => {
        const feiten = feitenVan(gezinnen);
        const ingetrokken = feiten.flatMap((f) => (f.type === 'Verhaal' ? [f.verhaalId] : []));
        const d = bouwDataset([
          ...feiten,
          ...ingetrokken.map((verhaalId): MonitoringFeit => ({
            type: 'VerhaalIngetrokken',
            verhaalId,
          })),
        ]);
        expect(cijfersEnVerhalen(d, vraag).verhalen.items).toEqual([]);
      }),
    );
  });
});
