import { aantallen, celsleutel, metSleutels, verwachtGepubliceerd } from '../testing/tellingen';
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
  return bouwDataset(metSleutels(feiten));
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
    expect(aantallen(ruw.perGroep)).toEqual([
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
    expect(aantallen(ruw.totaal)).toEqual({
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
    expect(ruw.perGroep.map((g) => [g.sleutel, g.telling.actief.aantal])).toEqual([
      ['12-17', 17],
      ['18+', 2],
    ]);
  });

  it('cuts running care off at the day it is known on', () => {
    const ruw = telZorgepisodes(dataset(), vraag({ bekendOp: '2025-05-15' }), 'kader');
    // On 15 May the p episodes (second assignment until 30 Jun) and q's first run; q's second has
    // not started.
    expect(aantallen(ruw.perGroep[0]!.telling)).toEqual({
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
    expect(ruw.totaal.actief.aantal).toBe(4); // p0 and p1: Jeugdwet and Wmo each
    expect(
      telZorgepisodes(dataset(), vraag({ filter: { wijk: 'Zuid' } }), 'kader').totaal.actief.aantal,
    ).toBe(0);
  });

  it("gives each count the cell key of its records: an episode its person's key, a person once", () => {
    const d = dataset();
    const ruw = telZorgepisodes(d, vraag(), 'kader');
    const sleutel = (id: string) => d.recordsleutels.get(id)!;
    const p = reeks('p', 12);
    const wmo = ruw.perGroep[1]!.telling;
    expect(wmo.actief.sleutel).toBe(celsleutel(p.slice(0, 5).map(sleutel)));
    const jeugdwet = ruw.perGroep[0]!.telling;
    // q has two episodes: their key twice; as a person once.
    expect(jeugdwet.actief.sleutel).toBe(celsleutel([...p, 'q', 'q'].map(sleutel)));
    expect(jeugdwet.personen.sleutel).toBe(celsleutel([...p, 'q'].map(sleutel)));
    // Two assignments per p episode, one per q episode.
    expect(jeugdwet.toewijzingen.sleutel).toBe(celsleutel([...p, ...p, 'q', 'q'].map(sleutel)));
  });

  it('publishes each count perturbed by its cell key and rounded to 5, and says which were withheld', () => {
    const d = dataset();
    const ruw = telZorgepisodes(d, vraag(), 'kader');
    const c = zorgepisodeCijfers(d, vraag(), 'kader');
    expect(c).toMatchObject({
      definitieVersie: 'zorgepisodes-2',
      peildatum: '2025-09-30',
      perGroep: [{ sleutel: 'jeugdwet' }, { sleutel: 'wmo', actief: null, lopend: null }],
    });
    for (const [i, groep] of ruw.perGroep.entries()) {
      for (const veld of Object.keys(groep.telling) as (keyof typeof groep.telling)[]) {
        verwachtGepubliceerd(c.perGroep[i]![veld], groep.telling[veld]);
      }
    }
    for (const veld of Object.keys(ruw.totaal) as (keyof typeof ruw.totaal)[]) {
      verwachtGepubliceerd(c.totaal[veld], ruw.totaal[veld]);
    }
    expect(c.onderdrukt).toContainEqual({
      tabel: 'perGroep',
      rij: 'wmo',
      reden: 'aantal onder 10',
      velden: ['actief', 'gestart', 'beeindigd', 'lopend', 'personen', 'toewijzingen'],
    });
    const j = c.perGroep[0]!;
    expect(zorgepisodeTabel(c).rijen[0]).toEqual([
      'jeugdwet',
      'jeugdwet',
      j.actief,
      j.gestart,
      j.beeindigd,
      null,
      j.personen,
      j.toewijzingen,
      'lopend',
    ]);
    expect(JSON.stringify(c)).not.toMatch(/"p\d+"|"q"|2012-03-01|"g0"/);
  });

  it('gives the same answer for the same records, whatever the question around them', () => {
    const d = dataset();
    // Another period with the same active episodes: the same cells, so the same answer.
    const a = zorgepisodeCijfers(d, vraag(), 'kader');
    const b = zorgepisodeCijfers(d, vraag({ van: '2024-06-01', tot: '2025-09-30' }), 'kader');
    expect(b.perGroep).toEqual(a.perGroep);
    expect(zorgepisodeCijfers(d, vraag(), 'kader')).toEqual(a);
  });
});
