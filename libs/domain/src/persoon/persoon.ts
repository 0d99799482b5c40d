import { kalenderdatum } from '../datum';
import { Decider, DomainEvent, NotFound, RuleViolation, assertNever } from '../decider';
import type { Rol } from '../gezin/gezin.events';
import { checkRecordKey } from '../record-key';
import {
  GEEN_GEZINSLID,
  GEZIN_NIET_GEVONDEN,
  HERKENNING_NIET_GEVONDEN,
  Toegang,
  magSchrijven,
} from '../toegang';
import { isValidBsn } from './bsn';

/**
 * A person, apart from the families they belong to: a youth of divorced parents belongs to two
 * households but is one person. Personal data lives here, in one stream per person.
 */
export interface Persoonsgegevens {
  voornaam: string;
  achternaam: string;
  /** YYYY-MM-DD; required for a youth (checked where the person joins a family as one). */
  geboortedatum: string | null;
  bsn: string | null;
}

export type PersoonRegistered = DomainEvent<
  'PersoonRegistered',
  { persoonId: string } & Persoonsgegevens
>;
export type PersoonsgegevensCorrected = DomainEvent<
  'PersoonsgegevensCorrected',
  { persoonId: string; reden: string } & Persoonsgegevens
>;
/** The events with a person's data: every read model of persons takes these. */
export type PersoonEvent = PersoonRegistered | PersoonsgegevensCorrected;
/**
 * The person's record key for the policy figures' disclosure control (cell-key perturbation): a
 * random unsigned 32-bit number drawn once by the command path, never derived from an id and
 * never shown. It holds no personal data, so it stays when the person's data is erased.
 */
export type PersoonRecordKeyAssigned = DomainEvent<
  'PersoonRecordKeyAssigned',
  { persoonId: string; recordKey: number }
>;
/**
 * A family registered (or added) a new member with exactly this person's BSN, first name, last
 * name and birth date, and got this person instead of a second one (ADR 0016): who did it is in
 * the envelope. No personal data; never in a timeline (it would tell one family about another).
 */
export type PersoonRecognised = DomainEvent<
  'PersoonRecognised',
  { persoonId: string; gezinId: string }
>;
/**
 * A contact person of another family of the person (or a team lead, when none of those families
 * has one) confirmed that the recognised member is this person: the care dossier's history now
 * shows through that family too (ADR 0016). Who decided is in the envelope.
 */
export type HerkenningConfirmed = DomainEvent<
  'HerkenningConfirmed',
  { persoonId: string; gezinId: string }
>;
/**
 * The recognition was rejected: the membership stays, its care history stays hidden (taking the
 * member out would tell the registrant that the child was known). The reason is for the
 * municipality, never shown to the registrant.
 */
export type HerkenningRejected = DomainEvent<
  'HerkenningRejected',
  { persoonId: string; gezinId: string; reden: string }
>;
/** Everything in a person's stream. */
export type PersoonStreamEvent =
  | PersoonEvent
  | PersoonRecordKeyAssigned
  | PersoonRecognised
  | HerkenningConfirmed
  | HerkenningRejected;

/** A recognised membership: pending (`open`) until someone of another family decides. */
export type HerkenningStatus = 'open' | 'bevestigd' | 'afgewezen';

export interface PersoonState {
  registered: boolean;
  persoonId: string;
  gegevens: Persoonsgegevens | null;
  heeftRecordKey: boolean;
  /** Per family that recognised the person (PersoonRecognised), whether it was decided on. */
  herkenningen: Record<string, HerkenningStatus>;
}

export type RegisterPersoon = {
  type: 'RegisterPersoon';
  persoonId: string;
  gegevens: Persoonsgegevens;
  /** Drawn at random by the caller (see PersoonRecordKeyAssigned). */
  recordKey: number;
};
export type CorrectPersoonsgegevens = {
  type: 'CorrectPersoonsgegevens';
  gegevens: Persoonsgegevens;
  reden: string;
  /**
   * The family the correction is made in, as the command path found it in the family's history:
   * the sender's access to it, and the person's role in it now (null: not a member).
   */
  gezin: { toegang: Toegang; rol: Rol | null };
};
/** For a person registered before record keys existed (a one-off migration); nothing if it has one. */
export type AssignPersoonRecordKey = { type: 'AssignPersoonRecordKey'; recordKey: number };
/** A family's new member is this person (`herkenPersoon` found them): recorded in their stream. */
export type RecognisePersoon = { type: 'RecognisePersoon'; gezinId: string };

/**
 * Someone deciding on a recognised membership, with the facts the command service fetched: every
 * family the person is a member of now (the recognising one included), whether the membership is
 * confirmed (not a pending or rejected recognition), whether the family has a contact person,
 * and this user's access to it.
 */
