import { DREMPEL, GROOTHEID_FACTOR, Telling, publiceerAantal } from '../disclosure';
import { aantallen, celsleutel, metSleutels, verwachtGepubliceerd } from '../testing/tellingen';
import { MonitoringFeit } from './feiten';
import { bouwDataset } from './dataset';
import { MonitoringVraag } from './selectie';
import { aanbieder, product, toewijzing, verlenging } from './testing/feiten';
import {
  GepubliceerdeVerlengingen,
  RuweVerlengingTelling,
  VERLENGINGEN_DEFINITIE,
  langerDanMaximum,
  telVerlengingen,
  verlengingenCijfers,
  verlengingenTabel,
} from './verlengingen';

const PRODUCTEN = {
  '45A01': { categorie: '45', omschrijving: 'Ambulante begeleiding' },
  '41B02': { categorie: '41', omschrijving: 'Dagbehandeling' },
  '43V01': { categorie: '43', omschrijving: 'Behandelgroep verblijf' },
} as const;
/**
 * The assignments here unless said otherwise: Ambulante begeleiding, referred by the municipality,
 * with a contracted maximum of 3 months.
 */
const MAX_3 = { product: '45A01', verwijzer: '01', maxDuurMaanden: 3 } as const;

const p = (n: number) => `persoon-${String(n).padStart(2, '0')}`;
const REDEN_DOELEN = [
  'Doelen nog niet behaald',
  '  doelen nog niet behaald ',
  'DOELEN  NOG NIET BEHAALD',
];

/**
 * Contracted maximum 3 months unless said otherwise; period H1 2026, peildatum 2026-06-30.
 * De Linde (aanb-a):
 * - persons 1-6: 1 January to 31 March: exactly the maximum (last allowed day 31 March).
 * - persons 7-10: 1 January to 1 April: one day longer.
 * - person 11: 1 January to 31 March at De Linde, then 1 April to 31 May at Kompas (1 day
 *   apart: one episode, with both providers): longer.
 * - person 12: from 1 February, running (until the end of 2026): 30 June is after 30 April: longer.
 * - person 13: from 1 May, running: 30 June is not after 31 July: not (yet) longer.
 * Kompas (aanb-b):
 * - b1: Dagbehandeling without a maximum: not counted.
 * - b2: June to December 2025: not active in the period.
 * - b3: 1 November 2025 to 28 February 2026: last allowed day 31 January: longer.
 * - b4: Behandelgroep verblijf (residential), maximum 6 months, 1 January to 30 June: not longer.
 */
const zorgFeiten: MonitoringFeit[] = [
  aanbieder('aanb-a', 'De Linde'),
  aanbieder('aanb-b', 'Kompas'),
  ...Object.entries(PRODUCTEN).map(([code, gegevens]) => product({ code, ...gegevens })),
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].flatMap((n) =>
    toewijzing({
      ...MAX_3,
      id: `tw-${n}`,
      persoon: p(n),
      aanbieder: 'aanb-a',
      begin: '2026-01-01',
      eind: n <= 6 ? '2026-03-31' : '2026-04-01',
    }),
  ),
  ...toewijzing({
    ...MAX_3,
    id: 'tw-11',
    persoon: p(11),
    aanbieder: 'aanb-a',
    begin: '2026-01-01',
    eind: '2026-03-31',
  }),
  ...toewijzing({
    ...MAX_3,
    id: 'tw-11b',
    persoon: p(11),
    aanbieder: 'aanb-b',
    begin: '2026-04-01',
    eind: '2026-05-31',
  }),
  ...toewijzing({
    ...MAX_3,
    id: 'tw-12',
    persoon: p(12),
    aanbieder: 'aanb-a',
    begin: '2026-02-01',
    eind: '2026-12-31',
  }),
  ...toewijzing({
    ...MAX_3,
    id: 'tw-13',
    persoon: p(13),
    aanbieder: 'aanb-a',
    begin: '2026-05-01',
    eind: '2026-12-31',
  }),
  ...toewijzing({
    ...MAX_3,
    id: 'tw-b1',
    persoon: 'persoon-b1',
    aanbieder: 'aanb-b',
    begin: '2026-01-01',
    eind: '2026-06-30',
    product: '41B02',
    categorie: '41',
    maxDuurMaanden: null,
  }),
  ...toewijzing({
    ...MAX_3,
    id: 'tw-b2',
    persoon: 'persoon-b2',
    aanbieder: 'aanb-b',
    begin: '2025-06-01',
    eind: '2025-12-31',
  }),
  ...toewijzing({
    ...MAX_3,
    id: 'tw-b3',
    persoon: 'persoon-b3',
    aanbieder: 'aanb-b',
    begin: '2025-11-01',
    eind: '2026-02-28',
  }),
  ...toewijzing({
    ...MAX_3,
    id: 'tw-b4',
    persoon: 'persoon-b4',
    aanbieder: 'aanb-b',
    begin: '2026-01-01',
    eind: '2026-06-30',
    product: '43V01',
    categorie: '43',
    maxDuurMaanden: 6,
  }),
];

