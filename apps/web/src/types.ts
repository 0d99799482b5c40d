import type { AfspraakStatus, Leefgebied } from '@app/domain/gezin/gezinsplan';

/** The shapes of the API answers the screens read (see the OpenAPI document). */
export interface Lid {
  persoonId: string;
  rol: string;
  voornaam: string;
  achternaam: string;
  geboortedatum: string | null;
  bsn: string | null;
  vanaf: string;
}

export interface Betrokkene {
  betrokkeneId: string;
  soort: 'informeel' | 'formeel';
  naam: string;
  rol: string;
  organisatie: string | null;
  vanaf: string;
  tot: string | null;
}

export interface Contactpersoon {
  userId: string;
  naam: string;
  organisatie: string;
  vanaf: string;
  tot?: string | null;
  redenEinde?: string | null;
}

export interface Gezin {
  gezinId: string;
  naam: string;
  wijk: string | null;
  revision: number;
  toegang: 'schrijven' | 'lezen';
  contactpersoon: Contactpersoon | null;
  leden: Lid[];
  netwerk: Betrokkene[];
  plan: { versie: number; evaluatiedatum: string } | null;
}

export interface Doel {
  doelId: string;
  leefgebied: Leefgebied;
  persoonId: string | null;
  omschrijving: string;
}

export interface Afspraak {
  afspraakId: string;
  wie: string;
  wat: string;
  uiterlijk: string;
  status: AfspraakStatus;
  doelId: string | null;
}

export interface Plan {
  hulpvraag: string;
  doelen: Doel[];
  afspraken: Afspraak[];
  evaluatiedatum: string;
  toestemming: { delen: boolean; vastgelegdOp: string; toelichting: string | null };
}

export interface PlanVersie {
  versie: number;
  vastgelegdOp: string;
  door: { userId: string; rol: string };
  reden: string | null;
  plan: Plan;
}

export interface TijdlijnItem {
  position: string;
  wanneer: string;
  vastgelegdOp: string;
  soort: string;
  wat: string;
  wie: { userId: string; rol: string } | null;
}

export interface Toewijzing {
  toewijzingId: string;
  wettelijkKader: string;
  productcode: string;
  productcategorie: string;
  verblijf: boolean;
  aanbiederId: string;
  aanbiederNaam: string;
  verwijzerType: string;
  verwijzerNaam: string | null;
  toewijzingsnummer: string;
  begindatum: string;
  einddatum: string;
  maxDuurMaanden: number | null;
  verlengingVan: string | null;
  zorgStart: string | null;
  zorgStop: string | null;
  redenEinde: string | null;
}

export interface Verlenging {
  verlengingId: string;
  toewijzingId: string;
  aangevraagdOp: string;
  aanvrager: string;
  reden: string;
  gevraagdTot: string;
  telaat: boolean;
  besluit: 'toegekend' | 'afgewezen' | null;
  besluitdatum: string | null;
}

export interface Zorg {
  persoonId: string;
  revision: number;
  perspectiefgesprek: { uiterlijk: string | null; gevoerdOp: string | null; status: string } | null;
  toewijzingen: Toewijzing[];
  verlengingen: Verlenging[];
}

export interface Product {
  productcode: string;
  categorie: string;
  omschrijving: string;
  verblijf: boolean;
}

export interface Aanbieder {
  aanbiederId: string;
  naam: string;
}
