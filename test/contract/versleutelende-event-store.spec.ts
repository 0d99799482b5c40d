import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  EventStore,
  EventStoreDbEventStore,
  SqliteEventStore,
  SqliteKeyStore,
  VersleutelendeEventStore,
} from '@app/event-store';
import { eventStoreContract } from './event-store.contract';

/**
 * The encryption of personal fields (ADR 0015) wraps either adapter: the wrapped store keeps the
 * contract, and what reaches the adapter is encrypted. EventStoreDB only with ESDB_CONNECTION_STRING.
 */
const connectionString = process.env.ESDB_CONNECTION_STRING;
const adapters: [string, (dir: string) => EventStore][] = [
  ['SQLite', (dir) => new SqliteEventStore(join(dir, 'events.sqlite'), { pollIntervalMs: 20 })],
];
if (connectionString) {
  adapters.push(['EventStoreDB', () => new EventStoreDbEventStore(connectionString)]);
}

describe.each(adapters)('contract: encrypted %s', (_name, create) => {
  let dir: string;
  let store: VersleutelendeEventStore;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'es-contract-enc-'));
    store = new VersleutelendeEventStore(create(dir), new SqliteKeyStore(join(dir, 'keys.sqlite')));
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  eventStoreContract(() => store);

  it('hands the adapter only ciphertext of personal fields, and reads them back plain', async () => {
    const persoonId = randomUUID();
    const stream = `persoon-${persoonId}`;
    const data = {
      persoonId,
      voornaam: 'Sanne',
      achternaam: 'Verbeek',
      geboortedatum: null,
      bsn: null,
    };
    await store.append(
      stream,
      [
        {
          id: randomUUID(),
          type: 'PersoonRegistered',
          schemaVersion: 1,
          data,
          occurredAt: '2026-01-01T00:00:00.000Z',
          actor: { userId: 'u', role: 'contactpersoon' },
          correlationId: 'c',
          causationId: null,
        },
      ],
      'no_stream',
    );
    const [raw] = await store.ruw.readStream(stream);
    expect(JSON.stringify(raw!.data)).not.toContain('Sanne');
    expect(raw!.data.geboortedatum).toBeNull();
    expect((await store.readStream(stream))[0]!.data).toEqual(data);
  });

  it('encrypts the personal fields of every append of appendMany, keys made at once', async () => {
    const personen = [randomUUID(), randomUUID()];
    const registered = (persoonId: string) => ({
      id: randomUUID(),
      type: 'PersoonRegistered',
      schemaVersion: 1,
      data: { persoonId, voornaam: 'Daan', achternaam: 'Smit', geboortedatum: null, bsn: null },
      occurredAt: '2026-01-01T00:00:00.000Z',
      actor: { userId: 'u', role: 'contactpersoon' },
      correlationId: 'c',
      causationId: null,
    });
    await store.appendMany(
      personen.map((p) => ({
        streamId: `persoon-${p}`,
        events: [registered(p)],
        expected: 'no_stream' as const,
      })),
    );
    for (const p of personen) {
      const [raw] = await store.ruw.readStream(`persoon-${p}`);
      expect(JSON.stringify(raw!.data)).not.toContain('Daan');
      expect((await store.readStream(`persoon-${p}`))[0]!.data.voornaam).toBe('Daan');
      expect(await store.keys.find(`persoon:${p}`)).toMatchObject({ stand: 'actief' });
    }
  });
});
