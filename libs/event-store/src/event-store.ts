/**
 * The event store port. Two adapters implement it (SQLite, embedded default; EventStoreDB, for
 * production and clusters) and one contract suite (test/contract) holds both to the same behaviour.
 */

/** Global log position. Ordered; `START` is before the first event. Opaque beyond ordering. */
export type Position = bigint;
export const START: Position = 0n;

/**
 * What the writer believes the stream's last revision is (revisions are 0-based, like EventStoreDB).
 * `no_stream`: the stream must not exist yet; `any`: no check; a number: the exact last revision.
 */
export type ExpectedRevision = 'no_stream' | 'any' | number;

export interface Actor {
  userId: string;
  role: string;
}

/** The envelope of an event as the application hands it to the store. */
export interface EventToAppend {
  /** UUID; appending the same ids again (a retried request) does not duplicate them. */
  id: string;
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
  /** When it happened in the world (ISO 8601); `recordedAt` is when the store took it. */
  occurredAt: string;
  actor: Actor;
  correlationId: string;
  causationId: string | null;
}

export interface RecordedEvent extends EventToAppend {
  streamId: string;
  revision: number;
  position: Position;
  recordedAt: string;
}

export interface AppendResult {
  /** The stream's revision after the append (the ETag of the stream). */
  nextRevision: number;
  /** The global position of the last appended event: a query can wait until it is projected. */
  position: Position;
}

/** One stream's part of `appendMany`. */
export interface StreamAppend {
  streamId: string;
  events: EventToAppend[];
  expected: ExpectedRevision;
}

export class WrongExpectedRevisionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** The stream's actual last revision, or `no_stream`; unknown when the store does not say. */
    readonly actual: number | 'no_stream' | 'unknown',
  ) {
    super(`stream ${streamId}: expected revision ${String(expected)}, actual ${String(actual)}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

export interface SubscribeToAllOptions {
  /** Exclusive: the first event delivered is the one after this position. */
  fromPosition: Position;
  /** Awaited before the next event is delivered. */
  onEvent(event: RecordedEvent): Promise<void> | void;
  /** Called once when the subscription has read everything that was there and turns live. */
  onCaughtUp?(): void;
  /** Called when the subscription stops on an error it could not recover from. */
  onError?(error: Error): void;
}

export interface Subscription {
  stop(): Promise<void>;
}

export abstract class EventStore {
  /** Appends atomically, durable before the promise resolves. */
  abstract append(
    streamId: string,
    events: EventToAppend[],
    expected: ExpectedRevision,
  ): Promise<AppendResult>;

  /**
   * Several appends in one call, in order, durable before the promise resolves; one result per
   * append. Each is checked against its own expected revision, which counts the appends before it
   * in the same call (two appends to one stream: the second expects the first's `nextRevision`),
   * so nothing is overwritten. SQLite writes them in one transaction, with one fsync: all or
   * nothing. EventStoreDB has no transaction across streams: it appends one after the other and
   * stops at the first WrongExpectedRevisionError, with the appends before it written.
   */
  abstract appendMany(appends: readonly StreamAppend[]): Promise<AppendResult[]>;

  /** All events of one stream in revision order; an empty array when the stream does not exist. */
  abstract readStream(streamId: string): Promise<RecordedEvent[]>;

  /** Up to `limit` events of the global log after `after`, in log order, without system events. */
  abstract readAll(after: Position, limit: number): Promise<RecordedEvent[]>;

  /** Catch-up subscription: everything after `fromPosition`, then live. */
  abstract subscribeToAll(options: SubscribeToAllOptions): Subscription;

  /** Position of the last event in the log; `START` when it is empty. */
  abstract headPosition(): Promise<Position>;

  /** Throws when the store cannot be reached (used by health). */
  abstract checkHealth(): Promise<void>;

  abstract close(): Promise<void>;
}
