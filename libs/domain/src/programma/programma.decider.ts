import { nietInDeToekomst } from '../datum';
import { Decider, NotFound, RuleViolation, assertNever } from '../decider';
import {
  ActieStatusRecorded,
  KnopSet,
  ProgrammaEvent,
  StoplichtKleur,
  ThemaSet,
} from './programma.events';

export interface Knop {
  knop: number;
  titel: string;
  acties: { actieId: string; titel: string }[];
}

export interface Thema {
  themaId: string;
  naam: string;
  knop: number | null;
  actief: boolean;
}

export interface ProgrammaState {
  knoppen: Record<number, Knop>;
  themas: Record<string, Thema>;
  /** Per action, its statuses in the order they were recorded (the history stays). */
  statussen: Record<string, ActieStatusRecorded['data'][]>;
}

export type SetKnop = { type: 'SetKnop' } & KnopSet['data'];
export type SetThema = { type: 'SetThema' } & ThemaSet['data'];
export type RecordActieStatus = {
  type: 'RecordActieStatus';
  actieId: string;
  status: StoplichtKleur;
  toelichting: string;
  datum: string;
  door: string;
};
export type ProgrammaCommand = SetKnop | SetThema | RecordActieStatus;

export const initialProgrammaState = (): ProgrammaState => ({
  knoppen: {},
  themas: {},
  statussen: {},
});

export function evolveProgramma(state: ProgrammaState, event: ProgrammaEvent): ProgrammaState {
  switch (event.type) {
    case 'KnopSet':
      return { ...state, knoppen: { ...state.knoppen, [event.data.knop]: { ...event.data } } };
    case 'ThemaSet':
      return { ...state, themas: { ...state.themas, [event.data.themaId]: { ...event.data } } };
    case 'ActieStatusRecorded': {
      const eerder = state.statussen[event.data.actieId] ?? [];
      return {
        ...state,
        statussen: { ...state.statussen, [event.data.actieId]: [...eerder, event.data] },
      };
    }
    default:
      return assertNever(event);
  }
}

/** The knop an action belongs to, or null when no knop lists it. */
export function knopVanActie(state: ProgrammaState, actieId: string): Knop | null {
  return (
    Object.values(state.knoppen).find((k) => k.acties.some((a) => a.actieId === actieId)) ?? null
  );
}

/** The themes a story may be linked to: the active ones. */
export function actieveThemas(state: ProgrammaState): Set<string> {
  return new Set(
    Object.values(state.themas)
      .filter((t) => t.actief)
      .map((t) => t.themaId),
  );
}

/**
 * The programme as reference data (knoppen with their actions, themes; functioneel beheer) and
 * the stoplight of its actions (policy staff). One stream: `programma`.
 */
export const programmaDecider: Decider<ProgrammaCommand, ProgrammaEvent, ProgrammaState> = {
  initialState: initialProgrammaState,
  evolve: evolveProgramma,
  decide(command, state, now) {
    switch (command.type) {
      case 'SetKnop': {
        const { type: _type, ...data } = command;
        const ids = data.acties.map((a) => a.actieId);
        if (new Set(ids).size !== ids.length) {
          throw new RuleViolation('Een actie staat twee keer bij deze knop.');
        }
        const elders = ids.find((id) => {
          const knop = knopVanActie(state, id);
          return knop !== null && knop.knop !== data.knop;
        });
        if (elders) throw new RuleViolation(`Actie ${elders} hoort al bij een andere knop.`);
        if (JSON.stringify(state.knoppen[data.knop]) === JSON.stringify(data)) return [];
        return [{ type: 'KnopSet', data }];
      }
      case 'SetThema': {
        const { type: _type, ...data } = command;
        if (data.knop !== null && !state.knoppen[data.knop]) {
          throw new RuleViolation(`Knop ${data.knop} bestaat niet.`);
        }
        if (JSON.stringify(state.themas[data.themaId]) === JSON.stringify(data)) return [];
        return [{ type: 'ThemaSet', data }];
      }
      case 'RecordActieStatus': {
        if (!knopVanActie(state, command.actieId)) {
          throw new NotFound('Deze actie bestaat niet.');
        }
        nietInDeToekomst(command.datum, now, 'De datum van de status', 'datum');
        const laatste = state.statussen[command.actieId]?.at(-1);
        if (laatste && command.datum < laatste.datum) {
          throw new RuleViolation(
            `Er is al een status van ${laatste.datum}; een status geldt vanaf een latere datum.`,
          );
        }
        const { type: _type, ...data } = command;
        return [{ type: 'ActieStatusRecorded', data }];
      }
      default:
        return assertNever(command);
    }
  },
};
