import fc from 'fast-check';
import { bouwDataset, datasetVersie, MonitoringDataset, voegFeitenToe } from './dataset';
import { DUUR_GROEPERINGEN, durenCijfers, telDuren } from './duren';
import { MonitoringFeit } from './feiten';
import { indicatorCijfers, telIndicatoren } from './indicatoren';
import { perspectiefCijfers, telPerspectief } from './perspectief';
import { samenloopCijfers, telSamenloop } from './samenloop';
import { MonitoringFilter, MonitoringVraag, zorgEpisodes } from './selectie';
import { dag } from './testing/arbitraries';
import {
  aanbieder,
  bevolking,
  gesprek,
  gezinslid,
  persoon,
  product,
  toewijzing,
  verblijf,
  verlengdeJeugdhulp,
  verlenging,
  wijk,
  zorg,
} from './testing/feiten';
import { telUitstroom, uitstroomCijfers } from './uitstroom';
import { VERLENGING_GROEPERINGEN, telVerlengingen, verlengingenCijfers } from './verlengingen';
import { EPISODE_GROEPEN, telZorgepisodes, zorgepisodeCijfers } from './zorgepisodes';

/**
 * "As known now" follows the log: facts applied to a data set already folded (`voegFeitenToe`)
 * give the data set a full fold of all facts gives, and every figure asked of it, with its caches
 * filled by questions before the new facts, equals the figure of a fresh full fold.
 */

// Few ids of each kind, so facts about the same person, family and assignment meet.
const PERSONEN = ['p0', 'p1', 'p2'];
const GEZINNEN = ['g0', 'g1', 'g2'];
const TOEWIJZINGEN = ['t0', 't1', 't2', 't3', 't4'];
const WIJKEN = ['Noord', 'Zuid'];
const PRODUCTEN = [
  { code: '45A48', categorie: '45', kader: 'jeugdwet' },
  { code: '43A11', categorie: '43', kader: 'jeugdwet', woonvorm: 'behandeld-wonen' },
  { code: 'WMO01', categorie: '55', kader: 'wmo' },
] as const;

const id = (ids: readonly string[]) => fc.constantFrom(...ids);
const dagNr = fc.integer({ min: -400, max: 400 });
const datum = dagNr.map(dag);

/**
 * Blocks of facts of every kind the monitoring projection writes, each in a log's order; care and
 * families more often, since most of what the caches keep hangs on them.
 */
