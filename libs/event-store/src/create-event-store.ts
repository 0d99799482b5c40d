import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AppConfig } from '@app/config';
import { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store';
import { SqliteEventStore } from './sqlite/sqlite-event-store';
import { SqliteKeyStore } from './versleuteling/key-store';
import { VersleutelendeEventStore } from './versleuteling/versleutelende-event-store';

/**
 * The configured adapter: SQLite in DATA_DIR (default), or EventStoreDB; either way behind the
 * encryption of personal fields, with the keys in KEYS_FILE (ADR 0015). Used by the API and the
 * CLI. `now` is the embedded store's clock for the moment it records an event (tests set it).
 */
export function createEventStore(config: AppConfig, now?: () => Date): VersleutelendeEventStore {
  mkdirSync(dirname(config.keysFile), { recursive: true });
  const keys = new SqliteKeyStore(config.keysFile);
  if (config.eventStore === 'eventstoredb') {
    return new VersleutelendeEventStore(
      new EventStoreDbEventStore(config.esdbConnectionString!),
      keys,
    );
  }
  mkdirSync(config.dataDir, { recursive: true });
  return new VersleutelendeEventStore(
    new SqliteEventStore(join(config.dataDir, 'events.sqlite'), { now }),
    keys,
  );
}
