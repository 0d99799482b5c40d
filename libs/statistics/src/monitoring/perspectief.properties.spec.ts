import fc from 'fast-check';
import { bouwDataset } from './dataset';
import { MonitoringFeit } from './feiten';
import { perspectiefCijfers, perspectiefTabel, telPerspectief } from './perspectief';
import { MonitoringVraag } from './selectie';
import { metGeschud } from './testing/arbitraries';
import {
  dagNa,
  gesprek,
  gezinInWijk,
  persoon,
  toewijzing,
  verlengdeJeugdhulp,
} from './testing/feiten';

/**
 * Youths born around 2008-2010, so 16.5 falls in 2024-2027, with care, conversations and requests
 * over a few years: due dates, conversations and the peildatum meet often.
 */
const dag = (n: number): string => dagNa('2024-01-01', n);
const geboren = (n: number): string => dagNa('2007-06-01', n);

const jeugdige = fc.record({
  geboortedatum: fc.option(fc.integer({ min: 0, max: 1100 }), { freq: 8 }),
  wijk: fc.constantFrom('Noord', 'Zuid'),
  toewijzingen: fc.array(
    fc.record({
      kader: fc.constantFrom('jeugdwet', 'jeugdwet', 'wmo'),
      aanbiederId: fc.constantFrom('aanbieder-1', 'aanbieder-2', 'aanbieder-3'),
      begin: fc.integer({ min: 0, max: 800 }),
      lengte: fc.integer({ min: 0, max: 600 }),
      zorgStart: fc.option(fc.integer({ min: 0, max: 30 }), { freq: 2 }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  gesprekken: fc.array(fc.integer({ min: 0, max: 1200 }), { maxLength: 2 }),
  aanvraag: fc.option(
    fc.record({
      datum: fc.integer({ min: 0, max: 1200 }),
      besluit: fc.constantFrom('toegekend' as const, 'afgewezen' as const, null),
    }),
  ),
});
type Jeugdige = typeof jeugdige extends fc.Arbitrary<infer T> ? T : never;

function feitenVan(i: number, p: Jeugdige): MonitoringFeit[] {
  const persoonId = `persoon-${i}`;
  return [
    persoon(persoonId, p.geboortedatum === null ? null : geboren(p.geboortedatum)),
    ...gezinInWijk(`gezin-${i}`, persoonId, p.wijk, '2007-01-01'),
    ...p.toewijzingen.flatMap((t, j) =>
      toewijzing({
        id: `t-${i}-${j}`,
        persoon: persoonId,
        kader: t.kader,
        product: t.kader === 'wmo' ? 'WMO-01' : '45A01',
        categorie: t.kader === 'wmo' ? 'wmo' : '45',
        aanbieder: t.aanbiederId,
        begin: dag(t.begin),
        eind: dag(t.begin + t.lengte),
        start: t.zorgStart === null ? null : dag(t.begin + t.zorgStart),
      }),
    ),
    ...p.gesprekken.map((g, j) =>
      gesprek(persoonId, dag(g), { id: `g-${i}-${j}`, zorgNa18Verwacht: false }),
    ),
    ...(p.aanvraag
      ? verlengdeJeugdhulp({
          persoon: persoonId,
          id: `vjh-${i}`,
          datum: dag(p.aanvraag.datum),
          besluit: p.aanvraag.besluit,
        })
      : []),
  ];
}

const personen = fc
  .array(jeugdige, { minLength: 4, maxLength: 10 })
  .map((ps) => ps.map((p, i) => feitenVan(i, p)));

const vraag: fc.Arbitrary<MonitoringVraag> = fc
  .record({
    van: fc.integer({ min: 150, max: 900 }),
    lengte: fc.integer({ min: 90, max: 600 }),
    bekendOpNaTot: fc.integer({ min: -200, max: 200 }),
    wijk: fc.constantFrom(undefined, undefined, 'Noord'),
    aanbieder: fc.constantFrom(undefined, undefined, 'aanbieder-1'),
  })
  .map(({ van, lengte, bekendOpNaTot, wijk, aanbieder }) => ({
    van: dag(van),
    tot: dag(van + lengte),
    bekendOp: dag(van + lengte + bekendOpNaTot),
    filter: {
      ...(wijk === undefined ? {} : { wijk }),
      ...(aanbieder === undefined ? {} : { aanbieder }),
    },
  }));

const opties = { numRuns: 60 };

describe('perspectief properties', () => {
  it('totals add up before suppression', () => {
    fc.assert(
      fc.property(personen, vraag, (ps, v) => {
        const ruw = telPerspectief(bouwDataset(ps.flat()), v);
        const totalen = ruw.perKwartaal.filter((r) => r.soort === 'totaal');
        for (const { kwartaal, telling: t } of totalen) {
          expect(t.opTijd + t.teLaat + t.ontbreekt + t.nogNietAanDeBeurt).toBe(t.inScope);
          expect(t.instroomNa16EnHalf).toBeLessThanOrEqual(t.inScope);
          const jeugdigen = ruw.jeugdigen.filter((j) => j.kwartaal === kwartaal);
          expect(t.inScope).toBe(jeugdigen.length);
          // providers: a youth counts once per provider, or once under "geen lopende zorg"
          const rijen = ruw.perKwartaal.filter(
            (r) => r.kwartaal === kwartaal && r.soort !== 'totaal',
          );
          expect(rijen.reduce((n, r) => n + r.telling.inScope, 0)).toBe(
            jeugdigen.reduce((n, j) => n + Math.max(1, j.aanbiederIds.length), 0),
          );
        }
        expect(totalen.reduce((n, r) => n + r.telling.inScope, 0)).toBe(ruw.jeugdigen.length);
        for (const a of ruw.verlengdeJeugdhulp) {
          expect(a.toegekend + a.afgewezen + a.open).toBe(a.aangevraagd);
        }
      }),
      opties,
    );
  });

  it('due dates lie within the period, and the outcome follows the conversations up to the peildatum', () => {
    fc.assert(
      fc.property(personen, vraag, (ps, v) => {
        const d = bouwDataset(ps.flat());
        const peil = v.tot < v.bekendOp ? v.tot : v.bekendOp;
        for (const j of telPerspectief(d, v).jeugdigen) {
          expect(j.uiterlijk >= v.van && j.uiterlijk <= v.tot).toBe(true);
          const gehouden = d.perspectiefgesprekken
            .filter((g) => g.persoonId === j.persoonId && g.datum <= peil)
            .map((g) => g.datum);
          const verwacht = gehouden.some((g) => g <= j.uiterlijk)
            ? 'opTijd'
            : gehouden.length > 0
              ? 'teLaat'
              : j.uiterlijk < peil
                ? 'ontbreekt'
                : 'nogNietAanDeBeurt';
          expect(j.status).toBe(verwacht);
        }
      }),
      opties,
    );
  });

  it('conversations after the peildatum change nothing', () => {
    fc.assert(
      fc.property(personen, vraag, fc.integer({ min: 1, max: 300 }), (ps, v, na) => {
        const peil = v.tot < v.bekendOp ? v.tot : v.bekendOp;
        const later = ps.map((feiten, i) => [
          ...feiten,
          gesprek(`persoon-${i}`, dagNa(peil, na), { id: `later-${i}`, zorgNa18Verwacht: false }),
        ]);
        expect(telPerspectief(bouwDataset(later.flat()), v)).toEqual(
          telPerspectief(bouwDataset(ps.flat()), v),
        );
      }),
      opties,
    );
  });

  it('the order of the persons’ facts changes nothing', () => {
    fc.assert(
      fc.property(metGeschud(personen), vraag, ([ps, geschud], v) => {
        expect(telPerspectief(bouwDataset(geschud.flat()), v)).toEqual(
          telPerspectief(bouwDataset(ps.flat()), v),
        );
      }),
      opties,
    );
  });

  it('publishes only rounded counts from 10, shares within 0..100, and no person id', () => {
    fc.assert(
      fc.property(personen, vraag, (ps, v) => {
        const c = perspectiefCijfers(bouwDataset(ps.flat()), v);
        for (const r of c.perKwartaal) {
          const aantallen = [
            r.inScope,
            r.instroomNa16EnHalf,
            r.opTijd.aantal,
            r.teLaat.aantal,
            r.ontbreekt.aantal,
            r.nogNietAanDeBeurt,
          ];
          for (const n of aantallen) if (n !== null) expect(n >= 10 && n % 5 === 0).toBe(true);
          for (const p of [r.opTijd.percentage, r.teLaat.percentage, r.ontbreekt.percentage]) {
            if (p !== null) expect(p >= 0 && p <= 100).toBe(true);
          }
        }
        for (const a of c.verlengdeJeugdhulp) {
          for (const n of [a.aangevraagd, a.toegekend, a.afgewezen, a.open]) {
            if (n !== null) expect(n >= 10 && n % 5 === 0).toBe(true);
          }
        }
        const json = JSON.stringify(c);
        expect(json).not.toMatch(/persoon-\d/);
        const tabel = perspectiefTabel(c);
        expect(tabel.rijen).toHaveLength(c.perKwartaal.length);
        for (const rij of tabel.rijen) expect(rij).toHaveLength(tabel.kolommen.length);
      }),
      opties,
    );
  });
});
