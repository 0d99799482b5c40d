import { GepubliceerdAandeel } from '../consultatie-cijfers';
import { DREMPEL, Telling, publiceerAantal } from '../disclosure';
import { aantallen, celsleutel, metSleutels, verwachtGepubliceerd } from '../testing/tellingen';
import { bouwDataset } from './dataset';
import { MonitoringFeit } from './feiten';
import { perspectiefCijfers, perspectiefTabel, telPerspectief } from './perspectief';
import { MonitoringVraag } from './selectie';
import {
  aanbieder,
  gesprek,
  gezinInWijk,
  persoon,
  toewijzing,
  verlengdeJeugdhulp,
} from './testing/feiten';

/** Ambulante begeleiding (45A01) at De Linde or Het Anker. */
const LINDE = { aanbieder: 'aanbieder-1', product: '45A01' } as const;
const ANKER = { aanbieder: 'aanbieder-2', product: '45A01' } as const;

/**
 * Group G: 11 youths born 2008-08-15 (16.5 on 2025-02-15) in care at De Linde since 2024; the first
 * 10 had their conversation on 2025-01-20. Then one youth per case.
 */
function feiten(): MonitoringFeit[] {
  const groepG = Array.from({ length: 11 }, (_, i) => {
    const p = `persoon-g${String(i).padStart(2, '0')}`;
    return [
      persoon(p, '2008-08-15'),
      ...toewijzing({
        ...LINDE,
        id: `t-${p}`,
        persoon: p,
        begin: '2024-01-01',
        eind: '2026-12-31',
      }),
      ...(i < 10 ? [gesprek(p, '2025-01-20')] : []),
    ];
  }).flat();
  // Requests for verlengde jeugdhulp, each by a person in a family of its own in a district.
  const verlengd = Array.from({ length: 12 }, (_, i) => {
    const p = `persoon-v${String(i).padStart(2, '0')}`;
    const besluit = i < 10 ? 'toegekend' : i === 10 ? 'afgewezen' : null;
    return [
      ...gezinInWijk(`gezin-${p}`, p, 'Noord', '2010-01-01'),
      ...verlengdeJeugdhulp({ persoon: p, datum: '2025-02-01', besluit }),
    ];
  }).flat();
  return [
    aanbieder('aanbieder-1', 'De Linde'),
    aanbieder('aanbieder-2', 'Het Anker'),
    ...groepG,
    // h1: 16.5 on 2025-05-10; two consecutive assignments at Het Anker (one episode); late.
    persoon('persoon-h1', '2008-11-10'),
    ...toewijzing({
      ...ANKER,
      id: 't-h1-1',
      persoon: 'persoon-h1',
      begin: '2024-06-01',
      eind: '2025-03-31',
    }),
    ...toewijzing({
      ...ANKER,
      id: 't-h1-2',
      persoon: 'persoon-h1',
      begin: '2025-04-01',
      eind: '2025-12-31',
    }),
    gesprek('persoon-h1', '2025-06-01'),
    // h2: 16.5 on 2025-06-01, with both providers then; no conversation.
    persoon('persoon-h2', '2008-12-01'),
    ...toewijzing({
      ...LINDE,
      id: 't-h2-1',
      persoon: 'persoon-h2',
      begin: '2025-01-01',
      eind: '2025-12-31',
    }),
    ...toewijzing({
      ...ANKER,
      id: 't-h2-2',
      persoon: 'persoon-h2',
      begin: '2025-03-01',
      eind: '2025-08-31',
    }),
    // h3: 16.5 on 2024-09-01, care from 2025-07-01 (JW305; assigned from 06-15): due at intake.
    persoon('persoon-h3', '2008-03-01'),
    ...toewijzing({
      ...ANKER,
      id: 't-h3',
      persoon: 'persoon-h3',
      begin: '2025-06-15',
      eind: '2025-12-31',
      start: '2025-07-01',
    }),
    gesprek('persoon-h3', '2025-07-01'),
    // h4: 18 when care started: no conversation due.
    persoon('persoon-h4', '2007-01-01'),
    ...toewijzing({
      ...LINDE,
      id: 't-h4',
      persoon: 'persoon-h4',
      begin: '2025-02-01',
      eind: '2025-12-31',
    }),
    // h5: no birth date.
    persoon('persoon-h5', null),
    ...toewijzing({
      ...LINDE,
      id: 't-h5',
      persoon: 'persoon-h5',
      begin: '2025-02-01',
      eind: '2025-12-31',
    }),
    // h6: 16.5 on 2025-11-20, after the peildatum; care running on it; a conversation after it.
    persoon('persoon-h6', '2009-05-20'),
    ...toewijzing({
      ...LINDE,
      id: 't-h6',
      persoon: 'persoon-h6',
      begin: '2025-01-01',
      eind: '2026-06-30',
    }),
    gesprek('persoon-h6', '2025-10-15'),
    // h7: 16.5 on 2025-04-01, care ended 2024-12-31; conversation before it.
    persoon('persoon-h7', '2008-10-01'),
    ...toewijzing({
      ...LINDE,
      id: 't-h7',
      persoon: 'persoon-h7',
      begin: '2024-01-01',
      eind: '2024-12-31',
    }),
    gesprek('persoon-h7', '2024-11-01'),
    // h8: Wmo only.
    persoon('persoon-h8', '2008-08-15'),
    ...toewijzing({
      ...LINDE,
      id: 't-h8',
      persoon: 'persoon-h8',
      begin: '2024-01-01',
      eind: '2025-12-31',
      kader: 'wmo',
      product: 'WMO-01',
      categorie: 'wmo',
    }),
    // h9: 16.5 on 2024-07-01, before the period.
    persoon('persoon-h9', '2008-01-01'),
    ...toewijzing({
      ...LINDE,
      id: 't-h9',
      persoon: 'persoon-h9',
      begin: '2024-01-01',
      eind: '2025-12-31',
    }),
    // h10: care starts after the peildatum.
    persoon('persoon-h10', '2009-01-10'),
    ...toewijzing({
      ...LINDE,
      id: 't-h10',
      persoon: 'persoon-h10',
      begin: '2025-10-01',
      eind: '2025-12-31',
    }),
    ...verlengd,
    ...gezinInWijk('gezin-persoon-w1', 'persoon-w1', 'Zuid', '2010-01-01'),
    ...verlengdeJeugdhulp({ persoon: 'persoon-w1', datum: '2025-05-01', besluit: 'toegekend' }),
    ...gezinInWijk('gezin-persoon-w2', 'persoon-w2', 'Noord', '2010-01-01'),
    ...verlengdeJeugdhulp({ persoon: 'persoon-w2', datum: '2024-12-15', besluit: 'toegekend' }),
  ];
}

