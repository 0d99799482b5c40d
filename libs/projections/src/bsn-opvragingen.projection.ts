import type { Database } from 'better-sqlite3';
import { BSN_OPVRAGING, BsnOpvragingData } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { Projection } from './projection';

/**
 * Every BSN lookup by a practice user, for application management: who, for which practice,
 * when. It keeps neither the person found nor whether one was: only that a lookup was done.
 */
export const bsnOpvragingenProjection: Projection = {
  name: 'bsn-opvragingen',
  version: 1,
  tables: ['bsn_opvragingen'],
  open(db: Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS bsn_opvragingen (
        position    INTEGER PRIMARY KEY,
        user_id     TEXT NOT NULL,
        naam        TEXT NOT NULL,
        rol         TEXT NOT NULL,
        praktijk_id TEXT NOT NULL,
        occurred_at TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS bsn_opvragingen_moment ON bsn_opvragingen (occurred_at);`);
    const insert = db.prepare(
      `INSERT INTO bsn_opvragingen (position, user_id, naam, rol, praktijk_id, occurred_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    return (event: RecordedEvent) => {
      if (event.type !== BSN_OPVRAGING) return;
      const data = event.data as unknown as BsnOpvragingData;
      insert.run(
        event.position,
        data.userId,
        data.naam,
        data.rol,
        data.praktijkId,
        event.occurredAt,
      );
    };
  },
};