const blok: fc.Arbitrary<MonitoringFeit[]> = fc.oneof(
  fc
    .record({ p: id(PERSONEN), geboren: fc.option(fc.integer({ min: -7000, max: -100 })) })
    .map(({ p, geboren }) => [persoon(p, geboren === null ? null : dag(geboren))]),
  fc
    .record({ p: id(PERSONEN), sleutel: fc.nat() })
    .map(({ p, sleutel }): MonitoringFeit[] => [{ type: 'Recordsleutel', persoonId: p, sleutel }]),
  {
    weight: 3,
    arbitrary: fc
      .record({ g: id(GEZINNEN), p: id(PERSONEN), vanaf: datum })
      .map(({ g, p, vanaf }) => [gezinslid(g, p, vanaf)]),
  },
  fc
    .record({ g: id(GEZINNEN), p: id(PERSONEN), per: datum })
    .map(({ g, p, per }): MonitoringFeit[] => [
      { type: 'GeenGezinslid', gezinId: g, persoonId: p, per },
    ]),
  {
    weight: 3,
    arbitrary: fc
      .record({ g: id(GEZINNEN), w: id(WIJKEN), per: datum })
      .map(({ g, w, per }) => [wijk(g, w, per)]),
  },
  fc
    .record({ g: id(GEZINNEN), s: id(['a', 'b']), vanaf: datum, tot: fc.option(datum) })
    .map(
      ({ g, s, vanaf, tot }): MonitoringFeit[] =>
        [
          { type: 'Professional', gezinId: g, sleutel: s, vanaf },
          ...(tot === null ? [] : [{ type: 'GeenProfessional', gezinId: g, sleutel: s, per: tot }]),
        ] as MonitoringFeit[],
    ),
  {
    weight: 4,
    arbitrary: fc
      .record({
        t: id(TOEWIJZINGEN),
        p: id(PERSONEN),
        product: fc.constantFrom(...PRODUCTEN),
        aanbieder: id(['a1', 'a2']),
        begin: dagNr,
        lengte: fc.integer({ min: -2, max: 400 }),
        start: fc.option(fc.integer({ min: -5, max: 30 })),
        stop: fc.option(fc.integer({ min: 0, max: 400 })),
        max: fc.option(fc.integer({ min: 1, max: 12 })),
      })
      .map((r) =>
        toewijzing({
          id: r.t,
          persoon: r.p,
          begin: dag(r.begin),
          eind: dag(r.begin + r.lengte),
          kader: r.product.kader,
          product: r.product.code,
          categorie: r.product.categorie,
          aanbieder: r.aanbieder,
          maxDuurMaanden: r.max,
          start: r.start === null ? null : dag(r.begin + r.start),
          stop: r.stop === null ? null : dag(r.begin + r.stop),
        }),
      ),
  },
  fc
    .record({ t: id(TOEWIJZINGEN), p: id(PERSONEN), op: datum, correctie: fc.boolean() })
    .map(({ t, p, op, correctie }) => [
      correctie
        ? zorg({
            type: 'ZorgStopCorrected',
            data: { persoonId: p, toewijzingId: t, stop: null, reden: '' },
          })
        : zorg({
            type: 'ZorgStartCorrected',
            data: { persoonId: p, toewijzingId: t, datum: op, reden: '' },
          }),
    ]),
  fc
    .record({
      v: id(['s0', 's1']),
      p: id(PERSONEN),
      start: dagNr,
      einde: fc.option(fc.integer({ min: 1, max: 400 })),
      vervolghulp: fc.boolean(),
    })
    .map(({ v, p, start, einde, vervolghulp }) =>
      verblijf({
        id: v,
        persoon: p,
        vorm: 'gezinshuis',
        start: dag(start),
        toewijzing: { id: `verblijf-${v}`, product: '43A11', categorie: '43' },
        wijzigingen: [{ datum: dag(start + 1), naar: 'pleegzorg' }],
        einde: einde === null ? null : dag(start + einde),
        vervolghulp,
      }),
    ),
  fc
    .record({
      v: id(['v0', 'v1']),
      p: id(PERSONEN),
      t: id(TOEWIJZINGEN),
      op: dagNr,
      besluit: fc.constantFrom('toegekend', 'afgewezen', null),
    })
    .map(({ v, p, t, op, besluit }) =>
      verlenging({
        id: v,
        persoon: p,
        toewijzing: t,
        op: dag(op),
        tot: dag(op + 180),
        reden: 'Doelen nog niet behaald',
        besluit,
        besluitOp: dag(op + 10),
      }),
    ),
  fc.record({ p: id(PERSONEN), op: datum }).map(({ p, op }) => [gesprek(p, op)]),
  fc
    .record({ p: id(PERSONEN), op: datum, besluit: fc.constantFrom('toegekend', null) })
    .map(({ p, op, besluit }) => verlengdeJeugdhulp({ persoon: p, datum: op, id: 'vj', besluit })),
  fc
    .record({ p: fc.constantFrom(...PRODUCTEN), max: fc.option(fc.integer({ min: 1, max: 12 })) })
    .map(({ p, max }) => [
      product({ code: p.code, categorie: p.categorie, omschrijving: p.code, maxDuurMaanden: max }),
    ]),
  id(['a1', 'a2']).map((a) => [aanbieder(a, `Aanbieder ${a}`)]),
  fc
    .record({ jaar: fc.integer({ min: 2024, max: 2026 }), n: fc.integer({ min: 1, max: 50 }) })
    .map(({ jaar, n }) => [bevolking(jaar, { Noord: n, Zuid: 2 * n })]),
);

