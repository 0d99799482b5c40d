import { DomainEvent } from '../decider';
import { WettelijkKader, Woonvorm } from '../zorg/codes';

/**
 * Stories (verhalen) and judgements (oordelen): what youths, parents and professionals say about
 * the help, beside the "cold" figures (002:1385-1430, 2120-2178). Recorded by the family's contact
 * person, in the teller's own words; used for the monitoring only with consent, after a second
 * person checked the text for identifying details.
 */

/** Who tells: the youth, a parent, or a professional (with their organisation). */
export const VERTELLERS = ['jeugdige', 'ouder', 'professional'] as const;
export type Verteller = (typeof VERTELLERS)[number];

/**
 * What the teller agreed to: only in the family's file (`dossier`); pseudonymised in the
 * monitoring (`gepseudonimiseerd`); and quoted word for word, pseudonymised (`citeerbaar`).
 */
export const VERHAAL_TOESTEMMINGEN = ['dossier', 'gepseudonimiseerd', 'citeerbaar'] as const;
export type VerhaalToestemming = (typeof VERHAAL_TOESTEMMINGEN)[number];

/**
 * The assignment a story or judgement is about, as it was when recorded: the provider, product,
 * category and form of care are what the monitoring groups by.
 */
export interface ToewijzingOpname {
  toewijzingId: string;
  persoonId: string;
  wettelijkKader: WettelijkKader;
  aanbiederId: string;
  productcode: string;
  /** The iJW category; null for a product classified by its law only (Wmo, Participatiewet). */
  productcategorie: string | null;
  /** The form of residence when the assignment is for residential care, else null. */
  woonvorm: Woonvorm | null;
}

export type VerhaalRecorded = DomainEvent<
  'VerhaalRecorded',
  {
    verhaalId: string;
    gezinId: string;
    /** The member the story is about, when it is about one. */
    persoonId: string | null;
    toewijzing: ToewijzingOpname | null;
    verteller: { soort: Verteller; organisatie: string | null };
    /** YYYY-MM-DD: when it was told. */
    datum: string;
    /** In the teller's own words. */
    tekst: string;
    themaIds: string[];
    toestemming: VerhaalToestemming;
    /** The contact person who recorded it (user id). */
    door: string;
  }
>;

/** The teller changed what they agree to; to `dossier` takes the story out of every monitoring view. */
export type VerhaalConsentChanged = DomainEvent<
  'VerhaalConsentChanged',
  {
    verhaalId: string;
    gezinId: string;
    toestemming: VerhaalToestemming;
    datum: string;
    door: string;
  }
>;

/**
 * A second person (not the one who recorded it) checked the story for identifying details and
 * released it for the monitoring, with the text as checked (names and details taken out).
 */
export type VerhaalReleased = DomainEvent<
  'VerhaalReleased',
  { verhaalId: string; gezinId: string; tekst: string; door: string; op: string }
>;

export type VerhaalEvent = VerhaalRecorded | VerhaalConsentChanged | VerhaalReleased;

/** An answer, or why there is none: "not asked" and "did not want to answer" count too. */
export const GEEN_ANTWOORD = ['niet-gevraagd', 'wil-niet-antwoorden'] as const;
export type GeenAntwoord = (typeof GEEN_ANTWOORD)[number];

/** Was the help request answered? */
export const HULPVRAAG_ANTWOORDEN = ['ja', 'deels', 'nee', ...GEEN_ANTWOORD] as const;
export type HulpvraagAntwoord = (typeof HULPVRAAG_ANTWOORDEN)[number];

export interface Oordeel {
  door: Verteller;
  hulpvraagBeantwoord: HulpvraagAntwoord;
  /** How much they felt in charge, 1 (not at all) to 5 (fully). */
  regie: 1 | 2 | 3 | 4 | 5 | GeenAntwoord;
  /** Progress per plan goal on a goal attainment scale, -2 to +2. */
  voortgang: { doelId: string; score: -2 | -1 | 0 | 1 | 2 | GeenAntwoord }[];
}

/** When judgements are asked: at a plan evaluation, or at the end of an assignment. */
export type Aanleiding =
  | { soort: 'evaluatie'; planVersie: number }
  | { soort: 'einde-toewijzing'; toewijzing: ToewijzingOpname };

export type OordelenRecorded = DomainEvent<
  'OordelenRecorded',
  {
    oordeelId: string;
    gezinId: string;
    aanleiding: Aanleiding;
    /** YYYY-MM-DD */
    datum: string;
    oordelen: Oordeel[];
    door: string;
  }
>;

export const verhaalStreamId = (verhaalId: string): string => `verhaal-${verhaalId}`;
export const oordeelStreamId = (oordeelId: string): string => `oordeel-${oordeelId}`;

const VERHAAL_EVENT_TYPES: ReadonlySet<string> = new Set<(VerhaalEvent | OordelenRecorded)['type']>(
  ['VerhaalRecorded', 'VerhaalConsentChanged', 'VerhaalReleased', 'OordelenRecorded'],
);

/** A story's or a round of judgements' event. */
export function isVerhaalEvent(event: DomainEvent): event is VerhaalEvent | OordelenRecorded {
  return VERHAAL_EVENT_TYPES.has(event.type);
}
