import type { Database } from 'better-sqlite3';
import { RecordedEvent, toDomainEvent } from '@app/event-store';
import { monitoringFeiten } from './monitoring-feiten';
import { VerhaalStand, VerhalenGeheugen, verhaalFeiten } from './verhaal-feiten';
import { Projection } from '../projection';

/**
 * The facts behind the policy figures, in log order, each with the moment the store recorded it.
 * The figures fold the facts known at a moment into a data set, so a figure "as known on" a past
 * day or moment ignores everything recorded later and stays the same.
 * Only what the figures need is kept: no names, BSN or notes (see `monitoringFeiten`).
 * Facts are never updated; the one exception is a story whose consent was narrowed or withdrawn:
 * its facts are deleted (`verhaal` names them), so no view shows it again, whatever day it is
 * asked as known on (`verhaalFeiten`, ADR 0014). `monitoring_verhalen` remembers each story's
 * minimised details and checked text between its events.
 */
export const monitoringProjection: Projection = {
  name: 'monitoring',
  version: 6,
  tables: ['monitoring_feiten', 'monitoring_verhalen'],
  open(db: Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS monitoring_feiten (
        volgnummer INTEGER PRIMARY KEY AUTOINCREMENT,
        vastgelegd TEXT NOT NULL, -- ISO 8601 UTC (toISOString): text order is time order
        feit       TEXT NOT NULL,
        verhaal    TEXT -- the story a Verhaal fact is of, so a withdrawal can delete it
      );
      CREATE INDEX IF NOT EXISTS monitoring_feiten_vastgelegd ON monitoring_feiten (vastgelegd);
      CREATE INDEX IF NOT EXISTS monitoring_feiten_verhaal
        ON monitoring_feiten (verhaal) WHERE verhaal IS NOT NULL;
      CREATE TABLE IF NOT EXISTS monitoring_verhalen (
        verhaal_id TEXT PRIMARY KEY,
        stand      TEXT NOT NULL
      );`);
    const insert = db.prepare(
      'INSERT INTO monitoring_feiten (vastgelegd, feit, verhaal) VALUES (?, ?, ?)',
    );
    const schrap = db.prepare('DELETE FROM monitoring_feiten WHERE verhaal = ?');
    const lees = db.prepare('SELECT stand FROM monitoring_verhalen WHERE verhaal_id = ?');
    const bewaar = db.prepare(
      `INSERT INTO monitoring_verhalen (verhaal_id, stand) VALUES (?, ?)
       ON CONFLICT (verhaal_id) DO UPDATE SET stand = excluded.stand`,
    );
    const geheugen: VerhalenGeheugen = {
      get: (verhaalId) => {
        const row = lees.get(verhaalId) as { stand: string } | undefined;
        return row && (JSON.parse(row.stand) as VerhaalStand);
      },
      set: (verhaalId, stand) => bewaar.run(verhaalId, JSON.stringify(stand)),
    };
    return (recorded: RecordedEvent) => {
      const vastgelegd = new Date(recorded.recordedAt).toISOString();
      const event = toDomainEvent(recorded);
      for (const feit of [...monitoringFeiten(event), ...verhaalFeiten(event, geheugen)]) {
        if (feit.type === 'VerhaalIngetrokken') schrap.run(feit.verhaalId);
        const verhaal = feit.type === 'Verhaal' ? feit.verhaalId : null;
        insert.run(vastgelegd, JSON.stringify(feit), verhaal);
      }
    };
  },
};
