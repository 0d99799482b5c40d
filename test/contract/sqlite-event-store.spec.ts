import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, WrongExpectedRevisionError } from '@app/event-store';
import { eventStoreContract } from './event-store.contract';

const event = (type: string, id: string = randomUUID()) => ({
  id,
  type,
  schemaVersion: 1,
  data: {},
  occurredAt: '2026-01-01T00:00:00.000Z',
  actor: { userId: 'u', role: 'beheer' },
  correlationId: 'c',
  causationId: null,
});

describe('contract: SqliteEventStore', () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'es-contract-'));
    store = new SqliteEventStore(join(dir, 'events.sqlite'), { pollIntervalMs: 20 });
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  eventStoreContract(() => store);

  it('writes several streams all or nothing: a conflict in one append writes none of them', async () => {
    const [a, b] = [`atomic-${randomUUID()}`, `atomic-${randomUUID()}`];
    await store.append(b, [event('b0')], 'no_stream');
    const head = await store.headPosition();
    await expect(
      store.appendMany([
        { streamId: a, events: [event('a0')], expected: 'no_stream' },
        { streamId: b, events: [event('stale')], expected: 'no_stream' },
      ]),
    ).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    expect(await store.readStream(a)).toEqual([]);
    expect(await store.headPosition()).toBe(head);
  });

  it('keeps its events in a real file that a second connection reads after close', async () => {
    const file = join(dir, 'durable.sqlite');
    const first = new SqliteEventStore(file);
    const { position } = await first.append(
      'durable-1',
      [event('T', '7d1f3a53-2c0f-4a63-9b0e-2b8c5a2d7f10')],
      'no_stream',
    );
    await first.close();
    const second = new SqliteEventStore(file);
    expect(await second.headPosition()).toBe(position);
    await second.close();
  });
});
