import { RuleViolation } from '../decider';
import { aanbiederSoort } from './codes';
import { deciderSpecification } from '../testing/decider-specification';
import {
  BevolkingWijk,
  ProductGegevens,
  ReferentiedataCommand,
  ReferentiedataEvent,
  productOp,
  referentiedataDecider,
  totaalBevolking,
  versieOp,
} from './referentiedata';

const spec = deciderSpecification(referentiedataDecider);
const behandeldWonen: ProductGegevens = {
  wettelijkKader: 'jeugdwet',
  categorie: '43',
  omschrijving: 'Behandelgroep',
  woonvorm: 'behandeld-wonen',
  maxDuurMaanden: 12,
  cbsHulpvorm: '14',
};
const v1: ReferentiedataEvent = {
  type: 'ProductVersionSet',
  data: { productcode: '43A01', geldigVanaf: '2025-01-01', ...behandeldWonen },
};

describe('referentiedata decider', () => {
  it('sets a product version', () => {
    spec
      .given([])
      .when({
        type: 'SetProductVersion',
        productcode: '43A01',
        geldigVanaf: '2025-01-01',
        gegevens: behandeldWonen,
      })
      .then([v1]);
  });

  it('adds a later version without rewriting the earlier one', () => {
    const v2 = { ...behandeldWonen, maxDuurMaanden: 9 };
    spec
      .given([v1])
      .when({
        type: 'SetProductVersion',
        productcode: '43A01',
        geldigVanaf: '2026-01-01',
        gegevens: v2,
      })
      .then([
        {
          type: 'ProductVersionSet',
          data: { productcode: '43A01', geldigVanaf: '2026-01-01', ...v2 },
        },
      ]);
  });

  it('refuses a version that starts on or before the latest one', () => {
    spec
      .given([v1])
      .when({
        type: 'SetProductVersion',
        productcode: '43A01',
        geldigVanaf: '2025-01-01',
        gegevens: behandeldWonen,
      })
      .thenThrows(RuleViolation, /na 2025-01-01/);
  });

  it('refuses a form of residence on a non-residential product', () => {
    spec
      .given([])
      .when({
        type: 'SetProductVersion',
        productcode: '45A01',
        geldigVanaf: '2025-01-01',
        gegevens: { ...behandeldWonen, categorie: '45' },
      })
      .thenThrows(RuleViolation, /verblijfsproduct/);
  });

  it('classifies a product outside the Jeugdwet by its law alone: no iJW category, never residential', () => {
    const schuldhulp: ProductGegevens = {
      wettelijkKader: 'schuldhulpverlening',
      categorie: null,
      omschrijving: 'Schuldhulpverlening',
      woonvorm: null,
      maxDuurMaanden: 18,
      cbsHulpvorm: null,
    };
    const set = {
      type: 'SetProductVersion' as const,
      productcode: '90002',
      geldigVanaf: '2025-01-01',
    };
    spec
      .given([])
      .when({ ...set, gegevens: schuldhulp })
      .then([
        {
          type: 'ProductVersionSet',
          data: { productcode: '90002', geldigVanaf: '2025-01-01', ...schuldhulp },
        },
      ]);
    const state = referentiedataDecider.evolve(referentiedataDecider.initialState(), {
      type: 'ProductVersionSet',
      data: { productcode: '90002', geldigVanaf: '2025-01-01', ...schuldhulp },
    });
    // 90002 is Maatwerk verblijf only under the Jeugdwet.
    expect(productOp(state, '90002', '2025-02-01').verblijf).toBe(false);
  });

  it('refuses an iJW category outside the Jeugdwet, and a Jeugdwet product without one', () => {
    const set = {
      type: 'SetProductVersion' as const,
      productcode: 'WMO01',
      geldigVanaf: '2025-01-01',
    };
    spec
      .given([])
      .when({
        ...set,
        gegevens: { ...behandeldWonen, woonvorm: null, wettelijkKader: 'wmo', categorie: '50' },
      })
      .thenThrows(RuleViolation, /onder de wmo heeft geen iJW-productcategorie/);
    spec
      .given([])
      .when({ ...set, gegevens: { ...behandeldWonen, woonvorm: null, categorie: null } })
      .thenThrows(RuleViolation, /Jeugdwet-product heeft een iJW-productcategorie/);
    spec
      .given([])
      .when({ ...set, gegevens: { ...behandeldWonen, wettelijkKader: 'wmo', categorie: null } })
      .thenThrows(RuleViolation, /verblijfsproduct/);
  });

  it('sets provider versions the same way', () => {
    spec
      .given([])
      .when({
        type: 'SetAanbiederVersion',
        aanbiederId: '12345678',
        naam: 'Zorg BV',
        geldigVanaf: '2025-01-01',
      })
      .then([
        {
          type: 'AanbiederVersionSet',
          data: { aanbiederId: '12345678', naam: 'Zorg BV', geldigVanaf: '2025-01-01' },
        },
      ]);
  });

  it.each([
    ['kvk:87654321', 'kvk'],
    ['gemeente:wijkteam-noord', 'gemeente'],
    ['12345678', 'agb'],
  ])('names a provider by AGB code, KvK number or as own team: %s', (aanbiederId, soort) => {
    const command = { type: 'SetAanbiederVersion' as const, aanbiederId, naam: 'Team' };
    spec
      .given([])
      .when({ ...command, geldigVanaf: '2025-01-01' })
      .then([
        {
          type: 'AanbiederVersionSet',
          data: { aanbiederId, naam: 'Team', geldigVanaf: '2025-01-01' },
        },
      ]);
    expect(aanbiederSoort(aanbiederId)).toBe(soort);
  });

  it.each(['1234567', 'kvk:1234', 'agb:12345678', 'gemeente:', 'gemeente:Wijk team', 'x'])(
    'refuses a provider id that is none of them: %p',
    (aanbiederId) => {
      spec
        .given([])
        .when({ type: 'SetAanbiederVersion', aanbiederId, naam: 'X', geldigVanaf: '2025-01-01' })
        .thenThrows(RuleViolation, /AGB-code/);
      expect(aanbiederSoort(aanbiederId)).toBeNull();
    },
  );

  it('finds the version valid on a date, marks residential products, and refuses unknown ones', () => {
    const state = [
      v1,
      {
        ...v1,
        data: { ...v1.data, geldigVanaf: '2026-01-01', maxDuurMaanden: 9 },
      } as ReferentiedataEvent,
    ].reduce(referentiedataDecider.evolve, referentiedataDecider.initialState());
    expect(productOp(state, '43A01', '2025-06-01')).toMatchObject({
      maxDuurMaanden: 12,
      verblijf: true,
    });
    expect(productOp(state, '43A01', '2026-01-01')).toMatchObject({ maxDuurMaanden: 9 });
    expect(() => productOp(state, '43A01', '2024-12-31')).toThrow(RuleViolation);
    expect(() => productOp(state, '99X', '2025-06-01')).toThrow(/onbekend/);
    expect(versieOp([], '2025-01-01')).toBeNull();
  });

  it('treats Maatwerk verblijf (90002) as residential whatever its category', () => {
    const state = referentiedataDecider.evolve(referentiedataDecider.initialState(), {
      type: 'ProductVersionSet',
      data: { productcode: '90002', geldigVanaf: '2025-01-01', ...behandeldWonen, categorie: '50' },
    });
    expect(productOp(state, '90002', '2025-02-01').verblijf).toBe(true);
  });
});

