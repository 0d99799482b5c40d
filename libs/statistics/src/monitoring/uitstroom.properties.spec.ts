import fc from 'fast-check';
import { BESTEMMINGEN, WOONVORMEN } from '@app/domain';
import { bouwDataset } from './dataset';
import { MonitoringFeit } from './feiten';
import { MonitoringVraag } from './selectie';
import { metGeschud } from './testing/arbitraries';
import { dagNa, toewijzing, verblijf } from './testing/feiten';
import { telUitstroom, uitstroomCijfers, uitstroomTabel } from './uitstroom';

/** A span of a few years and few persons, so exits, follow-up and windows of 6 months meet often. */
const dag = (n: number): string => dagNa('2024-01-01', n);

const stay = fc.record({
  start: fc.integer({ min: 0, max: 900 }),
  woonvorm: fc.constantFrom(...WOONVORMEN),
  aanbiederId: fc.constantFrom('aanbieder-1', 'aanbieder-2'),
  wijzigingen: fc.array(
    fc.record({ na: fc.integer({ min: 1, max: 200 }), naar: fc.constantFrom(...WOONVORMEN) }),
    { maxLength: 3 },
  ),
  einde: fc.option(
    fc.record({
      na: fc.integer({ min: 0, max: 400 }),
      bestemming: fc.constantFrom(...BESTEMMINGEN),
      vervolghulp: fc.boolean(),
    }),
    { freq: 4 },
  ),
});

const persoon = fc.record({
  verblijven: fc.array(stay, { minLength: 1, maxLength: 3 }),
  ambulant: fc.array(
    fc.record({
      start: fc.integer({ min: 0, max: 1000 }),
      lengte: fc.integer({ min: 0, max: 120 }),
    }),
    { maxLength: 3 },
  ),
});

type Persoon = typeof persoon extends fc.Arbitrary<infer T> ? T : never;

/** Per person their facts, in an order their own stream could have (changes in date order). */
function feitenVan(i: number, p: Persoon): MonitoringFeit[] {
  const persoonId = `persoon-${i}`;
  const verblijven = p.verblijven.flatMap((v, j) => {
    // Each change `na` days after the one before it; the end `na` days after the last change.
    let datum = v.start;
    const wijzigingen = v.wijzigingen.map((w) => {
      datum += w.na;
      return { datum: dag(datum), naar: w.naar };
    });
    return verblijf({
      id: `verblijf-${i}-${j}`,
      persoon: persoonId,
      vorm: v.woonvorm,
      start: dag(v.start),
      indicatieEinde: '2029-12-31',
      toewijzing: { id: `tv-${i}-${j}`, aanbieder: v.aanbiederId, verwijzer: '01' },
      wijzigingen,
      einde: v.einde && dag(datum + v.einde.na),
      bestemming: v.einde?.bestemming,
      vervolghulp: v.einde?.vervolghulp,
    });
  });
  const ambulant = p.ambulant.flatMap((a, j) =>
    toewijzing({
      id: `ta-${i}-${j}`,
      persoon: persoonId,
      product: '45A01',
      aanbieder: 'aanbieder-3',
      verwijzer: '01',
      begin: dag(a.start),
      eind: dag(a.start + a.lengte),
    }),
  );
  return [...verblijven, ...ambulant];
}

const personen = fc
  .array(persoon, { minLength: 1, maxLength: 8 })
  .map((ps) => ps.map((p, i) => feitenVan(i, p)));

const vraag: fc.Arbitrary<MonitoringVraag> = fc
  .record({
    van: fc.integer({ min: 100, max: 800 }),
    lengte: fc.integer({ min: 0, max: 700 }),
    // Known on before or after the end of the period: either may set the peildatum.
    bekendOpNaTot: fc.integer({ min: -200, max: 300 }),
  })
  .map(({ van, lengte, bekendOpNaTot }) => ({
    van: dag(van),
    tot: dag(van + lengte),
    bekendOp: dag(van + lengte + bekendOpNaTot),
    filter: {},
  }));

const som = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);

const opties = { numRuns: 60 };

