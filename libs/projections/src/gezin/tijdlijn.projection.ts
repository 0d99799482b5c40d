import type { Database } from 'better-sqlite3';
import { describeGezinEvent, isGezinEvent } from '@app/domain';
import { RecordedEvent, toDomainEvent } from '@app/event-store';
import { Projection } from '../projection';

/** Per family, every event in log order, in plain words, with who and when. Table: tijdlijn. */
export const tijdlijnProjection: Projection = {
  name: 'tijdlijn',
  version: 1,
  tables: ['tijdlijn'],
  open(db: Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS tijdlijn (
        position     INTEGER PRIMARY KEY,
        gezin_id     TEXT NOT NULL,
        event_id     TEXT NOT NULL,
        soort        TEXT NOT NULL,
        samenvatting TEXT NOT NULL,
        occurred_at  TEXT NOT NULL,
        recorded_at  TEXT NOT NULL,
        actor_user_id TEXT NOT NULL,
        actor_role   TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS tijdlijn_gezin ON tijdlijn (gezin_id, position);`);
    const insert = db.prepare(
      `INSERT INTO tijdlijn (position, gezin_id, event_id, soort, samenvatting, occurred_at,
         recorded_at, actor_user_id, actor_role)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    return (recorded: RecordedEvent) => {
      const event = toDomainEvent(recorded);
      if (!isGezinEvent(event)) return;
      const { kind, summary } = describeGezinEvent(event);
      insert.run(
        recorded.position,
        event.data.gezinId,
        recorded.id,
        kind,
        summary,
        recorded.occurredAt,
        recorded.recordedAt,
        recorded.actor.userId,
        recorded.actor.role,
      );
    };
  },
};
