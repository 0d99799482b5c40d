import { kalenderdatum } from '../datum';
import { Decider, NotFound, RuleViolation, assertNever } from '../decider';
import { isValidBsn } from '../persoon/bsn';
import { PraktijkRol } from '../praktijk/praktijk.events';
import {
  ConsultatieEvent,
  ConsultatieInhoud,
  ConsultatieState,
  evolveConsultatie,
  initialConsultatieState,
} from './consultatie.events';

/** Who sends the command: the token's user, and the practice they are linked to now. */
export interface ConsultatieDoor {
  userId: string;
  rol: PraktijkRol;
  /** From the practice links (read model); null when the user is linked to no practice. */
  praktijkId: string | null;
}

/**
 * Identifying data a request carried besides the link itself. None of it is ever stored: without
 * consent it refuses the request, with consent a BSN only leads to the known person (the link).
 */
export const HERLEIDBARE_GEGEVENS = ['bsn', 'naam', 'geboortedatum'] as const;
export type HerleidbaarGegeven = (typeof HERLEIDBARE_GEGEVENS)[number];

type Cmd<Type extends string, T> = { type: Type; door: ConsultatieDoor } & T;

export type LogConsultatie = Cmd<
  'LogConsultatie',
  {
    consultatieId: string;
    praktijkId: string;
    inhoud: ConsultatieInhoud;
    herleidbaar: HerleidbaarGegeven[];
  }
>;
/** A correction replaces the whole content and says why. */
export type CorrectConsultatie = Cmd<
  'CorrectConsultatie',
  { inhoud: ConsultatieInhoud; herleidbaar: HerleidbaarGegeven[]; reden: string }
>;
export type WithdrawConsultatie = Cmd<'WithdrawConsultatie', { reden: string }>;

export type ConsultatieCommand = LogConsultatie | CorrectConsultatie | WithdrawConsultatie;

export const MAX_CONTACTEN = 50;

export const ZONDER_TOESTEMMING =
  'Zonder toestemming wordt niets herleidbaars vastgelegd: laat koppeling, bsn, naam en ' +
  'geboortedatum weg, of leg vast dat de jeugdige of ouder toestemming gaf (toestemming: true).';

export const consultatieDecider: Decider<ConsultatieCommand, ConsultatieEvent, ConsultatieState> = {
  initialState: initialConsultatieState,
  evolve: evolveConsultatie,
  authorize(command, state) {
    mayAct(command, state);
  },
  decide(command, state, now) {
    mayAct(command, state);
    const { consultatieId, praktijkId } = state;
    switch (command.type) {
      case 'LogConsultatie': {
        if (state.logged) throw new RuleViolation('Deze consultatie is al vastgelegd.');
        checkInhoud(command.inhoud, command.herleidbaar, now);
        const { userId, rol } = command.door;
        return [
          {
            type: 'ConsultatieLogged',
            data: {
              consultatieId: command.consultatieId,
              praktijkId: command.praktijkId,
              professional: { userId, rol },
              inhoud: command.inhoud,
            },
          },
        ];
      }
      case 'CorrectConsultatie':
        if (state.ingetrokken) {
          throw new RuleViolation(
            'Deze consultatie is ingetrokken en kan niet meer worden gecorrigeerd.',
          );
        }
        checkInhoud(command.inhoud, command.herleidbaar, now);
        if (JSON.stringify(state.inhoud) === JSON.stringify(command.inhoud)) return [];
        return [
          {
            type: 'ConsultatieCorrected',
            data: { consultatieId, praktijkId, inhoud: command.inhoud, reden: command.reden },
          },
        ];
      case 'WithdrawConsultatie':
        if (state.ingetrokken) throw new RuleViolation('Deze consultatie is al ingetrokken.');
        return [
          {
            type: 'ConsultatieWithdrawn',
            data: { consultatieId, praktijkId, reden: command.reden },
          },
        ];
      default:
        return assertNever(command);
    }
  },
};

/**
 * A practice's consultations are its own: someone of another practice (or of none) learns nothing,
 * not even that the consultation exists (NotFound, as for one that does not).
 */
function mayAct(command: ConsultatieCommand, state: ConsultatieState): void {
  const praktijkId = command.door.praktijkId;
  if (command.type === 'LogConsultatie') {
    if (praktijkId === null || praktijkId !== command.praktijkId) {
      throw new NotFound('Deze praktijk bestaat niet, of u bent er niet aan gekoppeld.');
    }
    return;
  }
  if (!state.logged || praktijkId === null || state.praktijkId !== praktijkId) {
    throw new NotFound('Deze consultatie bestaat niet, of is niet van uw praktijk.');
  }
}

function checkInhoud(
  inhoud: ConsultatieInhoud,
  herleidbaar: readonly HerleidbaarGegeven[],
  now: Date,
): void {
  if (!inhoud.toestemming && (inhoud.koppeling !== null || herleidbaar.length > 0)) {
    throw new RuleViolation(ZONDER_TOESTEMMING);
  }
  if (herleidbaar.includes('naam') || herleidbaar.includes('geboortedatum')) {
    throw new RuleViolation(
      'Naam en geboortedatum worden bij een consultatie nooit vastgelegd; koppel met toestemming ' +
        'via het BSN, persoonId of gezinId.',
    );
  }
  if (inhoud.toelichting !== null && containsBsn(inhoud.toelichting)) {
    throw new RuleViolation(
      'De toelichting bevat een BSN; een BSN wordt bij een consultatie nooit vastgelegd.',
    );
  }
  if (inhoud.datum > kalenderdatum(now)) {
    throw new RuleViolation('De datum van de consultatie ligt in de toekomst.');
  }
  if (inhoud.vervolgdatum !== null && inhoud.vervolgdatum <= inhoud.datum) {
    throw new RuleViolation('De vervolgdatum ligt niet na de datum van de consultatie.');
  }
  if (inhoud.onderwerpen.length === 0) {
    throw new RuleViolation('Een consultatie heeft ten minste één onderwerp.');
  }
  if (new Set(inhoud.onderwerpen).size !== inhoud.onderwerpen.length) {
    throw new RuleViolation('Een onderwerp staat twee keer in de lijst.');
  }
  if (inhoud.onderwerpen.includes('overig') && inhoud.toelichting === null) {
    throw new RuleViolation('Bij het onderwerp overig hoort een toelichting.');
  }
  if (
    !Number.isInteger(inhoud.aantalContacten) ||
    inhoud.aantalContacten < 1 ||
    inhoud.aantalContacten > MAX_CONTACTEN
  ) {
    throw new RuleViolation(`Het aantal contacten is 1 tot en met ${MAX_CONTACTEN}.`);
  }
}

/** Nine digits (also written 1234.56.789 or 123 456 789) that pass the eleven-test. */
function containsBsn(text: string): boolean {
  const candidates = text.match(
    /(?<!\d)(?:\d{9}|\d{4}[. ]\d{2}[. ]\d{3}|\d{3}[. ]\d{3}[. ]\d{3})(?!\d)/g,
  );
  return (candidates ?? []).some((candidate) => isValidBsn(candidate.replace(/[. ]/g, '')));
}
