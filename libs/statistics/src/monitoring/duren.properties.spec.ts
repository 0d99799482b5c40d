import { addDays, format, parseISO } from 'date-fns';
import fc from 'fast-check';
import { WOONVORMEN, Woonvorm, isVerblijfsproduct, richtingVan } from '@app/domain';
import { DREMPEL } from '../disclosure';
import { bouwDataset } from './dataset';
import { MonitoringFeit } from './feiten';
import { MonitoringVraag } from './selectie';
import { DUUR_GROEPERINGEN, RuweDuurStatistiek, durenCijfers, telDuren } from './duren';

/** Few persons, products and providers over a short span, so that care touches and overlaps. */
const dag = (n: number): string => format(addDays(parseISO('2025-10-01'), n), 'yyyy-MM-dd');
const PERSONEN = Array.from({ length: 6 }, (_, i) => `persoon-${i}-x`);
const PRODUCTEN = [
  { productcode: '45A01', categorie: '45' },
  { productcode: '41B02', categorie: '41' },
  { productcode: '43V01', categorie: '43' },
] as const;

const zorg = (event: Extract<MonitoringFeit, { type: 'Zorg' }>['event']): MonitoringFeit => ({
  type: 'Zorg',
  event,
});

const referentie: MonitoringFeit[] = [
  ...['aanb-a', 'aanb-b'].map((aanbiederId): MonitoringFeit => ({
    type: 'Aanbieder',
    data: { aanbiederId, naam: `Naam ${aanbiederId}`, geldigVanaf: '2020-01-01' },
  })),
  ...PRODUCTEN.map(({ productcode, categorie }): MonitoringFeit => ({
    type: 'Product',
    data: {
      productcode,
      geldigVanaf: '2020-01-01',
      categorie,
      omschrijving: `Product ${productcode}`,
      woonvorm: null,
      maxDuurMaanden: null,
      cbsHulpvorm: null,
    },
  })),
];

/** One assignment with its start and stop: a block of facts whose internal order matters. */
const toewijzingBlok = fc
  .record({
    persoon: fc.constantFrom(...PERSONEN),
    product: fc.constantFrom(...PRODUCTEN),
    aanbieder: fc.constantFrom('aanb-a', 'aanb-b'),
    // Starts on multiples of 10 with lengths 9 or 10 make consecutive (mergeable) assignments.
    begin: fc.oneof(
      fc.integer({ min: 0, max: 40 }).map((n) => n * 10),
      fc.integer({ min: 0, max: 400 }),
    ),
    lengte: fc.oneof(fc.constantFrom(9, 10), fc.integer({ min: -3, max: 300 })),
    zorgStart: fc.option(fc.integer({ min: -5, max: 20 }), { freq: 3 }),
    zorgStop: fc.option(fc.integer({ min: -10, max: 200 }), { freq: 3 }),
  })
  .map((r) => (id: string): MonitoringFeit[] => {
    const { productcode, categorie } = r.product;
    const feiten: MonitoringFeit[] = [
      zorg({
        type: 'ToewijzingRegistered',
        data: {
          persoonId: r.persoon,
          toewijzingId: id,
          wettelijkKader: 'jeugdwet',
          productcode,
          productcategorie: categorie,
          verblijf: isVerblijfsproduct(categorie, productcode),
          aanbiederId: r.aanbieder,
          aanbiederNaam: '',
          verwijzer: { type: '01', naam: null },
          toewijzingsnummer: id,
          begindatum: dag(r.begin),
          einddatum: dag(r.begin + r.lengte),
          omvang: null,
          maxDuurMaanden: null,
          verlengingVan: null,
        },
      }),
    ];
    if (r.zorgStart !== null) {
      const datum = dag(r.begin + r.zorgStart);
      feiten.push(
        zorg({ type: 'ZorgGestart', data: { persoonId: r.persoon, toewijzingId: id, datum } }),
      );
    }
    if (r.zorgStop !== null) {
      const datum = dag(r.begin + r.zorgStop);
      feiten.push(
        zorg({
          type: 'ZorgGestopt',
          data: { persoonId: r.persoon, toewijzingId: id, datum, reden: '31' },
        }),
      );
    }
    return feiten;
  });

