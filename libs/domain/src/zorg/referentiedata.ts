import { Decider, DomainEvent, RuleViolation, assertNever } from '../decider';
import { CbsHulpvorm, Productcategorie, Woonvorm, isVerblijfsproduct } from './codes';

/**
 * Reference data kept by functioneel beheer: products and providers. Versioned: a change applies
 * from a date (`geldigVanaf`) and never rewrites what was valid before it.
 */
export interface ProductGegevens {
  categorie: Productcategorie;
  omschrijving: string;
  /** For residential products: the form of residence. */
  woonvorm: Woonvorm | null;
  /** The contracted maximum duration of the product, in months; null when there is none. */
  maxDuurMaanden: number | null;
  cbsHulpvorm: CbsHulpvorm | null;
}

export interface ProductVersie extends ProductGegevens {
  productcode: string;
  geldigVanaf: string;
  verblijf: boolean;
}

export interface AanbiederVersie {
  aanbiederId: string;
  naam: string;
  geldigVanaf: string;
}

export type ProductVersionSet = DomainEvent<
  'ProductVersionSet',
  { productcode: string; geldigVanaf: string } & ProductGegevens
>;
export type AanbiederVersionSet = DomainEvent<
  'AanbiederVersionSet',
  { aanbiederId: string; naam: string; geldigVanaf: string }
>;
export type ReferentiedataEvent = ProductVersionSet | AanbiederVersionSet;

export interface ReferentiedataState {
  /** Per product code, its versions in order of `geldigVanaf`. */
  producten: Record<string, ProductVersie[]>;
  aanbieders: Record<string, AanbiederVersie[]>;
}

export type SetProductVersion = {
  type: 'SetProductVersion';
  productcode: string;
  geldigVanaf: string;
  gegevens: ProductGegevens;
};
export type SetAanbiederVersion = {
  type: 'SetAanbiederVersion';
  aanbiederId: string;
  naam: string;
  geldigVanaf: string;
};
export type ReferentiedataCommand = SetProductVersion | SetAanbiederVersion;

export const REFERENTIEDATA_STREAM = 'referentiedata';

const TYPES: ReadonlySet<string> = new Set<ReferentiedataEvent['type']>([
  'ProductVersionSet',
  'AanbiederVersionSet',
]);
export const isReferentiedataEvent = (event: DomainEvent): event is ReferentiedataEvent =>
  TYPES.has(event.type);

export const referentiedataDecider: Decider<
  ReferentiedataCommand,
  ReferentiedataEvent,
  ReferentiedataState
> = {
  initialState: () => ({ producten: {}, aanbieders: {} }),
  evolve(state, event) {
    switch (event.type) {
      case 'ProductVersionSet': {
        const { productcode, geldigVanaf, ...gegevens } = event.data;
        const versie: ProductVersie = {
          productcode,
          geldigVanaf,
          ...gegevens,
          verblijf: isVerblijfsproduct(gegevens.categorie, productcode),
        };
        return {
          ...state,
          producten: {
            ...state.producten,
            [productcode]: [...(state.producten[productcode] ?? []), versie],
          },
        };
      }
      case 'AanbiederVersionSet':
        return {
          ...state,
          aanbieders: {
            ...state.aanbieders,
            [event.data.aanbiederId]: [
              ...(state.aanbieders[event.data.aanbiederId] ?? []),
              event.data,
            ],
          },
        };
      default:
        return assertNever(event);
    }
  },
  decide(command, state) {
    switch (command.type) {
      case 'SetProductVersion': {
        notBeforeLatest(
          state.producten[command.productcode],
          command.geldigVanaf,
          `product ${command.productcode}`,
        );
        const { woonvorm, categorie } = command.gegevens;
        if (woonvorm !== null && !isVerblijfsproduct(categorie, command.productcode)) {
          throw new RuleViolation(
            'Alleen een verblijfsproduct (categorie 43/44 of 90002) heeft een woonvorm.',
          );
        }
        return [
          {
            type: 'ProductVersionSet',
            data: {
              productcode: command.productcode,
              geldigVanaf: command.geldigVanaf,
              ...command.gegevens,
            },
          },
        ];
      }
      case 'SetAanbiederVersion':
        notBeforeLatest(
          state.aanbieders[command.aanbiederId],
          command.geldigVanaf,
          `aanbieder ${command.aanbiederId}`,
        );
        return [
          {
            type: 'AanbiederVersionSet',
            data: {
              aanbiederId: command.aanbiederId,
              naam: command.naam,
              geldigVanaf: command.geldigVanaf,
            },
          },
        ];
      default:
        return assertNever(command);
    }
  },
};

/** A new version starts after the latest one: history is never rewritten. */
function notBeforeLatest(
  versies: { geldigVanaf: string }[] | undefined,
  geldigVanaf: string,
  wat: string,
): void {
  const latest = versies?.[versies.length - 1];
  if (latest && geldigVanaf <= latest.geldigVanaf) {
    throw new RuleViolation(
      `Een nieuwe versie van ${wat} moet ingaan na ${latest.geldigVanaf}; eerdere versies worden niet herschreven.`,
    );
  }
}

/** The version that was valid on a date: the latest that started on or before it. */
export function versieOp<T extends { geldigVanaf: string }>(
  versies: T[] | undefined,
  datum: string,
): T | null {
  let found: T | null = null;
  for (const versie of versies ?? []) if (versie.geldigVanaf <= datum) found = versie;
  return found;
}

export function productOp(
  state: ReferentiedataState,
  productcode: string,
  datum: string,
): ProductVersie {
  const versie = versieOp(state.producten[productcode], datum);
  if (!versie)
    throw new RuleViolation(
      `Product ${productcode} is onbekend (op ${datum}); beheer legt producten vast.`,
    );
  return versie;
}

export function aanbiederOp(
  state: ReferentiedataState,
  aanbiederId: string,
  datum: string,
): AanbiederVersie {
  const versie = versieOp(state.aanbieders[aanbiederId], datum);
  if (!versie)
    throw new RuleViolation(
      `Aanbieder ${aanbiederId} is onbekend (op ${datum}); beheer legt aanbieders vast.`,
    );
  return versie;
}
