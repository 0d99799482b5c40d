import { WettelijkKader } from '@app/domain';
import { Family, OverlapEpisode, gaps, overlapInPeriod } from './samenloop-per-gezin';

const ep = (
  wettelijkKader: WettelijkKader,
  start: string,
  end: string,
  aanbieder: string,
): OverlapEpisode => ({ wettelijkKader, start, end, aanbiederIds: [aanbieder] });

/**
 * A hand-made set of six families; the period is Q1 2026 (90 days). The comments give the hand
 * computation the expectations below come from.
 */
const gezinnen: Family[] = [
  // Jeugdwet for one child, Wmo for a parent; both in February (28 days); providers A and B.
  {
    gezinId: 'g-1',
    members: [
      { persoonId: 'p-1', episodes: [ep('jeugdwet', '2026-01-01', '2026-02-28', 'A')] },
      { persoonId: 'p-2', episodes: [ep('wmo', '2026-02-01', '2026-06-30', 'B')] },
    ],
  },
  // One person, Jeugdwet twice (break from 21 Jan to 28 Feb: 39 days without care) and
  // Participatiewet from 5 to 20 January (together with Jeugdwet 5-10 January: 6 days).
  {
    gezinId: 'g-2',
    members: [
      {
        persoonId: 'p-3',
        episodes: [
          ep('jeugdwet', '2025-10-01', '2026-01-10', 'A'),
          ep('participatiewet', '2026-01-05', '2026-01-20', 'D'),
          ep('jeugdwet', '2026-03-01', '2026-05-01', 'C'),
        ],
      },
    ],
  },
  // Only Jeugdwet, from 15 March: 17 days in the period.
  {
    gezinId: 'g-3',
    members: [{ persoonId: 'p-4', episodes: [ep('jeugdwet', '2026-03-15', '2026-04-15', 'A')] }],
  },
  // Care that ended before the period: no care in it.
  {
    gezinId: 'g-4',
    members: [{ persoonId: 'p-5', episodes: [ep('wmo', '2025-01-01', '2025-12-31', 'B')] }],
  },
  // Two children with Jeugdwet; Wmo starts on the last day of the period: 1 day together.
  {
    gezinId: 'g-5',
    members: [
      {
        persoonId: 'p-7',
        episodes: [ep('jeugdwet', '2026-02-01', '2026-02-10', 'B')],
      },
      {
        persoonId: 'p-6',
        episodes: [
          ep('jeugdwet', '2026-01-01', '2026-03-31', 'A'),
          ep('wmo', '2026-03-31', '2026-04-30', 'B'),
        ],
      },
    ],
  },
  // p-8: Jeugdwet in January, Wmo in February (1 day apart: no break), Jeugdwet again from
  // 2 March (2 days apart: a break of 1 day, 1 March). p-9's debt counselling (25 Feb - 5 Mar)
  // covers that day for the family. Together: Wmo + schuld 25-28 Feb, schuld + Jeugdwet 2-5 Mar.
  {
    gezinId: 'g-6',
    members: [
      {
        persoonId: 'p-8',
        episodes: [
          ep('jeugdwet', '2026-01-01', '2026-01-31', 'E'),
          ep('wmo', '2026-02-01', '2026-02-28', 'E'),
          ep('jeugdwet', '2026-03-02', '2026-03-31', 'E'),
        ],
      },
      { persoonId: 'p-9', episodes: [ep('schuldhulpverlening', '2026-02-25', '2026-03-05', 'E')] },
    ],
  },
];

