import { kalenderdatum } from '../datum';
import { Decider, NotAllowed, NotFound, RuleViolation, assertNever } from '../decider';
import { Door } from '../gezin/gezin.decider';
import { GEEN_GEZINSLID, GEZIN_NIET_GEVONDEN } from '../toegang';
import { GezinFeiten, alsContactpersoon, checkDatum } from './gezin-feiten';
import {
  ToewijzingOpname,
  VerhaalEvent,
  VerhaalRecorded,
  VerhaalToestemming,
  Verteller,
} from './verhaal.events';

export const VERHAAL_NIET_GEVONDEN = 'Dit verhaal bestaat niet, of hoort niet bij dit gezin.';

/**
 * Every story command carries its sender and the facts of the family (from its stream): access,
 * contact person, members. The command path adds them; a controller never does.
 */
type Cmd<Type extends string, T> = {
  type: Type;
  door: Door;
  gezinId: string;
  verhaalId: string;
  gezin: GezinFeiten;
} & T;

export type RecordVerhaal = Cmd<
  'RecordVerhaal',
  {
    persoonId: string | null;
    /** The assignment asked for (null: none), and what the care dossiers know of it (null: unknown). */
    toewijzingId: string | null;
    toewijzing: ToewijzingOpname | null;
    verteller: { soort: Verteller; organisatie: string | null };
    datum: string;
    tekst: string;
    themaIds: string[];
    /** The themes a story may be linked to now: the programme's known and active ones. */
    actieveThemas: string[];
    toestemming: VerhaalToestemming;
  }
>;
export type ChangeVerhaalToestemming = Cmd<
  'ChangeVerhaalToestemming',
  { toestemming: VerhaalToestemming; datum: string }
>;
/** A second person releases the story for the monitoring, with the text as checked. */
export type ReleaseVerhaal = Cmd<'ReleaseVerhaal', { tekst: string }>;

export type VerhaalCommand = RecordVerhaal | ChangeVerhaalToestemming | ReleaseVerhaal;

export interface VerhaalState {
  recorded: boolean;
  verhaalId: string;
  gezinId: string;
  /** Who recorded it: never the one who releases it. */
  door: string;
  datum: string;
  toestemming: VerhaalToestemming;
  /** Released for the monitoring since the last withdrawal. */
  vrijgegeven: boolean;
}

export const initialVerhaalState = (): VerhaalState => ({
  recorded: false,
  verhaalId: '',
  gezinId: '',
  door: '',
  datum: '',
  toestemming: 'dossier',
  vrijgegeven: false,
});

export function evolveVerhaal(state: VerhaalState, event: VerhaalEvent): VerhaalState {
  switch (event.type) {
    case 'VerhaalRecorded': {
      const { verhaalId, gezinId, door, datum, toestemming } = event.data;
      return { ...state, recorded: true, verhaalId, gezinId, door, datum, toestemming };
    }
    case 'VerhaalConsentChanged':
      // A withdrawal ends the release: consented again, the story needs a new one.
      return {
        ...state,
        toestemming: event.data.toestemming,
        vrijgegeven: event.data.toestemming === 'dossier' ? false : state.vrijgegeven,
      };
    case 'VerhaalReleased':
      return { ...state, vrijgegeven: true };
    default:
      return assertNever(event);
  }
}

/** Whether the teller's consent lets the story into the monitoring (once released). */
export const magInMonitoring = (toestemming: VerhaalToestemming): boolean =>
  toestemming !== 'dossier';

/**
 * A story (verhaal), stream `verhaal-{verhaalId}`: recorded by the family's contact person, its
 * consent changed (withdrawn: `dossier`) by the contact person, released for the monitoring by a
 * second person: another contact person who works with the family, or a team lead, never the one
 * who recorded it.
 */
export const verhaalDecider: Decider<VerhaalCommand, VerhaalEvent, VerhaalState> = {
  initialState: initialVerhaalState,
  evolve: evolveVerhaal,
  authorize(command, state) {
    mayAct(command, state);
  },
  decide(command, state, now) {
    mayAct(command, state);
    switch (command.type) {
      case 'RecordVerhaal':
        return record(command, state, now);
      case 'ChangeVerhaalToestemming':
        return changeToestemming(command, state, now);
      case 'ReleaseVerhaal':
        return release(command, state, now);
      default:
        return assertNever(command);
    }
  },
};

/**
 * Need-to-know first (404 for someone not involved, whatever the story), then the story itself
 * (404 for one of another family), then who may do this (403).
 */
function mayAct(command: VerhaalCommand, state: VerhaalState): void {
  const { door } = command;
  if (command.type === 'RecordVerhaal') {
    alsContactpersoon(command.gezin, door.userId, 'verhalen');
    return;
  }
  if (command.type === 'ChangeVerhaalToestemming') {
    alsContactpersoon(command.gezin, door.userId, 'de toestemming van een verhaal');
    bestaand(command, state);
    return;
  }
  // A release: a team lead checks stories of any family; another contact person only those of a
  // family they work with.
  if (!door.teamleider && command.gezin.toegang === 'geen') {
    throw new NotFound(GEZIN_NIET_GEVONDEN);
  }
  bestaand(command, state);
  if (state.door === door.userId) {
    throw new NotAllowed(
      'U hebt dit verhaal zelf vastgelegd; een tweede persoon (een andere contactpersoon of een ' +
        'teamleider) controleert het en geeft het vrij.',
    );
  }
}

