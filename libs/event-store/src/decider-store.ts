import { createHash, createHmac, randomBytes } from 'node:crypto';
import { Decider, DomainEvent, fold } from '@app/domain';
import {
  Actor,
  EventStore,
  EventToAppend,
  Position,
  RecordedEvent,
  WrongExpectedRevisionError,
} from './event-store';
import { CommandBatch } from './command-batch';

export interface CommandContext {
  actor: Actor;
  correlationId: string;
  causationId: string | null;
  /** The stream revision the client based its command on (`If-Match`); checked before deciding. */
  expectedRevision?: number;
  /** Makes event ids deterministic, so a retried request does not append twice. */
  idempotencyKey?: string;
}

export interface CommandResult<State> {
  state: State;
  /** The stream's revision after the command: the new ETag. */
  revision: number;
  /** Where the last event landed in the log; `null` when the command caused no events. */
  position: Position | null;
}

/** Every event is written at schema version 1; renamed types are read by `upcast`. */
const SCHEMA_VERSION = 1;

/** How often a command without If-Match is decided again when another write came first. */
export const MAX_ATTEMPTS = 5;

/**
 * A write that would overwrite someone else's: the client's If-Match is no longer the stream's
 * version (`stale-if-match`, with the current version when it is known), or, without If-Match,
 * other writes kept coming first however often the command was decided again (`busy`).
 */
export class ConflictError extends Error {
  constructor(
    readonly kind: 'stale-if-match' | 'busy',
    readonly currentRevision: number | null,
  ) {
    super(kind === 'busy' ? 'too many concurrent writes' : 'If-Match is no longer current');
    this.name = 'ConflictError';
  }
}

/** An event of a stream with where it is in the log. */
export type PositionedEvent = DomainEvent & { position: Position };

export interface HandleOptions<Command, State> {
  /**
   * Runs once, after every check passed and the events are decided, right before they are
   * appended: the place for a write to another stream this command needs first (a family's new
   * members are persons of their own). A refusal or a stale If-Match never reaches it.
   */
  beforeAppend?: () => Promise<void>;
  /**
   * For a command that needs facts it may only fetch once the request is otherwise accepted:
   * after the retry check, `authorize`, If-Match and `decide` passed with the command as given,
   * `resolve` returns the command to decide and append instead (once: a consultation's BSN is
   * looked up, counted and logged only for a request that will be written).
   */
  resolve?: (command: Command, state: State) => Promise<Command>;
  /**
   * The version this client sees (ETag, If-Match, `revision`) when it depends on who writes, not
   * only on the stream: computed from the stream's events with their log positions (a care
   * dossier through a recognised membership not yet confirmed counts only what it shows, ADR
   * 0016). The events this command appends count at the position of the append.
   */
  version?: (recorded: readonly PositionedEvent[]) => number;
}

/**
 * The one command path: load the stream, fold it with `evolve`, `authorize`, check If-Match,
 * `decide(command, state, now)`, append the events with the revision that was read. A concurrent
 * writer makes the append fail instead of overwriting; without If-Match the command is then read,
 * decided and appended again (the client did not pin a version), with If-Match it is a conflict.
 */
export class DeciderStore {
  constructor(
    private readonly store: EventStore,
    /** The clock: commands are decided at this moment. */
    readonly now: () => Date,
    /**
     * The server secret of the event ids a command with an Idempotency-Key gets (`keyedUuid`):
     * the API's `idSecret(config)`. Without it, one of this process: a retry is then recognised
     * only while the process runs.
     */
    private readonly idSecret: Uint8Array = randomBytes(32),
  ) {}

