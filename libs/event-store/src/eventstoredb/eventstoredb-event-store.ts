import { upcast } from '../upcasting';
import {
  ANY,
  BACKWARDS,
  END,
  ErrorType,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  START as ESDB_START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  excludeSystemEvents,
  isCommandError,
  jsonEvent,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type AppendExpectedRevision,
  type EventData,
  type ReadPosition,
  type RecordedEvent as EsdbRecordedEvent,
  type ResolvedEvent,
  type StreamingRead,
} from '@eventstore/db-client';
import {
  Actor,
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  Position,
  RecordedEvent,
  START,
  StreamAppend,
  SubscribeToAllOptions,
  Subscription,
  WrongExpectedRevisionError,
} from '../event-store';

/**
 * What the envelope keeps in an event's metadata. `$correlationId` and `$causationId` are the names
 * EventStoreDB itself understands (its `$by_correlation_id` projection and UI use them).
 */
type EnvelopeMetadata = {
  schemaVersion: number;
  occurredAt: string;
  actor: Actor;
  $correlationId: string;
  $causationId?: string;
};

export interface EventStoreDbEventStoreOptions {
  /** First wait before a dropped subscription reconnects (ms); doubles per failed attempt. */
  retryMinMs?: number;
  /** Longest wait between reconnect attempts (ms). */
  retryMaxMs?: number;
  /** Told about every reconnect attempt of a subscription, so the application can log it. */
  onSubscriptionRetry?(error: Error, delayMs: number): void;
}

/** Events read per request where system events have to be skipped on our side. */
const SCAN_PAGE = 100;
/** A health check should answer quickly rather than wait for the client's default 10 s. */
const HEALTH_DEADLINE_MS = 5_000;
/** Marks the caught-up moment inside the subscription's stream of events. */
const CAUGHT_UP = Symbol('caught up');

/**
 * The EventStoreDB / KurrentDB adapter (gRPC client `@eventstore/db-client` 6.x). Everything that
 * knows about that client lives in this file, so moving to `@kurrent/kurrentdb-client` is local.
 *
 * Positions are commit positions. Appends write each event as its own committed record, so its
 * commit and prepare positions are equal and a commit position alone identifies it in `$all`.
 */
export class EventStoreDbEventStore extends EventStore {
  private readonly client: EventStoreDBClient;
  private readonly retryMinMs: number;
  private readonly retryMaxMs: number;
  private readonly onSubscriptionRetry: (error: Error, delayMs: number) => void;
  private readonly subscriptions = new Set<Subscription>();

  constructor(connectionString: string, options: EventStoreDbEventStoreOptions = {}) {
    super();
    this.client = EventStoreDBClient.connectionString(connectionString);
    this.retryMinMs = options.retryMinMs ?? 500;
    this.retryMaxMs = options.retryMaxMs ?? 10_000;
    this.onSubscriptionRetry = options.onSubscriptionRetry ?? (() => undefined);
  }

  async append(
    streamId: string,
    events: EventToAppend[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    // The server reports nothing useful for an empty append; answer as the SQLite adapter does.
    if (events.length === 0) return this.appendNothing(streamId, expected);
    let nextRevision: number;
    let position: Position | undefined;
    try {
      const result = await this.client.appendToStream(streamId, events.map(toEventData), {
        expectedRevision: toEsdbExpected(expected),
      });
      nextRevision = Number(result.nextExpectedRevision);
      position = result.position?.commit;
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        throw new WrongExpectedRevisionError(streamId, expected, toActual(error.actualVersion));
      }
      throw error;
    }
    // A retried append (same event ids) is answered idempotently by the server, without a position.
    return { nextRevision, position: position ?? (await this.positionOf(streamId, nextRevision)) };
  }

  /** No transaction across streams here: one append after the other, stopping at a conflict. */
  async appendMany(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    const results: AppendResult[] = [];
    for (const { streamId, events, expected } of appends) {
      results.push(await this.append(streamId, events, expected));
    }
    return results;
  }

