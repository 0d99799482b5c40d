import { bouwDataset } from './dataset';
import { MonitoringFeit } from './feiten';
import { MonitoringVraag } from './selectie';
import { toewijzing, verblijf } from './testing/feiten';
import { telUitstroom, uitstroomCijfers, uitstroomTabel } from './uitstroom';

/** The assignments here: at aanbieder-1 unless said otherwise, referred by the municipality. */
const AANBIEDER_1 = { aanbieder: 'aanbieder-1', verwijzer: '01' } as const;
/** Ambulante begeleiding (45A01) at aanbieder-1. */
const AMBULANT = { ...AANBIEDER_1, product: '45A01' } as const;

/**
 * Group A: 12 youths in "behandeld wonen" since 2024-06-01, all home on 2025-03-15 with follow-up
 * help; the first 10 start ambulant care on 2025-04-01 (within 6 months). Then one youth per case.
 */
function feiten(): MonitoringFeit[] {
  const groepA = Array.from({ length: 12 }, (_, i) => {
    const p = `persoon-a${String(i).padStart(2, '0')}`;
    return [
      ...verblijf({
        id: `v-${p}`,
        persoon: p,
        vorm: 'behandeld-wonen',
        start: '2024-06-01',
        toewijzing: AANBIEDER_1,
        einde: '2025-03-15',
      }),
      ...(i < 10
        ? toewijzing({
            ...AMBULANT,
            id: `amb-${p}`,
            persoon: p,
            begin: '2025-04-01',
            eind: '2025-12-31',
          })
        : []),
    ];
  }).flat();
  return [
    ...groepA,
    // b1: ambulant care since 2025-02-01, extended by a consecutive assignment from 2025-06-01:
    // merged, it started before the exit (2025-05-31), so it is no follow-up.
    ...verblijf({
      id: 'v-b1',
      persoon: 'persoon-b1',
      vorm: 'gezinshuis',
      start: '2024-01-01',
      toewijzing: AANBIEDER_1,
      einde: '2025-05-31',
      bestemming: 'lichtere-vorm',
    }),
    ...toewijzing({
      ...AMBULANT,
      id: 'amb-b1-1',
      persoon: 'persoon-b1',
      begin: '2025-02-01',
      eind: '2025-05-31',
      start: '2025-02-01',
      stop: '2025-05-31',
    }),
    ...toewijzing({
      ...AMBULANT,
      id: 'amb-b1-2',
      persoon: 'persoon-b1',
      begin: '2025-06-01',
      eind: '2025-10-31',
    }),
    // b2: closed, stepped down, out to foster care at another provider the next day.
    ...verblijf({
      id: 'v-b2',
      persoon: 'persoon-b2',
      vorm: 'gesloten',
      start: '2024-09-01',
      toewijzing: { ...AANBIEDER_1, aanbieder: 'aanbieder-2' },
      wijzigingen: [{ datum: '2025-02-01', naar: 'behandeld-wonen' }],
      einde: '2025-04-30',
      bestemming: 'lichtere-vorm',
    }),
    ...verblijf({
      id: 'v-b2-pleeg',
      persoon: 'persoon-b2',
      vorm: 'pleegzorg',
      start: '2025-05-01',
      toewijzing: { ...AANBIEDER_1, aanbieder: 'aanbieder-3' },
    }),
    // b3: exit too recent to judge the 6 months after it.
    ...verblijf({
      id: 'v-b3',
      persoon: 'persoon-b3',
      vorm: 'pleegzorg',
      start: '2025-08-01',
      toewijzing: AANBIEDER_1,
      einde: '2025-10-15',
      bestemming: 'zelfstandig',
      vervolghulp: false,
    }),
    // b4: stepped up, ends after the peildatum: still running (censored) on it.
    ...verblijf({
      id: 'v-b4',
      persoon: 'persoon-b4',
      vorm: 'behandeld-wonen',
      start: '2025-03-01',
      toewijzing: AANBIEDER_1,
      wijzigingen: [{ datum: '2025-06-01', naar: 'gesloten' }],
      einde: '2026-02-01',
      bestemming: 'zwaardere-vorm',
    }),
    // b5: home within 6 months of the start, without follow-up help.
    ...verblijf({
      id: 'v-b5',
      persoon: 'persoon-b5',
      vorm: 'kamertraining',
      start: '2025-02-01',
      toewijzing: AANBIEDER_1,
      einde: '2025-07-15',
      vervolghulp: false,
    }),
    // b6: ended before the period.
    ...verblijf({
      id: 'v-b6',
      persoon: 'persoon-b6',
      vorm: 'begeleid-wonen',
      start: '2023-01-01',
      toewijzing: AANBIEDER_1,
      einde: '2024-12-31',
      bestemming: 'anders',
    }),
    // b7: a stay without an assignment, stepped down before the period, still running.
    ...verblijf({
      id: 'v-b7',
      persoon: 'persoon-b7',
      vorm: 'gezinshuis',
      start: '2024-03-01',
      wijzigingen: [{ datum: '2024-11-01', naar: 'pleegzorg' }],
    }),
  ];
}

