import { format, lastDayOfMonth, parseISO } from 'date-fns';
import fc from 'fast-check';
import { DREMPEL, Telling, publiceerAantal } from '../disclosure';
import { MAX_FOUT, metSleutels } from '../testing/tellingen';
import { bouwDataset } from './dataset';
import { MonitoringFeit } from './feiten';
import { IndicatorCijfers, RuweIndicatoren, indicatorCijfers, telIndicatoren } from './indicatoren';
import { MonitoringVraag } from './selectie';
import { metGeschud } from './testing/arbitraries';
import { bevolking, dagNa, gezinInWijk, persoon, toewijzing } from './testing/feiten';

/**
 * Few persons and products over 2022-2026, so episodes touch, overlap, repeat and cross years;
 * some persons have no birth date, some years no population.
 */
const dag = (n: number): string => dagNa('2022-06-01', n);
const laatsteDag = (maand: string): string =>
  format(lastDayOfMonth(parseISO(`${maand}-01`)), 'yyyy-MM-dd');
const PERSONEN = ['pers-0-q', 'pers-1-q', 'pers-2-q', 'pers-3-q', 'pers-4-q'];
/** Enough persons for counts of distinct youths and clients to reach 10 and be published. */
const VEEL_PERSONEN = Array.from({ length: 40 }, (_, i) => `pers-${i}-q`);

/** The products, all at De Boei (aanb-1). */
const BOEI = { aanbieder: 'aanb-1', aanbiederNaam: 'De Boei' } as const;
const PRODUCTEN = [
  { ...BOEI, product: '45A01', categorie: '45' },
  { ...BOEI, product: '45B02', categorie: '45' },
  { ...BOEI, product: '43A01', categorie: '43' },
  { ...BOEI, product: 'WMO-HH', categorie: '45', kader: 'wmo' },
] as const;

/** One assignment: person, product, dates and (optional) care start and stop, as day offsets. */
const toewijzingRij = (personen: readonly string[]) =>
  fc.record({
    persoonId: fc.constantFrom(...personen),
    product: fc.constantFrom(...PRODUCTEN),
    // Multiples of 30 with lengths of 28-30 make assignments that touch, overlap or have a gap.
    begin: fc.oneof(
      fc.integer({ min: 0, max: 50 }).map((n) => n * 30),
      fc.integer({ min: 0, max: 1500 }),
    ),
    lengte: fc.oneof(fc.constantFrom(28, 29, 30, 365), fc.integer({ min: 0, max: 400 })),
    zorgStart: fc.option(fc.integer({ min: 0, max: 20 }), { freq: 3 }),
    zorgStop: fc.option(fc.integer({ min: 0, max: 400 }), { freq: 3 }),
  });

/** Groups of facts: each group in its own order, the groups in any order. */
const groepenVan = (
  personen: readonly string[],
  toewijzingen: { minLength: number; maxLength: number },
  geboortejaar = fc.integer({ min: 1995, max: 2021 }),
): fc.Arbitrary<MonitoringFeit[][]> =>
  fc
    .tuple(
      fc.array(toewijzingRij(personen), toewijzingen),
      fc.array(fc.option(geboortejaar, { freq: 4 }), {
        minLength: personen.length,
        maxLength: personen.length,
      }),
      fc.array(fc.option(fc.integer({ min: 0, max: 60 }), { freq: 3 }), {
        minLength: 5,
        maxLength: 5,
      }),
    )
    .map(([toewijzingen, geboortejaren, aantallen]) => [
      ...toewijzingen.map((r, i) =>
        toewijzing({
          ...r.product,
          id: `tw-${i}-q`,
          persoon: r.persoonId,
          begin: dag(r.begin),
          eind: dag(r.begin + r.lengte),
          start: r.zorgStart === null ? null : dag(r.begin + r.zorgStart),
          stop: r.zorgStop === null ? null : dag(r.begin + r.zorgStop),
        }),
      ),
      ...personen.map((persoonId, i): MonitoringFeit[] => [
        persoon(persoonId, geboortejaren[i] == null ? null : `${geboortejaren[i]}-07-15`),
        ...gezinInWijk(`gezin-${i}-q`, persoonId, i % 2 ? 'Noord' : 'Zuid', '1995-01-01'),
      ]),
      ...aantallen.flatMap((aantal, i): MonitoringFeit[][] =>
        aantal === null ? [] : [[bevolking(2022 + i, { Noord: aantal, Zuid: 2 * aantal })]],
      ),
    ]);
