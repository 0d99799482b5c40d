import { nietInDeToekomst } from '../datum';
import { Decider, NotFound, RuleViolation, assertNever } from '../decider';
import { isValidBsn } from '../persoon/bsn';
import { checkRecordKey } from '../record-key';
import { PraktijkRol } from '../praktijk/praktijk.events';
import {
  CONSULTATIE_NIET_GEVONDEN,
  KOPPELING_NIET_GEVONDEN,
  PRAKTIJK_NIET_GEVONDEN,
} from '../toegang';
import {
  ConsultatieEvent,
  ConsultatieInhoud,
  ConsultatieState,
  Koppeling,
  evolveConsultatie,
  initialConsultatieState,
  sameKoppeling,
} from './consultatie.events';

/** Who sends the command: the token's user, and the practice they are linked to now. */
export interface ConsultatieDoor {
  userId: string;
  rol: PraktijkRol;
  /** From the practice links (the `praktijken` read model); null when linked to no practice. */
  praktijkId: string | null;
}

/**
 * A contact person deciding on a consultation's link, with the facts the command service fetched
 * for the link as the read model shows it (the one the contact person saw on their worklist): the
 * families of the linked person (or the linked family) this user may write.
 */
export interface KoppelingBeoordelaar {
  userId: string;
  /**
   * The link the facts are about. When the stream's link is another one (the practice corrected
   * since, or the read model has not caught up yet), the facts do not count: not found.
   */
  koppeling: Koppeling | null;
  /** Families of that person (or that family) where this user has write access (`schrijven`). */
  schrijfbareGezinnen: string[];
}

/**
 * An operator's job, such as the migration that gives old consultations a record key: no user of
 * a practice or family, so it passes no need-to-know check, only that the consultation exists.
 */
export type Systeem = 'systeem';

/**
 * Identifying data a request carried besides the link itself. None of it is ever stored: without
 * consent it refuses the request, with consent a BSN only leads to the known person (the link).
 */
export const HERLEIDBARE_GEGEVENS = ['bsn', 'naam', 'geboortedatum'] as const;
export type HerleidbaarGegeven = (typeof HERLEIDBARE_GEGEVENS)[number];

type Cmd<Type extends string, Door, T> = { type: Type; door: Door } & T;

/** What the practice sent, and the person its BSN belongs to (looked up by the command service). */
interface Inhoudscommando {
  inhoud: ConsultatieInhoud;
  herleidbaar: HerleidbaarGegeven[];
  /**
   * The known person the BSN belongs to; null when no BSN was sent or it belongs to no one known
   * (the practice gets the same answer either way). The BSN itself never reaches the decider.
   */
  persoonMetBsn: string | null;
}

export type LogConsultatie = Cmd<
  'LogConsultatie',
  ConsultatieDoor,
  Inhoudscommando & {
    consultatieId: string;
    praktijkId: string;
    /** Drawn at random by the command service (an unsigned 32-bit integer), never from an id. */
    recordKey: number;
  }
>;
/** A correction replaces the whole content and says why. */
export type CorrectConsultatie = Cmd<
  'CorrectConsultatie',
  ConsultatieDoor,
  Inhoudscommando & { reden: string }
>;
export type WithdrawConsultatie = Cmd<'WithdrawConsultatie', ConsultatieDoor, { reden: string }>;
export type ConfirmConsultatieLink = Cmd<'ConfirmConsultatieLink', KoppelingBeoordelaar, object>;
export type RejectConsultatieLink = Cmd<
  'RejectConsultatieLink',
  KoppelingBeoordelaar,
  { reden: string | null }
>;
/** Gives a consultation logged before record keys existed its key; nothing when it has one. */
export type AssignConsultatieRecordKey = Cmd<
  'AssignConsultatieRecordKey',
  Systeem,
  { recordKey: number }
>;

