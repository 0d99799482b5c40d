import { Uitkomst } from '@app/domain';
import { ConsultatieFeit, PraktijkFeit, consultatieCijfers } from './consultatie-cijfers';

/**
 * A hand-counted data set. De Linde has a JPH (16 hours a week) until 1 March 2026 and 13
 * consultations in Q1 2026; Het Anker never had a JPH and has 4.
 */
const linde: PraktijkFeit = {
  praktijkId: 'pr-linde',
  naam: 'De Linde',
  wijk: 'Haven',
  jph: [
    { per: '2025-01-01', urenPerWeek: 16 },
    { per: '2026-03-01', urenPerWeek: null },
  ],
};
const anker: PraktijkFeit = { praktijkId: 'pr-anker', naam: 'Het Anker', wijk: 'Atol', jph: [] };

const feiten = (praktijkId: string, datum: string, uitkomsten: Uitkomst[]): ConsultatieFeit[] =>
  uitkomsten.map((uitkomst, i) => ({ praktijkId, datum, uitkomst, recordKey: i }));
const consultaties: ConsultatieFeit[] = [
  ...feiten('pr-linde', '2026-01-10', [
    'afgehandeld-door-jph',
    'afgehandeld-door-jph',
    'afgehandeld-door-jph',
    'afgehandeld-door-jph',
    'alleen-advies',
    'verwezen-specialistische-zorg-sggz',
  ]),
  ...feiten('pr-linde', '2026-02-10', [
    'afgehandeld-door-jph',
    'afgehandeld-door-jph',
    'afgehandeld-door-jph',
    'verwezen-lichte-zorg-bggz',
    'verwezen-specialistische-zorg-sggz',
  ]),
  ...feiten('pr-linde', '2026-03-10', ['alleen-advies', 'verwezen-specialistische-zorg-sggz']),
  ...feiten('pr-anker', '2026-01-20', ['verwezen-specialistische-zorg-sggz', 'alleen-advies']),
  ...feiten('pr-anker', '2026-02-20', [
    'verwezen-specialistische-zorg-sggz',
    'verwezen-algemene-voorziening',
  ]),
  // Outside the period, and of a practice that is not known: not counted.
  ...feiten('pr-linde', '2025-12-31', ['alleen-advies']),
  ...feiten('pr-onbekend', '2026-01-10', ['alleen-advies']),
];

const cijfers = consultatieCijfers(consultaties, [anker, linde], {
  van: '2026-01-01',
  tot: '2026-03-31',
  per: 'kwartaal',
});

const geen = { aantal: null, percentage: null };

