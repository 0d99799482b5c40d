import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { EventToAppend, SqliteEventStore } from '@app/event-store';
import { Projection, ProjectionRunner, ReadModelDatabase } from '@app/projections';

/** A projection that counts events per type; `weight` lets a new version change its logic. */
function counting(version: number, weight = 1): Projection {
  return {
    name: 'counts',
    version,
    tables: ['counts'],
    open(db: Database) {
      db.exec('CREATE TABLE IF NOT EXISTS counts (type TEXT PRIMARY KEY, n INTEGER NOT NULL)');
      const add = db.prepare(
        `INSERT INTO counts (type, n) VALUES (?, ?) ON CONFLICT (type) DO UPDATE SET n = n + excluded.n`,
      );
      return (event) => void add.run(event.type, weight);
    },
  };
}

const event = (type: string): EventToAppend => ({
  id: randomUUID(),
  type,
  schemaVersion: 1,
  data: {},
  occurredAt: '2026-01-01T00:00:00.000Z',
  actor: { userId: 'u', role: 'contactpersoon' },
  correlationId: 'c',
  causationId: null,
});

describe('ProjectionRunner', () => {
  let dir: string;
  let store: SqliteEventStore;
  let readModels: ReadModelDatabase;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'runner-'));
    store = new SqliteEventStore(join(dir, 'events.sqlite'), { pollIntervalMs: 20 });
    readModels = new ReadModelDatabase(join(dir, 'read-models.sqlite'));
  });
  afterEach(async () => {
    readModels.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const counts = (db: ReadModelDatabase = readModels) =>
    Object.fromEntries(
      db.db
        .prepare<[], { type: string; n: number }>('SELECT type, n FROM counts ORDER BY type')
        .all()
        .map((r) => [r.type, r.n]),
    );

  async function appendMany(types: string[]): Promise<bigint> {
    let position = 0n;
    for (const type of types)
      position = (await store.append(`s-${randomUUID()}`, [event(type)], 'no_stream')).position;
    return position;
  }

  it('applies the log in order, live, and lets a query wait for a position', async () => {
    await appendMany(['A', 'B', 'A']);
    const runner = new ProjectionRunner(store, readModels, [counting(1)]);
    runner.start();
    try {
      const position = await appendMany(['B', 'C']);
      expect(await runner.waitFor(position, 5_000)).toBe(true);
      expect(counts()).toEqual({ A: 2, B: 2, C: 1 });
      expect(runner.position()).toBe(position);
      expect(await runner.waitFor(position + 100n, 50)).toBe(false);
    } finally {
      await runner.stop();
    }
  });

  it('resumes from its checkpoint after a restart without applying anything twice', async () => {
    await appendMany(['A', 'A']);
    await new ProjectionRunner(store, readModels, [counting(1)]).runUntilCaughtUp();
    await appendMany(['A', 'B']);
    await new ProjectionRunner(store, readModels, [counting(1)]).runUntilCaughtUp();
    expect(counts()).toEqual({ A: 3, B: 1 });
  });

  it('rebuilds from the start when the projection version changes', async () => {
    await appendMany(['A', 'B']);
    await new ProjectionRunner(store, readModels, [counting(1)]).runUntilCaughtUp();
    expect(counts()).toEqual({ A: 1, B: 1 });
    const v2 = new ProjectionRunner(store, readModels, [counting(2, 10)]);
    await v2.runUntilCaughtUp();
    expect(counts()).toEqual({ A: 10, B: 10 });
    expect(v2.storedStatus()).toEqual([{ name: 'counts', version: 2, position: 2n }]);
  });

  it('rebuilds on demand', async () => {
    await appendMany(['A', 'B', 'B']);
    const runner = new ProjectionRunner(store, readModels, [counting(1)]);
    await runner.runUntilCaughtUp();
    readModels.db.exec("UPDATE counts SET n = 99 WHERE type = 'A'"); // a damaged read model
    await runner.rebuild(['counts']);
    await runner.runUntilCaughtUp();
    expect(counts()).toEqual({ A: 1, B: 2 });
    await expect(runner.rebuild(['counts', 'nope'])).rejects.toThrow(/unknown projection nope/);
    expect(counts()).toEqual({ A: 1, B: 2 }); // a typo drops nothing
  });

  it('rebuilds a read model that is ahead of the log (an older backup of the log restored)', async () => {
    await appendMany(['A', 'B', 'B']);
    const runner = new ProjectionRunner(store, readModels, [counting(1)]);
    await runner.runUntilCaughtUp();
    expect(await runner.rebuildIfAheadOf(3n)).toEqual([]);
    expect(await runner.rebuildIfAheadOf(1n)).toEqual(['counts']);
    expect(runner.storedStatus()).toEqual([{ name: 'counts', version: 1, position: 0n }]);
  });

  it('stays exact when another process rebuilds the same read model while it runs', async () => {
    await appendMany(Array.from({ length: 3000 }, (_, i) => (i % 3 === 0 ? 'A' : 'B')));
    const live = new ProjectionRunner(store, readModels, [counting(1)], { batchSize: 100 });
    live.start();
    try {
      // A second connection to the same file, as the CLI would open it.
      const cliReadModels = new ReadModelDatabase(join(dir, 'read-models.sqlite'));
      const cli = new ProjectionRunner(store, cliReadModels, [counting(1)], { batchSize: 100 });
      await cli.rebuild();
      await cli.runUntilCaughtUp();
      cliReadModels.close();
      const position = await appendMany(['C', 'A']);
      expect(await live.waitFor(position, 10_000)).toBe(true);
      expect(counts()).toEqual({ A: 1001, B: 2000, C: 1 });
    } finally {
      await live.stop();
    }
  }, 30_000);
});

describe('ProjectionRunner: a projection that cannot apply an event', () => {
  it('stops that projection only, keeps its checkpoint before the batch, and says why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'runner-fail-'));
    const store = new SqliteEventStore(join(dir, 'events.sqlite'), { pollIntervalMs: 20 });
    const readModels = new ReadModelDatabase(join(dir, 'read-models.sqlite'));
    const failing: Projection = {
      name: 'failing',
      version: 1,
      tables: [],
      open: () => (event) => {
        if (event.type === 'Bad') throw new Error('cannot apply Bad');
      },
    };
    const errors: string[] = [];
    const runner = new ProjectionRunner(store, readModels, [failing, counting(1)], {
      onError: (name, error) => errors.push(`${name}: ${error.message}`),
    });
    runner.start();
    try {
      await store.append('s-1', [event('A')], 'no_stream');
      const { position } = await store.append('s-2', [event('Bad'), event('A')], 'no_stream');
      // Wait, by polling, until the good projection has passed the bad event and the bad one failed.
      const klaar = () =>
        errors.length > 0 &&
        runner.status().every((p) => p.name !== 'counts' || p.position >= position);
      for (let i = 0; i < 500 && !klaar(); i++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(errors).toEqual(['failing: cannot apply Bad']);
      const status = Object.fromEntries(runner.status().map((s) => [s.name, s]));
      expect(status.failing).toMatchObject({ failure: 'cannot apply Bad' });
      // Its checkpoint stays before the batch that held the bad event (at position - 1).
      expect(status.failing!.position < position - 1n).toBe(true);
      expect(status.counts).toMatchObject({ failure: null, position });
    } finally {
      await runner.stop();
      readModels.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