export type ConsultatieCommand =
  | LogConsultatie
  | CorrectConsultatie
  | WithdrawConsultatie
  | ConfirmConsultatieLink
  | RejectConsultatieLink
  | AssignConsultatieRecordKey;

export const MAX_CONTACTEN = 50;

export const ZONDER_TOESTEMMING =
  'Zonder toestemming wordt niets herleidbaars vastgelegd: laat bsn, naam en geboortedatum ' +
  'weg, of leg vast dat de jeugdige of ouder toestemming gaf (toestemming: true).';

export const consultatieDecider: Decider<ConsultatieCommand, ConsultatieEvent, ConsultatieState> = {
  initialState: initialConsultatieState,
  evolve: evolveConsultatie,
  authorize(command, state) {
    mayAct(command, state);
  },
  version: (state) => state.versie,
  decide(command, state, now) {
    mayAct(command, state);
    const { consultatieId, praktijkId } = state;
    switch (command.type) {
      case 'LogConsultatie': {
        if (state.logged) throw new RuleViolation('Deze consultatie is al vastgelegd.');
        checkInhoud(command.inhoud, command.herleidbaar, now);
        checkRecordKey(command.recordKey);
        const { userId, rol } = command.door;
        const ids = { consultatieId: command.consultatieId, praktijkId: command.praktijkId };
        return [
          {
            type: 'ConsultatieLogged',
            data: {
              ...ids,
              professional: { userId, rol },
              inhoud: command.inhoud,
              ...gevraagdeKoppeling(command, null),
            },
          },
          {
            type: 'ConsultatieRecordKeyAssigned',
            data: { ...ids, recordKey: command.recordKey },
          },
        ];
      }
      case 'CorrectConsultatie': {
        if (state.ingetrokken) {
          throw new RuleViolation(
            'Deze consultatie is ingetrokken en kan niet meer worden gecorrigeerd.',
          );
        }
        checkInhoud(command.inhoud, command.herleidbaar, now);
        const koppeling = gevraagdeKoppeling(command, state);
        // Decided on what the practice sent, never on whether its BSN was known: a BSN always
        // re-matches, so it always writes, known or not.
        const unchanged =
          JSON.stringify(state.inhoud) === JSON.stringify(command.inhoud) &&
          !command.herleidbaar.includes('bsn') &&
          koppeling.koppelingGevraagd === state.koppelingGevraagd;
        if (unchanged) return [];
        return [
          {
            type: 'ConsultatieCorrected',
            data: {
              consultatieId,
              praktijkId,
              inhoud: command.inhoud,
              reden: command.reden,
              ...koppeling,
            },
          },
        ];
      }
      case 'WithdrawConsultatie':
        if (state.ingetrokken) throw new RuleViolation('Deze consultatie is al ingetrokken.');
        return [
          {
            type: 'ConsultatieWithdrawn',
            data: { consultatieId, praktijkId, reden: command.reden },
          },
        ];
      case 'ConfirmConsultatieLink':
        checkNietIngetrokken(state);
        if (state.koppelingStatus === 'bevestigd') {
          throw new RuleViolation('Deze koppeling is al bevestigd.');
        }
        return [
          {
            type: 'ConsultatieLinkConfirmed',
            data: { consultatieId, praktijkId, koppeling: state.koppeling! },
          },
        ];
      case 'RejectConsultatieLink':
        checkNietIngetrokken(state);
        if (state.koppelingStatus === 'afgewezen') {
          throw new RuleViolation('Deze koppeling is al afgewezen.');
        }
        return [
          {
            type: 'ConsultatieLinkRejected',
            data: {
              consultatieId,
              praktijkId,
              koppeling: state.koppeling!,
              reden: command.reden,
            },
          },
        ];
      case 'AssignConsultatieRecordKey':
        checkRecordKey(command.recordKey);
        if (state.recordKey !== null) return [];
        return [
          {
            type: 'ConsultatieRecordKeyAssigned',
            data: { consultatieId, praktijkId, recordKey: command.recordKey },
          },
        ];
      default:
        return assertNever(command);
    }
  },
};

