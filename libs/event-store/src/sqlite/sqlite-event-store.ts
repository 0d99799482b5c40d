import Database from 'better-sqlite3';
import { upcast } from '../upcasting';
import { EventEmitter } from 'node:events';
import {
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

interface EventRow {
  position: number | bigint;
  event_id: string;
  stream_id: string;
  revision: number;
  type: string;
  schema_version: number;
  data: string;
  occurred_at: string;
  recorded_at: string;
  actor_user_id: string;
  actor_role: string;
  correlation_id: string;
  causation_id: string | null;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position       INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id       TEXT    NOT NULL UNIQUE,
  stream_id      TEXT    NOT NULL,
  revision       INTEGER NOT NULL,
  type           TEXT    NOT NULL,
  schema_version INTEGER NOT NULL,
  data           TEXT    NOT NULL,
  occurred_at    TEXT    NOT NULL,
  recorded_at    TEXT    NOT NULL,
  actor_user_id  TEXT    NOT NULL,
  actor_role     TEXT    NOT NULL,
  correlation_id TEXT    NOT NULL,
  causation_id   TEXT,
  UNIQUE (stream_id, revision)
);`;

export interface SqliteEventStoreOptions {
  /** How often a live subscription looks for events appended by another process (ms). */
  pollIntervalMs?: number;
  /** Events read per page by subscriptions. */
  pageSize?: number;
  /** The store's clock for `recordedAt` (tests set it; EventStoreDB keeps its own). */
  now?: () => Date;
}

/**
 * The embedded default: one SQLite file, WAL, `synchronous=FULL` so that every committed append
 * is fsynced before `append` resolves. Positions are the table's rowids (1, 2, 3 ...).
 */
export class SqliteEventStore extends EventStore {
  private readonly db: Database.Database;
  private readonly appended = new EventEmitter();
  private readonly pollIntervalMs: number;
  private readonly pageSize: number;
  private readonly now: () => Date;
  private readonly statements;
  private readonly appendTransaction;
  private readonly appendManyTransaction;

  constructor(filename: string, options: SqliteEventStoreOptions = {}) {
    super();
    this.pollIntervalMs = options.pollIntervalMs ?? 200;
    this.pageSize = options.pageSize ?? 1000;
    this.now = options.now ?? (() => new Date());
    this.appended.setMaxListeners(0);
    this.db = new Database(filename);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    this.statements = {
      lastRevision: this.db.prepare<[string], { revision: number | null }>(
        'SELECT MAX(revision) AS revision FROM events WHERE stream_id = ?',
      ),
      byEventId: this.db.prepare<
        [string],
        { stream_id: string; revision: number; position: number }
      >('SELECT stream_id, revision, position FROM events WHERE event_id = ?'),
      insert: this.db.prepare(
        `INSERT INTO events (event_id, stream_id, revision, type, schema_version, data, occurred_at,
           recorded_at, actor_user_id, actor_role, correlation_id, causation_id)
         VALUES (@event_id, @stream_id, @revision, @type, @schema_version, @data, @occurred_at,
           @recorded_at, @actor_user_id, @actor_role, @correlation_id, @causation_id)`,
      ),
      readStream: this.db.prepare<[string], EventRow>(
        'SELECT * FROM events WHERE stream_id = ? ORDER BY revision',
      ),
      readAll: this.db.prepare<[bigint, number], EventRow>(
        'SELECT * FROM events WHERE position > ? ORDER BY position LIMIT ?',
      ),
      head: this.db.prepare<[], { position: number | null }>(
        'SELECT MAX(position) AS position FROM events',
      ),
    };
    const appendOne = (
      streamId: string,
      events: EventToAppend[],
      expected: ExpectedRevision,
    ): AppendResult => {
      const retried = this.findRetriedAppend(streamId, events);
      if (retried) return retried;
      const last = this.statements.lastRevision.get(streamId)?.revision ?? null;
      checkExpected(streamId, expected, last);
      const recordedAt = this.now().toISOString();
      let revision = last ?? -1;
      let position: Position = START;
      for (const event of events) {
        revision += 1;
        const info = this.statements.insert.run({
          event_id: event.id,
          stream_id: streamId,
          revision,
          type: event.type,
          schema_version: event.schemaVersion,
          data: JSON.stringify(event.data),
          occurred_at: event.occurredAt,
          recorded_at: recordedAt,
          actor_user_id: event.actor.userId,
          actor_role: event.actor.role,
          correlation_id: event.correlationId,
          causation_id: event.causationId,
        });
        position = BigInt(info.lastInsertRowid);
      }
      return { nextRevision: revision, position };
    };
    this.appendTransaction = this.db.transaction(appendOne);
    this.appendManyTransaction = this.db.transaction((appends: readonly StreamAppend[]) =>
      appends.map((a) => appendOne(a.streamId, a.events, a.expected)),
    );
  }

  append(
    streamId: string,
    events: EventToAppend[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    try {
      const result = this.appendTransaction.immediate(streamId, events, expected);
      if (events.length > 0) this.appended.emit('append');
      return Promise.resolve(result);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  appendMany(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    try {
      const results = this.appendManyTransaction.immediate(appends);
      if (appends.some((a) => a.events.length > 0)) this.appended.emit('append');
      return Promise.resolve(results);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /**
   * A retried request carries the same event ids. If they are all already in this stream, in order,
   * the append already happened: answer as the first time did instead of writing them again.
   */
  private findRetriedAppend(streamId: string, events: EventToAppend[]): AppendResult | null {
    if (events.length === 0) return null;
    const stored = events.map((e) => this.statements.byEventId.get(e.id));
    if (stored.every((row) => row === undefined)) return null;
    const first = stored[0];
    const sameAppend =
      first !== undefined &&
      stored.every(
        (row, i) =>
          row !== undefined && row.stream_id === streamId && row.revision === first.revision + i,
      );
    if (!sameAppend) {
      throw new WrongExpectedRevisionError(
        streamId,
        'any',
        this.statements.lastRevision.get(streamId)?.revision ?? 'no_stream',
      );
    }
    const last = stored[stored.length - 1]!;
    return { nextRevision: last.revision, position: BigInt(last.position) };
  }

  readStream(streamId: string): Promise<RecordedEvent[]> {
    return Promise.resolve(this.statements.readStream.all(streamId).map(toRecorded));
  }

  readAll(after: Position, limit: number): Promise<RecordedEvent[]> {
    return Promise.resolve(this.readAllNow(after, limit));
  }

  private readAllNow(after: Position, limit: number): RecordedEvent[] {
    return this.statements.readAll.all(after, limit).map(toRecorded);
  }

  headPosition(): Promise<Position> {
    return Promise.resolve(BigInt(this.statements.head.get()?.position ?? 0));
  }

  checkHealth(): Promise<void> {
    this.statements.head.get();
    return Promise.resolve();
  }

  subscribeToAll(options: SubscribeToAllOptions): Subscription {
    let stopped = false;
    let wake: (() => void) | null = null;
    const onAppend = (): void => wake?.();
    this.appended.on('append', onAppend);
    const waitForMore = (): Promise<void> =>
      new Promise<void>((resolve) => {
        // Appends in this process wake us at once; the timer finds appends made by other processes.
        const timer = setTimeout(resolve, this.pollIntervalMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      }).then(() => {
        wake = null;
      });

    const run = async (): Promise<void> => {
      let position = options.fromPosition;
      let caughtUp = false;
      while (!stopped) {
        const page = this.readAllNow(position, this.pageSize);
        for (const event of page) {
          if (stopped) return;
          await options.onEvent(event);
          position = event.position;
        }
        if (page.length < this.pageSize) {
          if (!caughtUp) {
            caughtUp = true;
            options.onCaughtUp?.();
          }
          if (!stopped) await waitForMore();
        }
      }
    };
    const done = run().catch((error: unknown) => {
      stopped = true;
      options.onError?.(error as Error);
    });
    return {
      stop: async () => {
        stopped = true;
        this.appended.off('append', onAppend);
        wake?.();
        await done;
      },
    };
  }

  /**
   * Only for the one-off migration to encrypted personal fields (ADR 0015): replaces the data of
   * stored events, in one transaction; ids, positions and revisions stay. Call `compact` after.
   */
  replaceData(updates: readonly { position: Position; data: Record<string, unknown> }[]): void {
    const update = this.db.prepare<[string, bigint]>(
      'UPDATE events SET data = ? WHERE position = ?',
    );
    this.db.transaction(() => {
      for (const { position, data } of updates) update.run(JSON.stringify(data), position);
    })();
  }

  /** Rewrites the file without free pages and empties the WAL: replaced data leaves no copy. */
  compact(): void {
    this.db.exec('VACUUM');
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  close(): Promise<void> {
    this.appended.emit('append');
    this.db.close();
    return Promise.resolve();
  }
}

function checkExpected(streamId: string, expected: ExpectedRevision, last: number | null): void {
  if (expected === 'any') return;
  if (expected === 'no_stream' && last === null) return;
  if (typeof expected === 'number' && last === expected) return;
  throw new WrongExpectedRevisionError(streamId, expected, last ?? 'no_stream');
}

function toRecorded(row: EventRow): RecordedEvent {
  return upcast({
    id: row.event_id,
    streamId: row.stream_id,
    revision: row.revision,
    position: BigInt(row.position),
    type: row.type,
    schemaVersion: row.schema_version,
    data: JSON.parse(row.data) as Record<string, unknown>,
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
    actor: { userId: row.actor_user_id, role: row.actor_role },
    correlationId: row.correlation_id,
    causationId: row.causation_id,
  });
}
