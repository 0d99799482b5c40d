import { Telling, publiceerAantal } from '../disclosure';
import { aantallen, celsleutel, metSleutels, verwachtGepubliceerd } from '../testing/tellingen';
import { bouwDataset } from './dataset';
import { MonitoringFeit } from './feiten';
import {
  INDICATOREN_DEFINITIE,
  IndicatorJaar,
  NULWAARDEN,
  RuwJaar,
  VERBLIJF_DOELFACTOR,
  inEnUitstroomTabel,
  indicatorCijfers,
  indicatorTabel,
  telIndicatoren,
} from './indicatoren';
import { MonitoringVraag } from './selectie';
import { bevolking, gezinInWijk, persoon, reeks, toewijzing } from './testing/feiten';

/** The products here, all at De Boei (aanb-1). */
const BOEI = { aanbieder: 'aanb-1', aanbiederNaam: 'De Boei' } as const;
const AMBULANT = { ...BOEI, product: '45A01', categorie: '45' } as const;
const AMBULANT_NIEUW = { ...AMBULANT, product: '45B02' } as const;
const BEHANDELD_WONEN = { ...BOEI, product: '43A01', categorie: '43' } as const;
const GEZINSHUIS = { ...BOEI, product: '44A01', categorie: '44' } as const;
const HUISHOUDELIJKE_HULP = { ...AMBULANT, product: 'WMO-HH', kader: 'wmo' } as const;

/**
 * The data set, by group:
 * - A, 12 youths born 2010-05-01 (13 at start), ambulant 45A01 2024 and again 2025, consecutive so
 *   one episode from 2024-01-01; a0 also in a gezinshuis (44A01) March-April 2024. a0-a5 live in
 *   Noord, a6-a11 in Zuid.
 * - B, 11 youths born 2012-03-15 (10 at start), behandeld wonen (43A01) from care start
 *   2023-03-01 to care stop 2024-06-30 (the assignment runs to 2024-12-31).
 * - C, 3 youths born 2008-01-01 (17 at start), behandeld wonen from 2025-02-01 to 2026-01-31
 *   (running). Earlier care: c0 45A01 ending 2021-06-30 (within 5 years), c1 ending 2020-01-31
 *   (one day more than 5 years before 2025-02-01), c2 45B02 2024-09-01 to 2025-01-31 (the day
 *   before).
 * - e0 born 1990 (an adult), 45A01 February-March 2024; f0 without birth date, 45A01 May 2024.
 * - w0, a youth with only Wmo care: never counted.
 * Population 0-17: 2024 Noord 100 + Zuid 150 = 250; 2025 unknown.
 */