export interface HerkenningBeoordelaar {
  teamleider: boolean;
  gezinnen: readonly {
    gezinId: string;
    bevestigd: boolean;
    heeftContactpersoon: boolean;
    toegang: Toegang;
  }[];
}
export type ConfirmHerkenning = {
  type: 'ConfirmHerkenning';
  gezinId: string;
  door: HerkenningBeoordelaar;
};
export type RejectHerkenning = {
  type: 'RejectHerkenning';
  gezinId: string;
  reden: string;
  door: HerkenningBeoordelaar;
};
export type PersoonCommand =
  | RegisterPersoon
  | CorrectPersoonsgegevens
  | AssignPersoonRecordKey
  | RecognisePersoon
  | ConfirmHerkenning
  | RejectHerkenning;

export const persoonStreamId = (persoonId: string): string => `persoon-${persoonId}`;

const PERSOON_EVENT_TYPES: ReadonlySet<string> = new Set<PersoonEvent['type']>([
  'PersoonRegistered',
  'PersoonsgegevensCorrected',
]);
export const isPersoonEvent = (event: DomainEvent): event is PersoonEvent =>
  PERSOON_EVENT_TYPES.has(event.type);

/** The events about a recognised membership (ADR 0016): recognised, confirmed, rejected. */
export type HerkenningEvent = PersoonRecognised | HerkenningConfirmed | HerkenningRejected;
const HERKENNING_EVENT_TYPES: ReadonlySet<string> = new Set<HerkenningEvent['type']>([
  'PersoonRecognised',
  'HerkenningConfirmed',
  'HerkenningRejected',
]);
export const isHerkenningEvent = (event: DomainEvent): event is HerkenningEvent =>
  HERKENNING_EVENT_TYPES.has(event.type);

export const persoonDecider: Decider<PersoonCommand, PersoonStreamEvent, PersoonState> = {
  initialState: () => ({
    registered: false,
    persoonId: '',
    gegevens: null,
    heeftRecordKey: false,
    herkenningen: {},
  }),
  evolve(state, event) {
    switch (event.type) {
      case 'PersoonRegistered':
      case 'PersoonsgegevensCorrected': {
        const { persoonId, voornaam, achternaam, geboortedatum, bsn } = event.data;
        return {
          ...state,
          registered: true,
          persoonId,
          gegevens: { voornaam, achternaam, geboortedatum, bsn },
        };
      }
      case 'PersoonRecordKeyAssigned':
        return { ...state, heeftRecordKey: true };
      case 'PersoonRecognised':
        return state.herkenningen[event.data.gezinId]
          ? state
          : { ...state, herkenningen: { ...state.herkenningen, [event.data.gezinId]: 'open' } };
      case 'HerkenningConfirmed':
        return {
          ...state,
          herkenningen: { ...state.herkenningen, [event.data.gezinId]: 'bevestigd' },
        };
      case 'HerkenningRejected':
        return {
          ...state,
          herkenningen: { ...state.herkenningen, [event.data.gezinId]: 'afgewezen' },
        };
      default:
        return assertNever(event);
    }
  },
  authorize(command, state) {
    if (command.type === 'CorrectPersoonsgegevens') mayCorrect(command);
    if (command.type === 'ConfirmHerkenning' || command.type === 'RejectHerkenning') {
      mayDecide(command, state);
    }
  },
  decide(command, state, now) {
    if (command.type === 'AssignPersoonRecordKey') {
      if (!state.registered) throw new RuleViolation('Deze persoon bestaat niet.');
      checkRecordKey(command.recordKey);
      if (state.heeftRecordKey) return [];
      return [
        {
          type: 'PersoonRecordKeyAssigned',
          data: { persoonId: state.persoonId, recordKey: command.recordKey },
        },
      ];
    }
    if (command.type === 'RecognisePersoon') {
      if (!state.registered) throw new RuleViolation('Deze persoon bestaat niet.');
      return [
        {
          type: 'PersoonRecognised',
          data: { persoonId: state.persoonId, gezinId: command.gezinId },
        },
      ];
    }
    if (command.type === 'ConfirmHerkenning' || command.type === 'RejectHerkenning') {
      mayDecide(command, state);
      if (state.herkenningen[command.gezinId] !== 'open') {
        throw new RuleViolation('Over deze herkenning is al besloten.');
      }
      const { persoonId } = state;
      const { gezinId } = command;
      return command.type === 'ConfirmHerkenning'
        ? [{ type: 'HerkenningConfirmed', data: { persoonId, gezinId } }]
        : [{ type: 'HerkenningRejected', data: { persoonId, gezinId, reden: command.reden } }];
    }
    if (command.type === 'CorrectPersoonsgegevens') mayCorrect(command);
    checkGegevens(command.gegevens, now);
    switch (command.type) {
      case 'RegisterPersoon':
        if (state.registered) throw new RuleViolation('Deze persoon is al geregistreerd.');
        checkRecordKey(command.recordKey);
        return [
          {
            type: 'PersoonRegistered',
            data: { persoonId: command.persoonId, ...command.gegevens },
          },
          {
            type: 'PersoonRecordKeyAssigned',
            data: { persoonId: command.persoonId, recordKey: command.recordKey },
          },
        ];
      case 'CorrectPersoonsgegevens':
        if (!state.registered) throw new RuleViolation('Deze persoon bestaat niet.');
        if (command.gezin.rol === 'jeugdige' && command.gegevens.geboortedatum === null) {
          throw new RuleViolation(
            `De geboortedatum van ${command.gegevens.voornaam} kan niet weg: die is nodig voor een jeugdige.`,
          );
        }
        return [
          {
            type: 'PersoonsgegevensCorrected',
            data: { persoonId: state.persoonId, reden: command.reden, ...command.gegevens },
          },
        ];
      default:
        return assertNever(command);
    }
  },
};