/** Questions over 2025 and 2024-2026, as known on a day, without a filter and per district. */
const vragen: MonitoringVraag[] = [
  { van: '2025-01-01', tot: '2025-12-31', bekendOp: '2026-06-30', filter: {} },
  { van: '2024-01-01', tot: '2026-12-31', bekendOp: '2026-12-31', filter: {} },
  { van: '2025-01-01', tot: '2025-12-31', bekendOp: '2025-08-01', filter: { wijk: 'Noord' } },
];

/** Every figure of every question, as the routes compute them. */
function alleCijfers(d: MonitoringDataset): unknown[] {
  return vragen.flatMap((v) => [
    ...EPISODE_GROEPEN.map((g) => zorgepisodeCijfers(d, v, g)),
    ...DUUR_GROEPERINGEN.map((g) => durenCijfers(d, v, g)),
    ...VERLENGING_GROEPERINGEN.map((g) => verlengingenCijfers(d, v, g)),
    samenloopCijfers(d, v),
    uitstroomCijfers(d, v),
    perspectiefCijfers(d, v),
    indicatorCijfers(d, v),
  ]);
}

/** The episodes themselves, which the published figures hide under the noise of small cells. */
function alleEpisodes(d: MonitoringDataset): unknown[] {
  const filters: MonitoringFilter[] = [{}, { wijk: 'Noord' }, { kader: 'jeugdwet' }];
  return filters.flatMap((f) => [
    zorgEpisodes(d, f, '2025-12-31'),
    zorgEpisodes(d, f, '2025-06-30', '2026-06-30'),
  ]);
}

/** Folds `basis`, then applies each part after asking every figure; then compares. */
function volgtDeLog(basis: MonitoringFeit[], delen: MonitoringFeit[][]): void {
  const d = bouwDataset(basis);
  for (const deel of delen) {
    // Questions before the facts fill the caches that must then catch up.
    alleEpisodes(d);
    alleCijfers(d);
    voegFeitenToe(d, deel);
  }
  const vol = bouwDataset([...basis, ...delen.flat()]);
  expect(d).toEqual(vol);
  expect(alleEpisodes(d)).toEqual(alleEpisodes(vol));
  expect(alleCijfers(d)).toEqual(alleCijfers(vol));
}

