import { bouwDataset } from './dataset';
import { MonitoringFeit } from './feiten';
import { MonitoringVraag } from './selectie';
import { gezinslid, persoon, reeks, toewijzing, wijk } from './testing/feiten';
import { telZorgepisodes, zorgepisodeCijfers, zorgepisodeTabel } from './zorgepisodes';

/**
 * Given 12 youths (born 2012-03-01) with two consecutive ambulant Jeugdwet assignments each
 * (1 Jan-31 Mar and 1 Apr-30 Jun 2025: one day apart, so one episode), five of them with Wmo
 * support from 1 Feb 2025 that still runs, and one adult (born 2000) with two Jeugdwet assignments
 * two days apart (two episodes); two of the youths live in a family in district Noord.
 */
function dataset() {
  const p = reeks('p', 12);
  const feiten: MonitoringFeit[] = [
    ...p.map((id) => persoon(id, '2012-03-01')),
    persoon('q', '2000-01-01'),
    gezinslid('g0', 'p0'),
    gezinslid('g0', 'p1'),
    wijk('g0', 'Noord'),
    ...p.flatMap((id) => [
      ...toewijzing({ id: `${id}-1`, persoon: id, begin: '2025-01-01', eind: '2025-03-31' }),
      ...toewijzing({ id: `${id}-2`, persoon: id, begin: '2025-04-01', eind: '2025-06-30' }),
    ]),
    ...p.slice(0, 5).flatMap((id) =>
      toewijzing({
        id: `${id}-wmo`,
        persoon: id,
        kader: 'wmo',
        product: 'WMO01',
        categorie: '50',
        begin: '2025-02-01',
        eind: '2026-12-31',
      }),
    ),
    ...toewijzing({ id: 'q-1', persoon: 'q', begin: '2025-05-01', eind: '2025-05-31' }),
    ...toewijzing({ id: 'q-2', persoon: 'q', begin: '2025-06-03', eind: '2025-06-30' }),
  ];
  return bouwDataset(feiten);
}

const vraag = (overrides: Partial<MonitoringVraag> = {}): MonitoringVraag => ({
  van: '2025-01-01',
  tot: '2025-09-30',
  bekendOp: '2026-01-01',
  filter: {},
  ...overrides,
});

describe('care episodes', () => {
  it('merges consecutive assignments and counts episodes per framework', () => {
    const ruw = telZorgepisodes(dataset(), vraag(), 'kader');
    expect(ruw.perGroep).toEqual([
      {
        sleutel: 'jeugdwet',
        naam: 'jeugdwet',
        // 12 merged episodes of p0-p11 + 2 of q (2 days apart: not merged); all ended by 30 Jun.
        telling: {
          actief: 14,
          gestart: 14,
          beeindigd: 14,
          lopend: 0,
          personen: 13,
          toewijzingen: 26, // 12 × 2 + 2
        },
      },
      {
        sleutel: 'wmo',
        naam: 'wmo',
        // 5 running at the peildatum 30 Sep.
        telling: { actief: 5, gestart: 5, beeindigd: 0, lopend: 5, personen: 5, toewijzingen: 5 },
      },
    ]);
    expect(ruw.totaal).toEqual({
      actief: 19,
      gestart: 19,
      beeindigd: 14,
      lopend: 5,
      personen: 13,
      toewijzingen: 31,
    });
  });

  it('groups by age at the start of the episode', () => {
    const ruw = telZorgepisodes(dataset(), vraag(), 'leeftijd');
    // p0-p11 are 12 on 1 Jan and 1 Feb 2025 (13 on 1 Mar); q is 25.
    expect(ruw.perGroep.map((g) => [g.sleutel, g.telling.actief])).toEqual([
      ['12-17', 17],
      ['18+', 2],
    ]);
  });

  it('cuts running care off at the day it is known on', () => {
    const ruw = telZorgepisodes(dataset(), vraag({ bekendOp: '2025-05-15' }), 'kader');
    // On 15 May the p episodes (second assignment until 30 Jun) and q's first run; q's second has
    // not started.
    expect(ruw.perGroep[0]!.telling).toEqual({
      actief: 13,
      gestart: 13,
      beeindigd: 0,
      lopend: 13,
      personen: 13,
      toewijzingen: 25,
    });
  });

  it('selects persons by the district of their family', () => {
    const ruw = telZorgepisodes(dataset(), vraag({ filter: { wijk: 'Noord' } }), 'kader');
    expect(ruw.totaal.actief).toBe(4); // p0 and p1: Jeugdwet and Wmo each
    expect(
      telZorgepisodes(dataset(), vraag({ filter: { wijk: 'Zuid' } }), 'kader').totaal.actief,
    ).toBe(0);
  });

  it('publishes counts rounded to 5 and says which were withheld', () => {
    const c = zorgepisodeCijfers(dataset(), vraag(), 'kader');
    expect(c).toMatchObject({
      definitieVersie: 'zorgepisodes-1',
      peildatum: '2025-09-30',
      perGroep: [
        {
          sleutel: 'jeugdwet',
          actief: 15, // 14
          gestart: 15,
          beeindigd: 15,
          lopend: null, // 0
          personen: 15, // 13
          toewijzingen: 25, // 26
        },
        { sleutel: 'wmo', actief: null, lopend: null }, // 5
      ],
      totaal: { actief: 20, beeindigd: 15, lopend: null, personen: 15, toewijzingen: 30 },
    });
    expect(c.onderdrukt).toContainEqual({
      tabel: 'perGroep',
      rij: 'wmo',
      reden: 'aantal onder 10',
      velden: ['actief', 'gestart', 'beeindigd', 'lopend', 'personen', 'toewijzingen'],
    });
    expect(zorgepisodeTabel(c).rijen[0]).toEqual([
      'jeugdwet',
      'jeugdwet',
      15,
      15,
      15,
      null,
      15,
      25,
      'lopend',
    ]);
    expect(JSON.stringify(c)).not.toMatch(/"p\d+"|"q"|2012-03-01|"g0"/);
  });
});
