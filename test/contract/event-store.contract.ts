import { randomUUID } from 'node:crypto';
import {
  EventStore,
  EventToAppend,
  Position,
  RecordedEvent,
  START,
  WrongExpectedRevisionError,
} from '@app/event-store';

/**
 * The behaviour every EventStore adapter must have. Each adapter's spec calls this with a factory;
 * streams get random names so the suite can run against a shared server.
 */
export function eventStoreContract(getStore: () => EventStore): void {
  const stream = (): string => `contract-${randomUUID()}`;
  const event = (type = 'Something', data: Record<string, unknown> = {}): EventToAppend => ({
    id: randomUUID(),
    type,
    schemaVersion: 1,
    data,
    occurredAt: '2026-01-02T03:04:05.000Z',
    actor: { userId: 'u-1', role: 'contactpersoon' },
    correlationId: randomUUID(),
    causationId: null,
  });
  const ownEvents = (all: RecordedEvent[], ids: Set<string>): RecordedEvent[] =>
    all.filter((e) => ids.has(e.id));
  async function readAllAfter(store: EventStore, after: Position): Promise<RecordedEvent[]> {
    const out: RecordedEvent[] = [];
    let from = after;
    for (;;) {
      const page = await store.readAll(from, 500);
      if (page.length === 0) return out;
      out.push(...page);
      from = page[page.length - 1]!.position;
    }
  }

  describe('append and read a stream', () => {
    it('appends to a new stream and reads the events back in order with their envelope', async () => {
      const store = getStore();
      const id = stream();
      const first = event('Registered', { name: 'Jansen' });
      const second = event('Assigned', { to: 'u-2' });
      const result = await store.append(id, [first, second], 'no_stream');
      expect(result.nextRevision).toBe(1);

      const read = await store.readStream(id);
      expect(read.map((e) => [e.id, e.type, e.revision])).toEqual([
        [first.id, 'Registered', 0],
        [second.id, 'Assigned', 1],
      ]);
      expect(read[0]).toMatchObject({
        streamId: id,
        schemaVersion: 1,
        data: { name: 'Jansen' },
        occurredAt: first.occurredAt,
        actor: first.actor,
        correlationId: first.correlationId,
        causationId: null,
      });
      expect(Number.isNaN(Date.parse(read[0]!.recordedAt))).toBe(false);
      expect(read[1]!.position).toBe(result.position);
      expect(read[0]!.position < read[1]!.position).toBe(true);
    });

    it('reads an event stored under a renamed type under its new name, everywhere', async () => {
      const store = getStore();
      const id = stream();
      const oud = event('ZorgGestart', { datum: '2026-01-05' });
      const { position } = await store.append(id, [oud], 'no_stream');
      const [gelezen] = await store.readStream(id);
      expect(gelezen).toMatchObject({
        id: oud.id,
        type: 'ZorgStarted',
        data: { datum: '2026-01-05' },
      });
      const uitLog = (await readAllAfter(store, position - 1n)).find((e) => e.id === oud.id);
      expect(uitLog?.type).toBe('ZorgStarted');
    });

    it('reads an unknown stream as empty', async () => {
      expect(await getStore().readStream(stream())).toEqual([]);
    });
  });

  describe('optimistic concurrency', () => {
    it('refuses no_stream when the stream exists', async () => {
      const store = getStore();
      const id = stream();
      await store.append(id, [event()], 'no_stream');
      await expect(store.append(id, [event()], 'no_stream')).rejects.toBeInstanceOf(
        WrongExpectedRevisionError,
      );
    });

    it('refuses an exact revision that is not the last one, and stores nothing', async () => {
      const store = getStore();
      const id = stream();
      await store.append(id, [event(), event()], 'no_stream');
      await expect(store.append(id, [event()], 0)).rejects.toBeInstanceOf(
        WrongExpectedRevisionError,
      );
      await expect(store.append(stream(), [event()], 3)).rejects.toBeInstanceOf(
        WrongExpectedRevisionError,
      );
      expect(await store.readStream(id)).toHaveLength(2);
    });

    it('accepts the exact last revision and any', async () => {
      const store = getStore();
      const id = stream();
      await store.append(id, [event()], 'no_stream');
      expect((await store.append(id, [event()], 0)).nextRevision).toBe(1);
      expect((await store.append(id, [event()], 'any')).nextRevision).toBe(2);
    });

    it('lets exactly one of two concurrent appends at the same revision win', async () => {
      const store = getStore();
      const id = stream();
      await store.append(id, [event()], 'no_stream');
      const results = await Promise.allSettled([
        store.append(id, [event('A')], 0),
        store.append(id, [event('B')], 0),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(rejected.reason).toBeInstanceOf(WrongExpectedRevisionError);
      expect(await store.readStream(id)).toHaveLength(2);
    });
  });

  describe('appends to several streams in one call', () => {
    it('appends each in order, one result per append, a later one to the same stream counting the earlier', async () => {
      const store = getStore();
      const a = stream();
      const b = stream();
      await store.append(b, [event('b0')], 'no_stream');
      const results = await store.appendMany([
        { streamId: a, events: [event('a0'), event('a1')], expected: 'no_stream' },
        { streamId: b, events: [event('b1')], expected: 0 },
        { streamId: a, events: [event('a2')], expected: 1 },
      ]);
      expect(results.map((r) => r.nextRevision)).toEqual([1, 1, 2]);
      expect(results[0]!.position < results[1]!.position).toBe(true);
      expect(results[1]!.position < results[2]!.position).toBe(true);
      const readA = await store.readStream(a);
      expect(readA.map((e) => [e.type, e.revision])).toEqual([
        ['a0', 0],
        ['a1', 1],
        ['a2', 2],
      ]);
      expect(readA[2]!.position).toBe(results[2]!.position);
      expect((await store.readStream(b)).map((e) => e.type)).toEqual(['b0', 'b1']);
    });

    it('checks every append against its expected revision and overwrites nothing', async () => {
      const store = getStore();
      const a = stream();
      const b = stream();
      await store.append(b, [event('b0'), event('b1')], 'no_stream');
      const error: unknown = await store
        .appendMany([
          { streamId: a, events: [event('a0')], expected: 'no_stream' },
          { streamId: b, events: [event('stale')], expected: 0 },
        ])
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect((error as WrongExpectedRevisionError).streamId).toBe(b);
      expect((await store.readStream(b)).map((e) => e.type)).toEqual(['b0', 'b1']);
      await expect(
        store.appendMany([
          { streamId: b, events: [event('b2')], expected: 1 },
          { streamId: b, events: [event('again')], expected: 1 },
        ]),
      ).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      expect((await store.readStream(b)).map((e) => e.type)).toContain('b1');
      expect((await store.readStream(b)).map((e) => e.type)).not.toContain('again');
    });

    it('answers an empty call with no results', async () => {
      expect(await getStore().appendMany([])).toEqual([]);
    });
  });

  describe('idempotent re-append', () => {
    it('does not duplicate events appended again with the same ids', async () => {
      const store = getStore();
      const id = stream();
      const events = [event('A'), event('B')];
      const first = await store.append(id, events, 'no_stream');
      const retried = await store.append(id, events, 'no_stream');
      expect(retried.nextRevision).toBe(first.nextRevision);
      expect(await store.readStream(id)).toHaveLength(2);
      expect(
        ownEvents(await readAllAfter(store, START), new Set(events.map((e) => e.id))),
      ).toHaveLength(2);
    });
  });

  describe('the global log', () => {
    it('keeps the order of appends across streams and reads from a position', async () => {
      const store = getStore();
      const a = stream();
      const b = stream();
      const head = await store.headPosition();
      const appended = [event('1'), event('2'), event('3'), event('4')];
      await store.append(a, [appended[0]!], 'no_stream');
      await store.append(b, [appended[1]!], 'no_stream');
      await store.append(a, [appended[2]!, appended[3]!], 0);
      const ids = new Set(appended.map((e) => e.id));

      const all = ownEvents(await readAllAfter(store, head), ids);
      expect(all.map((e) => e.type)).toEqual(['1', '2', '3', '4']);
      for (let i = 1; i < all.length; i++) {
        expect(all[i - 1]!.position < all[i]!.position).toBe(true);
      }
      const fromSecond = ownEvents(await readAllAfter(store, all[1]!.position), ids);
      expect(fromSecond.map((e) => e.type)).toEqual(['3', '4']);
      expect(await store.headPosition()).toBeGreaterThanOrEqual(all[3]!.position);
    });

    it('honours the limit of a page', async () => {
      const store = getStore();
      const head = await store.headPosition();
      await store.append(stream(), [event(), event(), event()], 'no_stream');
      expect(await store.readAll(head, 2)).toHaveLength(2);
    });
  });

  describe('catch-up subscription', () => {
    it('delivers the past from a position, says it caught up, then delivers live appends', async () => {
      const store = getStore();
      const id = stream();
      const past = [event('past-1'), event('past-2')];
      const before = await store.headPosition();
      await store.append(id, past, 'no_stream');
      const live = event('live-1');
      const ids = new Set([...past, live].map((e) => e.id));

      const seen: string[] = [];
      let caughtUpAfter = -1;
      let resolveLive!: () => void;
      const gotLive = new Promise<void>((resolve) => (resolveLive = resolve));
      const subscription = store.subscribeToAll({
        fromPosition: before,
        onEvent: (e) => {
          if (!ids.has(e.id)) return;
          seen.push(e.type);
          if (e.type === 'live-1') resolveLive();
        },
        onCaughtUp: () => {
          caughtUpAfter = seen.length;
        },
      });
      try {
        await waitUntil(() => caughtUpAfter >= 0);
        expect(caughtUpAfter).toBeGreaterThanOrEqual(2);
        await store.append(id, [live], 1);
        await gotLive;
        expect(seen).toEqual(['past-1', 'past-2', 'live-1']);
      } finally {
        await subscription.stop();
      }
    });

    it('starts after the given position', async () => {
      const store = getStore();
      const id = stream();
      const events = [event('x'), event('y'), event('z')];
      await store.append(id, events, 'no_stream');
      const [, second] = await store.readStream(id);
      const ids = new Set(events.map((e) => e.id));
      const seen: string[] = [];
      let caughtUp = false;
      const subscription = store.subscribeToAll({
        fromPosition: second!.position,
        onEvent: (e) => {
          if (ids.has(e.id)) seen.push(e.type);
        },
        onCaughtUp: () => (caughtUp = true),
      });
      try {
        await waitUntil(() => caughtUp);
        expect(seen).toEqual(['z']);
      } finally {
        await subscription.stop();
      }
    });
  });
}

async function waitUntil(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
