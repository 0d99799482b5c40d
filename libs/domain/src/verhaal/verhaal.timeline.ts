import { assertNever } from '../decider';
import { TijdlijnRegel } from '../gezin/gezin.timeline';
import {
  Aanleiding,
  HulpvraagAntwoord,
  Oordeel,
  OordelenRecorded,
  VerhaalEvent,
  VerhaalToestemming,
  Verteller,
} from './verhaal.events';

const TOESTEMMING_WOORDEN: Record<VerhaalToestemming, string> = {
  dossier: 'alleen in het dossier van het gezin',
  gepseudonimiseerd: 'ook in de monitoring, zonder namen',
  citeerbaar: 'ook in de monitoring, zonder namen, en letterlijk te citeren',
};

const VERTELLER_WOORDEN: Record<Verteller, string> = {
  jeugdige: 'de jeugdige',
  ouder: 'een ouder',
  professional: 'de professional',
};

const HULPVRAAG_WOORDEN: Record<HulpvraagAntwoord, string> = {
  ja: 'de hulpvraag is beantwoord',
  deels: 'de hulpvraag is deels beantwoord',
  nee: 'de hulpvraag is niet beantwoord',
  'niet-gevraagd': 'niet gevraagd of de hulpvraag is beantwoord',
  'wil-niet-antwoorden': 'wilde niet zeggen of de hulpvraag is beantwoord',
};

function regieWoorden(regie: Oordeel['regie']): string {
  if (regie === 'niet-gevraagd') return 'regie niet gevraagd';
  if (regie === 'wil-niet-antwoorden') return 'wilde niets zeggen over de regie';
  return `regie ${regie} van 5`;
}

function oordeelWoorden(oordeel: Oordeel): string {
  const doelen = oordeel.voortgang.length;
  const voortgang =
    doelen === 0 ? '' : `, voortgang op ${doelen} ${doelen === 1 ? 'doel' : 'doelen'}`;
  return `${VERTELLER_WOORDEN[oordeel.door]}: ${HULPVRAAG_WOORDEN[oordeel.hulpvraagBeantwoord]}, ${regieWoorden(oordeel.regie)}${voortgang}`;
}

function aanleidingWoorden(aanleiding: Aanleiding, naamVan: (persoonId: string) => string): string {
  switch (aanleiding.soort) {
    case 'evaluatie':
      return `bij de evaluatie van het gezinsplan (versie ${aanleiding.planVersie})`;
    case 'einde-toewijzing':
      return `bij het einde van de hulp ${aanleiding.toewijzing.productcode} voor ${naamVan(aanleiding.toewijzing.persoonId)}`;
    default:
      return assertNever(aanleiding);
  }
}

/**
 * A story's or judgements' event in plain words for the family timeline; `naamVan` names a
 * member. The story's own words are in the family's stories, not repeated here. Kept beside the
 * events so that no event type can be added without its sentence.
 */
export function describeVerhaalEvent(
  event: VerhaalEvent | OordelenRecorded,
  naamVan: (persoonId: string) => string,
): TijdlijnRegel {
  switch (event.type) {
    case 'VerhaalRecorded': {
      const { verteller, persoonId, datum, toestemming } = event.data;
      const wie =
        verteller.soort === 'professional' && verteller.organisatie
          ? `een professional van ${verteller.organisatie}`
          : VERTELLER_WOORDEN[verteller.soort];
      const over = persoonId === null ? '' : ` over ${naamVan(persoonId)}`;
      return {
        soort: 'verhaal',
        samenvatting: `Het verhaal van ${wie}${over} is vastgelegd (verteld op ${datum}); toestemming: ${TOESTEMMING_WOORDEN[toestemming]}.`,
      };
    }
    case 'VerhaalConsentChanged': {
      const { toestemming, datum } = event.data;
      return {
        soort: 'verhaal',
        samenvatting:
          toestemming === 'dossier'
            ? `De toestemming voor een verhaal is op ${datum} ingetrokken: het blijft alleen in het dossier van het gezin en staat niet meer in de monitoring.`
            : `De toestemming voor een verhaal is op ${datum} gewijzigd: ${TOESTEMMING_WOORDEN[toestemming]}.`,
      };
    }
    case 'VerhaalReleased':
      return {
        soort: 'verhaal',
        samenvatting: `Een verhaal is op ${event.data.op} door een tweede persoon gecontroleerd en vrijgegeven voor de monitoring, zonder namen.`,
      };
    case 'OordelenRecorded': {
      const { aanleiding, datum, oordelen } = event.data;
      return {
        soort: 'oordeel',
        samenvatting: `Oordelen over de hulp ${aanleidingWoorden(aanleiding, naamVan)} op ${datum}: ${oordelen.map(oordeelWoorden).join('; ')}.`,
      };
    }
    default:
      return assertNever(event);
  }
}