function bestaand(command: VerhaalCommand, state: VerhaalState): void {
  if (!state.recorded || state.gezinId !== command.gezinId) {
    throw new NotFound(VERHAAL_NIET_GEVONDEN);
  }
}

function record(command: RecordVerhaal, state: VerhaalState, now: Date): VerhaalEvent[] {
  if (state.recorded) throw new RuleViolation('Dit verhaal is al vastgelegd.');
  const { gezin, verteller, themaIds } = command;
  checkDatum(command.datum, now, 'datum', 'De datum van het verhaal');
  let persoonId = command.persoonId;
  if (persoonId !== null && !gezin.leden.some((l) => l.persoonId === persoonId)) {
    throw new RuleViolation(GEEN_GEZINSLID, 'persoonId');
  }
  const { toewijzing } = command;
  if (command.toewijzingId !== null) {
    if (toewijzing === null || !gezin.leden.some((l) => l.persoonId === toewijzing.persoonId)) {
      throw new RuleViolation(
        'Deze toewijzing is niet bekend bij een lid van het gezin.',
        'toewijzingId',
      );
    }
    if (persoonId !== null && toewijzing.persoonId !== persoonId) {
      throw new RuleViolation(
        'Deze toewijzing is van een ander gezinslid dan het verhaal gaat over.',
        'toewijzingId',
      );
    }
    persoonId = toewijzing.persoonId;
  }
  if (verteller.soort === 'professional' && verteller.organisatie === null) {
    throw new RuleViolation(
      'Bij een professional hoort de organisatie waar die werkt.',
      'verteller.organisatie',
    );
  }
  if (verteller.soort !== 'professional' && verteller.organisatie !== null) {
    throw new RuleViolation(
      'Alleen bij een professional hoort een organisatie; een jeugdige of ouder vertelt voor zichzelf.',
      'verteller.organisatie',
    );
  }
  checkThemas(themaIds, command.actieveThemas);
  const data: VerhaalRecorded['data'] = {
    verhaalId: command.verhaalId,
    gezinId: command.gezinId,
    persoonId,
    toewijzing: command.toewijzingId === null ? null : toewijzing,
    verteller: { soort: verteller.soort, organisatie: verteller.organisatie },
    datum: command.datum,
    tekst: command.tekst,
    themaIds: [...themaIds],
    toestemming: command.toestemming,
    door: command.door.userId,
  };
  return [{ type: 'VerhaalRecorded', data }];
}

function checkThemas(themaIds: readonly string[], actief: readonly string[]): void {
  if (themaIds.length === 0) {
    throw new RuleViolation('Een verhaal hoort bij ten minste één thema.', 'themaIds');
  }
  if (new Set(themaIds).size !== themaIds.length) {
    throw new RuleViolation('Een thema staat twee keer bij het verhaal.', 'themaIds');
  }
  const onbekend = themaIds.filter((id) => !actief.includes(id));
  if (onbekend.length > 0) {
    throw new RuleViolation(
      `Geen bekend, actief thema van het programma: ${onbekend.join(', ')}.`,
      'themaIds',
    );
  }
}

function changeToestemming(
  command: ChangeVerhaalToestemming,
  state: VerhaalState,
  now: Date,
): VerhaalEvent[] {
  checkDatum(command.datum, now, 'datum', 'De datum van de toestemming');
  if (command.datum < state.datum) {
    throw new RuleViolation(
      `De toestemming kan niet wijzigen voor het verhaal verteld is (${state.datum}).`,
      'datum',
    );
  }
  if (command.toestemming === state.toestemming) return [];
  const { verhaalId, gezinId, toestemming, datum } = command;
  return [
    {
      type: 'VerhaalConsentChanged',
      data: { verhaalId, gezinId, toestemming, datum, door: command.door.userId },
    },
  ];
}

function release(command: ReleaseVerhaal, state: VerhaalState, now: Date): VerhaalEvent[] {
  if (!magInMonitoring(state.toestemming)) {
    throw new RuleViolation(
      'De verteller heeft toestemming gegeven voor het dossier van het gezin alleen; dit verhaal ' +
        'kan niet worden vrijgegeven voor de monitoring.',
    );
  }
  if (state.vrijgegeven) {
    throw new RuleViolation('Dit verhaal is al vrijgegeven voor de monitoring.');
  }
  const { verhaalId, gezinId, tekst } = command;
  return [
    {
      type: 'VerhaalReleased',
      data: { verhaalId, gezinId, tekst, door: command.door.userId, op: kalenderdatum(now) },
    },
  ];
}
