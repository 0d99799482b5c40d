import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '@app/config';
import { EventStore } from './event-store';
import { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store';
import { SqliteEventStore } from './sqlite/sqlite-event-store';

/**
 * The configured adapter: SQLite in DATA_DIR (default), or EventStoreDB. Used by the API and the
 * CLI. `now` is the embedded store's clock for the moment it records an event (tests set it).
 */
export function createEventStore(config: AppConfig, now?: () => Date): EventStore {
  if (config.eventStore === 'eventstoredb') {
    return new EventStoreDbEventStore(config.esdbConnectionString!);
  }
  mkdirSync(config.dataDir, { recursive: true });
  return new SqliteEventStore(join(config.dataDir, 'events.sqlite'), { now });
}
