import {
  AssignmentInput,
  activePeriod,
  ageAtStart,
  daysApart,
  mergeEpisodes,
  mergePeriods,
} from './intervals';

const ASOF = '2026-06-30';

let volgnummer = 0;
const toewijzing = (patch: Partial<AssignmentInput>): AssignmentInput => ({
  toewijzingId: `tw-${++volgnummer}`,
  persoonId: 'p-1',
  productcode: '45A01',
  wettelijkKader: 'jeugdwet',
  begindatum: '2026-01-01',
  einddatum: '2026-03-31',
  zorgStart: null,
  zorgStop: null,
  ...patch,
});

describe('activePeriod', () => {
  it('uses the care dates first', () => {
    expect(
      activePeriod(
        toewijzing({ zorgStart: '2026-01-15', zorgStop: { datum: '2026-02-20' } }),
        ASOF,
      ),
    ).toEqual({ start: '2026-01-15', end: '2026-02-20', running: false });
    expect(
      activePeriod(toewijzing({ zorgStart: '2026-01-15', zorgStop: '2026-02-20' }), ASOF),
    ).toEqual({ start: '2026-01-15', end: '2026-02-20', running: false });
  });

  it('falls back to the assignment dates, each end on its own', () => {
    expect(activePeriod(toewijzing({}), ASOF)).toEqual({
      start: '2026-01-01',
      end: '2026-03-31',
      running: false,
    });
    // Started, never stopped: runs until the einddatum.
    expect(activePeriod(toewijzing({ zorgStart: '2026-01-10' }), ASOF)).toEqual({
      start: '2026-01-10',
      end: '2026-03-31',
      running: false,
    });
    // A stop without a start message: from the begindatum.
    expect(activePeriod(toewijzing({ zorgStop: '2026-02-01' }), ASOF)).toEqual({
      start: '2026-01-01',
      end: '2026-02-01',
      running: false,
    });
  });

  it('is running, cut off at the as-of date, when it ends after it', () => {
    const lopend = toewijzing({ zorgStart: '2026-01-10', einddatum: '2026-12-31' });
    expect(activePeriod(lopend, ASOF)).toEqual({
      start: '2026-01-10',
      end: ASOF,
      running: true,
    });
    // Ending on the as-of date itself is ended, the day after it is running.
    expect(activePeriod(toewijzing({ einddatum: '2026-03-31' }), '2026-03-31')?.running).toBe(
      false,
    );
    expect(activePeriod(toewijzing({ einddatum: '2026-04-01' }), '2026-03-31')).toEqual({
      start: '2026-01-01',
      end: '2026-03-31',
      running: true,
    });
    // A stop recorded with a date after the as-of date: still running then.
    expect(activePeriod(toewijzing({ zorgStop: '2026-03-15' }), '2026-03-01')?.running).toBe(true);
  });

  it('is null before its start and when its dates contradict each other', () => {
    expect(activePeriod(toewijzing({ begindatum: '2026-07-01' }), ASOF)).toBeNull();
    expect(activePeriod(toewijzing({ zorgStart: '2026-04-01' }), ASOF)).toBeNull();
    // One day is a valid period.
    expect(
      activePeriod(toewijzing({ zorgStart: '2026-02-01', zorgStop: '2026-02-01' }), ASOF),
    ).toEqual({ start: '2026-02-01', end: '2026-02-01', running: false });
  });
});

describe('mergeEpisodes', () => {
  it('merges consecutive assignments 1 day apart, not 2 days apart', () => {
    const a = toewijzing({ toewijzingId: 'a', begindatum: '2026-01-01', einddatum: '2026-01-31' });
    const b = toewijzing({ toewijzingId: 'b', begindatum: '2026-02-01', einddatum: '2026-02-28' });
    const c = toewijzing({ toewijzingId: 'c', begindatum: '2026-03-02', einddatum: '2026-03-31' });
    expect(daysApart('2026-01-31', '2026-02-01')).toBe(1);
    expect(daysApart('2026-02-28', '2026-03-02')).toBe(2);
    expect(mergeEpisodes([c, b, a], ASOF)).toEqual([
      {
        persoonId: 'p-1',
        productcode: '45A01',
        wettelijkKader: 'jeugdwet',
        start: '2026-01-01',
        end: '2026-02-28',
        running: false,
        assignmentIds: ['a', 'b'],
        aanbiederIds: [],
      },
      {
        persoonId: 'p-1',
        productcode: '45A01',
        wettelijkKader: 'jeugdwet',
        start: '2026-03-02',
        end: '2026-03-31',
        running: false,
        assignmentIds: ['c'],
        aanbiederIds: [],
      },
    ]);
  });

  it('merges overlapping and contained periods; running when the latest piece runs', () => {
    const episodes = mergeEpisodes(
      [
        toewijzing({ toewijzingId: 'a', begindatum: '2026-01-01', einddatum: '2026-04-30' }),
        toewijzing({ toewijzingId: 'b', begindatum: '2026-02-01', einddatum: '2026-02-28' }),
        toewijzing({
          toewijzingId: 'c',
          begindatum: '2026-04-01',
          einddatum: '2026-12-31',
          aanbiederId: 'aanb-2',
        }),
      ].map((t) => ({ ...t, aanbiederId: t.aanbiederId ?? 'aanb-1' })),
      ASOF,
    );
    expect(episodes).toEqual([
      expect.objectContaining({
        start: '2026-01-01',
        end: ASOF,
        running: true,
        assignmentIds: ['a', 'b', 'c'],
        aanbiederIds: ['aanb-1', 'aanb-2'],
      }),
    ]);
  });

  it('keeps persons, products and frameworks apart, and sorts deterministically', () => {
    const episodes = mergeEpisodes(
      [
        toewijzing({ persoonId: 'p-2', toewijzingId: 'x' }),
        toewijzing({ productcode: '41A05', toewijzingId: 'y', begindatum: '2026-02-01' }),
        toewijzing({ toewijzingId: 'z', begindatum: '2026-02-01', einddatum: '2026-02-10' }),
        toewijzing({ toewijzingId: 'w', wettelijkKader: 'wmo' }),
        toewijzing({ toewijzingId: 'later', begindatum: '2026-07-01', einddatum: '2026-08-01' }),
      ],
      ASOF,
    );
    expect(
      episodes.map((e) => [e.persoonId, e.productcode, e.wettelijkKader, e.assignmentIds]),
    ).toEqual([
      ['p-1', '41A05', 'jeugdwet', ['y']],
      ['p-1', '45A01', 'jeugdwet', ['z']],
      ['p-1', '45A01', 'wmo', ['w']],
      ['p-2', '45A01', 'jeugdwet', ['x']],
    ]);
  });

  it('merging merged episodes changes nothing', () => {
    const episodes = mergeEpisodes(
      [
        toewijzing({ begindatum: '2026-01-01', einddatum: '2026-01-31' }),
        toewijzing({ begindatum: '2026-02-01', einddatum: '2026-09-30' }),
      ],
      ASOF,
    );
    expect(mergePeriods(episodes)).toEqual(episodes);
  });

  it('takes the age at the start of the episode', () => {
    expect(ageAtStart({ start: '2026-03-01' }, '2008-03-01')).toBe(18);
    expect(ageAtStart({ start: '2026-02-28' }, '2008-03-01')).toBe(17);
  });
});