/** The data set with a record key for every person. */
const dataset = () => bouwDataset(metSleutels(feiten()));

/**
 * A published share: its count as the p-table gives it, its percentage that of the published
 * counts, withheld when either count is under 10.
 */
function verwachtAandeel(gepubliceerd: GepubliceerdAandeel, teller: Telling, noemer: Telling) {
  verwachtGepubliceerd(gepubliceerd.aantal, teller);
  if (teller.aantal < DREMPEL || noemer.aantal < DREMPEL) {
    expect(gepubliceerd.percentage).toBeNull();
  } else {
    expect(gepubliceerd.percentage).toBe(
      Math.round(Math.min(100, (100 * publiceerAantal(teller)!) / publiceerAantal(noemer)!)),
    );
  }
}

/** Known on 2025-09-30: the peildatum, with Q4 still to come. */
const jaar2025: MonitoringVraag = {
  van: '2025-01-01',
  tot: '2025-12-31',
  bekendOp: '2025-09-30',
  filter: {},
};

const telling = (t: Partial<Record<string, number>>) => ({
  inScope: 0,
  instroomNa16EnHalf: 0,
  opTijd: 0,
  teLaat: 0,
  ontbreekt: 0,
  nogNietAanDeBeurt: 0,
  ...t,
});

describe('perspectief (perspective conversations and verlengde jeugdhulp)', () => {
  it('counts youths per quarter of their due date, per provider active on it, with the outcome', () => {
    // Given the data set above, peildatum 2025-09-30
    const d = dataset();

    // When
    const ruw = telPerspectief(d, jaar2025);

    // Then in scope: group G (due 02-15), h1 (05-10), h2 (06-01), h3 (07-01, at intake), h6
    // (11-20), h7 (04-01); not h4 (18 at intake), h5 (no birth date), h8 (Wmo), h9 (due 2024),
    // h10 (care starts after the peildatum).
    expect(ruw.jeugdigen.map((j) => [j.persoonId, j.uiterlijk, j.status, j.aanbiederIds])).toEqual([
      ...Array.from({ length: 11 }, (_, i) => [
        `persoon-g${String(i).padStart(2, '0')}`,
        '2025-02-15',
        i < 10 ? 'opTijd' : 'ontbreekt',
        ['aanbieder-1'],
      ]),
      ['persoon-h7', '2025-04-01', 'opTijd', []],
      ['persoon-h1', '2025-05-10', 'teLaat', ['aanbieder-2']],
      ['persoon-h2', '2025-06-01', 'ontbreekt', ['aanbieder-1', 'aanbieder-2']],
      ['persoon-h3', '2025-07-01', 'opTijd', ['aanbieder-2']],
      // running care on the peildatum counts as active on a later due date; the conversation on
      // 10-15 lies after the peildatum and does not count yet
      ['persoon-h6', '2025-11-20', 'nogNietAanDeBeurt', ['aanbieder-1']],
    ]);
    const rij = (kwartaal: string, aanbiederId: string | null, soort: string) =>
      ruw.perKwartaal.find(
        (r) => r.kwartaal === kwartaal && r.aanbiederId === aanbiederId && r.soort === soort,
      )!.telling;
    // Q1: group G, all at De Linde: 10 on time, 1 missing (02-15 < 09-30)
    expect(aantallen(rij('2025-Q1', null, 'totaal'))).toEqual(
      telling({ inScope: 11, opTijd: 10, ontbreekt: 1 }),
    );
    expect(aantallen(rij('2025-Q1', 'aanbieder-1', 'aanbieder'))).toEqual(
      telling({ inScope: 11, opTijd: 10, ontbreekt: 1 }),
    );
    // Q2: h7 (no care on 04-01), h1 (Het Anker, its two assignments counted once), h2 (both)
    expect(aantallen(rij('2025-Q2', null, 'totaal'))).toEqual(
      telling({ inScope: 3, opTijd: 1, teLaat: 1, ontbreekt: 1 }),
    );
    expect(aantallen(rij('2025-Q2', 'aanbieder-1', 'aanbieder'))).toEqual(
      telling({ inScope: 1, ontbreekt: 1 }),
    );
    expect(aantallen(rij('2025-Q2', 'aanbieder-2', 'aanbieder'))).toEqual(
      telling({ inScope: 2, teLaat: 1, ontbreekt: 1 }),
    );
    expect(aantallen(rij('2025-Q2', null, 'geen lopende zorg'))).toEqual(
      telling({ inScope: 1, opTijd: 1 }),
    );
    // Q3: h3, entered after 16.5, on time on the day of intake
    expect(aantallen(rij('2025-Q3', 'aanbieder-2', 'aanbieder'))).toEqual(
      telling({ inScope: 1, instroomNa16EnHalf: 1, opTijd: 1 }),
    );
    // Q4: h6, not yet due on the peildatum
    expect(aantallen(rij('2025-Q4', null, 'totaal'))).toEqual(
      telling({ inScope: 1, nogNietAanDeBeurt: 1 }),
    );
    // every quarter has a total, both providers and "geen lopende zorg", in that order
    expect(ruw.perKwartaal.map((r) => `${r.kwartaal} ${r.aanbiederId ?? r.soort}`)).toEqual(
      ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'].flatMap((k) => [
        `${k} totaal`,
        `${k} aanbieder-1`,
        `${k} aanbieder-2`,
        `${k} geen lopende zorg`,
      ]),
    );
  });

  it('counts requests for verlengde jeugdhulp per quarter, by district only', () => {
    // Given
    const d = dataset();

    // When asked for Noord and one provider (the provider filter does not apply to requests)
    const ruw = telPerspectief(d, {
      ...jaar2025,
      filter: { wijk: 'Noord', aanbieder: 'aanbieder-2' },
    });

    // Then Q1: the 12 requests of 2025-02-01 in Noord (10 granted, 1 refused, 1 open); w1 (Zuid)
    // is left out, w2 (2024-12-15) lies before the period.
    expect(aantallen(ruw.verlengdeJeugdhulp)).toEqual([
      { kwartaal: '2025-Q1', aangevraagd: 12, toegekend: 10, afgewezen: 1, open: 1 },
      { kwartaal: '2025-Q2', aangevraagd: 0, toegekend: 0, afgewezen: 0, open: 0 },
      { kwartaal: '2025-Q3', aangevraagd: 0, toegekend: 0, afgewezen: 0, open: 0 },
      { kwartaal: '2025-Q4', aangevraagd: 0, toegekend: 0, afgewezen: 0, open: 0 },
    ]);
    // Without a district: w1's request in Q2 counts too.
    expect(aantallen(telPerspectief(d, jaar2025).verlengdeJeugdhulp[1])).toEqual({
      kwartaal: '2025-Q2',
      aangevraagd: 1,
      toegekend: 1,
      afgewezen: 0,
      open: 0,
    });
  });

  it('takes the youths of the filtered assignments only', () => {
    // Given a filter on Het Anker
    const d = dataset();

    // When
    const ruw = telPerspectief(d, { ...jaar2025, filter: { aanbieder: 'aanbieder-2' } });

    // Then h1, h2 (its De Linde assignment not selected, so only Het Anker) and h3
    expect(ruw.jeugdigen.map((j) => [j.persoonId, j.aanbiederIds])).toEqual([
      ['persoon-h1', ['aanbieder-2']],
      ['persoon-h2', ['aanbieder-2']],
      ['persoon-h3', ['aanbieder-2']],
    ]);
  });

  it('gives each count the cell key of exactly its youths or requests', () => {
    // Given
    const d = dataset();
    const sleutels = (...ids: string[]) => celsleutel(ids.map((id) => d.recordsleutels.get(id)!));
    const groepG = Array.from({ length: 11 }, (_, i) => `persoon-g${String(i).padStart(2, '0')}`);
    const verlengd = Array.from({ length: 12 }, (_, i) => `persoon-v${String(i).padStart(2, '0')}`);

    // When
    const ruw = telPerspectief(d, jaar2025);

    // Then
    const rij = (kwartaal: string, aanbiederId: string | null, soort: string) =>
      ruw.perKwartaal.find(
        (r) => r.kwartaal === kwartaal && r.aanbiederId === aanbiederId && r.soort === soort,
      )!.telling;
    expect(rij('2025-Q1', null, 'totaal').opTijd.sleutel).toBe(sleutels(...groepG.slice(0, 10)));
    expect(rij('2025-Q1', null, 'totaal').ontbreekt.sleutel).toBe(sleutels('persoon-g10'));
    // h2 counts at both providers, and once in the total
    expect(rij('2025-Q2', 'aanbieder-2', 'aanbieder').inScope.sleutel).toBe(
      sleutels('persoon-h1', 'persoon-h2'),
    );
    expect(rij('2025-Q2', null, 'totaal').inScope.sleutel).toBe(
      sleutels('persoon-h7', 'persoon-h1', 'persoon-h2'),
    );
    expect(rij('2025-Q3', 'aanbieder-2', 'aanbieder').instroomNa16EnHalf.sleutel).toBe(
      sleutels('persoon-h3'),
    );
    expect(ruw.verlengdeJeugdhulp[0]!.aangevraagd.sleutel).toBe(sleutels(...verlengd));
    expect(ruw.verlengdeJeugdhulp[0]!.afgewezen.sleutel).toBe(sleutels('persoon-v10'));
    expect(ruw.verlengdeJeugdhulp[1]!.toegekend.sleutel).toBe(sleutels('persoon-w1'));
  });

  it('publishes counts perturbed by their cell key and shares only from two published counts, without person ids', () => {
    // Given
    const d = dataset();
    const ruw = telPerspectief(d, jaar2025);

    // When
    const c = perspectiefCijfers(d, jaar2025);

    // Then the header
    expect(c).toMatchObject({
      definitieVersie: 'perspectief-2',
      peildatum: '2025-09-30',
      bekendOp: '2025-09-30',
    });
    // Every row: its counts from the p-table, its shares of inScope from the published counts
    expect(c.perKwartaal).toHaveLength(ruw.perKwartaal.length);
    ruw.perKwartaal.forEach(({ telling }, i) => {
      const rij = c.perKwartaal[i]!;
      verwachtGepubliceerd(rij.inScope, telling.inScope);
      verwachtGepubliceerd(rij.instroomNa16EnHalf, telling.instroomNa16EnHalf);
      verwachtGepubliceerd(rij.nogNietAanDeBeurt, telling.nogNietAanDeBeurt);
      for (const veld of ['opTijd', 'teLaat', 'ontbreekt'] as const) {
        verwachtAandeel(rij[veld], telling[veld], telling.inScope);
      }
    });
    // Q1 total: 11, 10 of them on time: both published, so their share; 1 missing and 0 late are
    // under 10, their shares withheld too (9% of 11 would say that one youth had none).
    expect(c.perKwartaal[0]).toMatchObject({
      kwartaal: '2025-Q1',
      soort: 'totaal',
      aanbiederId: null,
      aanbieder: 'totaal',
      instroomNa16EnHalf: null,
      teLaat: { aantal: null, percentage: null },
      ontbreekt: { aantal: null, percentage: null },
      nogNietAanDeBeurt: null,
    });
    expect(c.perKwartaal[0]!.opTijd.percentage).not.toBeNull();
    expect(c.onderdrukt).toContainEqual({
      tabel: 'perKwartaal',
      rij: '2025-Q1, totaal',
      reden: 'aantal onder 10',
      velden: [
        'instroomNa16EnHalf',
        'teLaat.aantal',
        'teLaat.percentage',
        'ontbreekt.aantal',
        'ontbreekt.percentage',
        'nogNietAanDeBeurt',
      ],
    });
    // Q2 Het Anker: 2 youths, everything withheld (shares too: denominator 2 < 10)
    const hetAnker = c.perKwartaal.find(
      (r) => r.kwartaal === '2025-Q2' && r.aanbieder === 'Het Anker',
    )!;
    expect(hetAnker.inScope).toBeNull();
    expect(hetAnker.teLaat).toEqual({ aantal: null, percentage: null });
    expect(c.onderdrukt).toContainEqual({
      tabel: 'perKwartaal',
      rij: '2025-Q2, Het Anker',
      reden: 'noemer onder 10',
      velden: ['opTijd.percentage', 'teLaat.percentage', 'ontbreekt.percentage'],
    });
    // requests Q1: 12 and 10 granted published; 1 refused and 1 open withheld
    ruw.verlengdeJeugdhulp.forEach(({ kwartaal, ...telling }, i) => {
      expect(c.verlengdeJeugdhulp[i]!.kwartaal).toBe(kwartaal);
      for (const veld of Object.keys(telling) as (keyof typeof telling)[]) {
        verwachtGepubliceerd(c.verlengdeJeugdhulp[i]![veld], telling[veld]);
      }
    });
    expect(c.verlengdeJeugdhulp[0]).toMatchObject({ afgewezen: null, open: null });
    const json = JSON.stringify(c);
    for (const persoonId of d.geboortedata.keys()) expect(json).not.toContain(persoonId);
    expect(json).not.toContain('2008-08-15');
  });

  it('gives the same answer to the same question', () => {
    expect(perspectiefCijfers(dataset(), jaar2025)).toEqual(
      perspectiefCijfers(dataset(), jaar2025),
    );
  });

  it('flattens the per-quarter table for CSV with the numbers of the answer, saying which cells are withheld', () => {
    // Given
    const c = perspectiefCijfers(dataset(), jaar2025);

    // When
    const tabel = perspectiefTabel(c);

    // Then
    expect(tabel.kolommen).toEqual([
      'kwartaal',
      'aanbieder',
      'aanbiederId',
      'inScope',
      'instroomNa16EnHalf',
      'opTijd.aantal',
      'opTijd.percentage',
      'teLaat.aantal',
      'teLaat.percentage',
      'ontbreekt.aantal',
      'ontbreekt.percentage',
      'nogNietAanDeBeurt',
      'onderdrukt',
    ]);
    // De Linde in Q1: the same 11 youths as the total (see above)
    const linde = c.perKwartaal[1]!;
    expect(linde.inScope).not.toBeNull();
    expect(tabel.rijen[1]).toEqual([
      '2025-Q1',
      'De Linde',
      'aanbieder-1',
      linde.inScope,
      null,
      linde.opTijd.aantal,
      linde.opTijd.percentage,
      null,
      null,
      null,
      null,
      null,
      'instroomNa16EnHalf teLaat.aantal teLaat.percentage ontbreekt.aantal ontbreekt.percentage ' +
        'nogNietAanDeBeurt',
    ]);
    expect(tabel.rijen).toHaveLength(16);
  });
});
