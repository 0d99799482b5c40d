import { addDays, format, parseISO } from 'date-fns';
import fc from 'fast-check';
import { ZorgEvent } from '@app/domain';
import { bouwDataset } from './dataset';
import { MonitoringFeit } from './feiten';
import { perspectiefCijfers, perspectiefTabel, telPerspectief } from './perspectief';
import { MonitoringVraag } from './selectie';

/**
 * Youths born around 2008-2010, so 16.5 falls in 2024-2027, with care, conversations and requests
 * over a few years: due dates, conversations and the peildatum meet often.
 */
const dag = (n: number): string => format(addDays(parseISO('2024-01-01'), n), 'yyyy-MM-dd');
const geboren = (n: number): string => format(addDays(parseISO('2007-06-01'), n), 'yyyy-MM-dd');
const zorg = (event: ZorgEvent): MonitoringFeit => ({ type: 'Zorg', event });

const persoon = fc.record({
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
type Persoon = typeof persoon extends fc.Arbitrary<infer T> ? T : never;

function feitenVan(i: number, p: Persoon): MonitoringFeit[] {
  const persoonId = `persoon-${i}`;
  const gezinId = `gezin-${i}`;
  const feiten: MonitoringFeit[] = [
    {
      type: 'Persoon',
      persoonId,
      geboortedatum: p.geboortedatum === null ? null : geboren(p.geboortedatum),
    },
    { type: 'Gezinslid', gezinId, persoonId, vanaf: '2007-01-01' },
    { type: 'Wijk', gezinId, wijk: p.wijk, per: '2007-01-01' },
  ];
  p.toewijzingen.forEach((t, j) => {
    const toewijzingId = `t-${i}-${j}`;
    feiten.push(
      zorg({
        type: 'ToewijzingRegistered',
        data: {
          persoonId,
          toewijzingId,
          wettelijkKader: t.kader,
          productcode: t.kader === 'wmo' ? 'WMO-01' : '45A01',
          productcategorie: t.kader === 'wmo' ? 'wmo' : '45',
          verblijf: false,
          aanbiederId: t.aanbiederId,
          aanbiederNaam: '',
          verwijzer: { type: '02', naam: null },
          toewijzingsnummer: toewijzingId,
          begindatum: dag(t.begin),
          einddatum: dag(t.begin + t.lengte),
          omvang: null,
          maxDuurMaanden: null,
          verlengingVan: null,
        },
      }),
    );
    if (t.zorgStart !== null) {
      feiten.push(
        zorg({
          type: 'ZorgGestart',
          data: { persoonId, toewijzingId, datum: dag(t.begin + t.zorgStart) },
        }),
      );
    }
  });
  p.gesprekken.forEach((g, j) =>
    feiten.push(
      zorg({
        type: 'PerspectiefgesprekHeld',
        data: {
          persoonId,
          gesprekId: `g-${i}-${j}`,
          datum: dag(g),
          door: '',
          perspectief: '',
          behoeften: '',
          zorgNa18Verwacht: false,
        },
      }),
    ),
  );
  if (p.aanvraag) {
    const aanvraagId = `vjh-${i}`;
    const datum = dag(p.aanvraag.datum);
    feiten.push(
      zorg({
        type: 'VerlengdeJeugdhulpRequested',
        data: { persoonId, aanvraagId, datum, reden: '' },
      }),
    );
    if (p.aanvraag.besluit !== null) {
      feiten.push(
        zorg({
          type: 'VerlengdeJeugdhulpDecided',
          data: { persoonId, aanvraagId, datum, besluit: p.aanvraag.besluit, toelichting: null },
        }),
      );
    }
  }
  return feiten;
}

const personen = fc
  .array(persoon, { minLength: 4, maxLength: 10 })
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
          zorg({
            type: 'PerspectiefgesprekHeld',
            data: {
              persoonId: `persoon-${i}`,
              gesprekId: `later-${i}`,
              datum: format(addDays(parseISO(peil), na), 'yyyy-MM-dd'),
              door: '',
              perspectief: '',
              behoeften: '',
              zorgNa18Verwacht: false,
            },
          }),
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
      fc.property(
        personen.chain((ps) =>
          fc.tuple(
            fc.constant(ps),
            fc.shuffledSubarray(ps, { minLength: ps.length, maxLength: ps.length }),
          ),
        ),
        vraag,
        ([ps, geschud], v) => {
          expect(telPerspectief(bouwDataset(geschud.flat()), v)).toEqual(
            telPerspectief(bouwDataset(ps.flat()), v),
          );
        },
      ),
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
