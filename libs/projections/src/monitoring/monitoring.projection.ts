import type { Database } from 'better-sqlite3';
import { RecordedEvent, toDomainEvent } from '@app/event-store';
import { monitoringFeiten } from './monitoring-feiten';
import { Projection } from '../projection';

/**
 * The facts behind the policy figures, in log order, each with the moment the store recorded it.
 * The figures fold the facts known at a moment into a data set, so a figure "as known on" a past
 * day or moment ignores everything recorded later and stays the same.
 * Only what the figures need is kept: no names, BSN or notes (see `monitoringFeiten`).
 */
export const monitoringProjection: Projection = {
  name: 'monitoring',
  version: 5,
  tables: ['monitoring_feiten'],
  open(db: Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS monitoring_feiten (
        volgnummer INTEGER PRIMARY KEY AUTOINCREMENT,
        vastgelegd TEXT NOT NULL, -- ISO 8601 UTC (toISOString): text order is time order
        feit       TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS monitoring_feiten_vastgelegd ON monitoring_feiten (vastgelegd);`);
    const insert = db.prepare('INSERT INTO monitoring_feiten (vastgelegd, feit) VALUES (?, ?)');
    return (recorded: RecordedEvent) => {
      const vastgelegd = new Date(recorded.recordedAt).toISOString();
      for (const feit of monitoringFeiten(toDomainEvent(recorded))) {
        insert.run(vastgelegd, JSON.stringify(feit));
      }
    };
  },
};
