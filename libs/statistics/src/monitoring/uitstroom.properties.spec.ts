import fc from 'fast-check';
import { BESTEMMINGEN, WOONVORMEN } from '@app/domain';
import { GepubliceerdAandeel } from '../consultatie-cijfers';
import { DREMPEL, Telling, publiceerAantal } from '../disclosure';
import { MAX_FOUT, metSleutels } from '../testing/tellingen';
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

/** Per person their facts with their record key among them, so a shuffle keeps each person's key. */
const personenTussen = (minLength: number, maxLength: number) =>
  fc
    .tuple(fc.array(persoon, { minLength, maxLength }), fc.nat())
    .map(([ps, seed]) => ps.map((p, i) => metSleutels(feitenVan(i, p), seed + i)));
const personen = personenTussen(1, 8);
/** Enough stays for cells of 10 and more: what is published, and not only withheld. */
const veelPersonen = personenTussen(20, 80);

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

const som = (r: Record<string, Telling>) => Object.values(r).reduce((a, b) => a.plus(b));

/** A count as published: withheld under 10, else a multiple of 5 within MAX_FOUT. */
function verwachtAantal(gepubliceerd: number | null, ruw: Telling) {
  if (ruw.aantal < DREMPEL) expect(gepubliceerd).toBeNull();
  else {
    expect(gepubliceerd! % 5).toBe(0);
    expect(Math.abs(gepubliceerd! - ruw.aantal)).toBeLessThanOrEqual(MAX_FOUT);
  }
}

/** A share as published: that of the two published counts, withheld when either is. */
function verwachtAandeel(gepubliceerd: GepubliceerdAandeel, teller: Telling, noemer: Telling) {
  verwachtAantal(gepubliceerd.aantal, teller);
  if (teller.aantal < DREMPEL || noemer.aantal < DREMPEL)
    expect(gepubliceerd.percentage).toBeNull();
  else {
    expect(gepubliceerd.percentage).toBe(
      Math.round(Math.min(100, (100 * publiceerAantal(teller)!) / publiceerAantal(noemer)!)),
    );
  }
}

const opties = { numRuns: 60 };

describe('uitstroom properties', () => {
  it('totals add up before suppression', () => {
    fc.assert(
      fc.property(personen, vraag, (ps, v) => {
        const ruw = telUitstroom(bouwDataset(ps.flat()), v);
        // The parts hold the same stays as the whole: the same count and the same cell key.
        expect(som(ruw.uitstroom.perBestemming)).toEqual(ruw.uitstroom.aantal);
        expect(ruw.uitstroom.zonderVervolghulp.aantal).toBeLessThanOrEqual(
          ruw.uitstroom.aantal.aantal,
        );
        const vervolg = ruw.vervolgBinnen6Maanden;
        expect(vervolg.beoordeeld.plus(vervolg.nogNietTeBeoordelen)).toEqual(ruw.uitstroom.aantal);
        expect(vervolg.metVervolg.aantal).toBeLessThanOrEqual(vervolg.beoordeeld.aantal);
        const thuis = ruw.thuisOfLichterBinnen6Maanden;
        expect(thuis.thuisOfLichter.aantal).toBeLessThanOrEqual(thuis.beoordeeld.aantal);
        expect(ruw.schaling.uitstroomNaarLichtereVorm).toEqual(
          ruw.uitstroom.perBestemming['lichtere-vorm'],
        );
        expect(som(ruw.woonvormenOpPeildatum.perWoonvorm)).toEqual(
          ruw.woonvormenOpPeildatum.aantal,
        );
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
        // The same stays in two parts: their counts and cell keys add up to those of the whole.
        const opgeteld = (f: (r: typeof alle) => Telling) => f(delen[0]!).plus(f(delen[1]!));
        expect(opgeteld((r) => r.uitstroom.aantal)).toEqual(alle.uitstroom.aantal);
        expect(opgeteld((r) => r.vervolgBinnen6Maanden.metVervolg)).toEqual(
          alle.vervolgBinnen6Maanden.metVervolg,
        );
        expect(opgeteld((r) => r.thuisOfLichterBinnen6Maanden.thuisOfLichter)).toEqual(
          alle.thuisOfLichterBinnen6Maanden.thuisOfLichter,
        );
        expect(opgeteld((r) => r.schaling.afschalingen)).toEqual(alle.schaling.afschalingen);
        expect(opgeteld((r) => r.woonvormenOpPeildatum.aantal)).toEqual(
          alle.woonvormenOpPeildatum.aantal,
        );
      }),
      opties,
    );
  });

  it('publishes every count from 10 within MAX_FOUT, every share from two published counts, and no person id', () => {
    fc.assert(
      fc.property(veelPersonen, vraag, (ps, v) => {
        const d = bouwDataset(ps.flat());
        const ruw = telUitstroom(d, v);
        const c = uitstroomCijfers(d, v);
        const { uitstroom, vervolgBinnen6Maanden: vervolg, schaling } = ruw;
        const thuis = ruw.thuisOfLichterBinnen6Maanden;
        const woonvormen = ruw.woonvormenOpPeildatum;
        verwachtAantal(c.uitstroom.aantal, uitstroom.aantal);
        c.uitstroom.perBestemming.forEach((b) =>
          verwachtAandeel(b, uitstroom.perBestemming[b.bestemming], uitstroom.aantal),
        );
        verwachtAandeel(
          c.uitstroom.zonderVervolghulp,
          uitstroom.zonderVervolghulp,
          uitstroom.aantal,
        );
        verwachtAantal(c.vervolgBinnen6Maanden.beoordeeld, vervolg.beoordeeld);
        verwachtAandeel(c.vervolgBinnen6Maanden.metVervolg, vervolg.metVervolg, vervolg.beoordeeld);
        verwachtAantal(c.vervolgBinnen6Maanden.nogNietTeBeoordelen, vervolg.nogNietTeBeoordelen);
        const cThuis = c.thuisOfLichterBinnen6Maanden;
        verwachtAantal(cThuis.beoordeeld, thuis.beoordeeld);
        verwachtAandeel(cThuis.thuisOfLichter, thuis.thuisOfLichter, thuis.beoordeeld);
        verwachtAantal(cThuis.nogNietTeBeoordelen, thuis.nogNietTeBeoordelen);
        for (const veld of Object.keys(schaling) as (keyof typeof schaling)[]) {
          verwachtAantal(c.schaling[veld], schaling[veld]);
        }
        verwachtAantal(c.woonvormenOpPeildatum.aantal, woonvormen.aantal);
        c.woonvormenOpPeildatum.perWoonvorm.forEach((w) =>
          verwachtAandeel(w, woonvormen.perWoonvorm[w.woonvorm], woonvormen.aantal),
        );
        const json = JSON.stringify(c);
        ps.forEach((_, i) => expect(json).not.toContain(`persoon-${i}`));
        const tabel = uitstroomTabel(c);
        for (const rij of tabel.rijen) expect(rij).toHaveLength(tabel.kolommen.length);
      }),
      opties,
    );
  });

  it('gives the same answer to the same question, however the facts are ordered', () => {
    fc.assert(
      fc.property(metGeschud(veelPersonen), vraag, ([ps, geschud], v) => {
        const c = uitstroomCijfers(bouwDataset(ps.flat()), v);
        expect(uitstroomCijfers(bouwDataset(ps.flat()), v)).toEqual(c);
        expect(uitstroomCijfers(bouwDataset(geschud.flat()), v)).toEqual(c);
      }),
      opties,
    );
  });
});
