import { MonitoringFeit } from './feiten';
import { bouwDataset } from './dataset';
import { MonitoringVraag } from './selectie';
import { durenCijfers, durenTabel, telDuren } from './duren';
import { aanbieder, dagNa, product, toewijzing, verblijf } from './testing/feiten';

/** Ambulante begeleiding (45A01) at De Linde or Kompas. */
const LINDE = { aanbieder: 'aanb-a', product: '45A01' } as const;
const KOMPAS = { aanbieder: 'aanb-b', product: '45A01' } as const;

/**
 * Care episodes (product 45A01, category 45) starting in H1 2026, peildatum 2026-06-30:
 * - De Linde (aanb-a): 12 persons ended after 10..21 days. persoon-a01 has two assignments
 *   (1-5 and 6-10 January, 1 day apart) merged into one episode of 10 days; persoon-a12's
 *   assignment runs to the end of the year but care stopped on 21 January (21 days).
 * - Kompas (aanb-b): 28 days (February), 30 days (April), and one running since 1 March
 *   (censored at 122 days = 31+30+31+30); one that started in December 2025 does not count.
 * - persoon-ab: De Linde from 1 February to 30 April, then Kompas from 1 May (one episode with
 *   both providers), running: censored at 150 days (28+31+30+31+30).
 */
const episodeFeiten: MonitoringFeit[] = [
  aanbieder('aanb-a', 'De Linde'),
  aanbieder('aanb-b', 'Kompas'),
  product({ code: '45A01', categorie: '45', omschrijving: 'Ambulante begeleiding' }),
  ...toewijzing({
    ...LINDE,
    id: 'tw-a01-1',
    persoon: 'persoon-a01',
    begin: '2026-01-01',
    eind: '2026-01-05',
  }),
  ...toewijzing({
    ...LINDE,
    id: 'tw-a01-2',
    persoon: 'persoon-a01',
    begin: '2026-01-06',
    eind: '2026-01-10',
  }),
  ...Array.from({ length: 10 }, (_, i) =>
    toewijzing({
      ...LINDE,
      id: `tw-a${i + 2}`,
      persoon: `persoon-a${String(i + 2).padStart(2, '0')}`,
      begin: '2026-01-01',
      eind: dagNa('2026-01-01', 10 + i),
    }),
  ).flat(),
  ...toewijzing({
    ...LINDE,
    id: 'tw-a12',
    persoon: 'persoon-a12',
    begin: '2026-01-01',
    eind: '2026-12-31',
    stop: '2026-01-21',
  }),
  ...toewijzing({
    ...KOMPAS,
    id: 'tw-b1',
    persoon: 'persoon-b1',
    begin: '2026-02-01',
    eind: '2026-02-28',
  }),
  ...toewijzing({
    ...KOMPAS,
    id: 'tw-b2',
    persoon: 'persoon-b2',
    begin: '2026-03-01',
    eind: '2026-12-31',
  }),
  ...toewijzing({
    ...KOMPAS,
    id: 'tw-b3',
    persoon: 'persoon-b3',
    begin: '2026-04-01',
    eind: '2026-04-30',
  }),
  ...toewijzing({
    ...KOMPAS,
    id: 'tw-b4',
    persoon: 'persoon-b4',
    begin: '2025-12-01',
    eind: '2026-01-31',
  }),
  ...toewijzing({
    ...LINDE,
    id: 'tw-ab1',
    persoon: 'persoon-ab',
    begin: '2026-02-01',
    eind: '2026-04-30',
  }),
  ...toewijzing({
    ...KOMPAS,
    id: 'tw-ab2',
    persoon: 'persoon-ab',
    begin: '2026-05-01',
    eind: '2026-12-31',
  }),
];

/**
 * Residential stays:
 * - bw-1..bw-10: behandeld wonen from 1 January 2026, ended after 21..30 days.
 * - bw-11: behandeld wonen from 1 March 2026, running: censored at 122 days.
 * - pz-1: foster care (pleegzorg) in February: never counted.
 * - pz-2: started as foster care, became a gezinshuis: never counted (form at the start).
 * - gh-1: gezinshuis 1 February to 1 March 2026: 29 days.
 * - gh-2: gezinshuis from 1 May 2026, ends 15 July, after the peildatum: censored at 61 days.
 * - bg-1: begeleid wonen from December 2025: started before the period.
 * - 2023: bw-2023-1..10 behandeld wonen from 1 March 2023, ended after 31..40 days; bw-2023-11
 *   from 1 December 2023 to 1 February 2024: censored at 2023-12-31 (31 days).
 */
