import { GROOTHEID_FACTOR, Telling, publiceerAantal } from '../disclosure';
import { aantallen, celsleutel, metSleutels, verwachtGepubliceerd } from '../testing/tellingen';
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
  return bouwDataset(metSleutels(feiten));
}

/**
 * A published mean is its sum with noise of at most half the largest value, over the perturbed
 * count (see disclosure.spec.ts), rounded to one decimal.
 */
function verwachtGemiddelde(gepubliceerd: number | null, waarden: number[], t: Telling): void {
  expect(t.aantal).toBeGreaterThanOrEqual(10);
  const som = waarden.reduce((a, b) => a + b, 0);
  const grens = (GROOTHEID_FACTOR * Math.max(...waarden)) / t.aantal + 0.05;
  expect(Math.abs(gepubliceerd! - som / t.aantal)).toBeLessThanOrEqual(grens);
}

/** A share is that of the published counts, and withheld when either is. */
function verwachtAandeel(gepubliceerd: number | null, teller: Telling, noemer: Telling): void {
  const [boven, onder] = [publiceerAantal(teller), publiceerAantal(noemer)];
  if (boven === null || onder === null) expect(gepubliceerd).toBeNull();
  else expect(gepubliceerd).toBe(Math.round(Math.min(100, (100 * boven) / onder)));
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
    expect(aantallen(ruw.gezinnen)).toEqual({
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
      // f0-f9: 1 Mar-30 Jun = 31 + 30 + 31 + 30 = 122 days each; f11: 1 Apr-15 May = 45 days
      // (in the order of the family ids: f0, f1, f11, f2, ..., f9).
      samenloopdagen: [122, 122, 45, ...Array<number>(8).fill(122)],
    });
    expect(aantallen(ruw.personen)).toMatchObject({
      metZorg: 23, // 10 youths, 10 parents, c, d, e
      metEenKader: 22,
      metMeerdereKaders: 1, // d: Jeugdwet and Participatiewet in April
      samenloopdagen: [30],
    });
  });

  it('finds the gap in the care of a family', () => {
    // f10: care ends 28 Feb and starts again 1 May: March and April without care, 31 + 30 days.
    expect(aantallen(telSamenloop(dataset(), vraag).hiaten)).toEqual({
      gezinnenMetHiaat: 1,
      hiaten: 1,
      dagenZonderZorg: [61],
    });
  });

  it('gives each count the cell key of whom it counts: a family its members, a person their own', () => {
    const d = dataset();
    const ruw = telSamenloop(d, vraag);
    const sleutel = (id: string) => d.recordsleutels.get(id)!;
    const f = reeks('f', 10);
    const kinderen = f.map((g) => `${g}-kind`);
    const ouders = f.map((g) => `${g}-ouder`);
    // A family's key is the sum of its members' keys.
    expect(ruw.gezinnen.perCombinatie[0]!.aantal.sleutel).toBe(
      celsleutel([...kinderen, ...ouders].map(sleutel)),
    );
    expect(ruw.gezinnen.metZorg.sleutel).toBe(
      celsleutel([...kinderen, ...ouders, 'c', 'd', 'e'].map(sleutel)),
    );
    expect(ruw.gezinnen.metEenKader.sleutel).toBe(sleutel('c'));
    const personen = ruw.personen.perCombinatie;
    expect(personen.find((c) => c.combinatie === 'jeugdwet')!.aantal.sleutel).toBe(
      celsleutel([...kinderen, 'c'].map(sleutel)),
    );
    expect(personen.find((c) => c.combinatie === 'wmo')!.aantal.sleutel).toBe(
      celsleutel(ouders.map(sleutel)),
    );
    expect(ruw.personen.metMeerdereKaders.sleutel).toBe(sleutel('d'));
    // f10's gap: its family (c alone).
    expect(ruw.hiaten.hiaten.sleutel).toBe(sleutel('c'));
  });

  it('counts a person in two families in each, with their key each time', () => {
    // x is in family ga and, with y, in gb.
    const d = bouwDataset(
      metSleutels([
        gezinslid('ga', 'x'),
        gezinslid('gb', 'x'),
        gezinslid('gb', 'y'),
        ...toewijzing({ id: 'x-j', persoon: 'x', begin: '2025-01-01', eind: '2025-03-31' }),
      ]),
    );
    const ruw = telSamenloop(d, vraag);
    const [x, y] = ['x', 'y'].map((id) => d.recordsleutels.get(id)!);
    expect(ruw.personen.metZorg.aantal).toBe(2);
    expect(ruw.personen.metZorg.sleutel).toBe(celsleutel([x!, x!]));
    expect(ruw.gezinnen.metZorg.aantal).toBe(2);
    expect(ruw.gezinnen.metZorg.sleutel).toBe(celsleutel([x!, x!, y!]));
  });

  it('publishes every count perturbed by its cell key, shares from the published counts, means with noise', () => {
    const d = dataset();
    const ruw = telSamenloop(d, vraag);
    const c = samenloopCijfers(d, vraag);
    expect(c.definitieVersie).toBe('samenloop-cijfers-2');
    for (const soort of ['gezinnen', 'personen'] as const) {
      const [r, p] = [ruw[soort], c[soort]];
      verwachtGepubliceerd(p.metZorg, r.metZorg);
      verwachtGepubliceerd(p.metEenKader, r.metEenKader);
      verwachtGepubliceerd(p.metMeerdereKaders, r.metMeerdereKaders);
      verwachtAandeel(p.aandeelMeerdereKaders, r.metMeerdereKaders, r.metZorg);
      for (const rij of r.perCombinatie) {
        const gepubliceerd = p.perCombinatie.find((x) => x.combinatie === rij.combinatie)!;
        expect(gepubliceerd.kaders).toEqual(rij.kaders);
        verwachtGepubliceerd(gepubliceerd.aantal, rij.aantal);
      }
      expect(p.perCombinatie).toHaveLength(r.perCombinatie.length);
      r.aanbiedersVerdeling.forEach((rij, i) => {
        expect(p.aanbiedersVerdeling[i]!.aanbieders).toBe(rij.aanbieders);
        verwachtGepubliceerd(p.aanbiedersVerdeling[i]!.aantal, rij.aantal);
      });
    }
    // Families: 11 of 12 with several frameworks, both counts published: a share of those.
    expect(c.gezinnen.aandeelMeerdereKaders).not.toBeNull();
    // Persons: 1 of 23 (d): the numerator is withheld, so the share is too (it was 4%).
    expect(c.personen.metMeerdereKaders).toBeNull();
    expect(c.personen.aandeelMeerdereKaders).toBeNull();
    // 1265 / 11 = 115.0 days, moved by at most 0.5 * 122 over the perturbed count.
    verwachtGemiddelde(
      c.gezinnen.gemiddeldeSamenloopdagen,
      ruw.gezinnen.samenloopdagen,
      ruw.gezinnen.metMeerdereKaders,
    );
    expect(c.personen.gemiddeldeSamenloopdagen).toBeNull(); // a group of 1
    expect(c.hiaten).toEqual({
      gezinnenMetHiaat: null,
      hiaten: null,
      gemiddeldeDagenZonderZorg: null,
    });
    expect(c.onderdrukt).toContainEqual({
      tabel: 'personen',
      rij: 'totaal',
      reden: 'aantal onder 10',
      velden: ['metMeerdereKaders', 'aandeelMeerdereKaders'],
    });
    expect(c.onderdrukt).toContainEqual({
      tabel: 'hiaten',
      rij: 'totaal',
      reden: 'groep onder 10',
      velden: ['gemiddeldeDagenZonderZorg'],
    });
    // No one person has both Jeugdwet and Wmo: 0 persons, withheld like every count under 10.
    const jeugdwetWmo = c.gezinnen.perCombinatie.find((r) => r.combinatie === 'jeugdwet+wmo')!;
    expect(samenloopTabel(c).rijen[0]).toEqual([
      'jeugdwet+wmo',
      2,
      jeugdwetWmo.aantal,
      null,
      'personen',
    ]);
    expect(JSON.stringify(c)).not.toMatch(/"f\d+|-kind|-ouder|"[cdex]"/);
  });

  it('orders combinations by their published counts, withheld last, then by name', () => {
    const c = samenloopCijfers(dataset(), vraag);
    // Persons: Jeugdwet 11 and Wmo 10 are published; the rest (1 each) are withheld.
    const rijen = c.personen.perCombinatie;
    const gepubliceerd = rijen.filter((r) => r.aantal !== null);
    expect(gepubliceerd.map((r) => r.combinatie).sort()).toEqual(['jeugdwet', 'wmo']);
    expect(gepubliceerd[0]!.aantal).toBeGreaterThanOrEqual(gepubliceerd[1]!.aantal!);
    expect(rijen.slice(2).map((r) => [r.combinatie, r.aantal])).toEqual([
      ['jeugdwet+participatiewet', null],
      ['schuldhulpverlening', null],
    ]);
  });

  it('gives the same answer twice, and to another period with the same records', () => {
    const d = dataset();
    const a = samenloopCijfers(d, vraag);
    expect(samenloopCijfers(d, vraag)).toEqual(a);
    // Nothing changes in the families' care from October: the same cells, the same answer.
    const b = samenloopCijfers(d, { ...vraag, tot: '2025-10-31' });
    expect([b.gezinnen, b.personen, b.hiaten]).toEqual([a.gezinnen, a.personen, a.hiaten]);
  });

  it('ignores the framework filter and selects families by district', () => {
    const zonderFilter = telSamenloop(dataset(), vraag);
    expect(telSamenloop(dataset(), { ...vraag, filter: { kader: 'wmo' } })).toEqual(zonderFilter);
    expect(
      telSamenloop(dataset(), { ...vraag, filter: { wijk: 'Noord' } }).gezinnen.metZorg.aantal,
    ).toBe(0);
  });
});
