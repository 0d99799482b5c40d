/**
 * What a published figure may be under the cell-key method (ADR 0011): a count under 10 is null,
 * any other a multiple of 5 within 4 of the truth. As an asymmetric matcher, so e2e tests can say
 * `toMatchObject({ actief: expect.gepubliceerdVan(12) })`.
 */
expect.extend({
  gepubliceerdVan(received: unknown, waar: number) {
    const pass =
      waar < 10
        ? received === null
        : typeof received === 'number' && received % 5 === 0 && Math.abs(received - waar) <= 4;
    return {
      pass,
      message: () =>
        `expected ${String(received)} to be the published count of ${waar} (${
          waar < 10 ? 'null' : 'a multiple of 5 within 4 of it'
        })`,
    };
  },
});

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- jest's own typing of matchers
  namespace jest {
    interface Expect {
      gepubliceerdVan(waar: number): unknown;
    }
  }
}

/** The ambulant Jeugdwet product the figures' tests give care under: at most 6 months. */
export const AMBULANT_45A48 = {
  geldigVanaf: '2020-01-01',
  categorie: '45',
  omschrijving: 'Ambulant',
  maxDuurMaanden: 6,
  cbsHulpvorm: '01',
};
