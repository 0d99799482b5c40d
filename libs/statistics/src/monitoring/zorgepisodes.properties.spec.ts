import { addDays, format, parseISO } from 'date-fns';
import fc from 'fast-check';
import { bouwDataset } from './dataset';
import { MonitoringFeit } from './feiten';
import { telSamenloop } from './samenloop';
import { MonitoringVraag } from './selectie';
import { gezinslid, persoon, toewijzing } from './testing/feiten';
import { EPISODE_GROEPEN, telZorgepisodes, zorgepisodeCijfers } from './zorgepisodes';
import { samenloopCijfers } from './samenloop';

const dag = (n: number): string => format(addDays(parseISO('2025-01-01'), n), 'yyyy-MM-dd');
const PERSONEN = ['persoon-a', 'persoon-b', 'persoon-c', 'persoon-d'];

/** Facts about a few persons in two families with assignments that touch, overlap and gap. */
const feiten: fc.Arbitrary<MonitoringFeit[]> = fc
  .array(
    fc.record({
      persoon: fc.constantFrom(...PERSONEN),
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
    { maxLength: 25 },
  )
  .map((rijen) => [
    ...PERSONEN.map((p, i) => persoon(p, `20${String(5 + i * 4).padStart(2, '0')}-06-15`)),
    gezinslid('gezin-1', 'persoon-a'),
    gezinslid('gezin-1', 'persoon-b'),
    gezinslid('gezin-2', 'persoon-c'),
    gezinslid('gezin-2', 'persoon-d'),
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

describe('care episodes and overlap: properties', () => {
  it('per framework, category and product the groups add up to the total before suppression', () => {
    fc.assert(
      fc.property(feiten, vraag, (f, v) => {
        const d = bouwDataset(f);
        for (const groep of ['kader', 'categorie', 'product', 'verwijzer', 'leeftijd'] as const) {
          const ruw = telZorgepisodes(d, v, groep);
          for (const veld of [
            'actief',
            'gestart',
            'beeindigd',
            'lopend',
            'toewijzingen',
          ] as const) {
            const som = ruw.perGroep.reduce((n, g) => n + g.telling[veld], 0);
            expect(som).toBe(ruw.totaal[veld]);
          }
          expect(ruw.totaal.gestart).toBeLessThanOrEqual(ruw.totaal.actief);
          expect(ruw.totaal.beeindigd + ruw.totaal.lopend).toBeLessThanOrEqual(ruw.totaal.actief);
        }
      }),
    );
  });

  it('does not depend on the order in which assignments were recorded', () => {
    fc.assert(
      fc.property(feiten, vraag, fc.nat(100), (f, v, seed) => {
        const a = bouwDataset(f);
        const b = bouwDataset(shuffled(f, seed));
        for (const groep of EPISODE_GROEPEN) {
          expect(telZorgepisodes(b, v, groep)).toEqual(telZorgepisodes(a, v, groep));
        }
        expect(telSamenloop(b, v)).toEqual(telSamenloop(a, v));
      }),
    );
  });

  it('overlap: a family with several frameworks has at least one member with care, days within the period', () => {
    fc.assert(
      fc.property(feiten, vraag, (f, v) => {
        const ruw = telSamenloop(bouwDataset(f), v);
        const { gezinnen, personen } = ruw;
        expect(gezinnen.metEenKader + gezinnen.metMeerdereKaders).toBe(gezinnen.metZorg);
        expect(personen.metEenKader + personen.metMeerdereKaders).toBe(personen.metZorg);
        // A person with several frameworks makes their family one too.
        expect(gezinnen.metMeerdereKaders).toBeGreaterThanOrEqual(
          personen.metMeerdereKaders > 0 ? 1 : 0,
        );
        expect(gezinnen.perCombinatie.reduce((n, c) => n + c.aantal, 0)).toBe(gezinnen.metZorg);
        expect(ruw.hiaten.dagenZonderZorg.every((n) => n >= 1)).toBe(true);
      }),
    );
  });

  it('never publishes a person or family id or a birth date', () => {
    fc.assert(
      fc.property(feiten, vraag, (f, v) => {
        const d = bouwDataset(f);
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
