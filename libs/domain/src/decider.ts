/**
 * The shape of every aggregate: pure functions, no framework, no I/O, time passed in.
 * `decide` answers a command with the events it causes or throws a RuleViolation.
 */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
}

export interface Decider<Command, Event extends DomainEvent, State> {
  initialState(): State;
  evolve(state: State, event: Event): State;
  decide(command: Command, state: State, now: Date): Event[];
  /**
   * Whether the sender may send this command at all (need-to-know). The command path checks it
   * before anything else, so a refused sender learns nothing, not even the stream's version;
   * `decide` checks it too. `now` (the command path always passes it): access can end on a date,
   * a former contact person's.
   */
  authorize?(command: Command, state: State, now?: Date): void;
  /**
   * `decide` never looks at the state: the stream is a log (who read what). The command path then
   * appends without reading the stream first, and without a version check, so parallel appends
   * never conflict.
   */
  readonly appendOnly?: true;
  /**
   * The version clients see (ETag, If-Match, `revision`) when it is not the stream's revision:
   * when some events must not show to the client that writes the stream (a contact person's
   * decision on a consultation's link must not tell the practice that its BSN was known).
   */
  version?(state: State): number;
}

/**
 * A business rule refused the command; `message` is written for the person who sent it. `field`
 * names the input the rule is about (a body path such as `per`), when there is one.
 */
export class RuleViolation extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'RuleViolation';
  }
}

/** The caller may know the thing exists but may not do this to it (e.g. read-only access). */
export class NotAllowed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotAllowed';
  }
}

/** The thing the command is about does not exist (or the caller may not know it does). */
export class NotFound extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotFound';
  }
}

export function fold<Event extends DomainEvent, State>(
  decider: Pick<Decider<unknown, Event, State>, 'initialState' | 'evolve'>,
  events: readonly Event[],
): State {
  return events.reduce((state, event) => decider.evolve(state, event), decider.initialState());
}

/** Compile-time exhaustiveness check for `switch` over a union. */
export function assertNever(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}