describe('overlap in a period, against a hand count', () => {
  const result = overlapInPeriod(gezinnen, '2026-01-01', '2026-03-31');
  const gezin = (id: string) => result.families.find((f) => f.gezinId === id)!;

  it('counts a family with Jeugdwet and Wmo in the combination "jeugdwet+wmo"', () => {
    expect(result.periodDays).toBe(90);
    expect(gezin('g-1')).toEqual({
      gezinId: 'g-1',
      frameworks: ['jeugdwet', 'wmo'],
      combination: 'jeugdwet+wmo',
      multipleFrameworks: true,
      careDays: 90,
      concurrentDays: 28,
      providers: 2,
      perPerson: [
        {
          persoonId: 'p-1',
          frameworks: ['jeugdwet'],
          combination: 'jeugdwet',
          multipleFrameworks: false,
          careDays: 59,
          concurrentDays: 0,
          providers: 1,
        },
        {
          persoonId: 'p-2',
          frameworks: ['wmo'],
          combination: 'wmo',
          multipleFrameworks: false,
          careDays: 59,
          concurrentDays: 0,
          providers: 1,
        },
      ],
    });
  });

  it('counts overlap within one person, and days inside the period only', () => {
    expect(gezin('g-2')).toMatchObject({
      combination: 'jeugdwet+participatiewet',
      careDays: 51,
      concurrentDays: 6,
      providers: 3,
    });
    expect(gezin('g-2').perPerson[0]).toMatchObject({ persoonId: 'p-3', concurrentDays: 6 });
    expect(gezin('g-3')).toMatchObject({ combination: 'jeugdwet', careDays: 17, providers: 1 });
    expect(gezin('g-4')).toMatchObject({
      frameworks: [],
      combination: null,
      careDays: 0,
      concurrentDays: 0,
      providers: 0,
    });
    expect(gezin('g-5')).toMatchObject({
      combination: 'jeugdwet+wmo',
      concurrentDays: 1,
      providers: 2,
    });
    expect(gezin('g-5').perPerson.map((p) => p.persoonId)).toEqual(['p-6', 'p-7']);
    expect(gezin('g-6')).toMatchObject({
      combination: 'jeugdwet+wmo+schuldhulpverlening',
      careDays: 90,
      concurrentDays: 8,
      providers: 1,
    });
    expect(gezin('g-6').perPerson).toMatchObject([
      { persoonId: 'p-8', combination: 'jeugdwet+wmo', careDays: 89, concurrentDays: 0 },
      { persoonId: 'p-9', combination: 'schuldhulpverlening', careDays: 9 },
    ]);
  });

  it('adds up the families and the persons', () => {
    expect(result.totals.families).toEqual({
      withCare: 5,
      withOneFramework: 1,
      withMultipleFrameworks: 4,
      perCombination: [
        {
          combination: 'jeugdwet+wmo',
          frameworks: ['jeugdwet', 'wmo'],
          count: 2,
          ids: ['g-1', 'g-5'],
        },
        { combination: 'jeugdwet', frameworks: ['jeugdwet'], count: 1, ids: ['g-3'] },
        {
          combination: 'jeugdwet+participatiewet',
          frameworks: ['jeugdwet', 'participatiewet'],
          count: 1,
          ids: ['g-2'],
        },
        {
          combination: 'jeugdwet+wmo+schuldhulpverlening',
          frameworks: ['jeugdwet', 'wmo', 'schuldhulpverlening'],
          count: 1,
          ids: ['g-6'],
        },
      ],
      // g-3 (A) and g-6 (E); g-1 and g-5 (A, B); g-2 (A, D, C).
      providersDistribution: [
        { providers: 1, count: 2, ids: ['g-3', 'g-6'] },
        { providers: 2, count: 2, ids: ['g-1', 'g-5'] },
        { providers: 3, count: 1, ids: ['g-2'] },
      ],
      concurrentDays: 28 + 6 + 1 + 8,
      ids: {
        withCare: ['g-1', 'g-2', 'g-3', 'g-5', 'g-6'], // g-4 had no care in the period
        withOneFramework: ['g-3'],
        withMultipleFrameworks: ['g-1', 'g-2', 'g-5', 'g-6'],
      },
      concurrentDaysOfMultiple: [28, 6, 1, 8],
    });
    expect(result.totals.persons).toMatchObject({
      withCare: 8,
      withOneFramework: 5,
      withMultipleFrameworks: 3,
      perCombination: [
        { combination: 'jeugdwet', count: 3, ids: ['p-1', 'p-4', 'p-7'] },
        { combination: 'jeugdwet+wmo', count: 2, ids: ['p-6', 'p-8'] },
        { combination: 'jeugdwet+participatiewet', count: 1, ids: ['p-3'] },
        { combination: 'schuldhulpverlening', count: 1, ids: ['p-9'] },
        { combination: 'wmo', count: 1, ids: ['p-2'] },
      ],
      providersDistribution: [
        { providers: 1, count: 6, ids: ['p-1', 'p-2', 'p-4', 'p-7', 'p-8', 'p-9'] },
        { providers: 2, count: 1, ids: ['p-6'] },
        { providers: 3, count: 1, ids: ['p-3'] },
      ],
      concurrentDays: 6 + 1,
      ids: {
        withCare: ['p-1', 'p-2', 'p-3', 'p-4', 'p-6', 'p-7', 'p-8', 'p-9'],
        withOneFramework: ['p-1', 'p-2', 'p-4', 'p-7', 'p-9'],
        withMultipleFrameworks: ['p-3', 'p-6', 'p-8'],
      },
      // p-8 has Jeugdwet and Wmo, never on the same day.
      concurrentDaysOfMultiple: [6, 1, 0],
    });
  });

  it('counts a person in two families in each, under their own id', () => {
    const tweeGezinnen: Family[] = [
      {
        gezinId: 'g-a',
        members: [
          { persoonId: 'p-x', episodes: [ep('jeugdwet', '2026-01-01', '2026-01-31', 'A')] },
        ],
      },
      {
        gezinId: 'g-b',
        members: [
          { persoonId: 'p-x', episodes: [ep('jeugdwet', '2026-01-01', '2026-01-31', 'A')] },
          { persoonId: 'p-y', episodes: [] },
        ],
      },
    ];
    const { persons } = overlapInPeriod(tweeGezinnen, '2026-01-01', '2026-03-31').totals;
    expect(persons.withCare).toBe(2);
    expect(persons.ids.withCare).toEqual(['p-x', 'p-x']);
    expect(persons.perCombination).toEqual([
      { combination: 'jeugdwet', frameworks: ['jeugdwet'], count: 2, ids: ['p-x', 'p-x'] },
    ]);
  });

  it('refuses a period that ends before it starts', () => {
    expect(() => overlapInPeriod(gezinnen, '2026-02-01', '2026-01-31')).toThrow(RangeError);
  });
});

describe('gaps, against a hand count', () => {
  const result = gaps(gezinnen);

  it('lists a break of the family and of its members', () => {
    expect(result.families.find((f) => f.gezinId === 'g-2')).toEqual({
      gezinId: 'g-2',
      gaps: [{ end: '2026-01-20', restart: '2026-03-01', daysWithoutCare: 39 }],
      perPerson: [
        {
          persoonId: 'p-3',
          gaps: [{ end: '2026-01-20', restart: '2026-03-01', daysWithoutCare: 39 }],
        },
      ],
    });
  });

  it('1 day apart is no break, 2 days apart is a break of 1 day; other members can fill it', () => {
    expect(result.families.find((f) => f.gezinId === 'g-6')).toEqual({
      gezinId: 'g-6',
      gaps: [],
      perPerson: [
        {
          persoonId: 'p-8',
          gaps: [{ end: '2026-02-28', restart: '2026-03-02', daysWithoutCare: 1 }],
        },
        { persoonId: 'p-9', gaps: [] },
      ],
    });
  });

  it('adds up', () => {
    expect(result).toMatchObject({
      familiesWithGap: 1,
      breakLengths: [39],
      personsWithGap: 2,
      personBreakLengths: [1, 39],
    });
  });
});
