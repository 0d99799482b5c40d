import { assertNever } from '../decider';
import { TijdlijnRegel } from '../gezin/gezin.timeline';
import {
  ConsultatieEvent,
  ConsultatieInhoud,
  Koppeling,
  Onderwerp,
  Uitkomst,
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

/** What the timeline kept of the consultation before this event. */
export type VorigeConsultatie = Pick<ConsultatieInhoud, 'datum' | 'koppeling'>;

/**
 * A consultation appears in a family's timeline only when it is linked (with consent) to the family
 * or one of its members, and then with its topics and outcome only: never the free text, the
 * number of contacts or the reason of a correction or withdrawal.
 */
export function describeConsultatieEvent(
  event: ConsultatieEvent,
  vorige: VorigeConsultatie | null,
): ConsultatieTijdlijnRegel[] {
  switch (event.type) {
    case 'ConsultatieLogged': {
      const { inhoud } = event.data;
      if (inhoud.koppeling === null) return [];
      return [
        regel(
          inhoud.koppeling,
          `Consultatie bij de huisartspraktijk op ${inhoud.datum} over ${onderwerpen(inhoud)}: ${UITKOMST_WOORDEN[inhoud.uitkomst]}.`,
        ),
      ];
    }
    case 'ConsultatieCorrected': {
      const { inhoud } = event.data;
      const regels: ConsultatieTijdlijnRegel[] = [];
      if (inhoud.koppeling !== null) {
        regels.push(
          regel(
            inhoud.koppeling,
            `De consultatie bij de huisartspraktijk van ${inhoud.datum} is gecorrigeerd: over ${onderwerpen(inhoud)}, ${UITKOMST_WOORDEN[inhoud.uitkomst]}.`,
          ),
        );
      }
      if (vorige?.koppeling && !sameKoppeling(vorige.koppeling, inhoud.koppeling)) {
        regels.push(
          regel(
            vorige.koppeling,
            `Een consultatie bij de huisartspraktijk van ${vorige.datum} is niet meer aan dit gezin gekoppeld.`,
          ),
        );
      }
      return regels;
    }
    case 'ConsultatieWithdrawn':
      if (!vorige?.koppeling) return [];
      return [
        regel(
          vorige.koppeling,
          `De consultatie bij de huisartspraktijk van ${vorige.datum} is ingetrokken.`,
        ),
      ];
    default:
      return assertNever(event);
  }
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

function sameKoppeling(a: Koppeling, b: Koppeling | null): boolean {
  return b !== null && a.persoonId === b.persoonId && a.gezinId === b.gezinId;
}
