/**
 * Code lists of the care domain. The iJW codes are those of iStandaarden iJW 3.2 (see
 * docs/glossary.md); the rest are the municipality's own words.
 */

/** The law a provision is given under: overlap (samenloop) is counted across these. */
export const WETTELIJKE_KADERS = [
  'jeugdwet',
  'wmo',
  'participatiewet',
  'schuldhulpverlening',
  'overig',
] as const;
export type WettelijkKader = (typeof WETTELIJKE_KADERS)[number];

/**
 * How a provider is named (`aanbiederId`): by its AGB code (8 digits, as always), or by `kvk:`
 * and its KvK number (8 digits) when it has no AGB code (a debt-help organisation), or by
 * `gemeente:` and a short name of the municipality's own team (it has neither).
 */
export const AANBIEDER_ID = /^(?:\d{8}|kvk:\d{8}|gemeente:[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?)$/;
export const AANBIEDER_SOORTEN = ['agb', 'kvk', 'gemeente'] as const;
export type AanbiederSoort = (typeof AANBIEDER_SOORTEN)[number];

/** What kind of identification a provider id is; null when it is none of them. */
export function aanbiederSoort(aanbiederId: string): AanbiederSoort | null {
  if (!AANBIEDER_ID.test(aanbiederId)) return null;
  if (aanbiederId.startsWith('kvk:')) return 'kvk';
  return aanbiederId.startsWith('gemeente:') ? 'gemeente' : 'agb';
}

/**
 * iJW product category (JZ020); 43 and 44 are residential. Only Jeugdwet products have one: a
 * product under another law is classified by its law (`wettelijkKader`) alone.
 */
export const PRODUCTCATEGORIEEN = [
  '41',
  '43',
  '44',
  '45',
  '46',
  '47',
  '48',
  '50',
  '51',
  '52',
  '54',
  '55',
] as const;
export type Productcategorie = (typeof PRODUCTCATEGORIEEN)[number];

/**
 * Residential youth care (Jeugdwet): category 43 or 44, or the product "Maatwerk verblijf"
 * (90002). A product under another law is never residential youth care, whatever its code.
 */
export const isVerblijfsproduct = (
  categorie: string | null,
  productcode: string,
  kader: WettelijkKader = 'jeugdwet',
): boolean =>
  kader === 'jeugdwet' && (categorie === '43' || categorie === '44' || productcode === '90002');

/** iJW referrer (verwijzer) types. */
export const VERWIJZER_TYPES = {
  '01': 'gemeente',
  '02': 'huisarts',
  '03': 'jeugdarts',
  '04': 'gecertificeerde instelling',
  '05': 'medisch specialist',
  '06': 'zelfverwijzing/geen verwijzer',
  '08': 'rechter/officier van justitie',
} as const;
export type VerwijzerType = keyof typeof VERWIJZER_TYPES;
export const VERWIJZER_CODES = Object.keys(VERWIJZER_TYPES) as VerwijzerType[];

/** iJW reason for ending care (JW307). */
export const REDENEN_EINDE_ZORG = {
  '02': 'overlijden',
  '20': 'tijdelijk beëindigd',
  '31': 'volgens plan',
  '32': 'voortijdig op initiatief van de cliënt',
  '33': 'voortijdig op initiatief van de aanbieder',
  '34': 'voortijdig in overeenstemming',
  '35': 'voortijdig door externe omstandigheden',
  '36': 'op initiatief van de gemeente',
  '37': 'wijziging toewijzing',
  '38': 'overstap naar een andere aanbieder',
  '39': 'uitstroom naar een ander domein',
} as const;
export type RedenEindeZorg = keyof typeof REDENEN_EINDE_ZORG;
export const REDEN_EINDE_CODES = Object.keys(REDENEN_EINDE_ZORG) as RedenEindeZorg[];

/** CBS form of help (hulpvorm), for Beleidsinformatie Jeugd. */
export const CBS_HULPVORMEN = ['01', '02', '03', '04', '11', '12', '13', '14'] as const;
export type CbsHulpvorm = (typeof CBS_HULPVORMEN)[number];

/** Forms of residence, from the heaviest to the lightest: a move down the list is a step-down. */
export const WOONVORMEN = [
  'gesloten',
  'behandeld-wonen',
  'gezinshuis',
  'pleegzorg',
  'begeleid-wonen',
  'kamertraining',
] as const;
export type Woonvorm = (typeof WOONVORMEN)[number];

export function richtingVan(van: Woonvorm, naar: Woonvorm): 'afschaling' | 'opschaling' {
  return WOONVORMEN.indexOf(naar) > WOONVORMEN.indexOf(van) ? 'afschaling' : 'opschaling';
}

/** Where a youth goes when a residential stay ends. */
export const BESTEMMINGEN = [
  'thuis',
  'zelfstandig',
  'lichtere-vorm',
  'zwaardere-vorm',
  'anders',
] as const;
export type Bestemming = (typeof BESTEMMINGEN)[number];
