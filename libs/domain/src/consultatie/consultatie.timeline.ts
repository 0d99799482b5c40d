import { assertNever } from '../decider';
import { TijdlijnRegel } from '../gezin/gezin.timeline';
import {
  ConsultatieEvent,
  ConsultatieInhoud,
  ConsultatieState,
  Koppeling,
  Onderwerp,
  Uitkomst,
  evolveConsultatie,
  sameKoppeling,
  upcastConsultatieEvent,
} from './consultatie.events';

const ONDERWERP_WOORDEN: Record<Onderwerp, string> = {
  opvoeding: 'opvoeding',
  gedrag: 'gedrag',
  'angst-somberheid': 'angst of somberheid',
  slapen: 'slapen',
  school: 'school',
  middelengebruik: 'middelengebruik',
  gezinssituatie: 'de gezinssituatie',
  ontwikkeling: 'ontwikkeling',
  overig: 'een ander onderwerp',
};

const UITKOMST_WOORDEN: Record<Uitkomst, string> = {
  'afgehandeld-door-jph': 'afgehandeld door de jeugdprofessional bij de huisarts',
  'alleen-advies': 'advies gegeven',
  'verwezen-algemene-voorziening': 'verwezen naar een algemene voorziening',
  'verwezen-lichte-zorg-bggz': 'verwezen naar lichte hulp of basis-ggz',
  'verwezen-specialistische-zorg-sggz': 'verwezen naar specialistische jeugd-ggz',
  'verwezen-via-gemeente': 'verwezen via de gemeente',
};

/** A timeline line for the family (or families) the linked person or family stands for. */
export interface ConsultatieTijdlijnRegel {
  koppeling: Koppeling;
  regel: TijdlijnRegel;
}

/**
 * A consultation appears in a family's timeline only once the family's contact person confirmed
 * its link (with consent) to the family or one of its members, and then with its topics and
 * outcome only: never the free text, the number of contacts, or the reason of a correction, a
 * withdrawal or a rejection. A proposed link, or one rejected before it was confirmed, says
 * nothing. `vorige` is the consultation before the event (the initial state for a new one).
 */
export function describeConsultatieEvent(
  stored: ConsultatieEvent,
  vorige: ConsultatieState,
): ConsultatieTijdlijnRegel[] {
  const event = upcastConsultatieEvent(stored);
  const na = evolveConsultatie(vorige, event);
  const wasShown = shown(vorige);
  switch (event.type) {
    case 'ConsultatieLogged':
    case 'ConsultatieRecordKeyAssigned':
      return [];
    case 'ConsultatieLinkConfirmed':
      if (!shown(na) || na.inhoud === null) return [];
      return [
        regel(
          na.koppeling!,
          `Consultatie bij de huisartspraktijk op ${na.inhoud.datum} over ${onderwerpen(na.inhoud)}: ${UITKOMST_WOORDEN[na.inhoud.uitkomst]}.`,
        ),
      ];
    case 'ConsultatieCorrected': {
      if (!wasShown) return [];
      const { inhoud } = event.data;
      if (shown(na) && sameKoppeling(vorige.koppeling, na.koppeling)) {
        return [
          regel(
            na.koppeling!,
            `De consultatie bij de huisartspraktijk van ${inhoud.datum} is gecorrigeerd: over ${onderwerpen(inhoud)}, ${UITKOMST_WOORDEN[inhoud.uitkomst]}.`,
          ),
        ];
      }
      return [nietMeerGekoppeld(vorige)];
    }
    case 'ConsultatieLinkRejected':
      return wasShown ? [nietMeerGekoppeld(vorige)] : [];
    case 'ConsultatieWithdrawn':
      if (!wasShown) return [];
      return [
        regel(
          vorige.koppeling!,
          `De consultatie bij de huisartspraktijk van ${vorige.inhoud!.datum} is ingetrokken.`,
        ),
      ];
    default:
      return assertNever(event);
  }
}

/** Whether the consultation shows in the timeline of the linked family (or person's families). */
function shown(state: ConsultatieState): boolean {
  return state.koppeling !== null && state.koppelingStatus === 'bevestigd' && !state.ingetrokken;
}

function nietMeerGekoppeld(vorige: ConsultatieState): ConsultatieTijdlijnRegel {
  return regel(
    vorige.koppeling!,
    `Een consultatie bij de huisartspraktijk van ${vorige.inhoud!.datum} is niet meer aan dit gezin gekoppeld.`,
  );
}

function regel(koppeling: Koppeling, samenvatting: string): ConsultatieTijdlijnRegel {
  return { koppeling, regel: { soort: 'consultatie', samenvatting } };
}

function onderwerpen(inhoud: ConsultatieInhoud): string {
  const woorden = inhoud.onderwerpen.map((o) => ONDERWERP_WOORDEN[o]);
  return woorden.length > 1
    ? `${woorden.slice(0, -1).join(', ')} en ${woorden[woorden.length - 1]}`
    : (woorden[0] ?? '');
}