const A = reeks('p-a', 12);
const B = reeks('p-b', 11);
const feiten: MonitoringFeit[] = [
  ...A.flatMap((p, i) => [
    persoon(p, '2010-05-01'),
    ...gezinInWijk(`g-${p}`, p, i < 6 ? 'Noord' : 'Zuid', '2010-05-01'),
    ...toewijzing({
      ...AMBULANT,
      id: `t-${p}-1`,
      persoon: p,
      begin: '2024-01-01',
      eind: '2024-12-31',
    }),
    ...toewijzing({
      ...AMBULANT,
      id: `t-${p}-2`,
      persoon: p,
      begin: '2025-01-01',
      eind: '2025-12-31',
    }),
  ]),
  ...toewijzing({
    ...GEZINSHUIS,
    id: 't-p-a0-gh',
    persoon: 'p-a0',
    begin: '2024-03-01',
    eind: '2024-04-30',
  }),
  ...B.flatMap((p) => [
    persoon(p, '2012-03-15'),
    ...toewijzing({
      ...BEHANDELD_WONEN,
      id: `t-${p}`,
      persoon: p,
      begin: '2023-03-01',
      eind: '2024-12-31',
      start: '2023-03-01',
      stop: '2024-06-30',
    }),
  ]),
  ...['p-c0', 'p-c1', 'p-c2'].flatMap((p) => [
    persoon(p, '2008-01-01'),
    ...toewijzing({
      ...BEHANDELD_WONEN,
      id: `t-${p}`,
      persoon: p,
      begin: '2025-02-01',
      eind: '2026-01-31',
    }),
  ]),
  ...toewijzing({
    ...AMBULANT,
    id: 't-c0-eerder',
    persoon: 'p-c0',
    begin: '2020-01-01',
    eind: '2021-06-30',
  }),
  ...toewijzing({
    ...AMBULANT,
    id: 't-c1-eerder',
    persoon: 'p-c1',
    begin: '2018-01-01',
    eind: '2020-01-31',
  }),
  ...toewijzing({
    ...AMBULANT_NIEUW,
    id: 't-c2-eerder',
    persoon: 'p-c2',
    begin: '2024-09-01',
    eind: '2025-01-31',
  }),
  persoon('p-e0', '1990-01-01'),
  ...toewijzing({
    ...AMBULANT,
    id: 't-e0',
    persoon: 'p-e0',
    begin: '2024-02-01',
    eind: '2024-03-31',
  }),
  persoon('p-f0', null),
  ...toewijzing({
    ...AMBULANT,
    id: 't-f0',
    persoon: 'p-f0',
    begin: '2024-05-01',
    eind: '2024-05-31',
  }),
  persoon('p-w0', '2010-01-01'),
  ...toewijzing({
    ...HUISHOUDELIJKE_HULP,
    id: 't-w0',
    persoon: 'p-w0',
    begin: '2024-01-01',
    eind: '2024-12-31',
  }),
  bevolking(2024, { Noord: 100, Zuid: 150 }),
];
const d = bouwDataset(metSleutels(feiten));
const sleutel = (persoonId: string) => d.recordsleutels.get(persoonId)!;

const vraag: MonitoringVraag = {
  van: '2024-01-01',
  tot: '2025-06-30',
  bekendOp: '2025-09-30',
  filter: {},
};

