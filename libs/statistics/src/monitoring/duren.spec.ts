import { MonitoringFeit } from './feiten';
import { bouwDataset } from './dataset';
import { MonitoringVraag } from './selectie';
import { durenCijfers, durenTabel, telDuren } from './duren';
import { aanbieder, dagNa, product, toewijzing, verblijf } from './testing/feiten';

/** Ambulante begeleiding (45A01) at De Linde or Kompas. */
const LINDE = { aanbieder: 'aanb-a', product: '45A01' } as const;
const KOMPAS = { aanbieder: 'aanb-b', product: '45A01' } as const;

/**
 * Care episodes (product 45A01, category 45) of H1 2026, peildatum 2026-06-30. Two populations:
 * ended in H1 2026 (the summary) and started in H1 2026 (Kaplan-Meier).
 * - De Linde (aanb-a): 12 persons started in January and ended after 10..21 days. persoon-a01 has
 *   two assignments (1-5 and 6-10 January, 1 day apart) merged into one episode of 10 days;
 *   persoon-a12's assignment runs to the end of the year but care stopped on 21 January (21 days).
 * - Kompas (aanb-b): 28 days (February), 30 days (April), and one running since 1 March
 *   (censored at 122 days = 31+30+31+30). persoon-b4 started on 1 December 2025 and ended on 31
 *   January 2026 (31+31 = 62 days): ended in the period, so in the summary, but not started in
 *   it, so not in Kaplan-Meier.
 * - persoon-ab: De Linde from 1 February to 30 April, then Kompas from 1 May (one episode with
 *   both providers), running: censored at 150 days (28+31+30+31+30); not in the summary.
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
 * - bg-1: begeleid wonen 1 December 2025 to 1 February 2026 (31+31+1 = 63 days): started before
 *   the period, ended in it: in the summary only.
 * - 2023: bw-2023-1..10 behandeld wonen from 1 March 2023, ended after 31..40 days; bw-2023-11
 *   from 1 December 2023 to 1 February 2024: censored at 2023-12-31 (31 days); bw-2022 from
 *   1 December 2022 to 31 January 2023 (31+31 = 62 days): ended in 2023, so in the 2023 mean.
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
  ...verblijf({ id: 'bw-2022', vorm: 'behandeld-wonen', start: '2022-12-01', einde: '2023-01-31' }),
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

    // De Linde: started 12 (10..21 days) + persoon-ab = 13, of which persoon-ab running; ended 12.
    // Kompas: started b1, b2, b3 + persoon-ab = 4, of which b2 and persoon-ab running; ended b1,
    // b3 and b4 (started in 2025) = 3.
    expect(ruw.perGroep.map((g) => [g.sleutel, g.naam, g.gestart, g.beeindigd, g.lopend])).toEqual([
      ['aanb-a', 'De Linde', 13, 12, 1],
      ['aanb-b', 'Kompas', 4, 3, 2],
    ]);
    // Started 12 + 3 + 1 = 16 (running b2 and persoon-ab); ended 12 + 3 = 15.
    expect([ruw.totaal.gestart, ruw.totaal.beeindigd, ruw.totaal.lopend]).toEqual([16, 15, 2]);
    // The merged episode of persoon-a01 (10 days) is the shortest, b4 (62 days, started before the
    // period) the longest; the running ones are not in the summary.
    expect(ruw.totaal.samenvatting.min).toBe(10);
    expect(ruw.totaal.samenvatting.max).toBe(62);
  });

  it('given the ended durations, when published, then summary and Kaplan-Meier are hand computed', () => {
    const c = durenCijfers(d, vraag, 'aanbieder');
    const linde = c.perGroep[0]!;

    // De Linde: started 13 -> 15, ended 12 -> 10, running 1 -> withheld. Ended 10..21: mean =
    // median = 15.5; p25 at position 11*0.25 = 2.75: 12.75 -> 12.8; p75 at 8.25: 18.25 -> 18.3;
    // p90 at 9.9: 19.9. KM over the 13 started (one censored at 150): S = (13-k)/13 after k
    // events, <= 0.5 from k = 7: day 16; S(90) = 1/13 = 7.7%; 180 days lies beyond the longest
    // (censored) 150: not estimable.
    expect(linde).toEqual({
      sleutel: 'aanb-a',
      naam: 'De Linde',
      gestart: 15,
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

    // Total: ended 10..21, 28, 30, 62 (n = 15, sum 186 + 28 + 30 + 62 = 306): mean 306/15 =
    // 20.4; median at position 14*0.5 = 7: 17; p25 at 3.5: (13+14)/2 = 13.5; p75 at 10.5:
    // (20+21)/2 = 20.5; p90 at 12.6: 28 + 0.6*2 = 29.2. (By start, as in monitoring-duren-1,
    // b4 would be missing and the mean 17.4.) Started 16 -> 15, ended 15 -> 15. KM over the 16
    // started: (16-k)/16 <= 0.5 from k = 8: day 17; S(90) = 2/16 = 12.5%.
    expect(c.totaal).toEqual({
      gestart: 15,
      beeindigd: 15,
      lopend: null,
      gemiddelde: 20.4,
      mediaan: 17,
      p25: 13.5,
      p75: 20.5,
      p90: 29.2,
      kmMediaan: 17,
      overlevingNa90: 12.5,
      overlevingNa180: null,
      overlevingNa365: null,
    });
  });

  it('given a long episode started before the period and ended in it, and one started in it and still running, when counted, then the first is only in the summary and the second only in Kaplan-Meier', () => {
    const populaties = bouwDataset([
      aanbieder('aanb-a', 'De Linde'),
      product({ code: '45A01', categorie: '45', omschrijving: 'Ambulante begeleiding' }),
      // 2025-01-01..2026-03-31: 365 + 31 + 28 + 31 = 455 days; ended in the period.
      ...toewijzing({
        ...LINDE,
        id: 'tw-lang',
        persoon: 'persoon-lang',
        begin: '2025-01-01',
        eind: '2026-03-31',
      }),
      // 2026-01-01..2026-01-31: 31 days; started and ended in the period.
      ...toewijzing({
        ...LINDE,
        id: 'tw-kort',
        persoon: 'persoon-kort',
        begin: '2026-01-01',
        eind: '2026-01-31',
      }),
      // From 2026-02-01, running on the peildatum: censored at 28+31+30+31+30 = 150 days.
      ...toewijzing({
        ...LINDE,
        id: 'tw-loopt',
        persoon: 'persoon-loopt',
        begin: '2026-02-01',
        eind: '2026-12-31',
      }),
      // Ended before the period, and started before it and still running: in neither.
      ...toewijzing({
        ...LINDE,
        id: 'tw-oud',
        persoon: 'persoon-oud',
        begin: '2025-01-01',
        eind: '2025-12-31',
      }),
      ...toewijzing({
        ...LINDE,
        id: 'tw-door',
        persoon: 'persoon-door',
        begin: '2025-06-01',
        eind: '2026-12-31',
      }),
      // Stays: behandeld wonen 2025-06-01..2026-02-28 (30+31+31+30+31+30+31+31+28 = 273 days),
      // ended in the period; a gezinshuis from 2026-03-01, running: censored at 31+30+31+30 = 122.
      ...verblijf({
        id: 'bw-lang',
        vorm: 'behandeld-wonen',
        start: '2025-06-01',
        einde: '2026-02-28',
      }),
      ...verblijf({ id: 'gh-loopt', vorm: 'gezinshuis', start: '2026-03-01' }),
    ]);
    const ruw = telDuren(populaties, vraag, 'aanbieder');

    // Ended: lang (455) and kort (31): mean (455 + 31)/2 = 243, where by start alone (as in
    // monitoring-duren-1) it was kort's 31. Started: kort and loopt, loopt running. KM: kort ends
    // at 31 with 2 at risk, S = 1/2: median 31; S(90) = 1/2; 180 lies beyond loopt's censored 150.
    const { totaal } = ruw;
    expect([totaal.gestart, totaal.beeindigd, totaal.lopend]).toEqual([2, 2, 1]);
    expect(totaal.samenvatting).toMatchObject({ count: 2, mean: 243, min: 31, max: 455 });
    expect([totaal.kmMediaan, totaal.overlevingNa90, totaal.overlevingNa180]).toEqual([
      31,
      0.5,
      null,
    ]);
    // The one provider has them all.
    expect(ruw.perGroep.map((g) => [g.sleutel, g.gestart, g.beeindigd, g.lopend])).toEqual([
      ['aanb-a', 2, 2, 1],
    ]);

    // Stays: bw-lang in the summary only (273 days); gh-loopt in Kaplan-Meier only, censored
    // without any event: no median, S(90) = 1, after 180 (beyond 122) unknown.
    expect(ruw.verblijf).toMatchObject({
      gestart: 1,
      beeindigd: 1,
      lopend: 1,
      kmMediaan: null,
      overlevingNa90: 1,
      overlevingNa180: null,
    });
    expect(ruw.verblijf.samenvatting.mean).toBe(273);
    // Behandeld wonen: bw-lang ended in the period; none started.
    expect(ruw.behandeldWonen.periode).toMatchObject({ gestart: 0, beeindigd: 1, lopend: 0 });
    expect(ruw.behandeldWonen.periode.samenvatting.mean).toBe(273);
  });

  it('given a provider with fewer than 10 episodes, when published, then every figure of it is withheld and listed', () => {
    const c = durenCijfers(d, vraag, 'aanbieder');

    // Kompas: 4 started, 3 ended (28, 30, 62: mean 40), 2 running: all under 10.
    expect(c.perGroep[1]).toEqual({
      sleutel: 'aanb-b',
      naam: 'Kompas',
      gestart: null,
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

    // 16 started, 15 ended, as in the total.
    expect(perProduct.perGroep.map((g) => [g.sleutel, g.naam, g.gestart, g.beeindigd])).toEqual([
      ['45A01', 'Ambulante begeleiding', 16, 15],
    ]);
    expect(perCategorie.perGroep.map((g) => [g.sleutel, g.naam, g.gestart, g.beeindigd])).toEqual([
      ['45', 'categorie 45', 16, 15],
    ]);
  });

  it('given residential stays, when counted, then foster care is left out and running stays are censored', () => {
    const c = durenCijfers(d, vraag, 'aanbieder');

    // Ended in H1 2026: bw-1..10 (21..30), gh-1 (29) and bg-1 (63, started in 2025): 12. Sorted
    // 21 22 23 24 25 26 27 28 29 29 30 63, sum 255 + 29 + 63 = 347: mean 347/12 = 28.92 ->
    // 28.9; median at 11*0.5 = 5.5: (26+27)/2 = 26.5; p25 at 2.75: 23.75 -> 23.8; p75 at 8.25:
    // 29; p90 at 9.9: 29 + 0.9*1 = 29.9. Started in H1 2026: bw-1..10, bw-11 (running, 122),
    // gh-1 (29), gh-2 (running, 61): 13, 2 running. KM over those 13: 21 (12/13) .. 26 (7/13)
    // 27 (6/13 <= 0.5): median 27; S(90) = 2/13 = 15.4%; 180 lies beyond the longest (censored)
    // 122. Started 13 -> 15, ended 12 -> 10.
    expect(c.verblijf).toEqual({
      gestart: 15,
      beeindigd: 10,
      lopend: null,
      gemiddelde: 28.9,
      mediaan: 26.5,
      p25: 23.8,
      p75: 29,
      p90: 29.9,
      kmMediaan: 27,
      overlevingNa90: 15.4,
      overlevingNa180: null,
      overlevingNa365: null,
    });
  });

  it('given behandeld wonen now and in 2023, when published, then the goal is 75% of the 2023 mean', () => {
    const { behandeldWonen } = durenCijfers(d, vraag, 'aanbieder');

    // Now: ended bw-1..10, 21..30 (mean 25.5, median 25.5, p25 23.25 -> 23.3, p75 27.75 ->
    // 27.8, p90 at 8.1: 29.1). Started bw-1..10 and bw-11 (running): 11 -> 10. KM over 11:
    // (11-k)/11 <= 0.5 from k = 6: day 26; S(90) = 1/11 = 9.1%.
    expect(behandeldWonen.periode).toEqual({
      gestart: 10,
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
    // 2023, ended in 2023: bw-2023-1..10 (31..40) and bw-2022 (62, started in 2022): 11 -> 10.
    // Sorted 31..40, 62, sum 355 + 62 = 417: mean 417/11 = 37.91 -> 37.9; median at 10*0.5 = 5:
    // 36; p25 at 2.5: (33+34)/2 = 33.5; p75 at 7.5: (38+39)/2 = 38.5; p90 at 9: 40. (Only stays
    // started in 2023, as in monitoring-duren-1, would give 35.5.) Started in 2023: bw-2023-1..11,
    // 11 -> 10, bw-2023-11 censored at 2023-12-31 after 31 days. KM: day 31 10/11, 32 80/99, 33
    // 70/99, 34 60/99, 35 50/99 (0.505), 36 40/99: median 36; the longest (40) is an event with
    // S = 0, so S(90) = S(180) = S(365) = 0.
    expect(behandeldWonen.basisjaar).toEqual({
      van: '2023-01-01',
      tot: '2023-12-31',
      gestart: 10,
      beeindigd: 10,
      lopend: null,
      gemiddelde: 37.9,
      mediaan: 36,
      p25: 33.5,
      p75: 38.5,
      p90: 40,
      kmMediaan: 36,
      overlevingNa90: 0,
      overlevingNa180: 0,
      overlevingNa365: 0,
    });
    // Goal 417/11 * 0.75 = 28.43 -> 28.4; difference (25.5 - 417/11) / (417/11) = -136.5/417 =
    // -32.73% -> -32.7.
    expect(behandeldWonen.doelGemiddelde).toBe(28.4);
    expect(behandeldWonen.verschilPercentage).toBe(-32.7);
  });

  it('given a period with fewer than 10 ended stays of behandeld wonen, when published, then the difference is withheld but the goal is not', () => {
    // Peildatum 25 January: bw-1..5 ended (21..25 days): 5 ended, too few for a mean; bw-6..10
    // are censored at 25 days (Kaplan-Meier only). 2023 is unchanged: goal 28.4.
    const c = durenCijfers(d, { ...vraag, tot: '2026-01-25' }, 'aanbieder');

    expect(c.behandeldWonen.periode.beeindigd).toBeNull();
    expect(c.behandeldWonen.periode.gemiddelde).toBeNull();
    expect(c.behandeldWonen.verschilPercentage).toBeNull();
    expect(c.behandeldWonen.doelGemiddelde).toBe(28.4);
    expect(c.onderdrukt).toContainEqual({
      tabel: 'behandeldWonen',
      rij: 'doel',
      reden: 'groep onder 10',
      velden: ['verschilPercentage'],
    });
  });

  it('given the published figures, when flattened, then each row lists its withheld columns', () => {
    const tabel = durenTabel(durenCijfers(d, vraag, 'aanbieder'));

    expect(tabel.kolommen).toEqual([
      'onderdeel',
      'sleutel',
      'naam',
      'gestart',
      'beeindigd',
      'lopend',
      'gemiddelde',
      'mediaan',
      'p25',
      'p75',
      'p90',
      'kmMediaan',
      'overlevingNa90',
      'overlevingNa180',
      'overlevingNa365',
      'doelGemiddelde',
      'verschilPercentage',
      'onderdrukt',
    ]);
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
      'gestart beeindigd lopend gemiddelde mediaan p25 p75 p90 kmMediaan overlevingNa90',
      'lopend',
      'lopend',
      'lopend',
      'lopend',
    ]);
    // The behandeld wonen row carries the goal and the difference.
    const bw = tabel.rijen[4]!;
    expect(bw.slice(-3, -1)).toEqual([28.4, -32.7]);
  });

  it('given the published figures, then no person id occurs in them', () => {
    const json = JSON.stringify([
      durenCijfers(d, vraag, 'aanbieder'),
      durenCijfers(d, vraag, 'product'),
    ]);
    expect(json).not.toContain('persoon-');
  });
});