const verblijfBlok = fc
  .record({
    persoon: fc.constantFrom(...PERSONEN),
    vorm: fc.constantFrom(...WOONVORMEN),
    start: fc.integer({ min: -1100, max: 400 }),
    wijziging: fc.option(
      fc.record({ na: fc.integer({ min: 1, max: 100 }), vorm: fc.constantFrom(...WOONVORMEN) }),
    ),
    einde: fc.option(fc.integer({ min: -5, max: 300 })),
  })
  .map(
    (r) =>
      (id: string): MonitoringFeit[] =>
        verblijfFeiten(id, r.persoon, r.vorm, r),
  );

function verblijfFeiten(
  verblijfId: string,
  persoonId: string,
  woonvorm: Woonvorm,
  r: { start: number; wijziging: { na: number; vorm: Woonvorm } | null; einde: number | null },
): MonitoringFeit[] {
  const feiten: MonitoringFeit[] = [
    zorg({
      type: 'VerblijfStarted',
      data: {
        persoonId,
        verblijfId,
        toewijzingId: null,
        woonvorm,
        startdatum: dag(r.start),
        indicatieEinddatum: dag(r.start + 365),
        uitstroomperspectief: null,
      },
    }),
  ];
  if (r.wijziging && r.wijziging.vorm !== woonvorm) {
    feiten.push(
      zorg({
        type: 'WoonvormChanged',
        data: {
          persoonId,
          verblijfId,
          datum: dag(r.start + r.wijziging.na),
          van: woonvorm,
          naar: r.wijziging.vorm,
          richting: richtingVan(woonvorm, r.wijziging.vorm),
        },
      }),
    );
  }
  if (r.einde !== null) {
    feiten.push(
      zorg({
        type: 'VerblijfEnded',
        data: {
          persoonId,
          verblijfId,
          datum: dag(r.start + r.einde),
          bestemming: 'thuis',
          vervolghulp: false,
        },
      }),
    );
  }
  return feiten;
}

/** Blocks of facts; any order of the blocks is a valid log. */
const blokken: fc.Arbitrary<MonitoringFeit[][]> = fc
  .tuple(fc.array(toewijzingBlok, { maxLength: 30 }), fc.array(verblijfBlok, { maxLength: 20 }))
  .map(([toewijzingen, verblijven]) => [
    ...toewijzingen.map((blok, i) => blok(`tw-${i}`)),
    ...verblijven.map((blok, i) => blok(`vb-${i}`)),
  ]);

const vragen: fc.Arbitrary<MonitoringVraag> = fc
  .record({
    van: fc.integer({ min: 0, max: 300 }),
    lengte: fc.integer({ min: 0, max: 300 }),
    bekend: fc.integer({ min: 0, max: 700 }),
  })
  .map(({ van, lengte, bekend }) => ({
    van: dag(van),
    tot: dag(van + lengte),
    bekendOp: dag(bekend),
    filter: {},
  }));

const groepen = fc.constantFrom(...DUUR_GROEPERINGEN);

function controleerStatistiek(s: RuweDuurStatistiek): void {
  expect(s.beeindigd + s.lopend).toBe(s.aantal);
  expect(s.samenvatting.count).toBe(s.beeindigd);
  if (s.beeindigd > 0) expect(s.samenvatting.min!).toBeGreaterThanOrEqual(1);
  if (s.kmMediaan !== null) expect(s.kmMediaan).toBeGreaterThanOrEqual(1);
  const overleving = [s.overlevingNa90, s.overlevingNa180, s.overlevingNa365];
  for (const o of overleving) {
    if (o !== null) {
      expect(o).toBeGreaterThanOrEqual(0);
      expect(o).toBeLessThanOrEqual(1);
    }
  }
  // Survival never rises with time.
  for (let i = 1; i < overleving.length; i++) {
    const [eerder, later] = [overleving[i - 1], overleving[i]];
    if (eerder != null && later != null) expect(later).toBeLessThanOrEqual(eerder + 1e-12);
  }
}