const verblijfFeiten: MonitoringFeit[] = [
  ...Array.from({ length: 10 }, (_, i) =>
    verblijf({
      id: `bw-${i + 1}`,
      vorm: 'behandeld-wonen',
      start: '2026-01-01',
      einde: dagNa('2026-01-01', 20 + i),
    }),
  ).flat(),
  ...verblijf({ id: 'bw-11', vorm: 'behandeld-wonen', start: '2026-03-01' }),
  ...verblijf({ id: 'pz-1', vorm: 'pleegzorg', start: '2026-02-01', einde: '2026-02-10' }),
  ...verblijf({
    id: 'pz-2',
    vorm: 'pleegzorg',
    start: '2026-01-10',
    wijzigingen: [{ datum: '2026-02-01', naar: 'gezinshuis' }],
    einde: '2026-03-01',
  }),
  ...verblijf({ id: 'gh-1', vorm: 'gezinshuis', start: '2026-02-01', einde: '2026-03-01' }),
  ...verblijf({ id: 'gh-2', vorm: 'gezinshuis', start: '2026-05-01', einde: '2026-07-15' }),
  ...verblijf({ id: 'bg-1', vorm: 'begeleid-wonen', start: '2025-12-01', einde: '2026-02-01' }),
  ...Array.from({ length: 10 }, (_, i) =>
    verblijf({
      id: `bw-2023-${i + 1}`,
      vorm: 'behandeld-wonen',
      start: '2023-03-01',
      einde: dagNa('2023-03-01', 30 + i),
    }),
  ).flat(),
  ...verblijf({
    id: 'bw-2023-11',
    vorm: 'behandeld-wonen',
    start: '2023-12-01',
    einde: '2024-02-01',
  }),
];

const d = bouwDataset([...episodeFeiten, ...verblijfFeiten]);
const vraag: MonitoringVraag = {
  van: '2026-01-01',
  tot: '2026-06-30',
  bekendOp: '2026-08-01',
  filter: {},
};