describe('council indicators: raw counts against a hand count', () => {
  const ruw = telIndicatoren(d, vraag);
  const [j2024, j2025] = ruw.jaren;

  it('splits the period into calendar years, each with its own peildatum', () => {
    expect(
      ruw.jaren.map(({ jaar, van, tot, peildatum, heelJaar }) => [
        jaar,
        van,
        tot,
        peildatum,
        heelJaar,
      ]),
    ).toEqual([
      [2024, '2024-01-01', '2024-12-31', '2024-12-31', true],
      // Only the first half of 2025 is asked: not a whole year.
      [2025, '2025-01-01', '2025-06-30', '2025-06-30', false],
    ]);
  });

  it('2024: youths with and without residence, and clients with only care without residence', () => {
    expect(aantallen(j2024)).toMatchObject({
      bevolking: 250, // Noord 100 + Zuid 150
      // A (12) + c2 (45B02 from 2024-09-01, running at the end of 2024): e0 is 34, f0 has no age.
      jeugdigenZonderVerblijf: 13,
      // B (11, until their care stop) + a0 (gezinshuis): a0 counts in both.
      jeugdigenMetVerblijf: 12,
      // A 12 + B 11 + c2 + e0 + f0; w0 has only Wmo care.
      clienten: 26,
      // 26 minus the 12 with a residential episode.
      clientenAlleenZonderVerblijf: 14,
      zonderGeboortedatum: 1, // f0
    });
  });

  it('2025 (January-June): running episodes count, the population is unknown', () => {
    expect(aantallen(j2025)).toMatchObject({
      bevolking: null,
      // A's two assignments are one episode (1 day apart), running at 2025-06-30; c2 until 31 Jan.
      jeugdigenZonderVerblijf: 13,
      jeugdigenMetVerblijf: 3, // C, running
      clienten: 15, // A 12 + C 3; B, e0 and f0 ended in 2024
      clientenAlleenZonderVerblijf: 12, // A; c2 also had residence in 2025
      zonderGeboortedatum: 0,
    });
  });

  it('2023, the reference of the regional target: the 11 of B, running at the end of 2023', () => {
    expect(ruw.jeugdigenMetVerblijf2023.aantal).toBe(11);
  });

  it('repeated inflow: earlier care ended at most 5 years before, per year of the start', () => {
    // 2024: A's episodes (12), a0's gezinshuis, c2's 45B02, e0 and f0 start; nobody had care
    // that had already ended (a0's ambulant care runs on).
    expect(aantallen(j2024!.herhaaldeInstroom)).toEqual({
      instroom: 16,
      herhaald: 0,
      aansluitend: 0,
    });
    // 2025: C's three stays start on 2025-02-01 (A's second assignment is merged, no new start).
    // c0 (ended 2021-06-30) and c2 (ended 2025-01-31, the day before: aansluitend) count; c1
    // ended 2020-01-31, before 2020-02-01, more than 5 years before.
    expect(aantallen(j2025!.herhaaldeInstroom)).toEqual({
      instroom: 3,
      herhaald: 2,
      aansluitend: 1,
    });
    expect(aantallen(ruw.herhaaldeInstroom)).toEqual({ instroom: 19, herhaald: 2, aansluitend: 1 });
  });

  it('in- and outflow per month: episodes after merging, every month also when empty', () => {
    expect(ruw.inEnUitstroom).toHaveLength(18); // 2024-01 to 2025-06
    const niet0 = aantallen(ruw.inEnUitstroom)
      .map(({ maand, compleet, ...tellingen }) => ({ maand, compleet, tellingen }))
      .filter(({ tellingen }) => Object.values(tellingen).some((n) => n > 0))
      .map(({ maand, tellingen }) => [maand, ...Object.values(tellingen)]);
    // [maand, instroom zonder, instroom met, uitstroom zonder, uitstroom met]
    expect(niet0).toEqual([
      ['2024-01', 12, 0, 0, 0], // A
      ['2024-02', 1, 0, 0, 0], // e0
      ['2024-03', 0, 1, 1, 0], // a0 gezinshuis in, e0 out
      ['2024-04', 0, 0, 0, 1], // a0 gezinshuis out
      ['2024-05', 1, 0, 1, 0], // f0 in and out
      ['2024-06', 0, 0, 0, 11], // B's care stop (not the assignment's end date)
      ['2024-09', 1, 0, 0, 0], // c2's 45B02
      // December 2024: no outflow, A's next assignment follows the next day (merged).
      ['2025-01', 0, 0, 1, 0], // c2's 45B02 ended
      ['2025-02', 0, 3, 0, 0], // C; running, so never outflow
    ]);
    expect(ruw.inEnUitstroom.every((m) => m.compleet)).toBe(true);
  });

  it('in- and outflow as known: the next day is not known yet, so December is outflow then', () => {
    const december = (bekendOp: string) =>
      aantallen(telIndicatoren(d, { ...vraag, tot: '2024-12-31', bekendOp }).inEnUitstroom.at(-1));
    // Known on 2025-09-30: A continues on 2025-01-01, one episode, no outflow.
    expect(december('2025-09-30')).toMatchObject({ maand: '2024-12', uitstroomZonderVerblijf: 0 });
    // Known on 2024-12-31: A's 12 assignments end that day and nothing follows yet; c2's 45B02
    // runs past that day, so it has not ended.
    expect(december('2024-12-31')).toMatchObject({ maand: '2024-12', uitstroomZonderVerblijf: 12 });
  });

  it('a month not known to its last day, or cut by the period, is not complete', () => {
    const r = telIndicatoren(d, {
      van: '2024-01-15',
      tot: '2024-03-31',
      bekendOp: '2024-02-20',
      filter: {},
    });
    expect(r.inEnUitstroom.map((m) => [m.maand, m.compleet])).toEqual([
      ['2024-01', false], // starts on the 15th
      ['2024-02', false], // known until the 20th
      ['2024-03', false],
    ]);
  });

  it('is about Jeugdwet only, whatever framework is asked', () => {
    expect(telIndicatoren(d, { ...vraag, filter: { kader: 'wmo' } })).toEqual(ruw);
  });

  it('earlier care is looked for regardless of the other filters', () => {
    // Only category 43: C's stays start in 2025; c0's and c2's earlier care is 45A01/45B02.
    const r = telIndicatoren(d, { ...vraag, filter: { categorie: '43' } });
    expect(aantallen(r.herhaaldeInstroom)).toEqual({ instroom: 3, herhaald: 2, aansluitend: 1 });
    // The same three starts as in 2025 without the filter: the same cells.
    expect(r.herhaaldeInstroom).toEqual(ruw.jaren[1]!.herhaaldeInstroom);
  });

  it('per district: youths of that district over its population', () => {
    const r = telIndicatoren(d, { ...vraag, filter: { wijk: 'Noord' } });
    // a0-a5 live in Noord; a0 also in the gezinshuis.
    expect(aantallen(r.jaren[0])).toMatchObject({
      bevolking: 100,
      jeugdigenZonderVerblijf: 6,
      jeugdigenMetVerblijf: 1,
    });
    // A district without population figures: unknown, no error.
    expect(
      telIndicatoren(d, { ...vraag, filter: { wijk: 'Oost' } }).jaren[0]!.bevolking,
    ).toBeNull();
  });

  it('divides by the municipality as a whole when it was given, with or without districts', () => {
    const alleenTotaal = bouwDataset(
      metSleutels([...feiten.slice(0, -1), bevolking(2024, {}, 400)]),
    );
    expect(telIndicatoren(alleenTotaal, vraag).jaren[0]!.bevolking).toBe(400);
    // Districts known for part of the whole: the whole for the municipality, a district for itself.
    const deels = bouwDataset(
      metSleutels([...feiten.slice(0, -1), bevolking(2024, { Noord: 100 }, 400)]),
    );
    expect(telIndicatoren(deels, vraag).jaren[0]!.bevolking).toBe(400);
    expect(telIndicatoren(deels, { ...vraag, filter: { wijk: 'Noord' } }).jaren[0]!.bevolking).toBe(
      100,
    );
  });

  it("gives each count the cell key of exactly its records: a person's key once, an episode's each time", () => {
    const keys = (...ids: string[]) => celsleutel(ids.map(sleutel));
    // 2024 with residence: B and a0 (a0 has two episodes in 2024, counted once as a person).
    expect(j2024!.jeugdigenMetVerblijf.sleutel).toBe(keys(...B, 'p-a0'));
    // Clients with only care without residence: A without a0, c2, e0 and f0.
    expect(j2024!.clientenAlleenZonderVerblijf.sleutel).toBe(
      keys(...A.slice(1), 'p-c2', 'p-e0', 'p-f0'),
    );
    expect(j2024!.zonderGeboortedatum.sleutel).toBe(keys('p-f0'));
    expect(ruw.jeugdigenMetVerblijf2023.sleutel).toBe(keys(...B));
    // Repeated inflow in 2025: c0's and c2's new stays.
    expect(j2025!.herhaaldeInstroom.herhaald.sleutel).toBe(keys('p-c0', 'p-c2'));
    // June 2024: B's eleven stays end.
    expect(ruw.inEnUitstroom[5]!.uitstroomMetVerblijf.sleutel).toBe(keys(...B));
    // January 2024: A's episodes start; over the whole period a0 starts twice (ambulant and
    // gezinshuis), so their key counts twice in the inflow of 2024.
    expect(ruw.inEnUitstroom[0]!.instroomZonderVerblijf.sleutel).toBe(keys(...A));
    expect(j2024!.herhaaldeInstroom.instroom.sleutel).toBe(
      keys(...A, 'p-a0', 'p-c2', 'p-e0', 'p-f0'),
    );
  });
});

