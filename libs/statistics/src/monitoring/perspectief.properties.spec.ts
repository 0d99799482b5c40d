import fc from 'fast-check';
import { GepubliceerdAandeel } from '../consultatie-cijfers';
import { DREMPEL, Telling, publiceerAantal } from '../disclosure';
import { MAX_FOUT, metSleutels } from '../testing/tellingen';
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

/** From and to, in days after the base date of `geboren` or `dag`. */
type Dagen = [number, number];
const tussen = ([min, max]: Dagen) => fc.integer({ min, max });

/** The days the births, starts of care and requests fall in. */
interface Spreiding {
  geboren: Dagen;
  begin: Dagen;
  aanvraag: Dagen;
}

const jeugdigeIn = (spreiding: Spreiding) =>
  fc.record({
    geboortedatum: fc.option(tussen(spreiding.geboren), { freq: 8 }),
    wijk: fc.constantFrom('Noord', 'Zuid'),
    toewijzingen: fc.array(
      fc.record({
        kader: fc.constantFrom('jeugdwet', 'jeugdwet', 'wmo'),
        aanbiederId: fc.constantFrom('aanbieder-1', 'aanbieder-2', 'aanbieder-3'),
        begin: tussen(spreiding.begin),
        lengte: fc.integer({ min: 0, max: 600 }),
        zorgStart: fc.option(fc.integer({ min: 0, max: 30 }), { freq: 2 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    gesprekken: fc.array(fc.integer({ min: 0, max: 1200 }), { maxLength: 2 }),
    aanvraag: fc.option(
      fc.record({
        datum: tussen(spreiding.aanvraag),
        besluit: fc.constantFrom('toegekend' as const, 'afgewezen' as const, null),
      }),
    ),
  });
const jeugdige = jeugdigeIn({ geboren: [0, 1100], begin: [0, 800], aanvraag: [0, 1200] });
/**
 * Born within 3 months (16.5 from mid-April to mid-July 2025), in care from before that, asking
 * in the same months: quarters of 10 and more youths or requests, so shares get published.
 */
const jeugdigeDicht = jeugdigeIn({ geboren: [500, 590], begin: [0, 450], aanvraag: [500, 590] });
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

/** Per youth their facts with their record key among them, so a shuffle keeps each youth's key. */
const personenTussen = (soort: typeof jeugdige, minLength: number, maxLength: number) =>
  fc
    .tuple(fc.array(soort, { minLength, maxLength }), fc.nat())
    .map(([ps, seed]) => ps.map((p, i) => metSleutels(feitenVan(i, p), seed + i)));
const personen = personenTussen(jeugdige, 4, 10);
/** Enough youths for cells of 10 and more: what is published, and not only withheld. */
const veelPersonen = personenTussen(jeugdigeDicht, 20, 60);

const vraagVanaf = (van: Dagen): fc.Arbitrary<MonitoringVraag> =>
  fc
    .record({
      van: tussen(van),
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
const vraag = vraagVanaf([150, 900]);
/** A question about the months the dense youths are due and ask in (from mid-April 2025). */
const vraagDicht = vraagVanaf([300, 480]);

const opties = { numRuns: 60 };

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
  if (teller.aantal < DREMPEL || noemer.aantal < DREMPEL) {
    expect(gepubliceerd.percentage).toBeNull();
  } else {
    expect(gepubliceerd.percentage).toBe(
      Math.round(Math.min(100, (100 * publiceerAantal(teller)!) / publiceerAantal(noemer)!)),
    );
  }
}

describe('perspectief properties', () => {
  it('totals add up before suppression', () => {
    fc.assert(
      fc.property(personen, vraag, (ps, v) => {
        const ruw = telPerspectief(bouwDataset(ps.flat()), v);
        const totalen = ruw.perKwartaal.filter((r) => r.soort === 'totaal');
        for (const { kwartaal, telling: t } of totalen) {
          // The four outcomes split the youths in scope: their counts and cell keys add up.
          expect(t.opTijd.plus(t.teLaat).plus(t.ontbreekt).plus(t.nogNietAanDeBeurt)).toEqual(
            t.inScope,
          );
          expect(t.instroomNa16EnHalf.aantal).toBeLessThanOrEqual(t.inScope.aantal);
          const jeugdigen = ruw.jeugdigen.filter((j) => j.kwartaal === kwartaal);
          expect(t.inScope.aantal).toBe(jeugdigen.length);
          // providers: a youth counts once per provider, or once under "geen lopende zorg"
          const rijen = ruw.perKwartaal.filter(
            (r) => r.kwartaal === kwartaal && r.soort !== 'totaal',
          );
          expect(rijen.reduce((n, r) => n + r.telling.inScope.aantal, 0)).toBe(
            jeugdigen.reduce((n, j) => n + Math.max(1, j.aanbiederIds.length), 0),
          );
        }
        expect(totalen.reduce((n, r) => n + r.telling.inScope.aantal, 0)).toBe(
          ruw.jeugdigen.length,
        );
        for (const a of ruw.verlengdeJeugdhulp) {
          expect(a.toegekend.plus(a.afgewezen).plus(a.open)).toEqual(a.aangevraagd);
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

  it('publishes every count from 10 within MAX_FOUT, every share from two published counts, and no person id', () => {
    fc.assert(
      fc.property(veelPersonen, vraagDicht, (ps, v) => {
        const d = bouwDataset(ps.flat());
        const ruw = telPerspectief(d, v);
        const c = perspectiefCijfers(d, v);
        expect(c.perKwartaal).toHaveLength(ruw.perKwartaal.length);
        ruw.perKwartaal.forEach(({ telling: t }, i) => {
          const r = c.perKwartaal[i]!;
          verwachtAantal(r.inScope, t.inScope);
          verwachtAantal(r.instroomNa16EnHalf, t.instroomNa16EnHalf);
          verwachtAantal(r.nogNietAanDeBeurt, t.nogNietAanDeBeurt);
          for (const veld of ['opTijd', 'teLaat', 'ontbreekt'] as const) {
            verwachtAandeel(r[veld], t[veld], t.inScope);
          }
        });
        ruw.verlengdeJeugdhulp.forEach((a, i) => {
          const gepubliceerd = c.verlengdeJeugdhulp[i]!;
          for (const veld of ['aangevraagd', 'toegekend', 'afgewezen', 'open'] as const) {
            verwachtAantal(gepubliceerd[veld], a[veld]);
          }
        });
        const json = JSON.stringify(c);
        expect(json).not.toMatch(/persoon-\d/);
        const tabel = perspectiefTabel(c);
        expect(tabel.rijen).toHaveLength(c.perKwartaal.length);
        for (const rij of tabel.rijen) expect(rij).toHaveLength(tabel.kolommen.length);
      }),
      opties,
    );
  });

  it('gives the same answer to the same question, however the facts are ordered', () => {
    fc.assert(
      fc.property(metGeschud(veelPersonen), vraagDicht, ([ps, geschud], v) => {
        const c = perspectiefCijfers(bouwDataset(ps.flat()), v);
        expect(perspectiefCijfers(bouwDataset(ps.flat()), v)).toEqual(c);
        expect(perspectiefCijfers(bouwDataset(geschud.flat()), v)).toEqual(c);
      }),
      opties,
    );
  });
});
