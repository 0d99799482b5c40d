import { assertNever } from '../decider';
import { REDENEN_EINDE_ZORG, VERWIJZER_TYPES } from './codes';
import { ZorgEvent } from './zorgdossier.events';

const KADER_WOORDEN = {
  jeugdwet: 'Jeugdwet',
  wmo: 'Wmo',
  participatiewet: 'Participatiewet',
  schuldhulpverlening: 'schuldhulpverlening',
  overig: 'een andere regeling',
} as const;

const BESTEMMING_WOORDEN = {
  thuis: 'naar huis, bij het gezin',
  zelfstandig: 'naar zelfstandig wonen',
  'lichtere-vorm': 'naar een lichtere vorm van hulp',
  'zwaardere-vorm': 'naar een zwaardere vorm van hulp',
  anders: 'naar een andere plek',
} as const;

/**
 * A care event in plain words for the family timeline; `naam` is the person it is about.
 * Kept beside the events so that no event type can be added without its sentence.
 */
export function describeZorgEvent(event: ZorgEvent, naam: string): string {
  switch (event.type) {
    case 'ToewijzingRegistered':
      return event.data.verlengingVan === null
        ? `${naam} krijgt ${event.data.productcode} van ${event.data.aanbiederNaam} (${KADER_WOORDEN[event.data.wettelijkKader]}), van ${event.data.begindatum} tot en met ${event.data.einddatum}; verwezen door: ${VERWIJZER_TYPES[event.data.verwijzer.type]}.`
        : `De hulp van ${event.data.aanbiederNaam} voor ${naam} is verlengd tot en met ${event.data.einddatum}.`;
    case 'ZorgStarted':
      return `De hulp voor ${naam} is begonnen op ${event.data.datum}.`;
    case 'ZorgStopped':
      return `De hulp voor ${naam} is gestopt op ${event.data.datum} (${REDENEN_EINDE_ZORG[event.data.reden]}).`;
    case 'ZorgStartCorrected':
      return event.data.datum === null
        ? `De start van de hulp voor ${naam} is geschrapt: ${event.data.reden}`
        : `De start van de hulp voor ${naam} is verbeterd naar ${event.data.datum}: ${event.data.reden}`;
    case 'ZorgStopCorrected':
      return event.data.stop === null
        ? `De stop van de hulp voor ${naam} is geschrapt: ${event.data.reden}`
        : `De stop van de hulp voor ${naam} is verbeterd naar ${event.data.stop.datum}: ${event.data.reden}`;
    case 'VerlengingRequested':
      return `${event.data.aanvrager} vraagt de hulp voor ${naam} te verlengen tot en met ${event.data.gevraagdTot}: ${event.data.reden}${
        event.data.telaat ? ' (aangevraagd na het einde van de toewijzing)' : ''
      }`;
    case 'VerlengingGranted':
      return `De verlenging voor ${naam} is toegekend op ${event.data.besluitdatum}.`;
    case 'VerlengingRefused':
      return `De verlenging voor ${naam} is afgewezen op ${event.data.besluitdatum}: ${event.data.toelichting}${
        event.data.alternatieven.length > 0
          ? ` Geboden alternatieven: ${event.data.alternatieven.join(', ')}.`
          : ''
      }`;
    case 'VerblijfStarted':
      return `${naam} woont vanaf ${event.data.startdatum} in ${event.data.woonvorm.replace('-', ' ')}; de indicatie loopt tot en met ${event.data.indicatieEinddatum}.`;
    case 'WoonvormChanged':
      return `${naam} gaat op ${event.data.datum} van ${event.data.van.replace('-', ' ')} naar ${event.data.naar.replace('-', ' ')} (${event.data.richting}).`;
    case 'UitstroomperspectiefSet':
      return `Het perspectief na het verblijf van ${naam}: ${event.data.perspectief}`;
    case 'VerblijfEnded':
      return `${naam} is op ${event.data.datum} uitgestroomd ${BESTEMMING_WOORDEN[event.data.bestemming]}, ${
        event.data.vervolghulp ? 'met' : 'zonder'
      } vervolghulp.`;
    case 'PerspectiefgesprekHeld':
      return `Op ${event.data.datum} is met ${naam} besproken hoe het na het 18e verder gaat: ${event.data.perspectief}${
        event.data.zorgNa18Verwacht ? ' (hulp na 18 wordt verwacht)' : ''
      }.`;
    case 'VerlengdeJeugdhulpRequested':
      return `Voor ${naam} is jeugdhulp na 18 jaar aangevraagd: ${event.data.reden}`;
    case 'VerlengdeJeugdhulpDecided':
      return `De jeugdhulp na 18 voor ${naam} is ${event.data.besluit}${event.data.toelichting ? `: ${event.data.toelichting}` : '.'}`;
    default:
      return assertNever(event);
  }
}