/** A share in percent, one decimal, of published counts: null when either is withheld. */
const aandeelVan = (teller: number | null, noemer: number | null): number | null =>
  teller === null || noemer === null
    ? null
    : Math.round(Math.min(1000, (1000 * teller) / noemer)) / 10;

/** Every count of a year as the p-table publishes it, and every share from the published counts. */
function verwachtJaar(c: IndicatorJaar, r: RuwJaar, metVerblijf2023: Telling): void {
  verwachtGepubliceerd(c.zonderVerblijf.aantal, r.jeugdigenZonderVerblijf);
  verwachtGepubliceerd(c.metVerblijf.aantal, r.jeugdigenMetVerblijf);
  verwachtGepubliceerd(c.alleenZonderVerblijf.clienten, r.clienten);
  verwachtGepubliceerd(c.alleenZonderVerblijf.aantal, r.clientenAlleenZonderVerblijf);
  verwachtGepubliceerd(c.jeugdigenInVerblijf.aantal2023, metVerblijf2023);
  verwachtGepubliceerd(c.herhaaldeInstroom.instroom, r.herhaaldeInstroom.instroom);
  verwachtGepubliceerd(c.herhaaldeInstroom.herhaald, r.herhaaldeInstroom.herhaald);
  verwachtGepubliceerd(c.herhaaldeInstroom.aansluitend, r.herhaaldeInstroom.aansluitend);
  verwachtGepubliceerd(c.zonderGeboortedatum, r.zonderGeboortedatum);
  // The population is public: shares of it from the published counts, empty when it is unknown.
  expect(c.zonderVerblijf.percentage).toBe(aandeelVan(c.zonderVerblijf.aantal, r.bevolking));
  expect(c.metVerblijf.percentage).toBe(aandeelVan(c.metVerblijf.aantal, r.bevolking));
  expect(c.alleenZonderVerblijf.percentage).toBe(
    aandeelVan(c.alleenZonderVerblijf.aantal, c.alleenZonderVerblijf.clienten),
  );
  expect(c.herhaaldeInstroom.percentage).toBe(
    aandeelVan(c.herhaaldeInstroom.herhaald, c.herhaaldeInstroom.instroom),
  );
  const { aantal, aantal2023, doel, verschilPercentage } = c.jeugdigenInVerblijf;
  expect(aantal).toBe(c.metVerblijf.aantal);
  expect(doel).toBe(aantal2023 === null ? null : Math.round(aantal2023 * 8.5) / 10);
  expect(verschilPercentage).toBe(
    aantal === null || aantal2023 === null
      ? null
      : Math.round((1000 * (aantal - aantal2023)) / aantal2023) / 10,
  );
}

