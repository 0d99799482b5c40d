import { Decider, DomainEvent, fold } from '../decider';

/**
 * Given/when/then for deciders: given past events, when a command (at a moment), then these
 * events, or this error.
 */
export function deciderSpecification<Command, Event extends DomainEvent, State>(
  decider: Decider<Command, Event, State>,
) {
  return {
    given(past: readonly Event[]) {
      return {
        when(command: Command, now: Date = new Date('2026-03-01T10:00:00Z')) {
          const run = (): Event[] => decider.decide(command, fold(decider, past), now);
          return {
            then(expected: Event[]): void {
              expect(run()).toEqual(expected);
            },
            thenThrows(
              errorType: new (...args: never[]) => Error,
              message?: string | RegExp,
            ): void {
              expect(run).toThrow(errorType);
              if (message !== undefined) expect(run).toThrow(message);
            },
          };
        },
      };
    },
  };
}
