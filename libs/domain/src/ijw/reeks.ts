import { Decider, DomainEvent } from '../decider';

/** Several commands for one stream, decided in order and written together, or not at all. */
export interface Reeks<Command> {
  type: 'Reeks';
  commands: readonly Command[];
}

/** The `index`-th command of a series was refused; `cause` is the decider's refusal. */
export class ReeksRefused extends Error {
  constructor(
    readonly index: number,
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'ReeksRefused';
  }
}

/**
 * A decider for a series of another decider's commands: each is authorized and decided against
 * the state the ones before it left, and their events are appended in one go. One message of the
 * iJw standard can carry several facts for one person (a correction deletes a start and gives the
 * new one): a refusal of any refuses the message, so nothing of it is written.
 */
export function reeksDecider<Command, Event extends DomainEvent, State>(
  decider: Decider<Command, Event, State>,
): Decider<Reeks<Command>, Event, State> {
  return {
    initialState: decider.initialState,
    evolve: decider.evolve,
    authorize(reeks, state) {
      reeks.commands.forEach((command, index) => {
        try {
          decider.authorize?.(command, state);
        } catch (error) {
          throw new ReeksRefused(index, error);
        }
      });
    },
    decide(reeks, state, now) {
      const events: Event[] = [];
      let current = state;
      reeks.commands.forEach((command, index) => {
        let decided: Event[];
        try {
          decided = decider.decide(command, current, now);
        } catch (error) {
          throw new ReeksRefused(index, error);
        }
        current = decided.reduce(decider.evolve, current);
        events.push(...decided);
      });
      return events;
    },
  };
}