describe('council indicators: published under disclosure control', () => {
  const c = indicatorCijfers(d, { ...vraag, filter: { kader: 'wmo' } });
  const ruw = telIndicatoren(d, vraag);
  const [j2024, j2025] = c.jaren;

  it('starts with the header: the framework is forced to Jeugdwet', () => {
    expect(c).toMatchObject({
      definitieVersie: 'indicatoren-2',
      van: '2024-01-01',
      tot: '2025-06-30',
      bekendOp: '2025-09-30',
      peildatum: '2025-06-30',
      filter: { kader: 'jeugdwet' },
      definitie: INDICATOREN_DEFINITIE,
      nulwaarden: NULWAARDEN,
    });
    expect(VERBLIJF_DOELFACTOR).toBe(0.85);
  });

  it('2024: counts perturbed and rounded to 5, percentages of the population from the published counts', () => {
    expect(j2024).toMatchObject({
      jaar: 2024,
      van: '2024-01-01',
      tot: '2024-12-31',
      peildatum: '2024-12-31',
      heelJaar: true,
      bevolking: 250,
      bevolkingOnbekend: false,
      zonderVerblijf: { nulwaarde2023: 12.7, nulwaarde2024: 11.9 },
      metVerblijf: { nulwaarde2023: 1.7, nulwaarde2024: 1.8 },
      alleenZonderVerblijf: { nulwaarde2023: 95.3, nulwaarde2024: 95.2 },
      // 0 repeated: withheld, and its share of the 16 starts with it.
      herhaaldeInstroom: { herhaald: null, percentage: null, aansluitend: null },
      zonderGeboortedatum: null, // 1
    });
    // 13 and 12 youths of 250 (5.2% and 4.8% of the true counts), 14 of 26 clients, 11 in 2023
    // with 12 now: all at least 10, so published with their shares, target and change.
    for (const waarde of [
      j2024!.zonderVerblijf.percentage,
      j2024!.metVerblijf.percentage,
      j2024!.alleenZonderVerblijf.percentage,
      j2024!.jeugdigenInVerblijf.doel,
      j2024!.jeugdigenInVerblijf.verschilPercentage,
      j2024!.herhaaldeInstroom.instroom,
    ]) {
      expect(waarde).not.toBeNull();
    }
    verwachtJaar(j2024!, ruw.jaren[0]!, ruw.jeugdigenMetVerblijf2023);
  });

  it('2025: small groups withheld, shares of an unknown population left empty', () => {
    expect(j2025).toMatchObject({
      bevolking: null,
      bevolkingOnbekend: true,
      zonderVerblijf: { percentage: null }, // 13, but no population
      metVerblijf: { aantal: null, percentage: null }, // 3
      // The change against 2023 would come from the withheld 3.
      jeugdigenInVerblijf: { aantal: null, verschilPercentage: null },
      herhaaldeInstroom: { instroom: null, herhaald: null, percentage: null, aansluitend: null },
    });
    expect(j2025!.zonderVerblijf.aantal).not.toBeNull();
    expect(j2025!.alleenZonderVerblijf.percentage).not.toBeNull(); // 12 of 15
    expect(j2025!.jeugdigenInVerblijf.doel).not.toBeNull(); // from the 11 of 2023
    verwachtJaar(j2025!, ruw.jaren[1]!, ruw.jeugdigenMetVerblijf2023);
  });

  it('over the whole period: 2 of 19 starts are repeated inflow, too few to show or share', () => {
    expect(c.herhaaldeInstroom).toMatchObject({
      herhaald: null,
      percentage: null,
      aansluitend: null,
    });
    verwachtGepubliceerd(c.herhaaldeInstroom.instroom, ruw.herhaaldeInstroom.instroom);
  });

  it('a percentage of the population gives back the published count, never the true one', () => {
    // Before: 5.2% of the public 250 gave back the 13 behind the published 15, and 4.8% the 12.
    const jaar = ruw.jaren[0]!;
    for (const [gepubliceerd, waar] of [
      [j2024!.zonderVerblijf, jaar.jeugdigenZonderVerblijf],
      [j2024!.metVerblijf, jaar.jeugdigenMetVerblijf],
    ] as const) {
      const teruggerekend = Math.round((gepubliceerd.percentage! * jaar.bevolking!) / 100);
      expect(teruggerekend).toBe(gepubliceerd.aantal);
      expect(teruggerekend).toBe(publiceerAantal(waar));
      // The true counts (13, 12) are no multiple of 5, so they cannot come back.
      expect(waar.aantal % 5).not.toBe(0);
      expect(teruggerekend).not.toBe(waar.aantal);
    }
    // The target and the change against 2023 give back the published counts only, not the 11
    // and 12 behind them.
    const { aantal, aantal2023, doel, verschilPercentage } = j2024!.jeugdigenInVerblijf;
    expect(Math.round(doel! / VERBLIJF_DOELFACTOR)).toBe(aantal2023);
    expect(Math.round(doel! / VERBLIJF_DOELFACTOR)).not.toBe(ruw.jeugdigenMetVerblijf2023.aantal);
    expect(Math.round(aantal2023! * (1 + verschilPercentage! / 100))).toBe(aantal);
    expect(Math.round(aantal2023! * (1 + verschilPercentage! / 100))).not.toBe(
      jaar.jeugdigenMetVerblijf.aantal,
    );
  });

  it('says what it withheld, and not what is merely unknown', () => {
    const jaar2025 = c.onderdrukt.filter((x) => x.tabel === 'jaren' && x.rij === '2025');
    expect(jaar2025).toEqual([
      {
        tabel: 'jaren',
        rij: '2025',
        reden: 'aantal onder 10',
        velden: [
          'metVerblijf.aantal',
          'herhaaldeInstroom.instroom',
          'herhaaldeInstroom.herhaald',
          'herhaaldeInstroom.aansluitend',
          'zonderGeboortedatum',
        ],
      },
      {
        tabel: 'jaren',
        rij: '2025',
        reden: 'groep onder 10',
        velden: ['jeugdigenInVerblijf.verschilPercentage'],
      },
      {
        tabel: 'jaren',
        rij: '2025',
        reden: 'noemer onder 10',
        velden: ['herhaaldeInstroom.percentage'],
      },
    ]);
  });

  it('withholds a share of the population when the youths are under 10', () => {
    const noord = indicatorCijfers(d, { ...vraag, filter: { wijk: 'Noord' } }).jaren[0]!;
    // 6 of 100 would be 6.0%, which gives the 6 away.
    expect(noord.zonderVerblijf).toMatchObject({ aantal: null, percentage: null });
    expect(noord.bevolking).toBe(100);
  });

  it('withholds the target when the 2023 count is under 10', () => {
    const zonder = (ids: string[]) =>
      bouwDataset(
        metSleutels(
          feiten.filter((f) => !(f.type === 'Zorg' && ids.includes(f.event.data.persoonId))),
        ),
      );
    // Without b0, 2023 has 10: published, and the target with it.
    const tien = zonder(['p-b0']);
    const metTien = indicatorCijfers(tien, vraag).jaren[0]!.jeugdigenInVerblijf;
    const ruwTien = telIndicatoren(tien, vraag).jeugdigenMetVerblijf2023;
    expect(ruwTien.aantal).toBe(10);
    verwachtGepubliceerd(metTien.aantal2023, ruwTien);
    expect(metTien.doel).toBe(Math.round(metTien.aantal2023! * 8.5) / 10);
    // Without b0 and b1, 2023 has 9: the target and the change would give it away.
    const negen = zonder(['p-b0', 'p-b1']);
    const metNegen = indicatorCijfers(negen, vraag).jaren[0]!.jeugdigenInVerblijf;
    expect(metNegen).toMatchObject({ aantal2023: null, doel: null, verschilPercentage: null });
    // 9 of B + a0 = 10: published.
    verwachtGepubliceerd(
      metNegen.aantal,
      telIndicatoren(negen, vraag).jaren[0]!.jeugdigenMetVerblijf,
    );
    expect(metNegen.aantal).not.toBeNull();
  });

  it('in- and outflow per month: only January inflow and June outflow reach 10', () => {
    ruw.inEnUitstroom.forEach((m, i) => {
      const p = c.inEnUitstroom[i]!;
      expect(p).toMatchObject({ maand: m.maand, compleet: m.compleet });
      verwachtGepubliceerd(p.instroom.zonderVerblijf, m.instroomZonderVerblijf);
      verwachtGepubliceerd(p.instroom.metVerblijf, m.instroomMetVerblijf);
      verwachtGepubliceerd(p.uitstroom.zonderVerblijf, m.uitstroomZonderVerblijf);
      verwachtGepubliceerd(p.uitstroom.metVerblijf, m.uitstroomMetVerblijf);
    });
    const gepubliceerd = c.inEnUitstroom.flatMap((m) =>
      [m.instroom.zonderVerblijf, m.uitstroom.metVerblijf].some((n) => n !== null) ? [m.maand] : [],
    );
    expect(gepubliceerd).toEqual(['2024-01', '2024-06']); // 12 in, 11 out
  });

  it('gives the same answer to the same question, and for the same records', () => {
    expect(indicatorCijfers(d, vraag)).toEqual(indicatorCijfers(d, vraag));
    // 2024 alone: the same year cells as in the longer question.
    const alleen2024 = indicatorCijfers(d, { ...vraag, tot: '2024-12-31' });
    expect(alleen2024.jaren[0]).toEqual(j2024);
  });

  it('never shows a person id or birth date', () => {
    const json = JSON.stringify(c);
    for (const id of [...A, ...B, 'p-c0', 'p-e0', 'p-f0', 'g-p-a0']) expect(json).not.toContain(id);
    expect(json).not.toContain('2010-05-01');
    expect(json).not.toContain('2012-03-15');
  });
});

