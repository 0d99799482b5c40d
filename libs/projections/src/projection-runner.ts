import type { Database } from 'better-sqlite3';
import { EventStore, Position, RecordedEvent, START, Subscription } from '@app/event-store';
import { Projection } from './projection';
import { ReadModelDatabase } from './read-model-database';

export interface ProjectionStatus {
  name: string;
  version: number;
  position: Position;
  caughtUp: boolean;
  /** Why it stopped on an event it could not apply; null while it runs. */
  failure: string | null;
}

export interface ProjectionRunnerOptions {
  /** Events applied per SQLite transaction at most. */
  batchSize?: number;
  onError?: (projection: string, error: Error) => void;
}

interface Checkpoint {
  version: number;
  position: Position;
}

/**
 * Keeps one projection current: a catch-up subscription from its checkpoint; events are buffered
 * and applied in batches, each batch and the new checkpoint in one SQLite transaction, so a crash
 * never double-counts or skips an event.
 */
class ProjectionWorker {
  private subscription: Subscription | null = null;
  private apply: ((event: RecordedEvent) => void) | null = null;
  private buffer: RecordedEvent[] = [];
  private flushScheduled = false;
  /** Set when someone else (a rebuild from the CLI) moved our checkpoint: we restart from it. */
  private stale = false;
  /** Between start() and stop(): a restart scheduled before a stop must not start it again. */
  private running = false;
  position: Position = START;
  caughtUp = false;
  /** Why this projection stopped, when it did. */
  failure: string | null = null;

  constructor(
    private readonly projection: Projection,
    private readonly db: Database,
    private readonly store: EventStore,
    private readonly batchSize: number,
    private readonly onProgress: () => void,
    private readonly onError: (error: Error) => void,
  ) {}

  start(): void {
    this.running = true;
    this.failure = null;
    const checkpoint = readCheckpoint(this.db, this.projection.name);
    if (!checkpoint || checkpoint.version !== this.projection.version) {
      this.reset();
    } else {
      this.apply = this.projection.open(this.db);
      this.position = checkpoint.position;
    }
    this.stale = false;
    this.caughtUp = false;
    this.subscription = this.store.subscribeToAll({
      fromPosition: this.position,
      onEvent: (event) => this.receive(event),
      onCaughtUp: () => {
        this.flush();
        this.caughtUp = true;
        this.onProgress();
      },
      onError: (error) => this.fail(error),
    });
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.subscription?.stop();
    this.subscription = null;
    this.flush();
  }

  /** Drops the read model and its checkpoint; the next events rebuild it from the start. */
  reset(): void {
    this.db.transaction(() => {
      for (const table of this.projection.tables) this.db.exec(`DROP TABLE IF EXISTS "${table}"`);
      this.apply = this.projection.open(this.db);
      writeCheckpoint(this.db, this.projection, START);
    })();
    this.buffer = [];
    this.position = START;
  }

  private receive(event: RecordedEvent): void {
    if (this.stale) return;
    this.buffer.push(event);
    if (this.buffer.length >= this.batchSize) {
      this.flush();
    } else if (!this.flushScheduled) {
      // Catch-up pages arrive without yielding to the event loop: they collect into one batch.
      this.flushScheduled = true;
      setImmediate(() => {
        this.flushScheduled = false;
        try {
          this.flush();
        } catch (error) {
          this.fail(error);
        }
      });
    }
  }

  /**
   * A batch this projection cannot apply stops this projection only (its checkpoint stays before
   * the batch, so nothing is half-applied); the others go on, and health reports it.
   */
  private fail(error: unknown): void {
    this.failure = error instanceof Error ? error.message : String(error);
    this.stale = true;
    this.running = false;
    void this.subscription?.stop();
    this.onError(error instanceof Error ? error : new Error(this.failure));
  }

  private flush(): void {
    if (this.buffer.length === 0 || this.stale || !this.apply) return;
    const batch = this.buffer;
    this.buffer = [];
    const apply = this.apply;
    const expected = this.position;
    const last = batch[batch.length - 1]!.position;
    const committed = this.db.transaction(() => {
      const stored = readCheckpoint(this.db, this.projection.name);
      if (!stored || stored.position !== expected || stored.version !== this.projection.version) {
        return false;
      }
      for (const event of batch) apply(event);
      writeCheckpoint(this.db, this.projection, last);
      return true;
    })();
    if (!committed) {
      this.stale = true;
      setImmediate(() => void this.restart());
      return;
    }
    this.position = last;
    this.onProgress();
  }

  private async restart(): Promise<void> {
    if (!this.running) return;
    await this.subscription?.stop();
    this.buffer = [];
    if (this.running) this.start();
  }
}

/**
 * Runs every projection of this instance. Queries can wait until the projections have reached a
 * position a client just wrote (read-your-writes).
 */
export class ProjectionRunner {
  private readonly workers = new Map<string, ProjectionWorker>();
  private waiters: { position: Position; resolve: (reached: boolean) => void }[] = [];

