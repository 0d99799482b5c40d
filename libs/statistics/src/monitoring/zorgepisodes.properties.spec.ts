import { addDays, format, parseISO } from 'date-fns';
import fc from 'fast-check';
import { DREMPEL, GROOTHEID_FACTOR, Telling } from '../disclosure';
import { MAX_FOUT, metSleutels } from '../testing/tellingen';
import { bouwDataset } from './dataset';
import { MonitoringFeit } from './feiten';
import { SamenloopTelling, samenloopCijfers, telSamenloop } from './samenloop';
import { MonitoringVraag } from './selectie';
import { gezinslid, persoon, toewijzing } from './testing/feiten';
import { EPISODE_GROEPEN, telZorgepisodes, zorgepisodeCijfers } from './zorgepisodes';

const dag = (n: number): string => format(addDays(parseISO('2025-01-01'), n), 'yyyy-MM-dd');

/**
 * Facts about `personen` persons, two to a family, with up to `toewijzingen` assignments that
 * touch, overlap and gap: persoon-a and persoon-b in gezin-1, persoon-c and persoon-d in gezin-2...
 */
const feitenOver = (
  personen: number,
  toewijzingen: { minLength?: number; maxLength: number },
): fc.Arbitrary<MonitoringFeit[]> => {
  const ids = Array.from({ length: personen }, (_, i) => `persoon-${String.fromCharCode(97 + i)}`);
  return fc
    .array(
      fc.record({
        persoon: fc.constantFrom(...ids),
        soort: fc.constantFrom(
          { kader: 'jeugdwet', product: '45A48', categorie: '45' },
          { kader: 'jeugdwet', product: '43A01', categorie: '43' },
          { kader: 'wmo', product: 'WMO01', categorie: '50' },
          { kader: 'participatiewet', product: 'PW01', categorie: '50' },
        ),
        begin: fc.integer({ min: 0, max: 300 }),
        lengte: fc.integer({ min: 0, max: 90 }),
        stop: fc.option(fc.integer({ min: 0, max: 120 }), { freq: 3 }),
        aanbieder: fc.constantFrom('11111111', '22222222'),
      }),
      toewijzingen,
    )
    .map((rijen) => [
      // Born on 15 June 2005, 2009, 2013 or 2017.
      ...ids.map((p, i) => persoon(p, `20${String(5 + (i % 4) * 4).padStart(2, '0')}-06-15`)),
      ...ids.map((p, i) => gezinslid(`gezin-${Math.floor(i / 2) + 1}`, p)),
      ...rijen.flatMap((r, i) =>
        toewijzing({
          id: `toewijzing-${i}`,
          persoon: r.persoon,
          kader: r.soort.kader,
          product: r.soort.product,
          categorie: r.soort.categorie,
          aanbieder: r.aanbieder,
          begin: dag(r.begin),
          eind: dag(r.begin + r.lengte),
          ...(r.stop === null ? {} : { stop: dag(r.begin + Math.min(r.stop, r.lengte)) }),
        }),
      ),
    ]);
};

/** Four persons in two families: care of the same persons often touches and overlaps. */
const feiten = feitenOver(4, { maxLength: 25 });
/** Twenty-four persons in twelve families: enough for counts of 10 and more. */
const veleFeiten = feitenOver(24, { minLength: 40, maxLength: 80 });

const vraag: fc.Arbitrary<MonitoringVraag> = fc
  .record({ van: fc.integer({ min: 0, max: 300 }), lengte: fc.integer({ min: 0, max: 200 }) })
  .chain(({ van, lengte }) =>
    fc.record({
      van: fc.constant(dag(van)),
      tot: fc.constant(dag(van + lengte)),
      bekendOp: fc.integer({ min: 0, max: 500 }).map(dag),
      filter: fc.constant({}),
    }),
  );