describe('duren: durations of care episodes', () => {
  it('given episodes per provider, when counted, then an episode with two providers counts under both and once in the total', () => {
    const ruw = telDuren(d, vraag, 'aanbieder');

    // De Linde: 12 ended (10..21 days) + persoon-ab running = 13; Kompas: b1, b2, b3 + persoon-ab = 4.
    expect(ruw.perGroep.map((g) => [g.sleutel, g.naam, g.aantal, g.beeindigd, g.lopend])).toEqual([
      ['aanb-a', 'De Linde', 13, 12, 1],
      ['aanb-b', 'Kompas', 4, 2, 2],
    ]);
    // 12 + 3 + 1 = 16 episodes; running: b2 and persoon-ab.
    expect([ruw.totaal.aantal, ruw.totaal.beeindigd, ruw.totaal.lopend]).toEqual([16, 14, 2]);
    // The merged episode of persoon-a01 (10 days) is the shortest; the running ones are not in the summary.
    expect(ruw.totaal.samenvatting.min).toBe(10);
    expect(ruw.totaal.samenvatting.max).toBe(30);
  });

  it('given the ended durations, when published, then summary and Kaplan-Meier are hand computed', () => {
    const c = durenCijfers(d, vraag, 'aanbieder');
    const linde = c.perGroep[0]!;

    // De Linde: counts 13 -> 15, 12 -> 10, 1 -> withheld. Ended 10..21: mean = median = 15.5;
    // p25 at position 11*0.25 = 2.75: 12.75 -> 12.8; p75 at 8.25: 18.25 -> 18.3; p90 at 9.9: 19.9.
    // KM over 13 (one censored at 150): S = (13-k)/13 after k events, <= 0.5 from k = 7: day 16;
    // S(90) = 1/13 = 7.7%; 180 days lies beyond the longest (censored) 150: not estimable.
    expect(linde).toEqual({
      sleutel: 'aanb-a',
      naam: 'De Linde',
      aantal: 15,
      beeindigd: 10,
      lopend: null,
      gemiddelde: 15.5,
      mediaan: 15.5,
      p25: 12.8,
      p75: 18.3,
      p90: 19.9,
      kmMediaan: 16,
      overlevingNa90: 7.7,
      overlevingNa180: null,
      overlevingNa365: null,
    });

    // Total: ended 10..21, 28, 30 (n = 14, sum 186 + 58 = 244): mean 17.43 -> 17.4; median at
    // 6.5: 16.5; p25 at 3.25: 13.25 -> 13.3; p75 at 9.75: 19.75 -> 19.8; p90 at 11.7: 21 + 0.7*7
    // = 25.9. KM over 16: (16-k)/16 <= 0.5 from k = 8: day 17; S(90) = 2/16 = 12.5%.
    expect(c.totaal).toEqual({
      aantal: 15,
      beeindigd: 15,
      lopend: null,
      gemiddelde: 17.4,
      mediaan: 16.5,
      p25: 13.3,
      p75: 19.8,
      p90: 25.9,
      kmMediaan: 17,
      overlevingNa90: 12.5,
      overlevingNa180: null,
      overlevingNa365: null,
    });
  });

  it('given a provider with fewer than 10 episodes, when published, then every figure of it is withheld and listed', () => {
    const c = durenCijfers(d, vraag, 'aanbieder');

    expect(c.perGroep[1]).toEqual({
      sleutel: 'aanb-b',
      naam: 'Kompas',
      aantal: null,
      beeindigd: null,
      lopend: null,
      gemiddelde: null,
      mediaan: null,
      p25: null,
      p75: null,
      p90: null,
      kmMediaan: null,
      overlevingNa90: null,
      overlevingNa180: null,
      overlevingNa365: null,
    });
    expect(c.onderdrukt).toContainEqual({
      tabel: 'perGroep',
      rij: 'Kompas (aanb-b)',
      reden: 'groep onder 10',
      // KM of Kompas: 28 ended (S 3/4), 30 ended (S 1/2: median 30), S(90) = 1/2; 180 not estimable.
      velden: ['gemiddelde', 'mediaan', 'p25', 'p75', 'p90', 'kmMediaan', 'overlevingNa90'],
    });
  });

  it('given grouping per product or category, when counted, then the single product row equals the total', () => {
    const perProduct = telDuren(d, vraag, 'product');
    const perCategorie = telDuren(d, vraag, 'categorie');

    expect(perProduct.perGroep.map((g) => [g.sleutel, g.naam, g.aantal])).toEqual([
      ['45A01', 'Ambulante begeleiding', 16],
    ]);
    expect(perCategorie.perGroep.map((g) => [g.sleutel, g.naam, g.aantal])).toEqual([
      ['45', 'categorie 45', 16],
    ]);
  });

  it('given residential stays, when counted, then foster care is left out and running stays are censored', () => {
    const c = durenCijfers(d, vraag, 'aanbieder');

    // bw-1..10 (21..30), bw-11 (running, 122), gh-1 (29), gh-2 (running, 61): 13 stays, 11 ended.
    // Ended 21..30 and 29: mean 284/11 = 25.8; median at 5: 26; p25 at 2.5: 23.5; p75 at 7.5:
    // 28.5; p90 at 9: 29. KM over 13: 21 (12/13) .. 26 (7/13) 27 (6/13 <= 0.5): median 27;
    // S(90) = 2/13 = 15.4%; 180 lies beyond the longest (censored) 122.
    expect(c.verblijf).toEqual({
      aantal: 15,
      beeindigd: 10,
      lopend: null,
      gemiddelde: 25.8,
      mediaan: 26,
      p25: 23.5,
      p75: 28.5,
      p90: 29,
      kmMediaan: 27,
      overlevingNa90: 15.4,
      overlevingNa180: null,
      overlevingNa365: null,
    });
  });

  it('given behandeld wonen now and in 2023, when published, then the goal is 75% of the 2023 mean', () => {
    const { behandeldWonen } = durenCijfers(d, vraag, 'aanbieder');

    // Now: bw-1..10 ended 21..30 (mean 25.5, median 25.5, p25 23.25 -> 23.3, p75 27.75 -> 27.8,
    // p90 at 8.1: 29.1) and bw-11 running. KM over 11: (11-k)/11 <= 0.5 from k = 6: day 26;
    // S(90) = 1/11 = 9.1%.
    expect(behandeldWonen.periode).toEqual({
      aantal: 10,
      beeindigd: 10,
      lopend: null,
      gemiddelde: 25.5,
      mediaan: 25.5,
      p25: 23.3,
      p75: 27.8,
      p90: 29.1,
      kmMediaan: 26,
      overlevingNa90: 9.1,
      overlevingNa180: null,
      overlevingNa365: null,
    });
    // 2023: ended 31..40 (mean 35.5) and bw-2023-11 censored at 2023-12-31 after 31 days. KM: day
    // 31 10/11, 32 80/99, 33 70/99, 34 60/99, 35 50/99 (0.505), 36 40/99: median 36; the longest
    // (40) is an event with S = 0, so S(90) = S(180) = S(365) = 0.
    expect(behandeldWonen.basisjaar).toEqual({
      van: '2023-01-01',
      tot: '2023-12-31',
      aantal: 10,
      beeindigd: 10,
      lopend: null,
      gemiddelde: 35.5,
      mediaan: 35.5,
      p25: 33.3,
      p75: 37.8,
      p90: 39.1,
      kmMediaan: 36,
      overlevingNa90: 0,
      overlevingNa180: 0,
      overlevingNa365: 0,
    });
    // Goal 35.5 * 0.75 = 26.625 -> 26.6; difference (25.5 - 35.5) / 35.5 = -28.17% -> -28.2.
    expect(behandeldWonen.doelGemiddelde).toBe(26.6);
    expect(behandeldWonen.verschilPercentage).toBe(-28.2);
  });

  it('given a period with fewer than 10 ended stays of behandeld wonen, when published, then the difference is withheld but the goal is not', () => {
    // Peildatum 25 January: bw-1..5 ended (21..25 days), bw-6..10 censored at 25 days.
    const c = durenCijfers(d, { ...vraag, tot: '2026-01-25' }, 'aanbieder');

    expect(c.behandeldWonen.periode.gemiddelde).toBeNull();
    expect(c.behandeldWonen.verschilPercentage).toBeNull();
    expect(c.behandeldWonen.doelGemiddelde).toBe(26.6);
    expect(c.onderdrukt).toContainEqual({
      tabel: 'behandeldWonen',
      rij: 'doel',
      reden: 'groep onder 10',
      velden: ['verschilPercentage'],
    });
  });

  it('given the published figures, when flattened, then each row lists its withheld columns', () => {
    const tabel = durenTabel(durenCijfers(d, vraag, 'aanbieder'));

    expect(tabel.kolommen[0]).toBe('onderdeel');
    expect(tabel.kolommen[tabel.kolommen.length - 1]).toBe('onderdrukt');
    expect(tabel.rijen.map((r) => r.slice(0, 3))).toEqual([
      ['aanbieder', 'aanb-a', 'De Linde'],
      ['aanbieder', 'aanb-b', 'Kompas'],
      ['totaal', '', 'totaal'],
      ['verblijf', '', 'verblijf zonder pleegzorg'],
      ['behandeld wonen', '2026-01-01..2026-06-30', 'periode'],
      ['behandeld wonen', '2023-01-01..2023-12-31', 'basisjaar 2023'],
    ]);
    const onderdrukt = tabel.rijen.map((r) => r[r.length - 1]);
    expect(onderdrukt).toEqual([
      'lopend',
      'aantal beeindigd lopend gemiddelde mediaan p25 p75 p90 kmMediaan overlevingNa90',
      'lopend',
      'lopend',
      'lopend',
      'lopend',
    ]);
    // The behandeld wonen row carries the goal and the difference.
    const bw = tabel.rijen[4]!;
    expect(bw.slice(-3, -1)).toEqual([26.6, -28.2]);
  });

  it('given the published figures, then no person id occurs in them', () => {
    const json = JSON.stringify([
      durenCijfers(d, vraag, 'aanbieder'),
      durenCijfers(d, vraag, 'product'),
    ]);
    expect(json).not.toContain('persoon-');
  });
});