const groepen = groepenVan(PERSONEN, { minLength: 0, maxLength: 25 });
/** Many youths and assignments: counts of persons reach 10 and get published. */
const veel = groepenVan(
  VEEL_PERSONEN,
  { minLength: 150, maxLength: 250 },
  fc.integer({ min: 2010, max: 2020 }),
);
/** The seed of the record keys the generated persons get. */
const seeds = fc.nat();

/**
 * The record keys a log would give the persons of these facts. Put before the facts (in any
 * order, or with some facts left out), every person keeps the same key.
 */
const sleutelsVan = (feiten: MonitoringFeit[], seed: number): MonitoringFeit[] =>
  metSleutels(feiten, seed).filter((f) => f.type === 'Recordsleutel');

const vraag: fc.Arbitrary<MonitoringVraag> = fc
  .record({
    van: fc.integer({ min: 150, max: 1300 }),
    lengte: fc.integer({ min: 0, max: 500 }),
    bekendOp: fc.integer({ min: -60, max: 700 }),
    filter: fc.constantFrom({}, { kader: 'wmo' as const }, { wijk: 'Noord' }, { categorie: '43' }),
  })
  .map((r) => ({
    van: dag(r.van),
    tot: dag(r.van + r.lengte),
    bekendOp: dag(r.van + r.bekendOp),
    filter: r.filter,
  }));

/** Whole years, so that many persons are active in one. */
const jaarVraag: fc.Arbitrary<MonitoringVraag> = fc
  .record({
    jaar: fc.integer({ min: 2023, max: 2025 }),
    filter: fc.constantFrom({}, { kader: 'wmo' as const }, { wijk: 'Noord' }),
  })
  .map(({ jaar, filter }) => ({
    van: `${jaar}-01-01`,
    tot: `${jaar}-12-31`,
    bekendOp: `${jaar + 1}-06-30`,
    filter,
  }));

const veilig = { numRuns: 60 };

/** A share in percent, one decimal, of published counts (or the population): null without them. */
const aandeelVan = (teller: number | null, noemer: number | null): number | null =>
  teller === null || noemer === null || noemer === 0
    ? null
    : Math.round(Math.min(1000, (1000 * teller) / noemer)) / 10;

/** Every published count beside the raw count behind it. */
function aantallenNaast(c: IndicatorCijfers, ruw: RuweIndicatoren): [number | null, Telling][] {
  const herhaling = (
    p: IndicatorCijfers['herhaaldeInstroom'],
    r: RuweIndicatoren['herhaaldeInstroom'],
  ): [number | null, Telling][] => [
    [p.instroom, r.instroom],
    [p.herhaald, r.herhaald],
    [p.aansluitend, r.aansluitend],
  ];
  return [
    ...c.jaren.flatMap((j, i): [number | null, Telling][] => {
      const r = ruw.jaren[i]!;
      return [
        [j.zonderVerblijf.aantal, r.jeugdigenZonderVerblijf],
        [j.metVerblijf.aantal, r.jeugdigenMetVerblijf],
        [j.alleenZonderVerblijf.clienten, r.clienten],
        [j.alleenZonderVerblijf.aantal, r.clientenAlleenZonderVerblijf],
        [j.jeugdigenInVerblijf.aantal, r.jeugdigenMetVerblijf],
        [j.jeugdigenInVerblijf.aantal2023, ruw.jeugdigenMetVerblijf2023],
        [j.zonderGeboortedatum, r.zonderGeboortedatum],
        ...herhaling(j.herhaaldeInstroom, r.herhaaldeInstroom),
      ];
    }),
    ...c.inEnUitstroom.flatMap((m, i): [number | null, Telling][] => {
      const r = ruw.inEnUitstroom[i]!;
      return [
        [m.instroom.zonderVerblijf, r.instroomZonderVerblijf],
        [m.instroom.metVerblijf, r.instroomMetVerblijf],
        [m.uitstroom.zonderVerblijf, r.uitstroomZonderVerblijf],
        [m.uitstroom.metVerblijf, r.uitstroomMetVerblijf],
      ];
    }),
    ...herhaling(c.herhaaldeInstroom, ruw.herhaaldeInstroom),
  ];
}