  constructor(
    private readonly store: EventStore,
    private readonly readModels: ReadModelDatabase,
    projections: readonly Projection[],
    options: ProjectionRunnerOptions = {},
  ) {
    const batchSize = options.batchSize ?? 1000;
    for (const projection of projections) {
      if (this.workers.has(projection.name)) {
        throw new Error(`two projections are named ${projection.name}`);
      }
      this.workers.set(
        projection.name,
        new ProjectionWorker(
          projection,
          readModels.db,
          store,
          batchSize,
          () => this.settleWaiters(),
          (error) => options.onError?.(projection.name, error),
        ),
      );
    }
  }

  start(): void {
    for (const worker of this.workers.values()) worker.start();
  }

  async stop(): Promise<void> {
    await Promise.all([...this.workers.values()].map((worker) => worker.stop()));
    for (const waiter of this.waiters) waiter.resolve(false);
    this.waiters = [];
  }

  /** The lowest position every projection has reached. */
  position(): Position {
    let lowest: Position | null = null;
    for (const worker of this.workers.values()) {
      if (lowest === null || worker.position < lowest) lowest = worker.position;
    }
    return lowest ?? START;
  }

  status(): ProjectionStatus[] {
    return [...this.workers.entries()].map(([name, worker]) => ({
      name,
      version: readCheckpoint(this.readModels.db, name)?.version ?? 0,
      position: worker.position,
      caughtUp: worker.caughtUp,
      failure: worker.failure,
    }));
  }

  /** Resolves true once every projection has applied the event at `position`, false on timeout. */
  waitFor(position: Position, timeoutMs: number): Promise<boolean> {
    if (this.position() >= position) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiter = {
        position,
        resolve: (reached: boolean) => {
          clearTimeout(timer);
          resolve(reached);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve(false);
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /**
   * Drops the named projections (all when none named) so they rebuild from the start of the log.
   * Safe while another process (the API) runs the same projections on the same file: each batch
   * commits only if the checkpoint is still the one it started from, so the two never apply an
   * event twice; the one that loses the race restarts from the stored checkpoint.
   */
  async rebuild(names: readonly string[] = []): Promise<void> {
    const unknown = names.filter((name) => !this.workers.has(name));
    if (unknown.length > 0) {
      // Checked before anything is dropped, so a typo drops nothing.
      throw new Error(
        `unknown projection ${unknown.join(', ')}; known: ${this.names().join(', ')}`,
      );
    }
    for (const name of names.length === 0 ? this.names() : names) {
      const worker = this.workers.get(name)!;
      await worker.stop();
      worker.reset();
    }
  }

  /**
   * Drops read models that are ahead of the log: after a restore of an older backup their
   * checkpoints point past the log's head and new events would be skipped.
   */
  async rebuildIfAheadOf(head: Position): Promise<string[]> {
    const ahead = this.storedStatus()
      .filter((p) => p.position !== null && p.position > head)
      .map((p) => p.name);
    if (ahead.length > 0) await this.rebuild(ahead);
    return ahead;
  }

  /** Runs every projection until it has caught up with the log, then stops (CLI and tests). */
  async runUntilCaughtUp(): Promise<void> {
    this.start();
    await this.caughtUp();
    await this.stop();
  }

  /** Resolves once every running projection has read everything that was in the log. */
  caughtUp(): Promise<void> {
    return new Promise<void>((resolve) => {
      const check = (): void => {
        if ([...this.workers.values()].every((w) => w.caughtUp)) resolve();
        else setTimeout(check, 20);
      };
      check();
    });
  }

  /** The checkpoints on file, without starting anything (for `projections status`). */
  storedStatus(): { name: string; version: number; position: Position | null }[] {
    return this.names().map((name) => {
      const checkpoint = readCheckpoint(this.readModels.db, name);
      return { name, version: checkpoint?.version ?? 0, position: checkpoint?.position ?? null };
    });
  }

  names(): string[] {
    return [...this.workers.keys()];
  }

  private settleWaiters(): void {
    const reached = this.position();
    const [done, waiting] = partition(this.waiters, (w) => w.position <= reached);
    this.waiters = waiting;
    for (const waiter of done) waiter.resolve(true);
  }
}

function readCheckpoint(db: Database, name: string): Checkpoint | null {
  const row = db
    .prepare<[string], { version: number; position: string }>(
      'SELECT version, position FROM projection_checkpoints WHERE name = ?',
    )
    .get(name);
  return row ? { version: row.version, position: BigInt(row.position) } : null;
}

function writeCheckpoint(db: Database, projection: Projection, position: Position): void {
  db.prepare(
    `INSERT INTO projection_checkpoints (name, version, position) VALUES (?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET version = excluded.version, position = excluded.position`,
  ).run(projection.name, projection.version, position.toString());
}

function partition<T>(items: T[], predicate: (item: T) => boolean): [T[], T[]] {
  const yes: T[] = [];
  const no: T[] = [];
  for (const item of items) (predicate(item) ? yes : no).push(item);
  return [yes, no];
}
