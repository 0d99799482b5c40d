import { Decider, DomainEvent } from '@app/domain';
import { AppendResult, EventStore, Position, StreamAppend } from './event-store';
import { CommandContext, toDomainEvent, toEnvelope } from './decider-store';

/** An event of a stream as a batch sees it: read from the store, or queued by the batch. */
export interface BatchEvent {
  id: string;
  type: string;
  data: Record<string, unknown>;
  causationId: string | null;
  /** Where it is in the log; null while it is only queued. */
  position: Position | null;
}

/** A command decided in a batch: the state after it, and which append of the commit holds it. */
export interface BatchedResult<State> {
  state: State;
  /** How many events it queued (0: nothing to write). */
  events: number;
  /** Its index in the results of `commit`; null when it queued nothing. */
  append: number | null;
}

interface Stream {
  /** Read and queued, in order. */
  events: BatchEvent[];
  /** The folded state per decider (keyed by its `evolve`), and how many events it has folded. */
  states: Map<unknown, { state: unknown; folded: number }>;
}

/**
 * Many commands, on many streams, written in one `appendMany` (one transaction and one fsync in
 * SQLite), for bulk writers such as the iJw import. Each stream is read once; a command is
 * authorized and decided against the state its stream has with the batch's earlier commands
 * applied, as if they were written one by one. Every append of the commit expects the revision
 * the batch read plus what it queued before, so a write by anyone else in between makes the
 * commit fail with WrongExpectedRevisionError instead of being overwritten: then start a new
 * batch and decide again. A refused command (the decider throws) queues nothing.
 */
export class CommandBatch {
  private readonly streams = new Map<string, Promise<Stream>>();
  private readonly appends: StreamAppend[] = [];

  constructor(
    private readonly store: EventStore,
    private readonly now: () => Date,
  ) {}

  /** The stream's events: as read (once per batch), then those this batch queued. */
  async events(streamId: string): Promise<readonly BatchEvent[]> {
    return (await this.stream(streamId)).events;
  }

  /** The stream's state with this batch's commands applied, and its revision so far. */
  async load<Event extends DomainEvent, State>(
    streamId: string,
    decider: Pick<Decider<unknown, Event, State>, 'initialState' | 'evolve'>,
  ): Promise<{ state: State; revision: number }> {
    const stream = await this.stream(streamId);
    const cached = stream.states.get(decider.evolve) ?? {
      state: decider.initialState(),
      folded: 0,
    };
    let state = cached.state as State;
    for (const event of stream.events.slice(cached.folded)) {
      state = decider.evolve(state, toDomainEvent<Event>(event));
    }
    stream.states.set(decider.evolve, { state, folded: stream.events.length });
    return { state, revision: stream.events.length - 1 };
  }

  /** Authorizes and decides the command as DeciderStore.handle would, and queues its events. */
  async handle<Command, Event extends DomainEvent, State>(
    streamId: string,
    decider: Decider<Command, Event, State>,
    command: Command,
    context: CommandContext,
  ): Promise<BatchedResult<State>> {
    const { state, revision } = await this.load(streamId, decider);
    const now = this.now();
    decider.authorize?.(command, state, now);
    const decided = decider.decide(command, state, now);
    if (decided.length === 0) return { state, events: 0, append: null };
    const envelopes = decided.map((event) => toEnvelope(event, crypto.randomUUID(), now, context));
    const stream = await this.stream(streamId);
    stream.events.push(
      ...envelopes.map((e) => ({
        id: e.id,
        type: e.type,
        data: e.data,
        causationId: e.causationId,
        position: null,
      })),
    );
    this.appends.push({
      streamId,
      events: envelopes,
      expected: revision < 0 ? 'no_stream' : revision,
    });
    const after = decided.reduce(decider.evolve, state);
    stream.states.set(decider.evolve, { state: after, folded: stream.events.length });
    return { state: after, events: decided.length, append: this.appends.length - 1 };
  }

  /** The ids of the events queued so far. */
  queuedIds(): string[] {
    return this.appends.flatMap((a) => a.events.map((e) => e.id));
  }

  /** Appends everything queued in one call; one result per queued command, in order. */
  commit(): Promise<AppendResult[]> {
    return this.appends.length === 0 ? Promise.resolve([]) : this.store.appendMany(this.appends);
  }

  private stream(streamId: string): Promise<Stream> {
    let stream = this.streams.get(streamId);
    if (!stream) {
      stream = this.store.readStream(streamId).then((recorded) => ({
        events: recorded.map((e) => ({
          id: e.id,
          type: e.type,
          data: e.data,
          causationId: e.causationId,
          position: e.position,
        })),
        states: new Map(),
      }));
      this.streams.set(streamId, stream);
    }
    return stream;
  }
}

/**
 * Where a command path reads the streams its facts come from: the store (a DeciderStore) or a
 * bulk writer's batch, which sees what the batch queued before.
 */
export type StreamLoader = Pick<CommandBatch, 'load'>;
