import { Decider, DomainEvent, RuleViolation, assertNever } from '../decider';
import {
  CbsHulpvorm,
  Productcategorie,
  WettelijkKader,
  Woonvorm,
  aanbiederSoort,
  isVerblijfsproduct,
} from './codes';

/**
 * Reference data kept by functioneel beheer: products and providers, and the population figures
 * policy indicators divide by. Products and providers are versioned: a change applies from a date
 * (`geldigVanaf`) and never rewrites what was valid before it.
 */
export interface ProductGegevens {
  /** The law the product is given under; products stored before it are Jeugdwet (upcasting). */
  wettelijkKader: WettelijkKader;
  /** The iJW category of a Jeugdwet product; null for a product under another law. */
  categorie: Productcategorie | null;
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
/** The number of youths in one district. */
export interface BevolkingWijk {
  wijk: string;
  aantal: number;
}
/**
 * Youths aged 0 up to and including 17 living in the municipality on 31 December of `jaar`: the
 * denominators of the council's indicators. `totaal` is the municipality as a whole; `wijken`
 * splits it per district, as far as known (none when only the whole is known). Set again for the
 * same year, it replaces that year (a correction; the latest wins). Events from before the whole
 * could be given have no `totaal`: they read as the sum of their districts (event-store upcasting).
 */
export type BevolkingSet = DomainEvent<
  'BevolkingSet',
  { jaar: number; wijken: BevolkingWijk[]; totaal: number }
>;
export type ReferentiedataEvent = ProductVersionSet | AanbiederVersionSet | BevolkingSet;

export interface ReferentiedataState {
  /** Per product code, its versions in order of `geldigVanaf`. */
  producten: Record<string, ProductVersie[]>;
  aanbieders: Record<string, AanbiederVersie[]>;
  /** Per year, the youths 0-17 on 31 December, in total and per district (the latest set). */
  bevolking: Record<number, { totaal: number; wijken: BevolkingWijk[] }>;
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
/** The whole (`totaal`), the districts, or both; without a whole it is the districts' sum. */
export type SetBevolking = {
  type: 'SetBevolking';
  jaar: number;
  wijken: BevolkingWijk[];
  totaal?: number | null;
};
export type ReferentiedataCommand = SetProductVersion | SetAanbiederVersion | SetBevolking;

/** The years population figures can be set for. */
export const BEVOLKING_JAREN = { van: 2000, tot: 2100 } as const;

export const REFERENTIEDATA_STREAM = 'referentiedata';

const TYPES: ReadonlySet<string> = new Set<ReferentiedataEvent['type']>([
  'ProductVersionSet',
  'AanbiederVersionSet',
  'BevolkingSet',
]);
export const isReferentiedataEvent = (event: DomainEvent): event is ReferentiedataEvent =>
  TYPES.has(event.type);

export const referentiedataDecider: Decider<
  ReferentiedataCommand,
  ReferentiedataEvent,
  ReferentiedataState
> = {
  initialState: () => ({ producten: {}, aanbieders: {}, bevolking: {} }),
  evolve(state, event) {
    switch (event.type) {
      case 'ProductVersionSet': {
        const { productcode, geldigVanaf, ...gegevens } = event.data;
        const versie: ProductVersie = {
          productcode,
          geldigVanaf,
          ...gegevens,
          verblijf: isVerblijfsproduct(gegevens.categorie, productcode, gegevens.wettelijkKader),
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
      case 'BevolkingSet':
        return {
          ...state,
          bevolking: {
            ...state.bevolking,
            [event.data.jaar]: { totaal: event.data.totaal, wijken: event.data.wijken },
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
        const { woonvorm, categorie, wettelijkKader } = command.gegevens;
        if (wettelijkKader === 'jeugdwet' && categorie === null) {
          throw new RuleViolation('Een Jeugdwet-product heeft een iJW-productcategorie.');
        }
        if (wettelijkKader !== 'jeugdwet' && categorie !== null) {
          throw new RuleViolation(
            `Een product onder de ${wettelijkKader} heeft geen iJW-productcategorie; de wet deelt het in.`,
          );
        }
        if (
          woonvorm !== null &&
          !isVerblijfsproduct(categorie, command.productcode, wettelijkKader)
        ) {
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
        if (aanbiederSoort(command.aanbiederId) === null) {
          throw new RuleViolation(
            `Aanbieder ${command.aanbiederId}: noem een aanbieder bij zijn AGB-code (8 cijfers), ` +
              'kvk: en zijn KvK-nummer (8 cijfers), of gemeente: en de naam van een eigen team.',
          );
        }
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
      case 'SetBevolking':
        return setBevolking(command, state);
      default:
        return assertNever(command);
    }
  },
};

function setBevolking(command: SetBevolking, state: ReferentiedataState): ReferentiedataEvent[] {
  const { jaar } = command;
  if (!Number.isInteger(jaar) || jaar < BEVOLKING_JAREN.van || jaar > BEVOLKING_JAREN.tot) {
    throw new RuleViolation(
      `Het jaar moet een heel jaartal zijn van ${BEVOLKING_JAREN.van} tot en met ${BEVOLKING_JAREN.tot}.`,
    );
  }
  const gegevenTotaal = command.totaal ?? null;
  if (command.wijken.length === 0 && gegevenTotaal === null) {
    throw new RuleViolation(
      `Geef voor ${jaar} het aantal jeugdigen van de hele gemeente (totaal) of van ten minste één wijk.`,
    );
  }
  if (gegevenTotaal !== null && (!Number.isInteger(gegevenTotaal) || gegevenTotaal < 0)) {
    throw new RuleViolation(
      'Het totaal aantal jeugdigen moet een geheel getal van 0 of meer zijn.',
    );
  }
  const gezien = new Set<string>();
  const wijken = command.wijken.map(({ wijk, aantal }): BevolkingWijk => {
    const naam = wijk.trim();
    if (naam === '') throw new RuleViolation('Geef de naam van elke wijk.');
    // "Haven" and "haven" would be counted as two districts: surely a typing error.
    const sleutel = naam.toLocaleLowerCase('nl');
    if (gezien.has(sleutel)) {
      throw new RuleViolation(`Wijk ${naam} staat twee keer in de bevolking van ${jaar}.`);
    }
    gezien.add(sleutel);
    if (!Number.isInteger(aantal) || aantal < 0) {
      throw new RuleViolation(
        `Het aantal jeugdigen in wijk ${naam} moet een geheel getal van 0 of meer zijn.`,
      );
    }
    return { wijk: naam, aantal };
  });
  const somWijken = totaalBevolking(wijken);
  // The districts known may not cover the whole municipality, but never add up to more than it.
  if (gegevenTotaal !== null && somWijken > gegevenTotaal) {
    throw new RuleViolation(
      `De wijken van ${jaar} tellen samen ${somWijken} jeugdigen, meer dan het totaal van ${gegevenTotaal}.`,
    );
  }
  const totaal = gegevenTotaal ?? somWijken;
  const huidig = state.bevolking[jaar];
  // The same figures again: nothing changes.
  if (huidig && huidig.totaal === totaal && sameWijken(huidig.wijken, wijken)) return [];
  return [{ type: 'BevolkingSet', data: { jaar, wijken, totaal } }];
}

function sameWijken(a: BevolkingWijk[], b: BevolkingWijk[]): boolean {
  const key = (wijken: BevolkingWijk[]) =>
    JSON.stringify([...wijken].sort((x, y) => (x.wijk < y.wijk ? -1 : x.wijk > y.wijk ? 1 : 0)));
  return key(a) === key(b);
}

/** The total of youths 0-17 over the districts of a year. */
export function totaalBevolking(wijken: readonly BevolkingWijk[]): number {
  return wijken.reduce((som, w) => som + w.aantal, 0);
}

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