describe('council indicators as tables', () => {
  const c = indicatorCijfers(d, vraag);

  it('one row per year, each figure beside its baselines, withheld columns named', () => {
    const t = indicatorTabel(c);
    expect(t.kolommen.slice(0, 10)).toEqual([
      'jaar',
      'van',
      'tot',
      'peildatum',
      'heelJaar',
      'bevolking',
      'zonderVerblijf.aantal',
      'zonderVerblijf.percentage',
      'zonderVerblijf.nulwaarde2023',
      'zonderVerblijf.nulwaarde2024',
    ]);
    expect(t.kolommen.at(-1)).toBe('onderdrukt');
    expect(t.rijen).toHaveLength(2);
    // Every column is the number of the JSON at its path.
    const pad = (j: IndicatorJaar, kolom: string): unknown =>
      kolom.split('.').reduce<unknown>((w, k) => (w as Record<string, unknown>)[k], j);
    t.rijen.forEach((rij, i) => {
      t.kolommen.slice(0, -1).forEach((kolom, k) => {
        if (kolom === 'heelJaar') expect(rij[k]).toBe(c.jaren[i]!.heelJaar ? 'ja' : 'nee');
        else expect(rij[k]).toBe(pad(c.jaren[i]!, kolom));
      });
    });
    const rij2024 = Object.fromEntries(t.kolommen.map((k, i) => [k, t.rijen[0]![i]]));
    expect(rij2024).toMatchObject({
      jaar: 2024,
      heelJaar: 'ja',
      'zonderVerblijf.percentage': c.jaren[0]!.zonderVerblijf.percentage,
      'metVerblijf.nulwaarde2023': 1.7,
      'jeugdigenInVerblijf.doel': c.jaren[0]!.jeugdigenInVerblijf.doel,
      onderdrukt:
        'herhaaldeInstroom.herhaald herhaaldeInstroom.percentage herhaaldeInstroom.aansluitend ' +
        'zonderGeboortedatum',
    });
    const rij2025 = Object.fromEntries(t.kolommen.map((k, i) => [k, t.rijen[1]![i]]));
    // The unknown population leaves the percentage empty without calling it withheld.
    expect(rij2025['zonderVerblijf.percentage']).toBeNull();
    expect(rij2025.onderdrukt).not.toContain('zonderVerblijf.percentage');
  });

  it('in- and outflow: one row per month', () => {
    const t = inEnUitstroomTabel(c);
    expect(t.kolommen).toEqual([
      'maand',
      'compleet',
      'instroom.zonderVerblijf',
      'instroom.metVerblijf',
      'uitstroom.zonderVerblijf',
      'uitstroom.metVerblijf',
      'onderdrukt',
    ]);
    expect(t.rijen).toHaveLength(18);
    expect(t.rijen[0]).toEqual([
      '2024-01',
      'ja',
      c.inEnUitstroom[0]!.instroom.zonderVerblijf,
      null,
      null,
      null,
      'instroom.metVerblijf uitstroom.zonderVerblijf uitstroom.metVerblijf',
    ]);
    expect(t.rijen[0]![2]).not.toBeNull();
  });
});
