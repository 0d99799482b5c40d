import {
  LEEFTIJDSGROEPEN,
  ONDERWERPEN,
  UITKOMSTEN,
  type Onderwerp,
  type Uitkomst,
} from '@app/domain/consultatie/consultatie.events';
import {
  AFSPRAAK_STATUSSEN,
  LEEFGEBIEDEN,
  type AfspraakStatus,
  type Leefgebied,
} from '@app/domain/gezin/gezinsplan';
import { REGIE_SCORES, VOORTGANG_SCORES } from '@app/domain/verhaal/oordeel.decider';
import {
  GEEN_ANTWOORD,
  HULPVRAAG_ANTWOORDEN,
  VERHAAL_TOESTEMMINGEN,
  VERTELLERS,
  type GeenAntwoord,
  type HulpvraagAntwoord,
  type VerhaalToestemming,
  type Verteller,
} from '@app/domain/verhaal/verhaal.events';
import {
  REDENEN_EINDE_ZORG,
  VERWIJZER_TYPES,
  WETTELIJKE_KADERS,
  type WettelijkKader,
} from '@app/domain/zorg/codes';

/** Dutch words for the API's codes. The code lists come from the domain, so none is missed. */
export { AFSPRAAK_STATUSSEN, LEEFGEBIEDEN, LEEFTIJDSGROEPEN, ONDERWERPEN, UITKOMSTEN };
export { REDENEN_EINDE_ZORG, VERWIJZER_TYPES, WETTELIJKE_KADERS };
export { GEEN_ANTWOORD, HULPVRAAG_ANTWOORDEN, REGIE_SCORES, VOORTGANG_SCORES };
export { VERHAAL_TOESTEMMINGEN, VERTELLERS };

export const LEEFGEBIED: Record<Leefgebied, string> = {
  opvoeding: 'Opvoeding',
  onderwijs: 'Onderwijs',
  gezondheid: 'Gezondheid',
  financien: 'Financiën',
  wonen: 'Wonen',
  veiligheid: 'Veiligheid',
  werk: 'Werk',
  'vrije-tijd': 'Vrije tijd',
  'sociaal-netwerk': 'Sociaal netwerk',
};

export const AFSPRAAK_STATUS: Record<AfspraakStatus, string> = {
  open: 'Open',
  lopend: 'Loopt',
  afgerond: 'Afgerond',
  vervallen: 'Vervallen',
};

export const KADER: Record<WettelijkKader, string> = {
  jeugdwet: 'Jeugdwet',
  wmo: 'Wmo',
  participatiewet: 'Participatiewet',
  schuldhulpverlening: 'Schuldhulpverlening',
  overig: 'Overig (voorliggend)',
};

export const ONDERWERP: Record<Onderwerp, string> = {
  opvoeding: 'Opvoeding',
  gedrag: 'Gedrag',
  'angst-somberheid': 'Angst of somberheid',
  slapen: 'Slapen',
  school: 'School',
  middelengebruik: 'Middelengebruik',
  gezinssituatie: 'Gezinssituatie',
  ontwikkeling: 'Ontwikkeling',
  overig: 'Overig',
};

export const UITKOMST: Record<Uitkomst, string> = {
  'afgehandeld-door-jph': 'Afgehandeld door de JPH',
  'alleen-advies': 'Alleen advies',
  'verwezen-algemene-voorziening': 'Verwezen naar een algemene voorziening',
  'verwezen-lichte-zorg-bggz': 'Verwezen naar lichte zorg of BGGZ',
  'verwezen-specialistische-zorg-sggz': 'Verwezen naar specialistische zorg (SGGZ)',
  'verwezen-via-gemeente': 'Verwezen via de gemeente',
};

export const VERTELLER: Record<Verteller, string> = {
  jeugdige: 'Jeugdige',
  ouder: 'Ouder',
  professional: 'Professional',
};

/** What the teller agreed to, and what it means. */
export const TOESTEMMING: Record<VerhaalToestemming, string> = {
  dossier: 'Alleen in het dossier van het gezin',
  gepseudonimiseerd: 'Ook in de monitoring, zonder namen',
  citeerbaar: 'Ook in de monitoring, letterlijk te citeren',
};

export const GEEN_ANTWOORD_LABEL: Record<GeenAntwoord, string> = {
  'niet-gevraagd': 'Niet gevraagd',
  'wil-niet-antwoorden': 'Wil niet antwoorden',
};

export const HULPVRAAG: Record<HulpvraagAntwoord, string> = {
  ja: 'Ja',
  deels: 'Deels',
  nee: 'Nee',
  ...GEEN_ANTWOORD_LABEL,
};

/** A score (regie 1 to 5; progress -2 to +2, with its sign) or why there is none. */
export const score = (waarde: number | string, metTeken = false): string =>
  typeof waarde === 'string'
    ? label(GEEN_ANTWOORD_LABEL, waarde)
    : metTeken && waarde > 0
      ? `+${waarde}`
      : String(waarde);

export const ROL_LID: Record<string, string> = {
  jeugdige: 'Jeugdige',
  ouder: 'Ouder/verzorger',
  overig: 'Overig gezinslid',
};

export const ROL: Record<string, string> = {
  contactpersoon: 'Contactpersoon',
  jph: 'Jeugdprofessional bij de huisarts',
  huisarts: 'Huisarts',
  beleid: 'Beleid',
  beheer: 'Functioneel beheer',
};

export const label = (labels: Record<string, string>, code: string | null | undefined): string =>
  code == null ? '' : (labels[code] ?? code);

const MAANDEN = [
  'jan',
  'feb',
  'mrt',
  'apr',
  'mei',
  'jun',
  'jul',
  'aug',
  'sep',
  'okt',
  'nov',
  'dec',
];

/** 2026-11-02 as "2 nov 2026". */
export function datum(value: string | null | undefined): string {
  if (!value) return '';
  const [jaar, maand, dag] = value.slice(0, 10).split('-');
  return `${Number(dag)} ${MAANDEN[Number(maand) - 1]} ${jaar}`;
}

/** A moment as "2 nov 2026 14:03", in the browser's time zone. */
export function moment(value: string): string {
  const d = new Date(value);
  const pad = (n: number) => String(n).padStart(2, '0');
  const local = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return `${datum(local)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