/**
 * Requests:
 * - r1-r10 (persons 1-10), granted, "doelen nog niet behaald" in three spellings: persons 1-5 to
 *   30 April (30 days after 31 March), person 6 to 30 May (60), persons 7-10 to 31 May (60 after 1 April).
 * - r11 (person 11, first assignment), granted to 31 May: 61 days; a unique reason.
 * - r12 (person 12) open; r13 (person 13) refused; each with a unique reason.
 * - r14 (b3, ended 28 February) asked 5 March, too late, granted to 30 April: 61 days.
 * - r15 (b4, residential, ends 30 June) granted to 31 December: 184 days (31+31+30+31+30+31).
 * - r16 (b2) asked in December 2025 and r17 (b1) in July 2026: outside the period.
 */
const aanvraagFeiten: MonitoringFeit[] = [
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].flatMap((n) =>
    verlenging({
      id: `r${n}`,
      persoon: p(n),
      toewijzing: `tw-${n}`,
      op: '2026-03-15',
      tot: n <= 5 ? '2026-04-30' : n === 6 ? '2026-05-30' : '2026-05-31',
      reden: REDEN_DOELEN[n % 3]!,
      besluit: 'toegekend',
    }),
  ),
  ...verlenging({
    id: 'r11',
    persoon: p(11),
    toewijzing: 'tw-11',
    op: '2026-03-20',
    tot: '2026-05-31',
    reden: 'Wachtlijst vervolgzorg bij Jeugd-GGZ Oost',
    besluit: 'toegekend',
  }),
  ...verlenging({
    id: 'r12',
    persoon: p(12),
    toewijzing: 'tw-12',
    op: '2026-04-20',
    tot: '2026-08-31',
    reden: 'wachtlijst vervolgzorg',
  }),
  ...verlenging({
    id: 'r13',
    persoon: p(13),
    toewijzing: 'tw-13',
    op: '2026-06-01',
    tot: '2026-09-30',
    reden: 'Verhuizing naar Zwolle',
    besluit: 'afgewezen',
  }),
  ...verlenging({
    id: 'r14',
    persoon: 'persoon-b3',
    toewijzing: 'tw-b3',
    op: '2026-03-05',
    tot: '2026-04-30',
    reden: 'Gezin heeft meer tijd nodig',
    besluit: 'toegekend',
    telaat: true,
  }),
  ...verlenging({
    id: 'r15',
    persoon: 'persoon-b4',
    toewijzing: 'tw-b4',
    op: '2026-05-15',
    tot: '2026-12-31',
    reden: 'Geen passende vervolgplek',
    besluit: 'toegekend',
  }),
  ...verlenging({
    id: 'r16',
    persoon: 'persoon-b2',
    toewijzing: 'tw-b2',
    op: '2025-12-15',
    tot: '2026-03-31',
    reden: 'te vroeg',
    besluit: 'toegekend',
  }),
  ...verlenging({
    id: 'r17',
    persoon: 'persoon-b1',
    toewijzing: 'tw-b1',
    op: '2026-07-01',
    tot: '2026-09-30',
    reden: 'te laat',
  }),
];

