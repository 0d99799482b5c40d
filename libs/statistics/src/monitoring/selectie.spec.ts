import { bouwDataset, wijkOp } from './dataset';
import { zorgEpisodes } from './selectie';
import { gezinslid, toewijzing, wijk } from './testing/feiten';

/**
 * Given a family registered on 1 March 2025 in Noord (its youth's care began in 2024) that moved
 * to Zuid on 1 July 2025.
 */
const d = bouwDataset([
  gezinslid('g1', 'p1', '2025-03-01'),
  wijk('g1', 'Noord', '2025-03-01'),
  wijk('g1', 'Zuid', '2025-07-01'),
  ...toewijzing({ id: 't1', persoon: 'p1', begin: '2024-09-01', eind: '2026-08-31' }),
]);

describe('the district of a family on a date', () => {
  it('is the one set last on or before the date, and before the first date the first one', () => {
    const gezin = d.gezinnen.get('g1')!;
    expect(wijkOp(gezin, '2024-09-01')).toBe('Noord');
    expect(wijkOp(gezin, '2025-06-30')).toBe('Noord');
    expect(wijkOp(gezin, '2025-07-01')).toBe('Zuid');
  });

  it('selects care by the district on the peildatum', () => {
    const personen = (wijkNaam: string, peil: string) =>
      zorgEpisodes(d, { wijk: wijkNaam }, peil).map((e) => e.persoonId);
    // The first half of 2025 is counted in Noord, the whole of 2025 in Zuid, where the family lives
    // on 31 December.
    expect(personen('Noord', '2025-06-30')).toEqual(['p1']);
    expect(personen('Zuid', '2025-06-30')).toEqual([]);
    expect(personen('Noord', '2025-12-31')).toEqual([]);
    expect(personen('Zuid', '2025-12-31')).toEqual(['p1']);
    expect(personen('Noord', '2024-12-31')).toEqual(['p1']);
  });
});

describe('episodes seen on a peildatum', () => {
  it('run on when a consecutive assignment known by then goes on the next day', () => {
    const doorlopend = bouwDataset([
      ...toewijzing({ id: 'a', persoon: 'p1', begin: '2025-01-01', eind: '2025-06-30' }),
      ...toewijzing({ id: 'b', persoon: 'p1', begin: '2025-07-01', eind: '2025-12-31' }),
    ]);
    // Asked up to 30 June and known later: the episode goes on on 1 July, so it runs on 30 June.
    expect(zorgEpisodes(doorlopend, {}, '2025-06-30', '2026-01-01')).toEqual([
      expect.objectContaining({ start: '2025-01-01', end: '2025-06-30', running: true }),
    ]);
    // Asked as known on 30 June itself, nothing after that day is looked at: it ended then.
    expect(zorgEpisodes(doorlopend, {}, '2025-06-30', '2025-06-30')).toEqual([
      expect.objectContaining({ start: '2025-01-01', end: '2025-06-30', running: false }),
    ]);
  });
});