const jaar2025: MonitoringVraag = {
  van: '2025-01-01',
  tot: '2025-12-31',
  bekendOp: '2026-06-30',
  filter: {},
};

describe('uitstroom (residential exits)', () => {
  it('counts exits per destination, follow-up, returns home, step-downs/ups and forms on the peildatum', () => {
    // Given the data set above, asked for 2025 (peildatum 2025-12-31)
    const d = bouwDataset(feiten());

    // When
    const ruw = telUitstroom(d, jaar2025);

    // Then exits dated 2025-01-01..2025-12-31: group A (12), b1, b2, b3, b5 = 16 (b4 ends after the
    // peildatum, b6 before the period); thuis = 12 + b5 = 13; lichtere-vorm = b1, b2; zelfstandig = b3.
    expect(ruw.uitstroom).toEqual({
      aantal: 16,
      perBestemming: {
        thuis: 13,
        zelfstandig: 1,
        'lichtere-vorm': 2,
        'zwaardere-vorm': 0,
        anders: 0,
      },
      zonderVervolghulp: 2, // b3, b5
    });
    // Exit + 6 months <= 2025-12-31: group A (09-15), b1 (11-30), b2 (10-30) = 14; b3 (2026-04-15)
    // and b5 (2026-01-15) not yet. Follow-up: group A's first 10 (ambulant 2025-04-01) and b2
    // (foster care 2025-05-01) = 11; b1's ambulant care is an extension, not a start.
    expect(ruw.vervolgBinnen6Maanden).toEqual({
      beoordeeld: 14,
      metVervolg: 11,
      nogNietTeBeoordelen: 2,
    });
    // Started in 2025: v-b2-pleeg (05-01), v-b3 (08-01), v-b4 (03-01), v-b5 (02-01); start + 6
    // months <= 2025-12-31 for all but v-b3 (2026-02-01). Of those 3, only b5 ended by then (home).
    expect(ruw.thuisOfLichterBinnen6Maanden).toEqual({
      beoordeeld: 3,
      thuisOfLichter: 1,
      nogNietTeBeoordelen: 1,
    });
    // b2 stepped down 2025-02-01, b4 up 2025-06-01; b7's step-down (2024-11-01) lies before the
    // period. Exits to a lighter form: b1, b2; to a heavier one: none (b4 ends after the peildatum).
    expect(ruw.schaling).toEqual({
      afschalingen: 1,
      opschalingen: 1,
      uitstroomNaarLichtereVorm: 2,
      uitstroomNaarZwaardereVorm: 0,
    });
    // Running on 2025-12-31: v-b2-pleeg (pleegzorg), v-b4 (gesloten since the step-up), v-b7
    // (pleegzorg since its step-down).
    expect(ruw.woonvormenOpPeildatum).toEqual({
      datum: '2025-12-31',
      aantal: 3,
      perWoonvorm: {
        gesloten: 1,
        'behandeld-wonen': 0,
        gezinshuis: 0,
        pleegzorg: 2,
        'begeleid-wonen': 0,
        kamertraining: 0,
      },
    });
  });

  it('cuts off at the day it is known on: nothing after it has happened yet (censoring)', () => {
    // Given the same data, known on 2025-06-30 (peildatum 2025-06-30)
    const d = bouwDataset(feiten());

    // When
    const ruw = telUitstroom(d, { ...jaar2025, bekendOp: '2025-06-30' });

    // Then exits up to 2025-06-30: group A (12), b1 (05-31), b2 (04-30) = 14; none of them has had
    // 6 months yet (the earliest, group A on 03-15, would need 09-15).
    expect(ruw.uitstroom.aantal).toBe(14);
    expect(ruw.vervolgBinnen6Maanden).toEqual({
      beoordeeld: 0,
      metVervolg: 0,
      nogNietTeBeoordelen: 14,
    });
    // Started in 2025 and by 2025-06-30: v-b2-pleeg, v-b4, v-b5; none has had 6 months yet (v-b3,
    // starting 08-01, is not known to exist).
    expect(ruw.thuisOfLichterBinnen6Maanden).toEqual({
      beoordeeld: 0,
      thuisOfLichter: 0,
      nogNietTeBeoordelen: 3,
    });
    // Running on 2025-06-30: v-b2-pleeg (pleegzorg), v-b4 (gesloten since 06-01), v-b5
    // (kamertraining, ends 07-15), v-b7 (pleegzorg) = 4; v-b3 only starts on 08-01.
    expect(ruw.woonvormenOpPeildatum.aantal).toBe(4);
    expect(ruw.woonvormenOpPeildatum.perWoonvorm).toMatchObject({
      pleegzorg: 2,
      gesloten: 1,
      kamertraining: 1,
    });
  });

  it('looks for follow-up in all of the youth’s care, also what the filter leaves out', () => {
    // Given a filter on aanbieder-2: only b2's closed stay is selected, not the foster care after it
    const d = bouwDataset(feiten());

    // When
    const ruw = telUitstroom(d, { ...jaar2025, filter: { aanbieder: 'aanbieder-2' } });

    // Then one exit (b2), judged (2025-10-30 <= peildatum), with foster care at aanbieder-3 as
    // follow-up; its step-down counts, nothing is running on the peildatum.
    expect(ruw.uitstroom.aantal).toBe(1);
    expect(ruw.vervolgBinnen6Maanden).toEqual({
      beoordeeld: 1,
      metVervolg: 1,
      nogNietTeBeoordelen: 0,
    });
    expect(ruw.schaling.afschalingen).toBe(1);
    expect(ruw.woonvormenOpPeildatum.aantal).toBe(0);
  });

  it('gives the forms of residence on another date when asked with tot = that date', () => {
    // Given the data, asked for 2025-01-01 alone
    const d = bouwDataset(feiten());

    // When
    const ruw = telUitstroom(d, { ...jaar2025, van: '2025-01-01', tot: '2025-01-01' });

    // Then running on 2025-01-01: group A (12, behandeld-wonen), b1 (gezinshuis), b2 (gesloten,
    // stepped down on 02-01), b7 (pleegzorg) = 15; b6 ended on 2024-12-31.
    expect(ruw.woonvormenOpPeildatum).toEqual({
      datum: '2025-01-01',
      aantal: 15,
      perWoonvorm: {
        gesloten: 1,
        'behandeld-wonen': 12,
        gezinshuis: 1,
        pleegzorg: 1,
        'begeleid-wonen': 0,
        kamertraining: 0,
      },
    });
  });

  it('publishes under disclosure control, with every withheld cell listed', () => {
    // Given
    const d = bouwDataset(feiten());

    // When
    const c = uitstroomCijfers(d, jaar2025);

    // Then the header
    expect(c).toMatchObject({
      definitieVersie: 'uitstroom-1',
      van: '2025-01-01',
      tot: '2025-12-31',
      bekendOp: '2026-06-30',
      peildatum: '2025-12-31',
      filter: {},
    });
    // 16 exits → 15; thuis 13 → 15 and 13/16 = 81.25% → 81; zelfstandig 1 withheld, 1/16 = 6.25%
    // → 6; lichtere-vorm 2 withheld, 2/16 = 12.5% → 13; zero counts are withheld too (0 < 10).
    expect(c.uitstroom.aantal).toBe(15);
    expect(c.uitstroom.perBestemming).toEqual([
      { bestemming: 'thuis', aantal: 15, percentage: 81 },
      { bestemming: 'zelfstandig', aantal: null, percentage: 6 },
      { bestemming: 'lichtere-vorm', aantal: null, percentage: 13 },
      { bestemming: 'zwaardere-vorm', aantal: null, percentage: 0 },
      { bestemming: 'anders', aantal: null, percentage: 0 },
    ]);
    // 2 without follow-up help: 2/16 = 12.5% → 13
    expect(c.uitstroom.zonderVervolghulp).toEqual({ aantal: null, percentage: 13 });
    // 14 judged → 15; 11 with follow-up → 10, 11/14 = 78.6% → 79; 2 not yet judged: withheld
    expect(c.vervolgBinnen6Maanden).toEqual({
      beoordeeld: 15,
      metVervolg: { aantal: 10, percentage: 79 },
      nogNietTeBeoordelen: null,
    });
    // 3 judged: everything withheld, the share too (denominator 3 < 10)
    expect(c.thuisOfLichterBinnen6Maanden).toEqual({
      beoordeeld: null,
      thuisOfLichter: { aantal: null, percentage: null },
      nogNietTeBeoordelen: null,
    });
    expect(c.onderdrukt).toContainEqual({
      tabel: 'thuisOfLichterBinnen6Maanden',
      rij: 'thuis, zelfstandig of lichtere vorm',
      reden: 'noemer onder 10',
      velden: ['thuisOfLichter.percentage'],
    });
    expect(c.onderdrukt).toContainEqual({
      tabel: 'uitstroom',
      rij: 'bestemming zelfstandig',
      reden: 'aantal onder 10',
      velden: ['perBestemming.aantal'],
    });
    // no person id anywhere
    const json = JSON.stringify(c);
    for (const persoonId of d.verblijven.values()) expect(json).not.toContain(persoonId.persoonId);
  });

  it('flattens into one long table, saying per row which cells are withheld', () => {
    // Given
    const c = uitstroomCijfers(bouwDataset(feiten()), {
      ...jaar2025,
      van: '2025-01-01',
      tot: '2025-01-01',
    });

    // When
    const tabel = uitstroomTabel(c);

    // Then (on 2025-01-01: 15 running, 12 behandeld-wonen → 10, 12/15 = 80%; gesloten 1/15 = 6.7% → 7)
    expect(tabel.kolommen).toEqual([
      'onderdeel',
      'categorie',
      'aantal',
      'percentage',
      'noemer',
      'onderdrukt',
    ]);
    expect(tabel.rijen).toContainEqual(['woonvormenOp 2025-01-01', 'totaal', 15, null, null, '']);
    expect(tabel.rijen).toContainEqual([
      'woonvormenOp 2025-01-01',
      'woonvorm behandeld-wonen',
      10,
      80,
      15,
      '',
    ]);
    expect(tabel.rijen).toContainEqual([
      'woonvormenOp 2025-01-01',
      'woonvorm gesloten',
      null,
      7,
      15,
      'aantal',
    ]);
    // No exits on that one day: counts and shares withheld, the denominator too.
    expect(tabel.rijen).toContainEqual([
      'uitstroom',
      'bestemming thuis',
      null,
      null,
      null,
      'aantal percentage noemer',
    ]);
    expect(tabel.rijen).toContainEqual(['schaling', 'afschalingen', null, null, null, 'aantal']);
    expect(tabel.rijen.every((r) => r.length === tabel.kolommen.length)).toBe(true);
  });
});