const d = bouwDataset(metSleutels([...zorgFeiten, ...aanvraagFeiten]));
const sleutel = (persoonId: string) => d.recordsleutels.get(persoonId)!;
const vraag: MonitoringVraag = {
  van: '2026-01-01',
  tot: '2026-06-30',
  bekendOp: '2026-07-15',
  filter: {},
};

/** A share in percent, one decimal, of two published counts: null when either is withheld. */
function aandeelVan(teller: number | null, noemer: number | null): number | null {
  return teller === null || noemer === null
    ? null
    : Math.round(Math.min(1000, (1000 * teller) / noemer)) / 10;
}

/**
 * A published mean: withheld under 10, else within its noise (half the largest value over the
 * count, see disclosure.spec.ts) of the raw sum over the count, plus rounding.
 */
function verwachtGemiddelde(gepubliceerd: number | null, waarden: readonly number[], t: Telling) {
  if (t.aantal < DREMPEL) {
    expect(gepubliceerd).toBeNull();
    return;
  }
  const n = t.aantal;
  const som = waarden.reduce((a, b) => a + b, 0);
  const ruis = (GROOTHEID_FACTOR * Math.max(...waarden.map(Math.abs))) / n;
  expect(Math.abs(gepubliceerd! - som / n)).toBeLessThanOrEqual(ruis + 0.05 + 1e-9);
}

const AANTALLEN = [
  'metMaximum',
  'langerDanMaximum',
  'aangevraagd',
  'toegekend',
  'afgewezen',
  'openstaand',
  'telaat',
  'verblijfVerlengd',
] as const;

/** Every published number of a row against the raw counts behind it. */
function verwachtRij(c: GepubliceerdeVerlengingen, t: RuweVerlengingTelling): void {
  for (const veld of AANTALLEN) verwachtGepubliceerd(c[veld], t[veld]);
  expect(c.aandeelLangerDanMaximum).toBe(aandeelVan(c.langerDanMaximum, c.metMaximum));
  expect(c.aandeelToegekend).toBe(
    aandeelVan(c.toegekend, publiceerAantal(t.toegekend.plus(t.afgewezen))),
  );
  verwachtGemiddelde(c.gemiddeldeExtraDagen, t.extraDagen, t.toegekend);
}

