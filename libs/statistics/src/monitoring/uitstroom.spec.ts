import { GepubliceerdAandeel } from '../consultatie-cijfers';
import { DREMPEL, Telling, publiceerAantal } from '../disclosure';
import { aantallen, celsleutel, metSleutels, verwachtGepubliceerd } from '../testing/tellingen';
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

const jaar2025: MonitoringVraag = {
  van: '2025-01-01',
  tot: '2025-12-31',
  bekendOp: '2026-06-30',
  filter: {},
};

describe('uitstroom (residential exits)', () => {
  it('counts exits per destination, follow-up, returns home, step-downs/ups and forms on the peildatum', () => {
    // Given the data set above, asked for 2025 (peildatum 2025-12-31)
    const d = dataset();

    // When
    const ruw = telUitstroom(d, jaar2025);

    // Then exits dated 2025-01-01..2025-12-31: group A (12), b1, b2, b3, b5 = 16 (b4 ends after the
    // peildatum, b6 before the period); thuis = 12 + b5 = 13; lichtere-vorm = b1, b2; zelfstandig = b3.
    expect(aantallen(ruw.uitstroom)).toEqual({
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
    expect(aantallen(ruw.vervolgBinnen6Maanden)).toEqual({
      beoordeeld: 14,
      metVervolg: 11,
      nogNietTeBeoordelen: 2,
    });
    // Started in 2025: v-b2-pleeg (05-01), v-b3 (08-01), v-b4 (03-01), v-b5 (02-01); start + 6
    // months <= 2025-12-31 for all but v-b3 (2026-02-01). Of those 3, only b5 ended by then (home).
    expect(aantallen(ruw.thuisOfLichterBinnen6Maanden)).toEqual({
      beoordeeld: 3,
      thuisOfLichter: 1,
      nogNietTeBeoordelen: 1,
    });
    // b2 stepped down 2025-02-01, b4 up 2025-06-01; b7's step-down (2024-11-01) lies before the
    // period. Exits to a lighter form: b1, b2; to a heavier one: none (b4 ends after the peildatum).
    expect(aantallen(ruw.schaling)).toEqual({
      afschalingen: 1,
      opschalingen: 1,
      uitstroomNaarLichtereVorm: 2,
      uitstroomNaarZwaardereVorm: 0,
    });
    // Running on 2025-12-31: v-b2-pleeg (pleegzorg), v-b4 (gesloten since the step-up), v-b7
    // (pleegzorg since its step-down).
    expect(aantallen(ruw.woonvormenOpPeildatum)).toEqual({
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
    const d = dataset();

    // When
    const ruw = telUitstroom(d, { ...jaar2025, bekendOp: '2025-06-30' });

    // Then exits up to 2025-06-30: group A (12), b1 (05-31), b2 (04-30) = 14; none of them has had
    // 6 months yet (the earliest, group A on 03-15, would need 09-15).
    expect(ruw.uitstroom.aantal.aantal).toBe(14);
    expect(aantallen(ruw.vervolgBinnen6Maanden)).toEqual({
      beoordeeld: 0,
      metVervolg: 0,
      nogNietTeBeoordelen: 14,
    });
    // Started in 2025 and by 2025-06-30: v-b2-pleeg, v-b4, v-b5; none has had 6 months yet (v-b3,
    // starting 08-01, is not known to exist).
    expect(aantallen(ruw.thuisOfLichterBinnen6Maanden)).toEqual({
      beoordeeld: 0,
      thuisOfLichter: 0,
      nogNietTeBeoordelen: 3,
    });
    // Running on 2025-06-30: v-b2-pleeg (pleegzorg), v-b4 (gesloten since 06-01), v-b5
    // (kamertraining, ends 07-15), v-b7 (pleegzorg) = 4; v-b3 only starts on 08-01.
    expect(ruw.woonvormenOpPeildatum.aantal.aantal).toBe(4);
    expect(aantallen(ruw.woonvormenOpPeildatum.perWoonvorm)).toMatchObject({
      pleegzorg: 2,
      gesloten: 1,
      kamertraining: 1,
    });
  });

  it('looks for follow-up in all of the youth’s care, also what the filter leaves out', () => {
    // Given a filter on aanbieder-2: only b2's closed stay is selected, not the foster care after it
    const d = dataset();

    // When
    const ruw = telUitstroom(d, { ...jaar2025, filter: { aanbieder: 'aanbieder-2' } });

    // Then one exit (b2), judged (2025-10-30 <= peildatum), with foster care at aanbieder-3 as
    // follow-up; its step-down counts, nothing is running on the peildatum.
    expect(ruw.uitstroom.aantal.aantal).toBe(1);
    expect(aantallen(ruw.vervolgBinnen6Maanden)).toEqual({
      beoordeeld: 1,
      metVervolg: 1,
      nogNietTeBeoordelen: 0,
    });
    expect(ruw.schaling.afschalingen.aantal).toBe(1);
    expect(ruw.woonvormenOpPeildatum.aantal.aantal).toBe(0);
  });

  it('gives the forms of residence on another date when asked with tot = that date', () => {
    // Given the data, asked for 2025-01-01 alone
    const d = dataset();

    // When
    const ruw = telUitstroom(d, { ...jaar2025, van: '2025-01-01', tot: '2025-01-01' });

    // Then running on 2025-01-01: group A (12, behandeld-wonen), b1 (gezinshuis), b2 (gesloten,
    // stepped down on 02-01), b7 (pleegzorg) = 15; b6 ended on 2024-12-31.
    expect(aantallen(ruw.woonvormenOpPeildatum)).toEqual({
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

  it('gives each count the cell key of exactly its stays: each adds its person’s record key', () => {
    // Given
    const d = dataset();
    const sleutels = (...ids: string[]) => celsleutel(ids.map((id) => d.recordsleutels.get(id)!));
    const groepA = Array.from({ length: 12 }, (_, i) => `persoon-a${String(i).padStart(2, '0')}`);

    // When
    const ruw = telUitstroom(d, jaar2025);

    // Then home: group A and b5; follow-up: group A's first 10 and b2; steps: b2 down, b4 up;
    // foster care on the peildatum: b2's second stay and b7.
    expect(ruw.uitstroom.perBestemming.thuis.sleutel).toBe(sleutels(...groepA, 'persoon-b5'));
    expect(ruw.uitstroom.zonderVervolghulp.sleutel).toBe(sleutels('persoon-b3', 'persoon-b5'));
    expect(ruw.vervolgBinnen6Maanden.metVervolg.sleutel).toBe(
      sleutels(...groepA.slice(0, 10), 'persoon-b2'),
    );
    expect(ruw.schaling.afschalingen.sleutel).toBe(sleutels('persoon-b2'));
    expect(ruw.schaling.opschalingen.sleutel).toBe(sleutels('persoon-b4'));
    expect(ruw.woonvormenOpPeildatum.perWoonvorm.pleegzorg.sleutel).toBe(
      sleutels('persoon-b2', 'persoon-b7'),
    );
    expect(ruw.uitstroom.perBestemming.anders).toEqual(new Telling());
  });

  it('publishes counts perturbed by their cell key, and shares only from two published counts', () => {
    // Given
    const d = dataset();
    const ruw = telUitstroom(d, jaar2025);

    // When
    const c = uitstroomCijfers(d, jaar2025);

    // Then the header
    expect(c).toMatchObject({
      definitieVersie: 'uitstroom-2',
      van: '2025-01-01',
      tot: '2025-12-31',
      bekendOp: '2026-06-30',
      peildatum: '2025-12-31',
      filter: {},
    });
    // 16 exits, 13 of them home: both published, and so their share. Zelfstandig (1),
    // lichtere-vorm (2) and the destinations nobody went to (0) are under 10: their counts and
    // their shares are withheld (1 of 16 would show where that one youth went).
    verwachtGepubliceerd(c.uitstroom.aantal, ruw.uitstroom.aantal);
    for (const b of c.uitstroom.perBestemming) {
      verwachtAandeel(b, ruw.uitstroom.perBestemming[b.bestemming], ruw.uitstroom.aantal);
    }
    expect(c.uitstroom.perBestemming.filter((b) => b.percentage !== null)).toEqual([
      expect.objectContaining({ bestemming: 'thuis' }),
    ]);
    // 2 without follow-up help: withheld, the share too
    expect(c.uitstroom.zonderVervolghulp).toEqual({ aantal: null, percentage: null });
    // 14 judged, 11 with follow-up: both published, so the share; 2 not yet judged: withheld
    const vervolg = ruw.vervolgBinnen6Maanden;
    verwachtGepubliceerd(c.vervolgBinnen6Maanden.beoordeeld, vervolg.beoordeeld);
    verwachtAandeel(c.vervolgBinnen6Maanden.metVervolg, vervolg.metVervolg, vervolg.beoordeeld);
    expect(c.vervolgBinnen6Maanden.metVervolg.percentage).not.toBeNull();
    expect(c.vervolgBinnen6Maanden.nogNietTeBeoordelen).toBeNull();
    // 3 judged: everything withheld, the share too (denominator 3 < 10)
    expect(c.thuisOfLichterBinnen6Maanden).toEqual({
      beoordeeld: null,
      thuisOfLichter: { aantal: null, percentage: null },
      nogNietTeBeoordelen: null,
    });
    // steps 1 and 1, exits to a lighter form 2: all under 10
    for (const veld of Object.keys(ruw.schaling) as (keyof typeof ruw.schaling)[]) {
      verwachtGepubliceerd(c.schaling[veld], ruw.schaling[veld]);
    }
    // 3 running on the peildatum: withheld, every share of them too
    const woonvormen = ruw.woonvormenOpPeildatum;
    verwachtGepubliceerd(c.woonvormenOpPeildatum.aantal, woonvormen.aantal);
    for (const w of c.woonvormenOpPeildatum.perWoonvorm) {
      verwachtAandeel(w, woonvormen.perWoonvorm[w.woonvorm], woonvormen.aantal);
    }
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
      velden: ['perBestemming.aantal', 'perBestemming.percentage'],
    });
    // no person id anywhere
    const json = JSON.stringify(c);
    for (const persoonId of d.verblijven.values()) expect(json).not.toContain(persoonId.persoonId);
  });

  it('gives the same answer to the same question', () => {
    const d = dataset();
    expect(uitstroomCijfers(d, jaar2025)).toEqual(uitstroomCijfers(dataset(), jaar2025));
  });

  it('flattens into one long table with the numbers of the answer, saying per row which cells are withheld', () => {
    // Given on 2025-01-01: 15 running, 12 of them behandeld-wonen, 1 gesloten
    const c = uitstroomCijfers(dataset(), {
      ...jaar2025,
      van: '2025-01-01',
      tot: '2025-01-01',
    });
    const woonvormen = c.woonvormenOpPeildatum;
    const vorm = (w: string) => woonvormen.perWoonvorm.find((r) => r.woonvorm === w)!;
    expect(woonvormen.aantal).not.toBeNull();
    expect(vorm('behandeld-wonen').percentage).not.toBeNull();

    // When
    const tabel = uitstroomTabel(c);

    // Then
    expect(tabel.kolommen).toEqual([
      'onderdeel',
      'categorie',
      'aantal',
      'percentage',
      'noemer',
      'onderdrukt',
    ]);
    expect(tabel.rijen).toContainEqual([
      'woonvormenOp 2025-01-01',
      'totaal',
      woonvormen.aantal,
      null,
      null,
      '',
    ]);
    expect(tabel.rijen).toContainEqual([
      'woonvormenOp 2025-01-01',
      'woonvorm behandeld-wonen',
      vorm('behandeld-wonen').aantal,
      vorm('behandeld-wonen').percentage,
      woonvormen.aantal,
      '',
    ]);
    // 1 gesloten: count and share withheld
    expect(tabel.rijen).toContainEqual([
      'woonvormenOp 2025-01-01',
      'woonvorm gesloten',
      null,
      null,
      woonvormen.aantal,
      'aantal percentage',
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
