import { Decider, NotFound, RuleViolation, assertNever } from '../decider';
import { PRAKTIJK_ONBEKEND } from '../toegang';
import {
  Medewerker,
  PraktijkEvent,
  PraktijkState,
  evolvePraktijk,
  initialPraktijkState,
  laatsteJph,
} from './praktijk.events';

/** The most hours per week a JPH can work at one practice. */
export const MAX_JPH_UREN_PER_WEEK = 40;

/** Reference data, kept by functioneel beheer (role-based: no need-to-know on practices). */
export type RegisterPraktijk = {
  type: 'RegisterPraktijk';
  praktijkId: string;
  naam: string;
  agbCode: string;
  wijk: string;
  jph: { sinds: string; urenPerWeek: number } | null;
  /** From the read model: the name of another practice that already has this AGB code. */
  agbCodeVan: string | null;
};
/** The JPH starts, or works other hours, from `per`. */
export type SetJph = { type: 'SetJph'; per: string; urenPerWeek: number };
/** The practice has no JPH from `per`. */
export type EndJph = { type: 'EndJph'; per: string };
export type LinkMedewerker = {
  type: 'LinkMedewerker';
  medewerker: Medewerker;
  /** From the read model: the practice this user is linked to now, if another one. */
  gekoppeldElders: { praktijkId: string; naam: string } | null;
};
export type UnlinkMedewerker = { type: 'UnlinkMedewerker'; userId: string };

export type PraktijkCommand =
  RegisterPraktijk | SetJph | EndJph | LinkMedewerker | UnlinkMedewerker;

export const praktijkDecider: Decider<PraktijkCommand, PraktijkEvent, PraktijkState> = {
  initialState: initialPraktijkState,
  evolve: evolvePraktijk,
  decide(command, state) {
    if (command.type === 'RegisterPraktijk') return register(command, state);
    if (!state.registered) throw new NotFound(PRAKTIJK_ONBEKEND);
    const { praktijkId } = state;
    switch (command.type) {
      case 'SetJph':
        return setJph(command, state, praktijkId);
      case 'EndJph':
        return endJph(command, state, praktijkId);
      case 'LinkMedewerker':
        return link(command, state, praktijkId);
      case 'UnlinkMedewerker':
        if (!state.medewerkers.some((m) => m.userId === command.userId)) {
          throw new NotFound(`${command.userId} is niet aan deze praktijk gekoppeld.`);
        }
        return [
          { type: 'PraktijkMedewerkerUnlinked', data: { praktijkId, userId: command.userId } },
        ];
      default:
        return assertNever(command);
    }
  },
};

function register(command: RegisterPraktijk, state: PraktijkState): PraktijkEvent[] {
  if (state.registered) throw new RuleViolation('Deze praktijk is al geregistreerd.');
  if (command.agbCodeVan !== null) {
    throw new RuleViolation(
      `AGB-code ${command.agbCode} is al van praktijk ${command.agbCodeVan}; een AGB-code hoort bij één praktijk.`,
    );
  }
  const { praktijkId, naam, agbCode, wijk, jph } = command;
  const events: PraktijkEvent[] = [
    { type: 'PraktijkRegistered', data: { praktijkId, naam, agbCode, wijk } },
  ];
  if (jph !== null) {
    checkUren(jph.urenPerWeek);
    events.push({
      type: 'PraktijkJphStarted',
      data: { praktijkId, per: jph.sinds, urenPerWeek: jph.urenPerWeek },
    });
  }
  return events;
}

function setJph(command: SetJph, state: PraktijkState, praktijkId: string): PraktijkEvent[] {
  checkUren(command.urenPerWeek);
  const laatste = checkPer(command.per, state);
  const { per, urenPerWeek } = command;
  if (laatste === null || laatste.urenPerWeek === null) {
    return [{ type: 'PraktijkJphStarted', data: { praktijkId, per, urenPerWeek } }];
  }
  if (laatste.urenPerWeek === urenPerWeek) return []; // Nothing changes.
  return [{ type: 'PraktijkJphHoursChanged', data: { praktijkId, per, urenPerWeek } }];
}

function endJph(command: EndJph, state: PraktijkState, praktijkId: string): PraktijkEvent[] {
  const laatste = checkPer(command.per, state);
  if (laatste === null || laatste.urenPerWeek === null) {
    throw new RuleViolation(`Praktijk ${state.naam} heeft geen JPH om te stoppen.`);
  }
  return [{ type: 'PraktijkJphEnded', data: { praktijkId, per: command.per } }];
}

function link(command: LinkMedewerker, state: PraktijkState, praktijkId: string): PraktijkEvent[] {
  const { userId, rol } = command.medewerker;
  const hier = state.medewerkers.find((m) => m.userId === userId);
  if (hier) {
    throw new RuleViolation(
      `${userId} is al als ${hier.rol} aan praktijk ${state.naam} gekoppeld.`,
    );
  }
  const elders = command.gekoppeldElders;
  if (elders !== null && elders.praktijkId !== praktijkId) {
    throw new RuleViolation(
      `${userId} is gekoppeld aan praktijk ${elders.naam}; iemand werkt voor één praktijk tegelijk. ` +
        'Ontkoppel eerst daar.',
    );
  }
  return [{ type: 'PraktijkMedewerkerLinked', data: { praktijkId, userId, rol } }];
}

/** A change applies from its date on and never reaches back before the last recorded change. */
function checkPer(per: string, state: PraktijkState) {
  const laatste = laatsteJph(state.jph);
  if (laatste !== null && per < laatste.per) {
    throw new RuleViolation(
      `De laatste JPH-wijziging geldt vanaf ${laatste.per}; een wijziging kan niet eerder ingaan ` +
        '(de geschiedenis wordt niet herschreven).',
    );
  }
  return laatste;
}

function checkUren(urenPerWeek: number): void {
  if (!(urenPerWeek > 0 && urenPerWeek <= MAX_JPH_UREN_PER_WEEK)) {
    throw new RuleViolation(
      `Een JPH werkt meer dan 0 en hoogstens ${MAX_JPH_UREN_PER_WEEK} uur per week bij een praktijk.`,
    );
  }
}