describe('verlengingen: care longer than the contracted maximum', () => {
  it('given the last allowed day start + months - 1 day, then only an end after it is longer', () => {
    expect(langerDanMaximum({ start: '2026-01-01', end: '2026-03-31' }, 3)).toBe(false);
    expect(langerDanMaximum({ start: '2026-01-01', end: '2026-04-01' }, 3)).toBe(true);
    // 31 January + 1 month is 28 February (date-fns clamps): last allowed day 27 February.
    expect(langerDanMaximum({ start: '2026-01-31', end: '2026-02-27' }, 1)).toBe(false);
    expect(langerDanMaximum({ start: '2026-01-31', end: '2026-02-28' }, 1)).toBe(true);
  });

  it('given episodes with a maximum, when counted per provider, then merged and running episodes count as described', () => {
    const ruw = telVerlengingen(d, vraag, 'aanbieder');

    // De Linde: persons 1-13 = 13 with a maximum; longer: 7-10, 11 (merged), 12 (running) = 6.
    // Kompas: b3, b4 and person 11's episode = 3; longer: b3 and person 11 = 2.
    // Total: 13 + b3 + b4 = 15 (person 11 once); longer 6 + b3 = 7.
    expect(
      ruw.perGroep.map((g) => [g.sleutel, g.naam, g.metMaximum.aantal, g.langerDanMaximum.aantal]),
    ).toEqual([
      ['aanb-a', 'De Linde', 13, 6],
      ['aanb-b', 'Kompas', 3, 2],
    ]);
    expect(aantallen([ruw.totaal.metMaximum, ruw.totaal.langerDanMaximum])).toEqual([15, 7]);
  });

  it('given the requests in the period, when counted, then outcome, lateness and extra days are per provider of the assignment', () => {
    const ruw = telVerlengingen(d, vraag, 'aanbieder');
    const [linde, kompas] = ruw.perGroep;

    // De Linde: r1-r13: 11 granted, 1 refused, 1 open; extra days 5 x 30, 5 x 60 and 61.
    expect(aantallen(linde)).toMatchObject({
      aangevraagd: 13,
      toegekend: 11,
      afgewezen: 1,
      openstaand: 1,
      telaat: 0,
      verblijfVerlengd: 0,
    });
    expect([...linde!.extraDagen].sort((a, b) => a - b)).toEqual([
      30, 30, 30, 30, 30, 60, 60, 60, 60, 60, 61,
    ]);
    // Kompas: r14 (too late, 61 days) and r15 (residential, 184 days).
    expect(aantallen(kompas)).toMatchObject({
      aangevraagd: 2,
      toegekend: 2,
      afgewezen: 0,
      openstaand: 0,
      telaat: 1,
      verblijfVerlengd: 1,
    });
    expect([...kompas!.extraDagen].sort((a, b) => a - b)).toEqual([61, 184]);
    expect(ruw.totaal.aangevraagd.aantal).toBe(15);
  });

  it("given the cells, then each carries the cell key of exactly its records: an episode or request its person's key", () => {
    const ruw = telVerlengingen(d, vraag, 'aanbieder');
    const [linde, kompas] = ruw.perGroep;
    const personen = (...n: number[]) => n.map(p);

    // De Linde, longer than the maximum: persons 7-10, 11 (merged) and 12 (running).
    expect(linde!.langerDanMaximum.sleutel).toBe(
      celsleutel(personen(7, 8, 9, 10, 11, 12).map(sleutel)),
    );
    // Kompas: b3, b4 and person 11's episode (which also counts at De Linde).
    expect(kompas!.metMaximum.sleutel).toBe(
      celsleutel([p(11), 'persoon-b3', 'persoon-b4'].map(sleutel)),
    );
    // In the total, person 11's one episode once; b1 (no maximum) and b2 (not active) not at all.
    expect(ruw.totaal.metMaximum.sleutel).toBe(
      celsleutel(
        [...personen(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13), 'persoon-b3', 'persoon-b4'].map(
          sleutel,
        ),
      ),
    );
    // Requests: granted r1-r11, r14, r15; the residential extension is b4's.
    expect(ruw.totaal.toegekend.sleutel).toBe(
      celsleutel(
        [...personen(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), 'persoon-b3', 'persoon-b4'].map(sleutel),
      ),
    );
    expect(ruw.totaal.verblijfVerlengd).toEqual(new Telling(1, sleutel('persoon-b4')));
    // The reason of persons 1-10, in three spellings.
    expect(ruw.redenen[0]).toEqual({
      reden: 'doelen nog niet behaald',
      aantal: new Telling(10, celsleutel(personen(1, 2, 3, 4, 5, 6, 7, 8, 9, 10).map(sleutel))),
    });
  });

  it('given the counts, when published, then counts are perturbed, shares come from the published counts and means get noise', () => {
    const ruw = telVerlengingen(d, vraag, 'aanbieder');
    const c = verlengingenCijfers(d, vraag, 'aanbieder');

    expect(c.definitieVersie).toBe('verlengingen-2');
    expect(c.definitie).toBe(VERLENGINGEN_DEFINITIE);
    // De Linde: 13 with a maximum (published), 6 longer (withheld, so its share too); 13
    // requested, 11 granted, 1 refused, 1 open; 11 of 12 decided, from the published counts;
    // mean extra days (150 + 300 + 61) / 11 = 46.45, with noise.
    const linde = c.perGroep[0]!;
    expect(linde).toMatchObject({
      sleutel: 'aanb-a',
      naam: 'De Linde',
      langerDanMaximum: null,
      aandeelLangerDanMaximum: null,
      afgewezen: null,
      openstaand: null,
      telaat: null,
      verblijfVerlengd: null,
    });
    for (const veld of ['metMaximum', 'aangevraagd', 'toegekend', 'aandeelToegekend'] as const) {
      expect(linde[veld]).not.toBeNull();
    }
    verwachtRij(linde, ruw.perGroep[0]!);
    // Total: 15 and 7 (withheld, and its share); 15 requested, 13 granted, 13 of 14 decided;
    // mean (511 + 61 + 184) / 13 = 58.15, with noise; one residential extension: withheld.
    expect(c.totaal).toMatchObject({
      langerDanMaximum: null,
      aandeelLangerDanMaximum: null,
      afgewezen: null,
      openstaand: null,
      telaat: null,
      verblijfVerlengd: null,
    });
    expect(c.totaal.gemiddeldeExtraDagen).not.toBeNull();
    verwachtRij(c.totaal, ruw.totaal);
  });

  it('given a share whose numerator is withheld, then the share is withheld too (it gave the count back)', () => {
    const c = verlengingenCijfers(d, vraag, 'aanbieder');

    // Before: De Linde published 15 with a maximum, langerDanMaximum withheld and 46.2%, and
    // 46.2% of the 13 behind the rounded 15 gave back the withheld 6.
    expect(c.perGroep[0]).toMatchObject({ langerDanMaximum: null, aandeelLangerDanMaximum: null });
    expect(c.perGroep[0]!.metMaximum).not.toBeNull();
    for (const rij of [...c.perGroep, c.totaal]) {
      if (rij.langerDanMaximum === null || rij.metMaximum === null) {
        expect(rij.aandeelLangerDanMaximum).toBeNull();
      }
      if (rij.toegekend === null) expect(rij.aandeelToegekend).toBeNull();
    }
    expect(c.onderdrukt).toContainEqual({
      tabel: 'perGroep',
      rij: 'De Linde (aanb-a)',
      reden: 'aantal onder 10',
      velden: [
        'langerDanMaximum',
        'aandeelLangerDanMaximum',
        'afgewezen',
        'openstaand',
        'telaat',
        'verblijfVerlengd',
      ],
    });
  });

  it('given the same question twice, or a question with the same records, then the same answer', () => {
    const c = verlengingenCijfers(d, vraag, 'aanbieder');
    expect(verlengingenCijfers(d, vraag, 'aanbieder')).toEqual(c);
    // Known a month later, nothing changed: the same cells, the same numbers.
    expect(
      verlengingenCijfers(d, { ...vraag, bekendOp: '2026-08-15' }, 'aanbieder').totaal,
    ).toEqual(c.totaal);
  });

  it('given a provider with few episodes and requests, when published, then everything of it is withheld', () => {
    const c = verlengingenCijfers(d, vraag, 'aanbieder');

    expect(Object.values(c.perGroep[1]!).slice(2)).toEqual(Array(11).fill(null));
    expect(c.onderdrukt).toContainEqual({
      tabel: 'perGroep',
      rij: 'Kompas (aanb-b)',
      reden: 'groep onder 10',
      velden: ['gemiddeldeExtraDagen'],
    });
    expect(c.onderdrukt).toContainEqual({
      tabel: 'perGroep',
      rij: 'Kompas (aanb-b)',
      reden: 'noemer onder 10',
      velden: ['aandeelLangerDanMaximum', 'aandeelToegekend'],
    });
  });

  it('given grouping per product, when counted, then the rows are the products of the assignments', () => {
    const ruw = telVerlengingen(d, vraag, 'product');

    // 45A01: 13 episodes of De Linde + b3 = 14 (7 longer), requests r1-r14; 43V01: b4 and r15.
    expect(
      ruw.perGroep.map((g) => [
        g.sleutel,
        g.naam,
        ...aantallen([g.metMaximum, g.langerDanMaximum, g.aangevraagd]),
      ]),
    ).toEqual([
      ['45A01', 'Ambulante begeleiding', 14, 7, 14],
      ['43V01', 'Behandelgroep verblijf', 1, 0, 1],
    ]);
  });

  it('given reasons, when published, then only a reason given by at least 10 requests appears word for word', () => {
    const ruw = telVerlengingen(d, vraag, 'aanbieder');
    const c = verlengingenCijfers(d, vraag, 'aanbieder');

    // Three spellings of "doelen nog niet behaald" group to 10; the 5 unique reasons are together
    // "overige redenen": 5, withheld. Requests outside the period do not count.
    expect(aantallen(ruw.redenen.map((r) => r.aantal))).toEqual([10, 1, 1, 1, 1, 1]);
    expect(c.redenen).toEqual([
      { reden: 'doelen nog niet behaald', aantal: expect.any(Number) },
      { reden: 'overige redenen', aantal: null },
    ]);
    verwachtGepubliceerd(c.redenen[0]!.aantal, ruw.redenen[0]!.aantal);
    const json = JSON.stringify(c).toLowerCase();
    for (const zeldzaam of [
      'wachtlijst',
      'jeugd-ggz',
      'zwolle',
      'meer tijd',
      'vervolgplek',
      'te vroeg',
      'te laat',
    ]) {
      expect(json).not.toContain(zeldzaam);
    }
  });

  it('given a reason given by 9 requests only, then it is not published', () => {
    const negen = bouwDataset(
      metSleutels([
        ...zorgFeiten,
        ...aanvraagFeiten.filter(
          (f) =>
            !(
              f.type === 'Zorg' &&
              'verlengingId' in f.event.data &&
              f.event.data.verlengingId === 'r10'
            ),
        ),
      ]),
    );
    const c = verlengingenCijfers(negen, vraag, 'aanbieder');

    // 9 x "doelen nog niet behaald" + 5 unique = 14 other reasons: every request of the period.
    const alle = telVerlengingen(negen, vraag, 'aanbieder').totaal.aangevraagd;
    expect(alle.aantal).toBe(14);
    expect(c.redenen).toEqual([{ reden: 'overige redenen', aantal: expect.any(Number) }]);
    verwachtGepubliceerd(c.redenen[0]!.aantal, alle);
    expect(JSON.stringify(c).toLowerCase()).not.toContain('doelen');
  });

  it('given the published figures, when flattened, then each row has the numbers of the JSON and lists its withheld columns in column order', () => {
    const c = verlengingenCijfers(d, vraag, 'aanbieder');
    const tabel = verlengingenTabel(c);

    expect(tabel.kolommen[0]).toBe('aanbieder');
    const kolommen = tabel.kolommen.slice(2, -1) as (keyof GepubliceerdeVerlengingen)[];
    expect(tabel.rijen.map((r) => r.slice(0, -1))).toEqual([
      ...c.perGroep.map((g) => [g.sleutel, g.naam, ...kolommen.map((k) => g[k])]),
      ['totaal', 'totaal', ...kolommen.map((k) => c.totaal[k])],
    ]);
    const ingevuld = (rij: GepubliceerdeVerlengingen) => kolommen.filter((k) => rij[k] !== null);
    expect(ingevuld(c.perGroep[0]!)).toEqual([
      'metMaximum',
      'aangevraagd',
      'toegekend',
      'aandeelToegekend',
      'gemiddeldeExtraDagen',
    ]);
    expect(tabel.rijen.map((r) => [r[0], r[r.length - 1]])).toEqual([
      [
        'aanb-a',
        'langerDanMaximum aandeelLangerDanMaximum afgewezen openstaand telaat verblijfVerlengd',
      ],
      [
        'aanb-b',
        'metMaximum langerDanMaximum aandeelLangerDanMaximum aangevraagd toegekend afgewezen ' +
          'openstaand telaat aandeelToegekend gemiddeldeExtraDagen verblijfVerlengd',
      ],
      [
        'totaal',
        'langerDanMaximum aandeelLangerDanMaximum afgewezen openstaand telaat verblijfVerlengd',
      ],
    ]);
  });

  it('given the published figures, then no person id occurs in them', () => {
    const json = JSON.stringify([
      verlengingenCijfers(d, vraag, 'aanbieder'),
      verlengingenCijfers(d, vraag, 'product'),
    ]);
    expect(json).not.toContain('persoon-');
  });
});