describe('voegFeitenToe: the data set as known now, facts applied as they come', () => {
  it('equals a full fold of the same facts, cut anywhere, and so does every figure', () => {
    fc.assert(
      fc.property(
        fc.array(blok, { maxLength: 15 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        (blokken, sneden) => {
          const feiten = blokken.flat();
          // Cut the log anywhere (inside a block too): the first part folded, the rest applied.
          const grenzen = [...new Set(sneden.map((s) => s % (feiten.length + 1)))].sort(
            (a, b) => a - b,
          );
          const delen = [...grenzen, feiten.length].map((grens, i, alle) =>
            feiten.slice(alle[i - 1] ?? 0, grens),
          );
          volgtDeLog(delen[0]!, delen.slice(1));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('equals a full fold after a few new facts, as a screen sees them arrive', () => {
    fc.assert(
      fc.property(
        fc.array(blok, { maxLength: 15 }),
        fc.array(fc.array(blok, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 2 }),
        (basis, nieuw) =>
          volgtDeLog(
            basis.flat(),
            nieuw.map((blokken) => blokken.flat()),
          ),
      ),
      { numRuns: 150 },
    );
  });

  it('counts a version per application of facts', () => {
    const d = bouwDataset([persoon('p0', null)]);
    expect(datasetVersie(d)).toBe(0);
    voegFeitenToe(d, [persoon('p1', null)]);
    voegFeitenToe(d, []);
    expect(datasetVersie(d)).toBe(2);
  });
});

type Figuur = (d: MonitoringDataset, v: MonitoringVraag) => unknown;

/**
 * Every figure function the routes call, raw and as published: with a handful of persons every
 * published count is under 10 and withheld, so the raw counts (with their cell keys) are compared
 * too. The raw one is asked first, so it is the one that catches up with new facts.
 */
const FIGUREN: Figuur[] = [
  ...EPISODE_GROEPEN.map((g): Figuur => (d, v) => [
    telZorgepisodes(d, v, g),
    zorgepisodeCijfers(d, v, g),
  ]),
  ...DUUR_GROEPERINGEN.map((g): Figuur => (d, v) => [telDuren(d, v, g), durenCijfers(d, v, g)]),
  ...VERLENGING_GROEPERINGEN.map((g): Figuur => (d, v) => [
    telVerlengingen(d, v, g),
    verlengingenCijfers(d, v, g),
  ]),
  (d, v) => [telSamenloop(d, v), samenloopCijfers(d, v)],
  (d, v) => [telUitstroom(d, v), uitstroomCijfers(d, v)],
  (d, v) => [telPerspectief(d, v), perspectiefCijfers(d, v)],
  (d, v) => [telIndicatoren(d, v), indicatorCijfers(d, v)],
];

/** Any period of up to two years around the facts, known on any day, with or without a filter. */
const vraag: fc.Arbitrary<MonitoringVraag> = fc
  .record({
    van: dagNr,
    lengte: fc.integer({ min: 0, max: 730 }),
    bekend: fc.integer({ min: -400, max: 800 }),
    filter: fc.constantFrom<MonitoringFilter>(
      {},
      { wijk: 'Noord' },
      { wijk: 'Zuid' },
      { kader: 'jeugdwet' },
      { aanbieder: 'a1' },
      { categorie: '45' },
      { product: '43A11', wijk: 'Noord' },
    ),
  })
  .map(({ van, lengte, bekend, filter }) => ({
    van: dag(van),
    tot: dag(van + lengte),
    bekendOp: dag(bekend),
    filter,
  }));

describe('the figures as known now, asked between new facts', () => {
  it('equal the figures of a fresh fold, for any sequence of facts and questions', () => {
    fc.assert(
      fc.property(
        fc.array(blok, { minLength: 2, maxLength: 12 }),
        // A few questions, asked in any order and again: a repeat comes from the caches.
        fc.array(vraag, { minLength: 1, maxLength: 3 }),
        fc.array(
          fc.oneof(
            blok.map((feiten) => ({ feiten })),
            fc.record({ vraag: fc.nat(), figuur: fc.nat() }),
          ),
          { maxLength: 12 },
        ),
        (basis, vragenlijst, stappen) => {
          // Every person in a family in a district from the start, and two in youth care turning 16.5 around
          // the periods asked, so the figures of families and of perspective conversations have
          // something to count (and to keep) whatever the blocks are.
          const jeugdhulp = (t: string, p: string, begin: number) =>
            toewijzing({
              id: t,
              persoon: p,
              begin: dag(begin),
              eind: dag(begin + 300),
              kader: 'jeugdwet',
              product: '45A48',
              categorie: '45',
              aanbieder: 'a1',
            });
          const feiten = [
            persoon('p0', dag(-6000)),
            persoon('p1', dag(-5800)),
            persoon('p2', dag(-2000)),
            gezinslid('g0', 'p0', dag(-400)),
            gezinslid('g0', 'p1', dag(-400)),
            gezinslid('g1', 'p2', dag(-400)),
            wijk('g0', 'Noord', dag(-400)),
            wijk('g1', 'Zuid', dag(-400)),
            ...jeugdhulp('t0', 'p0', -200),
            ...jeugdhulp('t1', 'p1', 0),
            ...basis.flat(),
          ];
          const d = bouwDataset(feiten);
          for (const stap of stappen) {
            if ('feiten' in stap) {
              voegFeitenToe(d, stap.feiten);
              feiten.push(...stap.feiten);
              continue;
            }
            // Every figure of one question, from the one drawn on: a screen of figures.
            const v = vragenlijst[stap.vraag % vragenlijst.length]!;
            const eerste = stap.figuur % FIGUREN.length;
            const volgorde = [...FIGUREN.slice(eerste), ...FIGUREN.slice(0, eerste)];
            const vol = bouwDataset(feiten);
            expect(volgorde.map((f) => f(d, v))).toEqual(volgorde.map((f) => f(vol, v)));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
