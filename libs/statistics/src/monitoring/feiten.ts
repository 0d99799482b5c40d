import { AanbiederVersionSet, ProductVersionSet, ZorgEvent } from '@app/domain';

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
  | { type: 'Zorg'; event: ZorgEvent };