  async readStream(streamId: string): Promise<RecordedEvent[]> {
    let read: ResolvedEvent[];
    try {
      read = await readToEnd(
        this.client.readStream(streamId, { fromRevision: ESDB_START, direction: FORWARDS }),
      );
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    const out: RecordedEvent[] = [];
    for (const resolved of read) {
      if (!resolved.event) continue;
      const position = resolved.event.position?.commit ?? resolved.commitPosition;
      if (position === undefined) {
        throw new Error(
          'EventStoreDB returned an event without a log position (the adapter needs EventStoreDB/KurrentDB 23.10 or newer)',
        );
      }
      const recorded = toRecorded(resolved.event, position);
      if (recorded) out.push(recorded);
    }
    return out;
  }

  /**
   * The 6.x client offers no server-side filter for reads, so system events and events of other
   * tools are skipped here; a page may need more than one request to fill.
   */
  async readAll(after: Position, limit: number): Promise<RecordedEvent[]> {
    const out: RecordedEvent[] = [];
    let from = after;
    while (out.length < limit) {
      // The server's `fromPosition` is inclusive: ask one more to make up for the event at `from`.
      const maxCount = limit - out.length + (from === START ? 0 : 1);
      const page = await readToEnd(
        this.client.readAll({ fromPosition: toReadPosition(from), direction: FORWARDS, maxCount }),
      );
      for (const resolved of page) {
        if (!resolved.event) continue;
        const position = resolved.event.position.commit;
        if (!isAfter(position, from)) continue;
        from = position;
        const recorded = toRecorded(resolved.event, position);
        if (recorded && out.length < limit) out.push(recorded);
      }
      if (page.length < maxCount) break; // the end of the log
    }
    return out;
  }

  subscribeToAll(options: SubscribeToAllOptions): Subscription {
    let stopped = false;
    let current: AllStreamSubscription | null = null;
    let wake: (() => void) | null = null;

    const fail = (error: unknown): void => {
      stopped = true;
      options.onError?.(toError(error));
    };
    const pause = (ms: number): Promise<void> =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          wake = null;
          resolve();
        }, ms);
        wake = () => {
          clearTimeout(timer);
          wake = null;
          resolve();
        };
      });

    const run = async (): Promise<void> => {
      let last = options.fromPosition;
      let caughtUp = false;
      let delay = this.retryMinMs;
      while (!stopped) {
        const subscription = this.client.subscribeToAll({
          fromPosition: toReadPosition(last),
          filter: excludeSystemEvents(),
        });
        current = subscription;
        // Errors reach the loop through the iterator; this listener only keeps an error that
        // arrives after the loop has let go of the stream from crashing the process.
        subscription.on('error', () => undefined);
        // The client emits `caughtUp` while events read before it may still wait in the stream's
        // buffer. A marker pushed into the stream at that moment arrives after exactly those events.
        subscription.on('caughtUp', () => subscription.push(CAUGHT_UP));
        let failure: unknown = null;
        try {
          const items: AsyncIterable<AllStreamResolvedEvent | typeof CAUGHT_UP> = subscription;
          for await (const item of items) {
            if (stopped) break;
            delay = this.retryMinMs; // the connection works again
            if (item === CAUGHT_UP) {
              if (!caughtUp) options.onCaughtUp?.();
              caughtUp = true;
              continue;
            }
            if (!item.event) continue;
            const position = item.event.position.commit;
            // After a reconnect the server starts after `last`; the check is cheap insurance.
            if (!isAfter(position, last)) continue;
            const recorded = toRecorded(item.event, position);
            if (recorded) {
              try {
                await options.onEvent(recorded);
              } catch (error) {
                fail(error); // the application's handler failed: retrying would fail again
                return;
              }
            }
            last = position;
          }
        } catch (error) {
          failure = error;
        } finally {
          current = null;
          await subscription.unsubscribe().catch(() => undefined);
        }
        if (stopped) return;
        // A subscription only ends on its own when the connection went away: reconnect.
        if (failure !== null && !isTransient(failure)) {
          fail(failure);
          return;
        }
        this.onSubscriptionRetry(toError(failure ?? new Error('subscription ended')), delay);
        await pause(delay);
        delay = Math.min(delay * 2, this.retryMaxMs);
      }
    };

    const done = run().catch(fail);
    const handle: Subscription = {
      stop: async () => {
        stopped = true;
        wake?.();
        current?.destroy(); // ends the loop even while no event arrives
        await done;
        this.subscriptions.delete(handle);
      },
    };
    this.subscriptions.add(handle);
    return handle;
  }

  /** The newest event that `readAll` would return; scanned backwards past system events. */
  async headPosition(): Promise<Position> {
    let from: ReadPosition = END;
    for (;;) {
      const page: AllStreamResolvedEvent[] = await readToEnd(
        this.client.readAll({ fromPosition: from, direction: BACKWARDS, maxCount: SCAN_PAGE }),
      );
      for (const resolved of page) {
        if (!resolved.event) continue;
        const position = resolved.event.position.commit;
        if (toRecorded(resolved.event, position)) return position;
        from = resolved.event.position;
      }
      if (page.length < SCAN_PAGE) return START;
    }
  }

  async checkHealth(): Promise<void> {
    // Reaching the server is the check; the event itself does not matter.
    await readToEnd(
      this.client.readAll({
        fromPosition: END,
        direction: BACKWARDS,
        maxCount: 1,
        deadline: HEALTH_DEADLINE_MS,
      }),
    );
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    await this.client.dispose();
  }

  private async appendNothing(streamId: string, expected: ExpectedRevision): Promise<AppendResult> {
    const events = await this.readStream(streamId);
    const last = events.length > 0 ? events[events.length - 1]!.revision : null;
    const matches =
      expected === 'any' ||
      (expected === 'no_stream' && last === null) ||
      (typeof expected === 'number' && expected === last);
    if (!matches) throw new WrongExpectedRevisionError(streamId, expected, last ?? 'no_stream');
    return { nextRevision: last ?? -1, position: START };
  }

  private async positionOf(streamId: string, revision: number): Promise<Position> {
    const [resolved] = await readToEnd(
      this.client.readStream(streamId, { fromRevision: BigInt(revision), maxCount: 1 }),
    );
    return (
      resolved?.event?.position?.commit ?? resolved?.commitPosition ?? (await this.headPosition())
    );
  }
}