describe('duren properties', () => {
  it('every episode is ended or running, durations are at least 1 day and survival lies in 0..1', () => {
    fc.assert(
      fc.property(blokken, vragen, groepen, (b, vraag, groep) => {
        const ruw = telDuren(bouwDataset([...referentie, ...b.flat()]), vraag, groep);
        for (const g of ruw.perGroep) controleerStatistiek(g);
        controleerStatistiek(ruw.totaal);
        controleerStatistiek(ruw.verblijf);
        controleerStatistiek(ruw.behandeldWonen.periode);
        controleerStatistiek(ruw.behandeldWonen.basisjaar);
      }),
    );
  });

  it('per category and per product the groups add up to the total; per provider each is at most the total', () => {
    fc.assert(
      fc.property(blokken, vragen, groepen, (b, vraag, groep) => {
        const ruw = telDuren(bouwDataset([...referentie, ...b.flat()]), vraag, groep);
        const som = (veld: 'aantal' | 'beeindigd' | 'lopend') =>
          ruw.perGroep.reduce((s, g) => s + g[veld], 0);
        if (groep === 'aanbieder') {
          expect(som('aantal')).toBeGreaterThanOrEqual(ruw.totaal.aantal);
          for (const g of ruw.perGroep) expect(g.aantal).toBeLessThanOrEqual(ruw.totaal.aantal);
        } else {
          expect(som('aantal')).toBe(ruw.totaal.aantal);
          expect(som('beeindigd')).toBe(ruw.totaal.beeindigd);
          expect(som('lopend')).toBe(ruw.totaal.lopend);
        }
      }),
    );
  });

  it('a foster care stay never changes the residential durations, and behandeld wonen is part of them', () => {
    fc.assert(
      fc.property(
        blokken,
        vragen,
        fc.integer({ min: -100, max: 400 }),
        fc.option(fc.integer({ min: 0, max: 300 })),
        (b, vraag, start, einde) => {
          const zonder = telDuren(bouwDataset([...referentie, ...b.flat()]), vraag, 'categorie');
          const pleegzorg = verblijfFeiten('vb-pleeg', PERSONEN[0]!, 'pleegzorg', {
            start,
            wijziging: { na: 5, vorm: 'behandeld-wonen' },
            einde,
          });
          const met = telDuren(
            bouwDataset([...referentie, ...b.flat(), ...pleegzorg]),
            vraag,
            'categorie',
          );
          expect(met.verblijf).toEqual(zonder.verblijf);
          expect(met.behandeldWonen).toEqual(zonder.behandeldWonen);
          expect(zonder.behandeldWonen.periode.aantal).toBeLessThanOrEqual(zonder.verblijf.aantal);
        },
      ),
    );
  });

  it('the order of independent facts does not matter', () => {
    const metVolgorde = blokken.chain((b) =>
      fc.tuple(
        fc.constant(b),
        fc.shuffledSubarray(b, { minLength: b.length, maxLength: b.length }),
      ),
    );
    fc.assert(
      fc.property(metVolgorde, vragen, groepen, ([b, geschud], vraag, groep) => {
        expect(durenCijfers(bouwDataset([...referentie, ...geschud.flat()]), vraag, groep)).toEqual(
          durenCijfers(bouwDataset([...referentie, ...b.flat()]), vraag, groep),
        );
      }),
      { numRuns: 50 },
    );
  });

  it('published counts are rounded multiples of 5 from 10 on, shares are percentages, and no person id occurs', () => {
    fc.assert(
      fc.property(blokken, vragen, groepen, (b, vraag, groep) => {
        const c = durenCijfers(bouwDataset([...referentie, ...b.flat()]), vraag, groep);
        const rijen = [
          ...c.perGroep,
          c.totaal,
          c.verblijf,
          c.behandeldWonen.periode,
          c.behandeldWonen.basisjaar,
        ];
        for (const rij of rijen) {
          for (const aantal of [rij.aantal, rij.beeindigd, rij.lopend]) {
            if (aantal !== null) {
              expect(aantal % 5).toBe(0);
              expect(aantal).toBeGreaterThanOrEqual(DREMPEL);
            }
          }
          for (const p of [rij.overlevingNa90, rij.overlevingNa180, rij.overlevingNa365]) {
            if (p !== null) {
              expect(p).toBeGreaterThanOrEqual(0);
              expect(p).toBeLessThanOrEqual(100);
            }
          }
        }
        const json = JSON.stringify(c);
        for (const persoonId of PERSONEN) expect(json).not.toContain(persoonId);
      }),
    );
  });
});
