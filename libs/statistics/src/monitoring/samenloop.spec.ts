import { bouwDataset } from './dataset';
import { MonitoringFeit } from './feiten';
import { samenloopCijfers, samenloopTabel, telSamenloop } from './samenloop';
import { MonitoringVraag } from './selectie';
import { gezinslid, persoon, reeks, toewijzing } from './testing/feiten';

/**
 * Given ten families (f0-f9) with a youth in Jeugdwet care from January to June 2025 and a parent
 * with Wmo support from March on (another provider, still running); family f10 with a youth whose
 * Jeugdwet care stops at the end of February and starts again on 1 May; family f11 with a youth in
 * Jeugdwet care all year who also has Participatiewet support in April, and a parent with debt
 * counselling from 15 April to 15 May.
 */
function dataset() {
  const feiten: MonitoringFeit[] = reeks('f', 10).flatMap((f) => [
    persoon(`${f}-kind`, '2012-01-01'),
    persoon(`${f}-ouder`, '1985-01-01'),
    gezinslid(f, `${f}-kind`),
    gezinslid(f, `${f}-ouder`),
    ...toewijzing({ id: `${f}-j`, persoon: `${f}-kind`, begin: '2025-01-01', eind: '2025-06-30' }),
    ...toewijzing({
      id: `${f}-w`,
      persoon: `${f}-ouder`,
      kader: 'wmo',
      product: 'WMO01',
      categorie: '50',
      aanbieder: '87654321',
      begin: '2025-03-01',
      eind: '2025-12-31',
    }),
  ]);
  feiten.push(
    gezinslid('f10', 'c'),
    ...toewijzing({ id: 'c-1', persoon: 'c', begin: '2025-01-01', eind: '2025-02-28' }),
    ...toewijzing({ id: 'c-2', persoon: 'c', begin: '2025-05-01', eind: '2025-07-31' }),
    gezinslid('f11', 'd'),
    gezinslid('f11', 'e'),
    ...toewijzing({ id: 'd-j', persoon: 'd', begin: '2025-01-01', eind: '2025-12-31' }),
    ...toewijzing({
      id: 'd-p',
      persoon: 'd',
      kader: 'participatiewet',
      product: 'PW01',
      begin: '2025-04-01',
      eind: '2025-04-30',
    }),
    ...toewijzing({
      id: 'e-s',
      persoon: 'e',
      kader: 'schuldhulpverlening',
      product: 'SHV01',
      aanbieder: '11111111',
      begin: '2025-04-15',
      eind: '2025-05-15',
    }),
  );
  return bouwDataset(feiten);
}

const vraag: MonitoringVraag = {
  van: '2025-01-01',
  tot: '2025-09-30',
  bekendOp: '2026-01-01',
  filter: {},
};

describe('overlap of provisions (samenloop)', () => {
  it('counts families and persons with care from more than one framework', () => {
    const ruw = telSamenloop(dataset(), vraag);
    expect(ruw.gezinnen).toEqual({
      metZorg: 12,
      metEenKader: 1, // f10
      metMeerdereKaders: 11,
      perCombinatie: [
        { combinatie: 'jeugdwet+wmo', kaders: ['jeugdwet', 'wmo'], aantal: 10 },
        { combinatie: 'jeugdwet', kaders: ['jeugdwet'], aantal: 1 },
        {
          combinatie: 'jeugdwet+participatiewet+schuldhulpverlening',
          kaders: ['jeugdwet', 'participatiewet', 'schuldhulpverlening'],
          aantal: 1,
        },
      ],
      // f0-f9: 12345678 and 87654321; f11: 12345678 and 11111111; f10: one.
      aanbiedersVerdeling: [
        { aanbieders: 1, aantal: 1 },
        { aanbieders: 2, aantal: 11 },
      ],
      // f0-f9: 1 Mar-30 Jun = 31 + 30 + 31 + 30 = 122 days each; f11: 1 Apr-15 May = 45 days.
      samenloopdagen: 10 * 122 + 45,
    });
    expect(ruw.personen).toMatchObject({
      metZorg: 23, // 10 youths, 10 parents, c, d, e
      metEenKader: 22,
      metMeerdereKaders: 1, // d: Jeugdwet and Participatiewet in April
      samenloopdagen: 30,
    });
  });

  it('finds the gap in the care of a family', () => {
    // f10: care ends 28 Feb and starts again 1 May: March and April without care, 31 + 30 days.
    expect(telSamenloop(dataset(), vraag).hiaten).toEqual({
      gezinnenMetHiaat: 1,
      hiaten: 1,
      dagenZonderZorg: [61],
    });
  });

  it('publishes under disclosure control, without any person or family', () => {
    const c = samenloopCijfers(dataset(), vraag);
    expect(c.gezinnen).toEqual({
      metZorg: 10, // 12
      metEenKader: null, // 1
      metMeerdereKaders: 10, // 11
      aandeelMeerdereKaders: 92, // 11 / 12
      perCombinatie: [
        { combinatie: 'jeugdwet+wmo', kaders: ['jeugdwet', 'wmo'], aantal: 10 },
        { combinatie: 'jeugdwet', kaders: ['jeugdwet'], aantal: null },
        {
          combinatie: 'jeugdwet+participatiewet+schuldhulpverlening',
          kaders: ['jeugdwet', 'participatiewet', 'schuldhulpverlening'],
          aantal: null,
        },
      ],
      aanbiedersVerdeling: [
        { aanbieders: 1, aantal: null },
        { aanbieders: 2, aantal: 10 },
      ],
      gemiddeldeSamenloopdagen: 115, // 1265 / 11
    });
    expect(c.personen.aandeelMeerdereKaders).toBe(4); // 1 / 23
    expect(c.personen.gemiddeldeSamenloopdagen).toBeNull(); // a group of 1
    expect(c.hiaten).toEqual({
      gezinnenMetHiaat: null,
      hiaten: null,
      gemiddeldeDagenZonderZorg: null,
    });
    // No one person has both Jeugdwet and Wmo: 0 persons, withheld like every count under 10.
    expect(samenloopTabel(c).rijen[0]).toEqual(['jeugdwet+wmo', 2, 10, null, 'personen']);
    expect(JSON.stringify(c)).not.toMatch(/"f\d+|-kind|-ouder|"[cde]"/);
  });

  it('ignores the framework filter and selects families by district', () => {
    const zonderFilter = telSamenloop(dataset(), vraag);
    expect(telSamenloop(dataset(), { ...vraag, filter: { kader: 'wmo' } })).toEqual(zonderFilter);
    expect(telSamenloop(dataset(), { ...vraag, filter: { wijk: 'Noord' } }).gezinnen.metZorg).toBe(
      0,
    );
  });
});