describe('consultation figures for policy, against a hand count', () => {
  it('per practice: De Linde 13 (published 15), shares from the unrounded counts', () => {
    expect(cijfers.perPraktijk[0]).toEqual({
      praktijkId: 'pr-linde',
      praktijk: 'De Linde',
      wijk: 'Haven',
      periode: '2026-Q1',
      aantal: 15,
      uitkomsten: {
        'afgehandeld-door-jph': { aantal: null, percentage: 54 }, // 7 of 13
        'alleen-advies': { aantal: null, percentage: 15 }, // 2 of 13
        'verwezen-algemene-voorziening': { aantal: null, percentage: 0 },
        'verwezen-lichte-zorg-bggz': { aantal: null, percentage: 8 }, // 1 of 13
        'verwezen-specialistische-zorg-sggz': { aantal: null, percentage: 23 }, // 3 of 13
        'verwezen-via-gemeente': { aantal: null, percentage: 0 },
      },
    });
  });

  it('per practice: Het Anker 4, so everything is suppressed, shares too', () => {
    expect(cijfers.perPraktijk[1]).toEqual({
      praktijkId: 'pr-anker',
      praktijk: 'Het Anker',
      wijk: 'Atol',
      periode: '2026-Q1',
      aantal: null,
      uitkomsten: {
        'afgehandeld-door-jph': geen,
        'alleen-advies': geen,
        'verwezen-algemene-voorziening': geen,
        'verwezen-lichte-zorg-bggz': geen,
        'verwezen-specialistische-zorg-sggz': geen,
        'verwezen-via-gemeente': geen,
      },
    });
    expect(cijfers.perPraktijk).toHaveLength(2);
  });

  it('with a JPH on the consultation date: 11 (De Linde in January and February)', () => {
    expect(cijfers.metEnZonderJph).toEqual([
      {
        periode: '2026-Q1',
        metJph: {
          aantal: 10,
          uitkomsten: {
            'afgehandeld-door-jph': { aantal: null, percentage: 64 }, // 7 of 11
            'alleen-advies': { aantal: null, percentage: 9 },
            'verwezen-algemene-voorziening': { aantal: null, percentage: 0 },
            'verwezen-lichte-zorg-bggz': { aantal: null, percentage: 9 },
            'verwezen-specialistische-zorg-sggz': { aantal: null, percentage: 18 }, // 2 of 11
            'verwezen-via-gemeente': { aantal: null, percentage: 0 },
          },
        },
        // De Linde in March (2) and Het Anker (4): 6.
        zonderJph: expect.objectContaining({ aantal: null }),
      },
    ]);
  });

  it('the monthly SGGZ trend: every month under 10, so suppressed', () => {
    expect(cijfers.sggzTrend).toEqual([
      { maand: '2026-01', totaal: null, verwezenSggz: geen }, // 8, of which 2 SGGZ
      { maand: '2026-02', totaal: null, verwezenSggz: geen }, // 7, of which 2
      { maand: '2026-03', totaal: null, verwezenSggz: geen }, // 2, of which 1
    ]);
  });

  it('JPH hours against consultations: 59 of 90 days with 16 hours a week', () => {
    expect(cijfers.jphUrenEnConsultaties).toEqual([
      {
        praktijkId: 'pr-linde',
        praktijk: 'De Linde',
        wijk: 'Haven',
        jphUrenPerWeek: 10.5, // 59 × 16 / 90 = 10.49
        jphUren: 135, // 59 × 16 / 7 = 134.9
        aantal: 15,
        afgehandeldDoorJph: { aantal: null, percentage: 54 },
        verwezenSggz: { aantal: null, percentage: 23 },
        consultatiesPerJphUur: 0.11, // 15 / 134.9
      },
      {
        praktijkId: 'pr-anker',
        praktijk: 'Het Anker',
        wijk: 'Atol',
        jphUrenPerWeek: 0,
        jphUren: 0,
        aantal: null,
        afgehandeldDoorJph: geen,
        verwezenSggz: geen,
        consultatiesPerJphUur: null,
      },
    ]);
  });

  it('says what was suppressed, and which definition it used', () => {
    expect(cijfers.definitieVersie).toBe('consultaties-1');
    expect(cijfers.onderdrukt).toContainEqual({
      tabel: 'perPraktijk',
      rij: 'Het Anker, 2026-Q1',
      reden: 'noemer onder 10',
      velden: [
        'uitkomsten.afgehandeld-door-jph.percentage',
        'uitkomsten.alleen-advies.percentage',
        'uitkomsten.verwezen-algemene-voorziening.percentage',
        'uitkomsten.verwezen-lichte-zorg-bggz.percentage',
        'uitkomsten.verwezen-specialistische-zorg-sggz.percentage',
        'uitkomsten.verwezen-via-gemeente.percentage',
      ],
    });
    expect(cijfers.onderdrukt).toContainEqual(
      expect.objectContaining({
        tabel: 'perPraktijk',
        rij: 'De Linde, 2026-Q1',
        reden: 'aantal onder 10',
        velden: expect.arrayContaining(['uitkomsten.afgehandeld-door-jph.aantal']),
      }),
    );
    expect(JSON.stringify(cijfers)).not.toMatch(/pr-onbekend/);
  });

  it('counts per month with every month listed, also empty ones', () => {
    const perMaand = consultatieCijfers(consultaties, [linde], {
      van: '2025-12-01',
      tot: '2026-04-30',
      per: 'maand',
    });
    expect(perMaand.perPraktijk.map((r) => [r.periode, r.aantal])).toEqual([
      ['2025-12', null],
      ['2026-01', null],
      ['2026-02', null],
      ['2026-03', null],
      ['2026-04', null],
    ]);
  });
});