  async handle<Command, Event extends DomainEvent, State>(
    streamId: string,
    decider: Decider<Command, Event, State>,
    command: Command,
    context: CommandContext,
    options: HandleOptions<Command, State> = {},
  ): Promise<CommandResult<State>> {
    // Hooks with effects run once, whatever the number of attempts.
    let appendPrepared: Promise<void> | undefined;
    let resolved: Promise<Command> | undefined;
    const once: HandleOptions<Command, State> = {
      beforeAppend: options.beforeAppend && (() => (appendPrepared ??= options.beforeAppend!())),
      resolve: options.resolve && ((c, state) => (resolved ??= options.resolve!(c, state))),
      version: options.version,
    };
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(streamId, decider, command, context, once);
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        // Another write came first, between our read and our append.
        if (context.expectedRevision !== undefined) {
          throw new ConflictError('stale-if-match', null);
        }
        if (attempt >= MAX_ATTEMPTS) throw new ConflictError('busy', null);
        // A short, random wait, so writers that met once do not meet again at once.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
      }
    }
  }

  private async attempt<Command, Event extends DomainEvent, State>(
    streamId: string,
    decider: Decider<Command, Event, State>,
    given: Command,
    context: CommandContext,
    hooks: HandleOptions<Command, State>,
  ): Promise<CommandResult<State>> {
    if (decider.appendOnly && !context.idempotencyKey && context.expectedRevision === undefined) {
      return this.append(streamId, decider, given, context);
    }
    const recorded = await this.store.readStream(streamId);
    const past = recorded.map(toDomainEvent<Event>);
    const current = fold(decider, past);
    const revision = recorded.length - 1;
    const versionOf = (
      state: State,
      streamRevision: number,
      events: readonly PositionedEvent[] = recorded,
    ): number =>
      hooks.version
        ? hooks.version(events)
        : decider.version
          ? decider.version(state)
          : streamRevision;

    // The same sender, key and stream give the same event ids: a retry finds its own events and
    // gets the first answer again, even if that first request took away the sender's access.
    const key = context.idempotencyKey;
    const ids = key
      ? (index: number) =>
          keyedUuid(this.idSecret, `${context.actor.userId}:${key}:${streamId}:${index}`)
      : () => crypto.randomUUID();
    const earlier = key ? findRetried(recorded, ids) : null;
    if (earlier) {
      const then = versionOf(
        fold(decider, past.slice(0, earlier.revision + 1)),
        earlier.revision,
        recorded.slice(0, earlier.revision + 1),
      );
      return { state: current, revision: then, position: earlier.position };
    }

    const now = this.now();
    decider.authorize?.(given, current, now);

    const version = versionOf(current, revision);
    if (context.expectedRevision !== undefined && context.expectedRevision !== version) {
      throw new ConflictError('stale-if-match', revision < 0 ? null : version);
    }
    let command = given;
    let events = decider.decide(command, current, now);
    if (events.length > 0 && hooks.resolve) {
      command = await hooks.resolve(given, current);
      events = decider.decide(command, current, now);
    }
    if (events.length === 0) return { state: current, revision: version, position: null };
    await hooks.beforeAppend?.();

    const result = await this.store.append(
      streamId,
      events.map((event, index) => toEnvelope(event, ids(index), now, context)),
      revision < 0 ? 'no_stream' : revision,
    );
    const next = events.reduce(decider.evolve, current);
    const appended = events.map((event) => ({ ...event, position: result.position }));
    return {
      state: next,
      revision: versionOf(next, result.nextRevision, [...recorded, ...appended]),
      position: result.position,
    };
  }

  /** A log's command: decided without its stream's state, appended whatever came before. */
  private async append<Command, Event extends DomainEvent, State>(
    streamId: string,
    decider: Decider<Command, Event, State>,
    command: Command,
    context: CommandContext,
  ): Promise<CommandResult<State>> {
    const initial = decider.initialState();
    const now = this.now();
    decider.authorize?.(command, initial, now);
    const events = decider.decide(command, initial, now);
    if (events.length === 0) return { state: initial, revision: -1, position: null };
    const result = await this.store.append(
      streamId,
      events.map((event) => toEnvelope(event, crypto.randomUUID(), now, context)),
      'any',
    );
    return {
      state: events.reduce(decider.evolve, initial),
      revision: result.nextRevision,
      position: result.position,
    };
  }

  /** A batch of commands on many streams, written in one append (see CommandBatch). */
  batch(): CommandBatch {
    return new CommandBatch(this.store, this.now);
  }

  /** The current state of a stream, and its revision (-1 when it does not exist). */
  async load<Event extends DomainEvent, State>(
    streamId: string,
    decider: Pick<Decider<unknown, Event, State>, 'initialState' | 'evolve'>,
  ): Promise<{ state: State; revision: number }> {
    const recorded = await this.store.readStream(streamId);
    return {
      state: fold(decider, recorded.map(toDomainEvent<Event>)),
      revision: recorded.length - 1,
    };
  }
}

export function toDomainEvent<Event extends DomainEvent>(
  recorded: Pick<RecordedEvent, 'type' | 'data'>,
): Event {
  return { type: recorded.type, data: recorded.data } as Event;
}

export function toEnvelope(
  event: DomainEvent,
  id: string,
  now: Date,
  context: CommandContext,
): EventToAppend {
  return {
    id,
    type: event.type,
    schemaVersion: SCHEMA_VERSION,
    data: event.data as Record<string, unknown>,
    occurredAt: now.toISOString(),
    actor: context.actor,
    correlationId: context.correlationId,
    causationId: context.causationId,
  };
}

function findRetried(
  recorded: RecordedEvent[],
  ids: (index: number) => string,
): RecordedEvent | null {
  const index = recorded.findIndex((event) => event.id === ids(0));
  if (index < 0) return null;
  let last = recorded[index]!;
  for (let i = 1; recorded[index + i]?.id === ids(i); i++) last = recorded[index + i]!;
  return last;
}

/**
 * A UUID (version 8, name-based) derived from a string, so the same name gives the same id. For
 * names only the server knows (an iJw message's key); a name with a client's Idempotency-Key in it
 * takes `keyedUuid`, or the client could work out the ids beforehand.
 */
export function deterministicUuid(name: string): string {
  return asUuid(createHash('sha256').update(name).digest('hex'));
}

/**
 * A UUID derived from a name under a server secret (HMAC-SHA256): the same secret and name give
 * the same id, and without the secret no one can tell which id a name gives.
 */
export function keyedUuid(secret: Uint8Array, name: string): string {
  return asUuid(createHmac('sha256', secret).update(name).digest('hex'));
}

function asUuid(hex: string): string {
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
