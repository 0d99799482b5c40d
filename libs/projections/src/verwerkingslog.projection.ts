import type { Database } from 'better-sqlite3';
import { BSN_OPVRAGING, BsnOpvragingData, GezinsgegevensViewed } from '@app/domain';
import { RecordedEvent, toDomainEvent } from '@app/event-store';
import { Projection } from './projection';

/**
 * Who read which family's data, when, and what: per family, for an AVG art. 15 request. A BSN
 * lookup that found a person counts as a read of each of that person's families
 * (`bsn-opvraging`).
 */
export const verwerkingslogProjection: Projection = {
  name: 'verwerkingslog',
  version: 2,
  tables: ['verwerkingslog'],
  open(db: Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS verwerkingslog (
        gezin_id    TEXT NOT NULL,
        position    INTEGER NOT NULL,
        wat         TEXT NOT NULL,
        door        TEXT NOT NULL,
        naam        TEXT NOT NULL,
        rol         TEXT NOT NULL,
        occurred_at TEXT NOT NULL,
        PRIMARY KEY (gezin_id, position)
      );`);
    const insert = db.prepare(
      'INSERT INTO verwerkingslog (gezin_id, position, wat, door, naam, rol, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    return (event: RecordedEvent) => {
      if (event.type === BSN_OPVRAGING) {
        const data = event.data as unknown as BsnOpvragingData;
        for (const gezinId of data.gezinIds) {
          insert.run(
            gezinId,
            event.position,
            'bsn-opvraging',
            data.userId,
            data.naam,
            event.actor.role,
            event.occurredAt,
          );
        }
        return;
      }
      // By type, whatever the stream: reads were once logged in one stream per reader, now per
      // reader and day; and under their old name (GezinsgegevensIngezien), read under the new one.
      if (event.type !== 'GezinsgegevensViewed') return;
      const { data } = toDomainEvent<GezinsgegevensViewed>(event);
      for (const gezinId of data.gezinIds) {
        insert.run(
          gezinId,
          event.position,
          data.wat,
          data.door,
          data.naam,
          event.actor.role,
          event.occurredAt,
        );
      }
    };
  },
};