/**
 * Need-to-know: a member's data is corrected by whoever may change the family (its contact person,
 * or its registrant before the first one); someone who does not work with the family learns
 * nothing, not even whether the person is in it.
 */
function mayCorrect(command: CorrectPersoonsgegevens): void {
  magSchrijven(command.gezin.toegang, GEZIN_NIET_GEVONDEN);
  if (command.gezin.rol === null) throw new NotFound(GEEN_GEZINSLID);
}

/**
 * Who decides on a recognised membership (ADR 0016): whoever may write another family of the
 * person whose membership is confirmed; when none of those families has a contact person, a team
 * lead. Nobody decides through the family being decided on, nor while their access to the person
 * comes through unconfirmed memberships (a registrant, also one who is a team lead). The
 * membership must be current. The worklist of recognitions to confirm asks the same.
 */
export function magBeslissenOverHerkenning(gezinId: string, door: HerkenningBeoordelaar): boolean {
  const { gezinnen, teamleider } = door;
  if (!gezinnen.some((g) => g.gezinId === gezinId)) return false;
  const andere = gezinnen.filter((g) => g.gezinId !== gezinId && g.bevestigd);
  if (andere.some((g) => g.toegang === 'schrijven')) return true;
  const viaOnbevestigd = gezinnen.some((g) => !g.bevestigd && g.toegang !== 'geen');
  return teamleider && !andere.some((g) => g.heeftContactpersoon) && !viaOnbevestigd;
}

/**
 * To anyone who may not decide, the recognition does not exist: the same 404 as for a person
 * recognised by no one, so the registrant of a new person and of a known one are told the same.
 */
function mayDecide(command: ConfirmHerkenning | RejectHerkenning, state: PersoonState): void {
  if (
    state.herkenningen[command.gezinId] === undefined ||
    !magBeslissenOverHerkenning(command.gezinId, command.door)
  ) {
    throw new NotFound(HERKENNING_NIET_GEVONDEN);
  }
}

export function checkGegevens(gegevens: Persoonsgegevens, now: Date): void {
  if (gegevens.geboortedatum !== null && gegevens.geboortedatum > kalenderdatum(now)) {
    throw new RuleViolation(`De geboortedatum van ${gegevens.voornaam} ligt in de toekomst.`);
  }
  if (gegevens.bsn !== null && !isValidBsn(gegevens.bsn)) {
    throw new RuleViolation(`Het BSN van ${gegevens.voornaam} is geen geldig BSN (elfproef).`);
  }
}

/**
 * One person per BSN (ADR 0016): the known person a new member is, or null for a new person. Only
 * an exact match counts: the same BSN, first name, last name and birth date (a birth date is
 * needed). Anything less (a typo, another spelling, a missing birth date) makes a new person, as
 * before: linking two people wrongly would be worse than keeping one person twice.
 */
export function herkenPersoon(
  gegevens: Persoonsgegevens,
  bekenden: readonly { persoonId: string; gegevens: Persoonsgegevens | null }[],
): string | null {
  if (gegevens.bsn === null || gegevens.geboortedatum === null) return null;
  const zelfde = bekenden.filter(
    (b) =>
      b.gegevens !== null &&
      b.gegevens.bsn === gegevens.bsn &&
      b.gegevens.geboortedatum === gegevens.geboortedatum &&
      b.gegevens.voornaam === gegevens.voornaam &&
      b.gegevens.achternaam === gegevens.achternaam,
  );
  // Two known persons alike (split before this rule): the first registered; the order is the caller's.
  return zelfde[0]?.persoonId ?? null;
}
