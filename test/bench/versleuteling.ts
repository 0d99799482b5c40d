/**
 * Append throughput with and without the encryption of personal fields (ADR 0015): events/s of
 * `PersoonRegistered` (four encrypted fields, a new key per person) appended to a SQLite store,
 * plain and behind `VersleutelendeEventStore`. Prints figures; asserts nothing. docs/benchmarks.md.
 *
 *   npm run bench:versleuteling
 *   BENCH_EVENTS=2000 BENCH_ROUNDS=3 npm run bench:versleuteling
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  EventStore,
  EventToAppend,
  SqliteEventStore,
  SqliteKeyStore,
  VersleutelendeEventStore,
} from '@app/event-store';
import { envInt, median, printMachine } from './support';

const EVENTS = envInt('BENCH_EVENTS', 2000);
const BATCH_SIZE = envInt('BENCH_BATCH_SIZE', 100);
const ROUNDS = envInt('BENCH_ROUNDS', 3);

const persoon = (persoonId: string): EventToAppend => ({
  id: randomUUID(),
  type: 'PersoonRegistered',
  schemaVersion: 1,
  data: {
    persoonId,
    voornaam: 'Sanne',
    achternaam: 'Jansen',
    geboortedatum: '2012-05-04',
    bsn: '111222333',
  },
  occurredAt: '2026-03-01T10:00:00.000Z',
  actor: { userId: 'u-anna', role: 'contactpersoon' },
  correlationId: 'c',
  causationId: null,
});

type Mode = 'plain' | 'encrypted';

async function run(mode: Mode, batch: number): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-enc-'));
  const sqlite = new SqliteEventStore(join(dir, 'events.sqlite'));
  const store: EventStore =
    mode === 'plain'
      ? sqlite
      : new VersleutelendeEventStore(sqlite, new SqliteKeyStore(join(dir, 'keys.sqlite')));
  try {
    const started = process.hrtime.bigint();
    for (let i = 0; i < EVENTS; i += batch) {
      // One person per stream: the encrypted mode makes (and fsyncs) one new key per append.
      const persoonId = randomUUID();
      const events = Array.from({ length: Math.min(batch, EVENTS - i) }, () => persoon(persoonId));
      await store.append(`persoon-${persoonId}`, events, 'no_stream');
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return EVENTS / seconds;
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  printMachine(`events ${EVENTS}, batch ${BATCH_SIZE}, rounds ${ROUNDS}`);
  for (const batch of [1, BATCH_SIZE]) {
    for (const mode of ['plain', 'encrypted'] as const) {
      const rates: number[] = [];
      for (let r = 0; r < ROUNDS; r++) rates.push(await run(mode, batch));
      console.log(
        `${(batch === 1 ? 'single' : `batch ${batch}`).padEnd(10)} ${mode.padEnd(10)} ${Math.round(median(rates))} events/s`,
      );
    }
  }
}

void main();
