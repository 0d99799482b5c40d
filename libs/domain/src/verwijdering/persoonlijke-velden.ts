/**
 * Which fields of which events hold personal data, and whose data key encrypts them
 * (crypto-shredding, ADR 0015). The event store encrypts these fields when it appends and decrypts
 * them when it reads; destroying a key makes them unreadable everywhere, backups of the log
 * included. Events not listed here hold no personal data and stay plain.
 *
 * Pure data: adding a personal field to an event means adding its path here (a test checks that
 * every listed type exists and every listed path is written by the code).
 */

/**
 * Whose data a key encrypts: a person's own data, a family's own texts, a consultation note, or an
 * iJw message about a client not yet linked to a person.
 */
export const SLEUTELHOUDERS = ['persoon', 'gezin', 'consultatie', 'ijw-bericht'] as const;
export type Sleutelhouder = (typeof SLEUTELHOUDERS)[number];

/** The subject of a data key, e.g. `{ soort: 'persoon', id: '…' }`. */
export interface Dossier {
  soort: Sleutelhouder;
  id: string;
}

/** The id of a subject's key in the key store: `persoon:<id>`, `gezin:<id>`, `consultatie:<id>`. */
export const sleutelId = (dossier: Dossier): string => `${dossier.soort}:${dossier.id}`;

/** What an erased field reads as: this text for texts, so a timeline keeps its shape. */
export const GEGEVENS_VERWIJDERD = 'gegevens verwijderd';

/**
 * How an erased field reads: `tekst` as GEGEVENS_VERWIJDERD (names, free texts), `leeg` as null
 * (a BSN or a birth date: a marker there would be mistaken for a value, or break a date parse).
 */
export type Gewist = 'tekst' | 'leeg';

export interface PersoonlijkeVelden {
  /**
   * Whose key: a kind and the field of the event's data that holds the subject's id, or the field
   * that holds a whole `Dossier` (dotted paths).
   */
  sleutel: { soort: Sleutelhouder; veld: string } | { dossier: string };
  /**
   * Dotted paths in the event's data; `[]` steps into every element of an array
   * (`plan.doelen[].omschrijving`, `alternatieven[]`). A null or absent value stays as it is.
   */
  velden: Readonly<Record<string, Gewist>>;
}

const persoon = { soort: 'persoon', veld: 'persoonId' } as const;
const gezin = { soort: 'gezin', veld: 'gezinId' } as const;

/**
 * A person's own data under their key; a family's own texts (its name, the plan, network, stories,
 * the reasons written in its file) under the family's key. Consultation notes are written by a
 * practice before anyone confirmed whom they are about (a proposed link can be rejected), so they
 * have a key of their own. The names of professionals (contact persons, providers) are not the
 * family's data and stay plain.
 */
export const PERSOONLIJKE_VELDEN: Readonly<Record<string, PersoonlijkeVelden>> = {
  PersoonRegistered: {
    sleutel: persoon,
    velden: { voornaam: 'tekst', achternaam: 'tekst', geboortedatum: 'leeg', bsn: 'leeg' },
  },
  PersoonsgegevensCorrected: {
    sleutel: persoon,
    velden: {
      voornaam: 'tekst',
      achternaam: 'tekst',
      geboortedatum: 'leeg',
      bsn: 'leeg',
      reden: 'tekst',
    },
  },
  GezinRegistered: { sleutel: gezin, velden: { naam: 'tekst' } },
  GezinslidRemoved: { sleutel: gezin, velden: { reden: 'tekst' } },
  NetwerkBetrokkeneAdded: { sleutel: gezin, velden: { naam: 'tekst', rol: 'tekst' } },
  NetwerkBetrokkeneEnded: { sleutel: gezin, velden: { reden: 'tekst' } },
  ContactpersoonHandedOver: { sleutel: gezin, velden: { reden: 'tekst' } },
  ContactpersoonEnded: { sleutel: gezin, velden: { reden: 'tekst' } },
  GezinsplanWritten: {
    sleutel: gezin,
    velden: {
      'plan.hulpvraag': 'tekst',
      'plan.doelen[].omschrijving': 'tekst',
      'plan.afspraken[].wie': 'tekst',
      'plan.afspraken[].wat': 'tekst',
      'plan.toestemming.toelichting': 'tekst',
      reden: 'tekst',
    },
  },
  VerhaalRecorded: { sleutel: gezin, velden: { tekst: 'tekst' } },
  VerhaalReleased: { sleutel: gezin, velden: { tekst: 'tekst' } },
  ConsultatieLogged: {
    sleutel: { soort: 'consultatie', veld: 'consultatieId' },
    velden: { 'inhoud.toelichting': 'tekst' },
  },
  ConsultatieCorrected: {
    sleutel: { soort: 'consultatie', veld: 'consultatieId' },
    velden: { 'inhoud.toelichting': 'tekst', reden: 'tekst' },
  },
  ZorgStartCorrected: { sleutel: persoon, velden: { reden: 'tekst' } },
  ZorgStopCorrected: { sleutel: persoon, velden: { reden: 'tekst' } },
  VerlengingRequested: { sleutel: persoon, velden: { reden: 'tekst' } },
  VerlengingRefused: {
    sleutel: persoon,
    velden: { toelichting: 'tekst', 'alternatieven[]': 'tekst' },
  },
  VerblijfStarted: { sleutel: persoon, velden: { uitstroomperspectief: 'tekst' } },
  UitstroomperspectiefSet: { sleutel: persoon, velden: { perspectief: 'tekst' } },
  PerspectiefgesprekHeld: {
    sleutel: persoon,
    velden: { perspectief: 'tekst', behoeften: 'tekst' },
  },
  VerlengdeJeugdhulpRequested: { sleutel: persoon, velden: { reden: 'tekst' } },
  VerlengdeJeugdhulpDecided: { sleutel: persoon, velden: { toelichting: 'tekst' } },
  // An iJw message about a client nobody matched yet: whose data it is is not known until a
  // contact person links it, so, like a consultation note, it has a key of its own.
  IjwBerichtParked: {
    sleutel: { soort: 'ijw-bericht', veld: 'berichtId' },
    velden: { bsn: 'tekst', naam: 'tekst', geboortedatum: 'leeg', xml: 'tekst' },
  },
  VerwijderverzoekRefused: {
    sleutel: { dossier: 'dossier' },
    velden: { toelichting: 'tekst' },
  },
};