describe('referentiedata decider: population (bevolking)', () => {
  const wijken2024: BevolkingWijk[] = [
    { wijk: 'Haven', aantal: 1840 },
    { wijk: 'Atol', aantal: 2210 },
  ];
  const set = (jaar: number, wijken: BevolkingWijk[], totaal?: number): ReferentiedataCommand => ({
    type: 'SetBevolking',
    jaar,
    wijken,
    totaal,
  });
  const vastgesteld2024: ReferentiedataEvent = {
    type: 'BevolkingSet',
    data: { jaar: 2024, wijken: wijken2024, totaal: 4050 },
  };

  it('sets the youths 0-17 of the municipality as a whole, without districts', () => {
    spec
      .given([])
      .when(set(2024, [], 19_000))
      .then([{ type: 'BevolkingSet', data: { jaar: 2024, wijken: [], totaal: 19_000 } }]);
  });

  it('sets the whole and the districts known, which may not cover it all', () => {
    spec
      .given([])
      .when(set(2024, wijken2024, 5000))
      .then([{ type: 'BevolkingSet', data: { jaar: 2024, wijken: wijken2024, totaal: 5000 } }]);
  });

  it('refuses districts that add up to more than the whole, and a whole that is no count', () => {
    spec
      .given([])
      .when(set(2024, wijken2024, 4000))
      .thenThrows(RuleViolation, /tellen samen 4050 jeugdigen, meer dan het totaal van 4000/);
    spec
      .given([])
      .when(set(2024, [], -3))
      .thenThrows(RuleViolation, /totaal aantal jeugdigen moet een geheel getal/);
  });

  it('records a new whole for a year even when the districts stay the same', () => {
    spec
      .given([vastgesteld2024])
      .when(set(2024, wijken2024, 4100))
      .then([{ type: 'BevolkingSet', data: { jaar: 2024, wijken: wijken2024, totaal: 4100 } }]);
    spec
      .given([vastgesteld2024])
      .when(set(2024, wijken2024, 4050))
      .then([]);
  });

  it('sets the youths 0-17 per district for a year', () => {
    spec.given([]).when(set(2024, wijken2024)).then([vastgesteld2024]);
  });

  it('trims district names and accepts districts without youths', () => {
    spec
      .given([])
      .when(set(2023, [{ wijk: ' Haven ', aantal: 0 }]))
      .then([
        {
          type: 'BevolkingSet',
          data: { jaar: 2023, wijken: [{ wijk: 'Haven', aantal: 0 }], totaal: 0 },
        },
      ]);
  });

  it('replaces a year set before (a correction; the latest wins), and leaves other years', () => {
    const corrected = [{ wijk: 'Haven', aantal: 1850 }];
    spec
      .given([vastgesteld2024])
      .when(set(2024, corrected))
      .then([{ type: 'BevolkingSet', data: { jaar: 2024, wijken: corrected, totaal: 1850 } }]);
    const history: ReferentiedataEvent[] = [
      vastgesteld2024,
      { type: 'BevolkingSet', data: { jaar: 2023, wijken: wijken2024, totaal: 4050 } },
      { type: 'BevolkingSet', data: { jaar: 2024, wijken: corrected, totaal: 1850 } },
    ];
    const state = history.reduce(
      referentiedataDecider.evolve,
      referentiedataDecider.initialState(),
    );
    expect(state.bevolking[2024]).toEqual({ totaal: 1850, wijken: corrected });
    expect(state.bevolking[2023]).toEqual({ totaal: 4050, wijken: wijken2024 });
  });

  it('records nothing when the same figures are set again, in any order', () => {
    spec
      .given([vastgesteld2024])
      .when(set(2024, [...wijken2024].reverse()))
      .then([]);
  });

  it.each([
    [1999, /van 2000 tot en met 2100/],
    [2101, /van 2000 tot en met 2100/],
    [2024.5, /heel jaartal/],
  ])('refuses the year %p', (jaar, message) => {
    spec.given([]).when(set(jaar, wijken2024)).thenThrows(RuleViolation, message);
  });

  it('refuses a year with neither the whole nor a district', () => {
    spec
      .given([])
      .when(set(2024, []))
      .thenThrows(RuleViolation, /ten minste één wijk/);
  });

  it('refuses a district named twice (also when only the case or spaces differ)', () => {
    spec
      .given([])
      .when(
        set(2024, [
          { wijk: 'Haven', aantal: 1 },
          { wijk: 'haven ', aantal: 2 },
        ]),
      )
      .thenThrows(RuleViolation, 'Wijk haven staat twee keer in de bevolking van 2024.');
  });

  it.each([
    [-1, 'negative'],
    [1.5, 'a fraction'],
    [Number.NaN, 'not a number'],
  ])('refuses a count of %p (%s)', (aantal) => {
    spec
      .given([])
      .when(set(2024, [{ wijk: 'Haven', aantal }]))
      .thenThrows(RuleViolation, /geheel getal van 0 of meer/);
  });

  it('refuses a district without a name', () => {
    spec
      .given([])
      .when(set(2024, [{ wijk: '  ', aantal: 3 }]))
      .thenThrows(RuleViolation, /naam van elke wijk/);
  });

  it('adds up the districts to the total', () => {
    expect(totaalBevolking(wijken2024)).toBe(4050);
    expect(totaalBevolking([])).toBe(0);
  });
});
