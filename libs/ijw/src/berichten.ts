import type { VerwijzerType, WettelijkKader } from '@app/domain';

/**
 * The iStandaarden messages this import reads (iJw and iWmo release 3.x): their message code
 * (BerichtCode, Vektis list COD002-VEKT), the law they belong to, and what they carry. iWmo's
 * messages have the same structure as iJw's, under their own namespace and codes.
 */
export const BERICHTSOORTEN = {
  JW301: { code: '436', standaard: 'ijw', kader: 'jeugdwet', inhoud: 'toewijzing' },
  JW305: { code: '438', standaard: 'ijw', kader: 'jeugdwet', inhoud: 'start' },
  JW307: { code: '440', standaard: 'ijw', kader: 'jeugdwet', inhoud: 'stop' },
  JW315: { code: '446', standaard: 'ijw', kader: 'jeugdwet', inhoud: 'verzoek-om-toewijzing' },
  JW317: { code: '486', standaard: 'ijw', kader: 'jeugdwet', inhoud: 'verzoek-om-wijziging' },
  WMO301: { code: '414', standaard: 'iwmo', kader: 'wmo', inhoud: 'toewijzing' },
  WMO305: { code: '418', standaard: 'iwmo', kader: 'wmo', inhoud: 'start' },
  WMO307: { code: '420', standaard: 'iwmo', kader: 'wmo', inhoud: 'stop' },
  WMO315: { code: '444', standaard: 'iwmo', kader: 'wmo', inhoud: 'verzoek-om-toewijzing' },
  WMO317: { code: '480', standaard: 'iwmo', kader: 'wmo', inhoud: 'verzoek-om-wijziging' },
} as const satisfies Record<
  string,
  { code: string; standaard: 'ijw' | 'iwmo'; kader: WettelijkKader; inhoud: string }
>;
export type Berichtsoort = keyof typeof BERICHTSOORTEN;
export type Inhoud = (typeof BERICHTSOORTEN)[Berichtsoort]['inhoud'];

export const berichtsoortVanCode = (code: string): Berichtsoort | null =>
  (Object.keys(BERICHTSOORTEN) as Berichtsoort[]).find((s) => BERICHTSOORTEN[s].code === code) ??
  null;

/** Product (CDT_Product): the category (JZ020 / WMO020) and the product code. */
export interface Product {
  Categorie: string;
  Code?: string;
}

/** Volume, unit (WJ756) and frequency (WMO757) of the help assigned or asked for. */
export interface Omvang {
  Volume: string;
  Eenheid: string;
  Frequentie: string;
}

/** The header every message starts with. */
export interface Header {
  BerichtCode: string;
  BerichtVersie: string;
  BerichtSubversie: string;
  /** A municipality (4 digits) or a provider (AGB code, 8 digits), depending on the direction. */
  Afzender: string;
  Ontvanger: string;
  BerichtIdentificatie: { Identificatie: string; Dagtekening: string };
  XsdVersie: { BasisschemaXsdVersie: string; BerichtXsdVersie: string };
}

export interface Client {
  Bsn: string;
  Geboortedatum?: { Datum: string; DatumGebruik?: string };
  Naam?: { Achternaam?: string; Geslachtsnaam?: { Achternaam: string } };
}

export interface ToegewezenProduct {
  ToewijzingNummer: string;
  ReferentieAanbieder?: string;
  Product?: Product;
  Toewijzingsdatum: string;
  Toewijzingstijd: string;
  Ingangsdatum: string;
  Einddatum?: string;
  RedenWijziging?: string;
  Omvang?: Omvang;
  Commentaar?: string;
}

/** StatusAanlevering (COD467): 1 a first delivery, 3 the deletion of an earlier one. */
export type StatusAanlevering = '1' | '3';

export interface StartProduct {
  ToewijzingNummer: string;
  Product?: Product;
  ToewijzingIngangsdatum?: string;
  Begindatum: string;
  StatusAanlevering: StatusAanlevering;
}

export interface StopProduct extends StartProduct {
  RedenBeeindiging: string;
  Einddatum: string;
}

export interface AangevraagdProduct {
  ReferentieAanbieder: string;
  Product?: Product;
  ToewijzingIngangsdatum: string;
  ToewijzingEinddatum?: string;
  Omvang?: Omvang;
  /** Checked against COD327 by the schema. */
  Verwijzer: { Type: VerwijzerType; Naam?: string; ZorgverlenerCode?: string };
  Commentaar?: string;
}

export interface TeWijzigenProduct {
  ToewijzingNummer: string;
  GewensteIngangsdatum: string;
  Einddatum?: string;
  Omvang?: Omvang;
}

/** A message that passed the schema and the standard's rules, as the import reads it. */
export type IjwBericht = {
  header: Header;
  soort: Berichtsoort;
  bsn: string;
  /** The client's name and birth date as the message gives them (a change request has neither). */
  naam: string | null;
  geboortedatum: string | null;
} & (
  | { inhoud: 'toewijzing'; producten: ToegewezenProduct[] }
  | { inhoud: 'start'; producten: StartProduct[] }
  | { inhoud: 'stop'; producten: StopProduct[] }
  | { inhoud: 'verzoek-om-toewijzing'; producten: AangevraagdProduct[] }
  | {
      inhoud: 'verzoek-om-wijziging';
      referentieAanbieder: string;
      redenVerzoek: string;
      producten: TeWijzigenProduct[];
    }
);

/** The element a product class sits in, per kind of message (for element paths). */
export const KLASSE_PAD: Record<Inhoud, string> = {
  toewijzing: 'Bericht/Client/ToegewezenProducten/ToegewezenProduct',
  start: 'Bericht/Client/StartProducten/StartProduct',
  stop: 'Bericht/Client/StopProducten/StopProduct',
  'verzoek-om-toewijzing': 'Bericht/Client/AangevraagdeProducten/AangevraagdProduct',
  'verzoek-om-wijziging': 'Bericht/Client/Verzoek/TeWijzigenProducten/TeWijzigenProduct',
};

/** The path of the n-th (0-based) product class of a message, 1-based as in XPath. */
export const klassePad = (inhoud: Inhoud, index: number, element?: string): string =>
  `${KLASSE_PAD[inhoud]}[${index + 1}]${element ? `/${element}` : ''}`;

/**
 * The identity of a message: its kind, sender, identification and date. The standard has the
 * sender keep the identification unique; the import uses it to know a message it has read before.
 */
export const berichtSleutel = (b: Pick<IjwBericht, 'soort' | 'header'>): string =>
  [
    b.soort,
    b.header.Afzender,
    b.header.BerichtIdentificatie.Identificatie,
    b.header.BerichtIdentificatie.Dagtekening,
  ].join(':');
