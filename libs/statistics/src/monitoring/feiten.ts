import {
  AanbiederVersionSet,
  HulpvraagAntwoord,
  Oordeel,
  ProductVersionSet,
  Verteller,
  ZorgEvent,
} from '@app/domain';

/**
 * The assignment a story or judgement is about: the figures select it as they select care (its
 * provider, product, category, law, form of care). Ids that link, never published.
 */
export interface ToewijzingKenmerken {
  toewijzingId: string;
  persoonId: string;
}

/**
 * A story released for the monitoring, pseudonymised: the text as checked by a second person, the
 * month it was told, who told it (youth, parent or professional, no name, no organisation), its
 * themes and the assignment it is about. Only while the teller's consent allows it (see
 * `verhaalFeiten` in libs/projections). The family and story ids link it; no answer shows them.
 */
export interface VerhaalFeit {
  verhaalId: string;
  gezinId: string;
  toewijzing: ToewijzingKenmerken | null;
  verteller: Verteller;
  /** YYYY-MM: never the day. */
  maand: string;
  themaIds: string[];
  /** Quotable word for word (consent `citeerbaar`), or pseudonymised use only. */
  citeerbaar: boolean;
  tekst: string;
}

/** One teller's judgement, without the plan goals' ids: the scores of the goals. */
export interface OordeelFeit {
  door: Verteller;
  hulpvraagBeantwoord: HulpvraagAntwoord;
  regie: Oordeel['regie'];
  voortgang: Oordeel['voortgang'][number]['score'][];
}

/** The judgements asked at one moment: a plan evaluation or the end of an assignment. */
export interface OordelenFeit {
  gezinId: string;
  aanleiding: 'evaluatie' | 'einde-toewijzing';
  /** The assignment that ended; null at a plan evaluation. */
  toewijzing: ToewijzingKenmerken | null;
  /** YYYY-MM: never the day. */
  maand: string;
  oordelen: OordeelFeit[];
}

/**
 * The facts the monitoring figures are made of: the events they need, stripped of everything they
 * do not (names, BSN, free-text notes, the referrer's name, who did what). Policy information is a
 * purpose of its own (Jeugdwet 7.4.1): this is the minimum it takes. The monitoring projection
 * (libs/projections/src/monitoring) turns events into these facts; the figures fold them. A person keeps their id (the
 * figures merge and link care per person and family; no response ever shows it) and birth date
 * (for age at start and the perspective conversation at 16.5).
 */
export type MonitoringFeit =
  | { type: 'Persoon'; persoonId: string; geboortedatum: string | null }
  /** The person's record key (disclosure control): random, never published. */
  | { type: 'Recordsleutel'; persoonId: string; sleutel: number }
  | { type: 'Gezinslid'; gezinId: string; persoonId: string; vanaf: string }
  | { type: 'GeenGezinslid'; gezinId: string; persoonId: string; per: string }
  | { type: 'Wijk'; gezinId: string; wijk: string; per: string }
  /** A professional starts or stops working with a family: a formal network member or the contact person. */
  | { type: 'Professional'; gezinId: string; sleutel: string; vanaf: string }
  | { type: 'GeenProfessional'; gezinId: string; sleutel: string; per: string }
  /** The youths 0-17 of a year: the whole municipality (`totaal`) and its districts, as known. */
  | {
      type: 'Bevolking';
      jaar: number;
      totaal: number;
      wijken: { wijk: string; aantal: number }[];
    }
  | { type: 'Product'; data: ProductVersionSet['data'] }
  | { type: 'Aanbieder'; data: AanbiederVersionSet['data'] }
  | { type: 'Zorg'; event: ZorgEvent }
  /** A released story enters (or enters again, with its consent as now). */
  | ({ type: 'Verhaal' } & VerhaalFeit)
  /** The story's consent no longer allows (this) use: it leaves every view. */
  | { type: 'VerhaalIngetrokken'; verhaalId: string }
  | ({ type: 'Oordelen' } & OordelenFeit)
  /** A theme's name (reference data), so stories show their themes in words. */
  | { type: 'Thema'; themaId: string; naam: string };