/** The same facts with the assignments in another order (each with its own start and stop). */
function shuffled(f: MonitoringFeit[], seed: number): MonitoringFeit[] {
  const blokken: MonitoringFeit[][] = [];
  for (const feit of f) {
    if (feit.type === 'Zorg' && feit.event.type !== 'ToewijzingRegistered') {
      blokken[blokken.length - 1]!.push(feit);
    } else blokken.push([feit]);
  }
  return blokken
    .map((b, i) => ({ b, key: (i * 7919 + seed) % 101 }))
    .sort((x, y) => x.key - y.key)
    .flatMap(({ b }) => b);
}

/** A published count: withheld iff the raw count is under 10, else a multiple of 5 near it. */
function controleerAantal(gepubliceerd: number | null, ruw: Telling): void {
  if (ruw.aantal < DREMPEL) {
    expect(gepubliceerd).toBeNull();
    return;
  }
  expect(gepubliceerd! % 5).toBe(0);
  expect(Math.abs(gepubliceerd! - ruw.aantal)).toBeLessThanOrEqual(MAX_FOUT);
}

const som = (tellingen: Telling[]) => tellingen.reduce((a, b) => a.plus(b), new Telling());

describe('care episodes and overlap: properties', () => {
  it('per framework, category and product the groups add up to the total before suppression, cell keys too', () => {
    fc.assert(
      fc.property(feiten, vraag, fc.nat(), (f, v, seed) => {
        const d = bouwDataset(metSleutels(f, seed));
        for (const groep of ['kader', 'categorie', 'product', 'verwijzer', 'leeftijd'] as const) {
          const ruw = telZorgepisodes(d, v, groep);
          for (const veld of [
            'actief',
            'gestart',
            'beeindigd',
            'lopend',
            'toewijzingen',
          ] as const) {
            // Each episode is in one group: the groups' records are the total's, keys and all.
            expect(som(ruw.perGroep.map((g) => g.telling[veld]))).toEqual(ruw.totaal[veld]);
          }
          expect(ruw.totaal.gestart.aantal).toBeLessThanOrEqual(ruw.totaal.actief.aantal);
          expect(ruw.totaal.beeindigd.aantal + ruw.totaal.lopend.aantal).toBeLessThanOrEqual(
            ruw.totaal.actief.aantal,
          );
        }
      }),
    );
  });

  it('does not depend on the order in which assignments were recorded', () => {
    fc.assert(
      fc.property(feiten, vraag, fc.nat(100), fc.nat(), (f, v, volgorde, seed) => {
        const metSleutel = metSleutels(f, seed);
        const a = bouwDataset(metSleutel);
        const b = bouwDataset(shuffled(metSleutel, volgorde));
        for (const groep of EPISODE_GROEPEN) {
          expect(telZorgepisodes(b, v, groep)).toEqual(telZorgepisodes(a, v, groep));
        }
        expect(telSamenloop(b, v)).toEqual(telSamenloop(a, v));
        expect(samenloopCijfers(b, v)).toEqual(samenloopCijfers(a, v));
      }),
    );
  });

  it('overlap: a family with several frameworks has at least one member with care, days within the period', () => {
    fc.assert(
      fc.property(feiten, vraag, fc.nat(), (f, v, seed) => {
        const ruw = telSamenloop(bouwDataset(metSleutels(f, seed)), v);
        for (const t of [ruw.gezinnen, ruw.personen]) {
          // One framework or more: the records of those with care, so the same cell key.
          expect(t.metEenKader.plus(t.metMeerdereKaders)).toEqual(t.metZorg);
          expect(som(t.perCombinatie.map((c) => c.aantal))).toEqual(t.metZorg);
          expect(som(t.aanbiedersVerdeling.map((c) => c.aantal))).toEqual(t.metZorg);
          expect(t.samenloopdagen).toHaveLength(t.metMeerdereKaders.aantal);
        }
        // A person with several frameworks makes their family one too.
        expect(ruw.gezinnen.metMeerdereKaders.aantal).toBeGreaterThanOrEqual(
          ruw.personen.metMeerdereKaders.aantal > 0 ? 1 : 0,
        );
        expect(ruw.hiaten.dagenZonderZorg.every((n) => n >= 1)).toBe(true);
        expect(ruw.hiaten.dagenZonderZorg).toHaveLength(ruw.hiaten.hiaten.aantal);
        expect(ruw.hiaten.gezinnenMetHiaat.aantal).toBeLessThanOrEqual(ruw.hiaten.hiaten.aantal);
        expect(som(ruw.professionalsVerdeling.map((p) => p.aantal))).toEqual(ruw.gezinnen.metZorg);
      }),
    );
  });

  it('publishes a count iff it is 10 or more, within 4 of it, and the same answer twice', () => {
    fc.assert(
      fc.property(veleFeiten, vraag, fc.nat(), (f, v, seed) => {
        const d = bouwDataset(metSleutels(f, seed));
        for (const groep of EPISODE_GROEPEN) {
          const ruw = telZorgepisodes(d, v, groep);
          const c = zorgepisodeCijfers(d, v, groep);
          ruw.perGroep.forEach((g, i) => {
            for (const veld of Object.keys(g.telling) as (keyof typeof g.telling)[]) {
              controleerAantal(c.perGroep[i]![veld], g.telling[veld]);
            }
          });
          expect(zorgepisodeCijfers(d, v, groep)).toEqual(c);
        }
        const ruw = telSamenloop(d, v);
        const c = samenloopCijfers(d, v);
        for (const soort of ['gezinnen', 'personen'] as const) {
          const [r, p]: [SamenloopTelling, (typeof c)[typeof soort]] = [ruw[soort], c[soort]];
          controleerAantal(p.metZorg, r.metZorg);
          controleerAantal(p.metEenKader, r.metEenKader);
          controleerAantal(p.metMeerdereKaders, r.metMeerdereKaders);
          for (const rij of r.perCombinatie) {
            const gepubliceerd = p.perCombinatie.find((x) => x.combinatie === rij.combinatie);
            controleerAantal(gepubliceerd!.aantal, rij.aantal);
          }
          // A share is that of the published counts, withheld with either.
          expect(p.aandeelMeerdereKaders).toBe(
            p.metZorg === null || p.metMeerdereKaders === null
              ? null
              : Math.round(Math.min(100, (100 * p.metMeerdereKaders) / p.metZorg)),
          );
          // A mean is withheld with its count, else within its noise bound.
          expect(p.gemiddeldeSamenloopdagen === null).toBe(r.metMeerdereKaders.aantal < DREMPEL);
          if (p.gemiddeldeSamenloopdagen !== null) {
            const t = r.metMeerdereKaders;
            const dagen = r.samenloopdagen.reduce((a, b) => a + b, 0);
            const grens = (GROOTHEID_FACTOR * Math.max(...r.samenloopdagen)) / t.aantal;
            expect(Math.abs(p.gemiddeldeSamenloopdagen - dagen / t.aantal)).toBeLessThanOrEqual(
              grens + 0.05,
            );
          }
        }
        controleerAantal(c.hiaten.hiaten, ruw.hiaten.hiaten);
        expect(c.hiaten.gemiddeldeDagenZonderZorg === null).toBe(
          ruw.hiaten.hiaten.aantal < DREMPEL,
        );
        expect(samenloopCijfers(d, v)).toEqual(c);
      }),
    );
  });

  it('never publishes a person or family id or a birth date', () => {
    fc.assert(
      fc.property(feiten, vraag, fc.nat(), (f, v, seed) => {
        const d = bouwDataset(metSleutels(f, seed));
        const tekst = JSON.stringify([
          ...EPISODE_GROEPEN.map((g) => zorgepisodeCijfers(d, v, g)),
          samenloopCijfers(d, v),
        ]);
        // Birth dates lie in 2005-2017; the periods asked in 2025-2026.
        expect(tekst).not.toMatch(/persoon-|gezin-|20(05|09|13|17)-06-15/);
      }),
    );
  });
});