function toEventData(event: EventToAppend): EventData {
  const metadata: EnvelopeMetadata = {
    schemaVersion: event.schemaVersion,
    occurredAt: event.occurredAt,
    actor: { userId: event.actor.userId, role: event.actor.role },
    $correlationId: event.correlationId,
    ...(event.causationId === null ? {} : { $causationId: event.causationId }),
  };
  // The envelope id is the event id: the server drops a retried append of the same ids.
  return jsonEvent({ id: event.id, type: event.type, data: event.data, metadata });
}

/**
 * Reads a bounded read to its end. A read left half-consumed keeps its gRPC stream open, and the
 * client's `dispose()` waits for every stream: `close()` would hang.
 */
async function readToEnd<T>(read: StreamingRead<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of read) out.push(item);
  return out;
}

/** Null for what this application did not write: system events, non-JSON, foreign metadata. */
function toRecorded(event: EsdbRecordedEvent, position: Position): RecordedEvent | null {
  if (!event.isJson || event.type.startsWith('$') || !isPlainObject(event.data)) return null;
  const metadata = readMetadata(event.metadata);
  if (!metadata) return null;
  return upcast({
    id: event.id,
    streamId: event.streamId,
    revision: Number(event.revision),
    position,
    type: event.type,
    schemaVersion: metadata.schemaVersion,
    data: event.data,
    occurredAt: metadata.occurredAt,
    recordedAt: event.created.toISOString(),
    actor: metadata.actor,
    correlationId: metadata.$correlationId,
    causationId: metadata.$causationId ?? null,
  });
}

function readMetadata(value: unknown): EnvelopeMetadata | null {
  if (!isPlainObject(value)) return null;
  const { schemaVersion, occurredAt, actor, $correlationId, $causationId } = value;
  if (
    typeof schemaVersion !== 'number' ||
    typeof occurredAt !== 'string' ||
    typeof $correlationId !== 'string' ||
    !isPlainObject(actor) ||
    typeof actor.userId !== 'string' ||
    typeof actor.role !== 'string' ||
    ($causationId !== undefined && typeof $causationId !== 'string')
  ) {
    return null;
  }
  return {
    schemaVersion,
    occurredAt,
    actor: { userId: actor.userId, role: actor.role },
    $correlationId,
    ...($causationId === undefined ? {} : { $causationId }),
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !ArrayBuffer.isView(value)
  );
}

function toEsdbExpected(expected: ExpectedRevision): AppendExpectedRevision {
  if (expected === 'any') return ANY;
  if (expected === 'no_stream') return NO_STREAM;
  return BigInt(expected);
}

function toActual(actual: unknown): number | 'no_stream' | 'unknown' {
  if (typeof actual === 'bigint') return Number(actual);
  return actual === NO_STREAM ? 'no_stream' : 'unknown';
}

function toReadPosition(position: Position): ReadPosition {
  return position === START ? ESDB_START : { commit: position, prepare: position };
}

/** `START` is before every event, whatever position the first one has. */
function isAfter(position: Position, after: Position): boolean {
  return after === START || position > after;
}

/** Errors a later attempt may not meet: the server or the network, not the request. */
const TRANSIENT = new Set<ErrorType>([
  ErrorType.UNAVAILABLE,
  ErrorType.DEADLINE_EXCEEDED,
  ErrorType.TIMEOUT,
  ErrorType.CANCELLED,
  ErrorType.NOT_LEADER,
  // A restarting server resets streams, which gRPC reports as INTERNAL: "unknown" to the client.
  ErrorType.UNKNOWN,
]);

function isTransient(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (isCommandError(error)) return TRANSIENT.has(error.type);
  // When no cluster node answers gossip, the client throws a plain Error with this message.
  return error.message.startsWith('Failed to discover');
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
