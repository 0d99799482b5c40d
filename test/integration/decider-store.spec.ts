import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decider, DomainEvent } from '@app/domain';
import {
  ConflictError,
  DeciderStore,
  EventStore,
  MAX_ATTEMPTS,
  SqliteEventStore,
  WrongExpectedRevisionError,
  deterministicUuid,
  keyedUuid,
} from '@app/event-store';

/** A counter: every `Tel` adds one; the state is the count. */
type Geteld = DomainEvent<'Geteld', { tot: number }>;
const teller: Decider<{ type: 'Tel' }, Geteld, number> = {
  initialState: () => 0,
  evolve: (_, e) => e.data.tot,
  decide: (_, n) => [{ type: 'Geteld', data: { tot: n + 1 } }],
};

/**
 * The command path against a real SQLite log: a write without If-Match that loses a race is
 * decided again; with If-Match it is a conflict; neither ever overwrites.
 */
let dir: string;
let store: SqliteEventStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'decider-store-'));
  store = new SqliteEventStore(join(dir, 'events.sqlite'));
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('DeciderStore: concurrent writes', () => {
  const context = (expectedRevision?: number) => ({
    actor: { userId: 'u-1', role: 'contactpersoon' },
    correlationId: 'c',
    causationId: null,
    expectedRevision,
  });

  it('decides a command without If-Match again when another write came first: both count', async () => {
    const deciders = new DeciderStore(store, () => new Date());
    await deciders.handle('teller-1', teller, { type: 'Tel' }, context());
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        deciders.handle('teller-1', teller, { type: 'Tel' }, context()),
      ),
    );
    expect(results.map((r) => r.state).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7]);
    const events = await store.readStream('teller-1');
    expect(events.map((e) => (e.data as { tot: number }).tot)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('refuses a stale If-Match before deciding, with the current version; and a lost race with If-Match', async () => {
    const deciders = new DeciderStore(store, () => new Date());
    await deciders.handle('teller-2', teller, { type: 'Tel' }, context());
    await deciders.handle('teller-2', teller, { type: 'Tel' }, context());
    await expect(deciders.handle('teller-2', teller, { type: 'Tel' }, context(0))).rejects.toEqual(
      new ConflictError('stale-if-match', 1),
    );
    const both = await Promise.allSettled([
      deciders.handle('teller-2', teller, { type: 'Tel' }, context(1)),
      deciders.handle('teller-2', teller, { type: 'Tel' }, context(1)),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const verloren = both.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(verloren.reason).toMatchObject({ kind: 'stale-if-match' });
    expect(await store.readStream('teller-2')).toHaveLength(3);
  });

  it('gives up after a few attempts when others keep coming first, and prepares the append once', async () => {
    // A log in which every append finds the stream changed.
    const druk = new Proxy(store, {
      get(target, name: keyof EventStore) {
        if (name === 'append') {
          return () => Promise.reject(new WrongExpectedRevisionError('teller-3', 0, 1));
        }
        const value = target[name];
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const deciders = new DeciderStore(druk, () => new Date());
    let voorbereid = 0;
    let gelezen = 0;
    const read = druk.readStream.bind(druk);
    druk.readStream = (id: string) => {
      gelezen++;
      return read(id);
    };
    await expect(
      deciders.handle('teller-3', teller, { type: 'Tel' }, context(), {
        beforeAppend: () => {
          voorbereid++;
          return Promise.resolve();
        },
      }),
    ).rejects.toEqual(new ConflictError('busy', null));
    expect(gelezen).toBe(MAX_ATTEMPTS);
    expect(voorbereid).toBe(1);
  });
});

describe('DeciderStore: a retry with an Idempotency-Key', () => {
  const retry = {
    actor: { userId: 'u-1', role: 'contactpersoon' },
    correlationId: 'c',
    causationId: null,
    idempotencyKey: 'tel-0001',
  };

  it('is recognised under the same secret (after a restart too), by event ids no client can work out', async () => {
    const secret = randomBytes(32);
    await new DeciderStore(store, () => new Date(), secret).handle(
      'teller-4',
      teller,
      { type: 'Tel' },
      retry,
    );
    const again = await new DeciderStore(store, () => new Date(), Buffer.from(secret)).handle(
      'teller-4',
      teller,
      { type: 'Tel' },
      retry,
    );
    expect(again.state).toBe(1);
    const [event] = await store.readStream('teller-4');
    expect(event!.id).toBe(keyedUuid(secret, 'u-1:tel-0001:teller-4:0'));
    expect(event!.id).not.toBe(deterministicUuid('u-1:tel-0001:teller-4:0'));
  });

  it('under another secret the event ids are others', async () => {
    await new DeciderStore(store, () => new Date(), randomBytes(32)).handle(
      'teller-5',
      teller,
      { type: 'Tel' },
      retry,
    );
    await new DeciderStore(store, () => new Date(), randomBytes(32)).handle(
      'teller-5',
      teller,
      { type: 'Tel' },
      retry,
    );
    const [first, second] = await store.readStream('teller-5');
    expect(second!.id).not.toBe(first!.id);
  });
});

/** Many commands on many streams, decided in memory and written in one append. */
describe('CommandBatch', () => {
  let dir: string;
  let store: SqliteEventStore;
  const context = {
    actor: { userId: 'u-1', role: 'koppeling' },
    correlationId: 'c',
    causationId: 'm-1',
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'command-batch-'));
    store = new SqliteEventStore(join(dir, 'events.sqlite'));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('decides each command against the state the batch left, and writes nothing before commit', async () => {
    const deciders = new DeciderStore(store, () => new Date());
    await deciders.handle('teller-a', teller, { type: 'Tel' }, context);
    const batch = deciders.batch();
    const eerste = await batch.handle('teller-a', teller, { type: 'Tel' }, context);
    const tweede = await batch.handle('teller-b', teller, { type: 'Tel' }, context);
    const derde = await batch.handle('teller-a', teller, { type: 'Tel' }, context);
    expect([eerste.state, tweede.state, derde.state]).toEqual([2, 1, 3]);
    expect((await batch.events('teller-a')).map((e) => e.position === null)).toEqual([
      false,
      true,
      true,
    ]);
    expect(await store.readStream('teller-a')).toHaveLength(1);

    const results = await batch.commit();
    expect(results.map((r) => r.nextRevision)).toEqual([1, 0, 2]);
    expect((await store.readStream('teller-a')).map((e) => e.data)).toEqual([
      { tot: 1 },
      { tot: 2 },
      { tot: 3 },
    ]);
    expect((await deciders.load('teller-b', teller)).state).toBe(1);
  });

  it('fails the whole commit when another write came first, instead of overwriting it', async () => {
    const deciders = new DeciderStore(store, () => new Date());
    const batch = deciders.batch();
    await batch.handle('teller-c', teller, { type: 'Tel' }, context);
    await batch.handle('teller-d', teller, { type: 'Tel' }, context);
    await deciders.handle('teller-d', teller, { type: 'Tel' }, context);
    await expect(batch.commit()).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    expect(await store.readStream('teller-c')).toEqual([]);
    expect(await store.readStream('teller-d')).toHaveLength(1);
  });

  it('queues nothing for a refused command', async () => {
    const weigeraar: Decider<{ type: 'Tel' }, Geteld, number> = {
      ...teller,
      decide: () => {
        throw new Error('nee');
      },
    };
    const batch = new DeciderStore(store, () => new Date()).batch();
    await expect(batch.handle('teller-e', weigeraar, { type: 'Tel' }, context)).rejects.toThrow(
      'nee',
    );
    expect(batch.queuedIds()).toEqual([]);
    expect(await batch.commit()).toEqual([]);
  });
});
