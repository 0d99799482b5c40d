import type { Database } from 'better-sqlite3';
import { PERSONAL_DATA_READ } from '@app/access';
import { BSN_OPVRAGING, BsnOpvragingData } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
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
      if (event.type !== PERSONAL_DATA_READ) return;
      const data = event.data as { gezinIds: string[]; wat: string; door: string; naam: string };
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
