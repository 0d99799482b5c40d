import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BSN_OPVRAGING,
  BsnOpvragingen,
  BsnZoeker,
  Principal,
  TooManyRequests,
  bsnOpvragingenStreamId,
} from '@app/access';
import { EventStore, SqliteEventStore } from '@app/event-store';

/**
 * The per-user limit on BSN lookups against a real event store: a rolling 60 minutes over the
 * streams of two clock hours, and concurrent lookups serialised by the expected revision.
 */
describe('BsnOpvragingen', () => {
  let dir: string;
  let store: SqliteEventStore;
  let now: Date;
  const principal: Principal = { userId: 'u-jph', roles: ['jph'], name: 'Jet', teamleider: false };
  const zoeker: BsnZoeker = { principal, praktijkId: 'pr-1', correlationId: 'c-1' };
  const at = (iso: string) => (now = new Date(iso));
  const limiter = (perUur: number, eventStore: EventStore = store) =>
    new BsnOpvragingen(eventStore, () => now, perUur);
  const known = () => ({ persoonId: 'p-1', gezinIds: ['g-1', 'g-2'] });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bsn-opvragingen-'));
    store = new SqliteEventStore(join(dir, 'events.sqlite'));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('records one event per lookup in the stream of the user and the clock hour, known or not', async () => {
    at('2026-11-25T18:05:00.000Z');
    const opvragingen = limiter(30);
    expect(await opvragingen.lookUp(zoeker, known)).toBe('p-1');
    expect(await opvragingen.lookUp(zoeker, () => null)).toBeNull();
    const events = await store.readStream(bsnOpvragingenStreamId('u-jph', '2026-11-25T18'));
    expect(events.map((e) => [e.type, e.data])).toEqual([
      [
        BSN_OPVRAGING,
        {
          userId: 'u-jph',
          naam: 'Jet',
          rol: 'jph',
          praktijkId: 'pr-1',
          persoonId: 'p-1',
          gezinIds: ['g-1', 'g-2'],
        },
      ],
      [
        BSN_OPVRAGING,
        {
          userId: 'u-jph',
          naam: 'Jet',
          rol: 'jph',
          praktijkId: 'pr-1',
          persoonId: null,
          gezinIds: [],
        },
      ],
    ]);
  });

  it('counts the last 60 minutes across two clock hours, and says when a lookup is allowed again', async () => {
    const opvragingen = limiter(3);
    at('2026-11-25T10:30:00.000Z');
    await opvragingen.lookUp(zoeker, known);
    at('2026-11-25T10:40:00.000Z');
    await opvragingen.lookUp(zoeker, known);
    await opvragingen.lookUp(zoeker, () => null);
    const find = jest.fn(known);
    at('2026-11-25T11:20:00.000Z');
    const refused = opvragingen.lookUp(zoeker, find);
    await expect(refused).rejects.toThrow(TooManyRequests);
    await expect(refused).rejects.toMatchObject({ retryAfterSeconds: 10 * 60 });
    expect(find).not.toHaveBeenCalled(); // refused before the lookup
    expect(await store.readStream(bsnOpvragingenStreamId('u-jph', '2026-11-25T11'))).toEqual([]);

    at('2026-11-25T11:30:00.001Z'); // the first one is more than an hour old
    await opvragingen.lookUp(zoeker, find);
    expect(find).toHaveBeenCalledTimes(1);
    // Another user has a limit of their own.
    const ander = { ...zoeker, principal: { ...principal, userId: 'u-ander' } };
    await expect(opvragingen.lookUp(ander, known)).resolves.toBe('p-1');
  });

  it('lets no more than the limit through when one user looks up from several instances at once', async () => {
    at('2026-11-25T12:00:00.000Z');
    // Two instances: two limiters on the same store.
    const instances = [limiter(3), limiter(3)];
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => instances[i % 2]!.lookUp(zoeker, known)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    for (const r of results) {
      if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(TooManyRequests);
    }
    expect(await store.readStream(bsnOpvragingenStreamId('u-jph', '2026-11-25T12'))).toHaveLength(
      3,
    );
  });
});