/**
 * Who may send what. A practice's consultations are its own: someone of another practice (or of
 * none) learns nothing, not even that the consultation exists (NotFound, as for one that does
 * not). A link is decided by a contact person with write access to a family of the linked person
 * (or the linked family); to anyone else it does not exist either. A system job only needs the
 * consultation to exist.
 */
function mayAct(command: ConsultatieCommand, state: ConsultatieState): void {
  switch (command.type) {
    case 'LogConsultatie': {
      const praktijkId = command.door.praktijkId;
      if (praktijkId === null || praktijkId !== command.praktijkId) {
        throw new NotFound(PRAKTIJK_NIET_GEVONDEN);
      }
      return;
    }
    case 'CorrectConsultatie':
    case 'WithdrawConsultatie': {
      const praktijkId = command.door.praktijkId;
      if (!state.logged || praktijkId === null || state.praktijkId !== praktijkId) {
        throw new NotFound(CONSULTATIE_NIET_GEVONDEN);
      }
      return;
    }
    case 'ConfirmConsultatieLink':
    case 'RejectConsultatieLink': {
      const { koppeling, schrijfbareGezinnen } = command.door;
      if (
        !state.logged ||
        state.koppeling === null ||
        !sameKoppeling(state.koppeling, koppeling) ||
        schrijfbareGezinnen.length === 0
      ) {
        throw new NotFound(KOPPELING_NIET_GEVONDEN);
      }
      return;
    }
    case 'AssignConsultatieRecordKey':
      if (command.door !== 'systeem' || !state.logged) {
        throw new NotFound(CONSULTATIE_NIET_GEVONDEN);
      }
      return;
    default:
      assertNever(command);
  }
}

/**
 * The link after logging or correcting: with consent and a BSN, the person it matched (or none);
 * with consent and no BSN, the link as it was (a correction need not send the BSN again); without
 * consent, none.
 */
function gevraagdeKoppeling(
  command: Inhoudscommando,
  state: ConsultatieState | null,
): { koppelingGevraagd: boolean; koppeling: Koppeling | null } {
  if (!command.inhoud.toestemming) return { koppelingGevraagd: false, koppeling: null };
  if (command.herleidbaar.includes('bsn')) {
    const { persoonMetBsn } = command;
    return {
      koppelingGevraagd: true,
      koppeling: persoonMetBsn === null ? null : { persoonId: persoonMetBsn, gezinId: null },
    };
  }
  if (command.persoonMetBsn !== null) {
    throw new Error('persoonMetBsn without a BSN in the request'); // a bug in the command service
  }
  return state === null
    ? { koppelingGevraagd: false, koppeling: null }
    : { koppelingGevraagd: state.koppelingGevraagd, koppeling: state.koppeling };
}

function checkNietIngetrokken(state: ConsultatieState): void {
  if (state.ingetrokken) {
    throw new RuleViolation(
      'Deze consultatie is ingetrokken; over de koppeling valt niets meer te beslissen.',
    );
  }
}

function checkInhoud(
  inhoud: ConsultatieInhoud,
  herleidbaar: readonly HerleidbaarGegeven[],
  now: Date,
): void {
  if (!inhoud.toestemming && herleidbaar.length > 0) {
    throw new RuleViolation(ZONDER_TOESTEMMING);
  }
  if (herleidbaar.includes('naam') || herleidbaar.includes('geboortedatum')) {
    throw new RuleViolation(
      'Naam en geboortedatum worden bij een consultatie nooit vastgelegd; koppel met toestemming ' +
        'via het BSN.',
    );
  }
  if (inhoud.toelichting !== null && containsBsn(inhoud.toelichting)) {
    throw new RuleViolation(
      'De toelichting bevat een BSN; een BSN wordt bij een consultatie nooit vastgelegd.',
    );
  }
  nietInDeToekomst(inhoud.datum, now, 'De datum van de consultatie', 'datum');
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
