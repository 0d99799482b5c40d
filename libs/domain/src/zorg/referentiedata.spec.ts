import { RuleViolation } from '../decider';
import { deciderSpecification } from '../testing/decider-specification';
import {
  ProductGegevens,
  ReferentiedataEvent,
  productOp,
  referentiedataDecider,
  versieOp,
} from './referentiedata';

const spec = deciderSpecification(referentiedataDecider);
const behandeldWonen: ProductGegevens = {
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
