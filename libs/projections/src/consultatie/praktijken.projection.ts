import type { Database } from 'better-sqlite3';
import { isPraktijkEvent } from '@app/domain';
import { RecordedEvent, toDomainEvent } from '@app/event-store';
import { Projection } from '../projection';

/**
 * GP practices (reference data): name, AGB code, district, the dated history of their JPH, and
 * the users linked to each. The practice view and the consultation routes find a user's practice
 * here; the policy figures take the JPH history from here.
 */
export const praktijkenProjection: Projection = {
  name: 'praktijken',
  version: 1,
  tables: ['praktijken', 'praktijk_jph', 'praktijk_medewerkers'],
  open(db: Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS praktijken (
        praktijk_id      TEXT PRIMARY KEY,
        naam             TEXT NOT NULL,
        agb_code         TEXT NOT NULL,
        wijk             TEXT NOT NULL,
        revision         INTEGER NOT NULL,
        geregistreerd_op TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS praktijken_agb ON praktijken (agb_code);
      CREATE TABLE IF NOT EXISTS praktijk_jph (
        praktijk_id   TEXT NOT NULL,
        volgnummer    INTEGER NOT NULL,
        per           TEXT NOT NULL,
        uren_per_week REAL,
        PRIMARY KEY (praktijk_id, volgnummer)
      );
      CREATE TABLE IF NOT EXISTS praktijk_medewerkers (
        praktijk_id  TEXT NOT NULL,
        user_id      TEXT NOT NULL,
        rol          TEXT NOT NULL,
        gekoppeld_op TEXT NOT NULL,
        PRIMARY KEY (praktijk_id, user_id)
      );
      CREATE INDEX IF NOT EXISTS praktijk_medewerkers_user ON praktijk_medewerkers (user_id);`);
    const sql = {
      insert: db.prepare(
        `INSERT INTO praktijken (praktijk_id, naam, agb_code, wijk, revision, geregistreerd_op)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      revision: db.prepare('UPDATE praktijken SET revision = ? WHERE praktijk_id = ?'),
      jph: db.prepare(
        `INSERT INTO praktijk_jph (praktijk_id, volgnummer, per, uren_per_week)
         VALUES (@praktijkId, (SELECT COUNT(*) + 1 FROM praktijk_jph WHERE praktijk_id = @praktijkId),
           @per, @uren)`,
      ),
      link: db.prepare(
        'INSERT INTO praktijk_medewerkers (praktijk_id, user_id, rol, gekoppeld_op) VALUES (?, ?, ?, ?)',
      ),
      unlink: db.prepare('DELETE FROM praktijk_medewerkers WHERE praktijk_id = ? AND user_id = ?'),
    };

    return (recorded: RecordedEvent) => {
      const event = toDomainEvent(recorded);
      if (!isPraktijkEvent(event)) return;
      const { praktijkId } = event.data;
      switch (event.type) {
        case 'PraktijkRegistered': {
          const { naam, agbCode, wijk } = event.data;
          sql.insert.run(praktijkId, naam, agbCode, wijk, recorded.revision, recorded.occurredAt);
          break;
        }
        case 'PraktijkJphStarted':
        case 'PraktijkJphHoursChanged':
          sql.jph.run({ praktijkId, per: event.data.per, uren: event.data.urenPerWeek });
          break;
        case 'PraktijkJphEnded':
          sql.jph.run({ praktijkId, per: event.data.per, uren: null });
          break;
        case 'PraktijkMedewerkerLinked':
          sql.link.run(praktijkId, event.data.userId, event.data.rol, recorded.occurredAt);
          break;
        case 'PraktijkMedewerkerUnlinked':
          sql.unlink.run(praktijkId, event.data.userId);
          break;
      }
      sql.revision.run(recorded.revision, praktijkId);
    };
  },
};
