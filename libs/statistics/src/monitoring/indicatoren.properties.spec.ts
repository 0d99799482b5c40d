import { format, lastDayOfMonth, parseISO } from 'date-fns';
import fc from 'fast-check';
import { bouwDataset } from './dataset';
import { MonitoringFeit } from './feiten';
import { indicatorCijfers, telIndicatoren } from './indicatoren';
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

/** The products, all at De Boei (aanb-1). */
const BOEI = { aanbieder: 'aanb-1', aanbiederNaam: 'De Boei' } as const;
const PRODUCTEN = [
  { ...BOEI, product: '45A01', categorie: '45' },
  { ...BOEI, product: '45B02', categorie: '45' },
  { ...BOEI, product: '43A01', categorie: '43' },
  { ...BOEI, product: 'WMO-HH', categorie: '45', kader: 'wmo' },
] as const;

/** One assignment: person, product, dates and (optional) care start and stop, as day offsets. */
const toewijzingRij = fc.record({
  persoonId: fc.constantFrom(...PERSONEN),
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
const groepen: fc.Arbitrary<MonitoringFeit[][]> = fc
  .tuple(
    fc.array(toewijzingRij, { maxLength: 25 }),
    fc.array(fc.option(fc.integer({ min: 1995, max: 2021 }), { freq: 4 }), {
      minLength: PERSONEN.length,
      maxLength: PERSONEN.length,
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
    ...PERSONEN.map((persoonId, i): MonitoringFeit[] => [
      persoon(persoonId, geboortejaren[i] == null ? null : `${geboortejaren[i]}-07-15`),
      ...gezinInWijk(`gezin-${i}-q`, persoonId, i % 2 ? 'Noord' : 'Zuid', '1995-01-01'),
    ]),
    ...aantallen.flatMap((aantal, i): MonitoringFeit[][] =>
      aantal === null ? [] : [[bevolking(2022 + i, { Noord: aantal, Zuid: 2 * aantal })]],
    ),
  ]);

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

const veilig = { numRuns: 60 };

describe('council indicator properties', () => {
  it('parts add up: years to the total, months to the starts, subsets within their sets', () => {
    fc.assert(
      fc.property(groepen, vraag, (g, v) => {
        const ruw = telIndicatoren(bouwDataset(g.flat()), v);
        const som = (f: (h: typeof ruw.herhaaldeInstroom) => number) =>
          ruw.jaren.reduce((n, j) => n + f(j.herhaaldeInstroom), 0);
        expect(som((h) => h.instroom)).toBe(ruw.herhaaldeInstroom.instroom);
        expect(som((h) => h.herhaald)).toBe(ruw.herhaaldeInstroom.herhaald);
        expect(som((h) => h.aansluitend)).toBe(ruw.herhaaldeInstroom.aansluitend);
        const instroom = ruw.inEnUitstroom.reduce(
          (n, m) => n + m.instroomZonderVerblijf + m.instroomMetVerblijf,
          0,
        );
        expect(instroom).toBe(ruw.herhaaldeInstroom.instroom);
        const { aansluitend, herhaald } = ruw.herhaaldeInstroom;
        expect(aansluitend <= herhaald && herhaald <= ruw.herhaaldeInstroom.instroom).toBe(true);
        for (const j of ruw.jaren) {
          expect(j.clientenAlleenZonderVerblijf).toBeGreaterThanOrEqual(0);
          expect(j.clientenAlleenZonderVerblijf).toBeLessThanOrEqual(j.clienten);
          expect(j.jeugdigenZonderVerblijf + j.zonderGeboortedatum).toBeLessThanOrEqual(j.clienten);
          expect(j.jeugdigenMetVerblijf + j.zonderGeboortedatum).toBeLessThanOrEqual(j.clienten);
          expect(j.van <= j.tot && j.peildatum <= j.tot).toBe(true);
        }
      }),
      veilig,
    );
  });

  it('the order of the facts changes nothing', () => {
    fc.assert(
      fc.property(metGeschud(groepen), vraag, ([g, geschud], v) => {
        expect(telIndicatoren(bouwDataset(geschud.flat()), v)).toEqual(
          telIndicatoren(bouwDataset(g.flat()), v),
        );
      }),
      veilig,
    );
  });

  it('Wmo care and the framework asked for change nothing', () => {
    fc.assert(
      fc.property(groepen, vraag, (g, v) => {
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
        const verwacht = telIndicatoren(bouwDataset(g.flat()), v);
        expect(telIndicatoren(bouwDataset(zonderWmo), v)).toEqual(verwacht);
        expect(
          telIndicatoren(bouwDataset(g.flat()), { ...v, filter: { ...v.filter, kader: 'wmo' } }),
        ).toEqual(verwacht);
      }),
      veilig,
    );
  });

  it("a month's in- and outflow does not depend on how long the period asked is", () => {
    fc.assert(
      fc.property(groepen, vraag, fc.integer({ min: 1, max: 200 }), (g, v, extra) => {
        const d = bouwDataset(g.flat());
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

  it('publishes counts of at least 10 in fives, shares within 0-100, and no person ids', () => {
    fc.assert(
      fc.property(groepen, vraag, (g, v) => {
        const c = indicatorCijfers(bouwDataset(g.flat()), v);
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