describe('uitstroom properties', () => {
  it('totals add up before suppression', () => {
    fc.assert(
      fc.property(personen, vraag, (ps, v) => {
        const ruw = telUitstroom(bouwDataset(ps.flat()), v);
        expect(som(ruw.uitstroom.perBestemming)).toBe(ruw.uitstroom.aantal);
        expect(ruw.uitstroom.zonderVervolghulp).toBeLessThanOrEqual(ruw.uitstroom.aantal);
        const vervolg = ruw.vervolgBinnen6Maanden;
        expect(vervolg.beoordeeld + vervolg.nogNietTeBeoordelen).toBe(ruw.uitstroom.aantal);
        expect(vervolg.metVervolg).toBeLessThanOrEqual(vervolg.beoordeeld);
        const thuis = ruw.thuisOfLichterBinnen6Maanden;
        expect(thuis.thuisOfLichter).toBeLessThanOrEqual(thuis.beoordeeld);
        expect(ruw.schaling.uitstroomNaarLichtereVorm).toBe(
          ruw.uitstroom.perBestemming['lichtere-vorm'],
        );
        expect(som(ruw.woonvormenOpPeildatum.perWoonvorm)).toBe(ruw.woonvormenOpPeildatum.aantal);
      }),
      opties,
    );
  });

  it('the order of the persons’ facts changes nothing', () => {
    fc.assert(
      fc.property(metGeschud(personen), vraag, ([ps, geschud], v) => {
        expect(telUitstroom(bouwDataset(geschud.flat()), v)).toEqual(
          telUitstroom(bouwDataset(ps.flat()), v),
        );
      }),
      opties,
    );
  });

  it('a filter that splits the stays splits every count, follow-up included (it looks at all care)', () => {
    fc.assert(
      fc.property(personen, vraag, (ps, v) => {
        const d = bouwDataset(ps.flat());
        const alle = telUitstroom(d, v);
        const delen = ['aanbieder-1', 'aanbieder-2'].map((aanbieder) =>
          telUitstroom(d, { ...v, filter: { aanbieder } }),
        );
        const opgeteld = (f: (r: typeof alle) => number) => delen.reduce((n, r) => n + f(r), 0);
        expect(opgeteld((r) => r.uitstroom.aantal)).toBe(alle.uitstroom.aantal);
        expect(opgeteld((r) => r.vervolgBinnen6Maanden.metVervolg)).toBe(
          alle.vervolgBinnen6Maanden.metVervolg,
        );
        expect(opgeteld((r) => r.thuisOfLichterBinnen6Maanden.thuisOfLichter)).toBe(
          alle.thuisOfLichterBinnen6Maanden.thuisOfLichter,
        );
        expect(opgeteld((r) => r.schaling.afschalingen)).toBe(alle.schaling.afschalingen);
        expect(opgeteld((r) => r.woonvormenOpPeildatum.aantal)).toBe(
          alle.woonvormenOpPeildatum.aantal,
        );
      }),
      opties,
    );
  });

  it('publishes only rounded counts from 10, shares within 0..100, and no person id', () => {
    fc.assert(
      fc.property(personen, vraag, (ps, v) => {
        const c = uitstroomCijfers(bouwDataset(ps.flat()), v);
        const aantallen = [
          c.uitstroom.aantal,
          ...c.uitstroom.perBestemming.map((b) => b.aantal),
          c.vervolgBinnen6Maanden.beoordeeld,
          c.vervolgBinnen6Maanden.metVervolg.aantal,
          c.thuisOfLichterBinnen6Maanden.beoordeeld,
          ...Object.values(c.schaling),
          c.woonvormenOpPeildatum.aantal,
          ...c.woonvormenOpPeildatum.perWoonvorm.map((w) => w.aantal),
        ];
        for (const n of aantallen) if (n !== null) expect(n >= 10 && n % 5 === 0).toBe(true);
        const percentages = [
          ...c.uitstroom.perBestemming.map((b) => b.percentage),
          c.uitstroom.zonderVervolghulp.percentage,
          c.vervolgBinnen6Maanden.metVervolg.percentage,
          c.thuisOfLichterBinnen6Maanden.thuisOfLichter.percentage,
          ...c.woonvormenOpPeildatum.perWoonvorm.map((w) => w.percentage),
        ];
        for (const p of percentages) if (p !== null) expect(p >= 0 && p <= 100).toBe(true);
        const json = JSON.stringify(c);
        ps.forEach((_, i) => expect(json).not.toContain(`persoon-${i}`));
        const tabel = uitstroomTabel(c);
        for (const rij of tabel.rijen) expect(rij).toHaveLength(tabel.kolommen.length);
      }),
      opties,
    );
  });
});