describe('council indicator properties', () => {
  it('parts add up: years to the total, months to the starts, subsets within their sets', () => {
    fc.assert(
      fc.property(groepen, vraag, seeds, (g, v, seed) => {
        const ruw = telIndicatoren(bouwDataset(metSleutels(g.flat(), seed)), v);
        // Each start lies in one year and one month: counts and cell keys add up.
        const som = (f: (h: typeof ruw.herhaaldeInstroom) => Telling) =>
          ruw.jaren.reduce((n, j) => n.plus(f(j.herhaaldeInstroom)), new Telling());
        expect(som((h) => h.instroom)).toEqual(ruw.herhaaldeInstroom.instroom);
        expect(som((h) => h.herhaald)).toEqual(ruw.herhaaldeInstroom.herhaald);
        expect(som((h) => h.aansluitend)).toEqual(ruw.herhaaldeInstroom.aansluitend);
        const instroom = ruw.inEnUitstroom.reduce(
          (n, m) => n.plus(m.instroomZonderVerblijf).plus(m.instroomMetVerblijf),
          new Telling(),
        );
        expect(instroom).toEqual(ruw.herhaaldeInstroom.instroom);
        const { aansluitend, herhaald } = ruw.herhaaldeInstroom;
        expect(
          aansluitend.aantal <= herhaald.aantal &&
            herhaald.aantal <= ruw.herhaaldeInstroom.instroom.aantal,
        ).toBe(true);
        for (const j of ruw.jaren) {
          expect(j.clientenAlleenZonderVerblijf.aantal).toBeGreaterThanOrEqual(0);
          expect(j.clientenAlleenZonderVerblijf.aantal).toBeLessThanOrEqual(j.clienten.aantal);
          expect(
            j.jeugdigenZonderVerblijf.aantal + j.zonderGeboortedatum.aantal,
          ).toBeLessThanOrEqual(j.clienten.aantal);
          expect(j.jeugdigenMetVerblijf.aantal + j.zonderGeboortedatum.aantal).toBeLessThanOrEqual(
            j.clienten.aantal,
          );
          expect(j.van <= j.tot && j.peildatum <= j.tot).toBe(true);
        }
      }),
      veilig,
    );
  });

  it('the order of the facts changes nothing', () => {
    fc.assert(
      fc.property(metGeschud(groepen), vraag, seeds, ([g, geschud], v, seed) => {
        const sleutels = sleutelsVan(g.flat(), seed);
        expect(telIndicatoren(bouwDataset([...sleutels, ...geschud.flat()]), v)).toEqual(
          telIndicatoren(bouwDataset([...sleutels, ...g.flat()]), v),
        );
      }),
      veilig,
    );
  });

  it('Wmo care and the framework asked for change nothing', () => {
    fc.assert(
      fc.property(groepen, vraag, seeds, (g, v, seed) => {
        const sleutels = sleutelsVan(g.flat(), seed);
        const zonderWmo = g
          .flat()
          .filter(
            (f) =>
              !(
                f.type === 'Zorg' &&
                'wettelijkKader' in f.event.data &&
                f.event.data.wettelijkKader === 'wmo'
              ),
          );
        const d = bouwDataset([...sleutels, ...g.flat()]);
        const verwacht = telIndicatoren(d, v);
        expect(telIndicatoren(bouwDataset([...sleutels, ...zonderWmo]), v)).toEqual(verwacht);
        expect(telIndicatoren(d, { ...v, filter: { ...v.filter, kader: 'wmo' } })).toEqual(
          verwacht,
        );
      }),
      veilig,
    );
  });

  it("a month's in- and outflow does not depend on how long the period asked is", () => {
    fc.assert(
      fc.property(groepen, vraag, fc.integer({ min: 1, max: 200 }), seeds, (g, v, extra, seed) => {
        const d = bouwDataset(metSleutels(g.flat(), seed));
        const kort = telIndicatoren(d, v).inEnUitstroom;
        const langer = { ...v, tot: dagNa(v.tot, extra) };
        const lang = new Map(telIndicatoren(d, langer).inEnUitstroom.map((m) => [m.maand, m]));
        // A month that ends within the shorter period covers the same days in the longer one.
        for (const m of kort.filter((m) => laatsteDag(m.maand) <= v.tot)) {
          expect(lang.get(m.maand)).toEqual(m);
        }
      }),
      veilig,
    );
  });

  it('publishes each count exactly when it reaches 10, within MAX_FOUT, the same answer twice', () => {
    fc.assert(
      fc.property(fc.oneof(groepen, veel), fc.oneof(vraag, jaarVraag), seeds, (g, v, seed) => {
        const d = bouwDataset(metSleutels(g.flat(), seed));
        const ruw = telIndicatoren(d, v);
        const c = indicatorCijfers(d, v);
        expect(c.jaren.map((j) => j.jaar)).toEqual(ruw.jaren.map((j) => j.jaar));
        expect(c.inEnUitstroom.map((m) => m.maand)).toEqual(ruw.inEnUitstroom.map((m) => m.maand));
        for (const [gepubliceerd, telling] of aantallenNaast(c, ruw)) {
          expect(gepubliceerd === null).toBe(telling.aantal < DREMPEL);
          expect(gepubliceerd).toBe(publiceerAantal(telling));
          if (gepubliceerd !== null) {
            expect(Math.abs(gepubliceerd - telling.aantal)).toBeLessThanOrEqual(MAX_FOUT);
          }
        }
        expect(indicatorCijfers(d, v)).toEqual(c);
      }),
      veilig,
    );
  });

  it('makes every share, the target and the change from the published counts only: they give back nothing more', () => {
    fc.assert(
      fc.property(fc.oneof(groepen, veel), fc.oneof(vraag, jaarVraag), seeds, (g, v, seed) => {
        const c = indicatorCijfers(bouwDataset(metSleutels(g.flat(), seed)), v);
        for (const j of c.jaren) {
          for (const { aantal, percentage } of [j.zonderVerblijf, j.metVerblijf]) {
            expect(percentage).toBe(aandeelVan(aantal, j.bevolking));
            // Percentage × population / 100 is the published count, up to the one decimal (a
            // share stops at 100%, also when more are counted than the population holds).
            if (percentage !== null && percentage < 100) {
              expect(Math.abs((percentage * j.bevolking!) / 100 - aantal!)).toBeLessThanOrEqual(
                j.bevolking! / 2000 + 1e-9,
              );
            }
          }
          const a = j.alleenZonderVerblijf;
          expect(a.percentage).toBe(aandeelVan(a.aantal, a.clienten));
          const h = j.herhaaldeInstroom;
          expect(h.percentage).toBe(aandeelVan(h.herhaald, h.instroom));
          const { aantal, aantal2023, doel, verschilPercentage } = j.jeugdigenInVerblijf;
          expect(doel).toBe(aantal2023 === null ? null : Math.round(aantal2023 * 8.5) / 10);
          expect(verschilPercentage).toBe(
            aantal === null || aantal2023 === null
              ? null
              : Math.round((1000 * (aantal - aantal2023)) / aantal2023) / 10,
          );
        }
        const h = c.herhaaldeInstroom;
        expect(h.percentage).toBe(aandeelVan(h.herhaald, h.instroom));
      }),
      veilig,
    );
  });

  it('publishes counts of at least 10 in fives, shares within 0-100, and no person ids', () => {
    fc.assert(
      fc.property(groepen, vraag, seeds, (g, v, seed) => {
        const c = indicatorCijfers(bouwDataset(metSleutels(g.flat(), seed)), v);
        const aantallen = [
          ...c.jaren.flatMap((j) => [
            j.zonderVerblijf.aantal,
            j.metVerblijf.aantal,
            j.alleenZonderVerblijf.clienten,
            j.alleenZonderVerblijf.aantal,
            j.jeugdigenInVerblijf.aantal2023,
            j.herhaaldeInstroom.instroom,
            j.herhaaldeInstroom.herhaald,
            j.herhaaldeInstroom.aansluitend,
            j.zonderGeboortedatum,
          ]),
          ...c.inEnUitstroom.flatMap((m) => [
            m.instroom.zonderVerblijf,
            m.instroom.metVerblijf,
            m.uitstroom.zonderVerblijf,
            m.uitstroom.metVerblijf,
          ]),
        ];
        for (const n of aantallen) if (n !== null) expect(n >= 10 && n % 5 === 0).toBe(true);
        const aandelen = [
          c.herhaaldeInstroom.percentage,
          ...c.jaren.flatMap((j) => [
            j.alleenZonderVerblijf.percentage,
            j.herhaaldeInstroom.percentage,
          ]),
        ];
        for (const p of aandelen) if (p !== null) expect(p >= 0 && p <= 100).toBe(true);
        for (const j of c.jaren) {
          expect(j.bevolkingOnbekend).toBe(j.bevolking === null);
          if (j.bevolking === null) expect(j.zonderVerblijf.percentage).toBeNull();
        }
        const json = JSON.stringify(c);
        for (const id of [...PERSONEN, 'gezin-', 'tw-']) expect(json).not.toContain(id);
        // Birth dates lie before 2022; every date of the question after 2022-08.
        for (const f of g.flat()) {
          if (f.type === 'Persoon' && f.geboortedatum) expect(json).not.toContain(f.geboortedatum);
        }
      }),
      veilig,
    );
  });
});
