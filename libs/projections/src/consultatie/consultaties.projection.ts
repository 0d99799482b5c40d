import type { Database } from 'better-sqlite3';
import { isConsultatieEvent } from '@app/domain';
import { RecordedEvent, toDomainEvent } from '@app/event-store';
import { Projection } from '../projection';

/**
 * Consultations as their practice sees them: the latest content (whole, as JSON), who logged it,
 * whether it was withdrawn, and each correction with its reason. The columns the practice view and
 * the policy figures filter on (practice, date, outcome, follow-up date) are kept apart.
 */
export const consultatiesProjection: Projection = {
  name: 'consultaties',
  version: 1,
  tables: ['consultaties', 'consultatie_correcties'],
  open(db: Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS consultaties (
        consultatie_id       TEXT PRIMARY KEY,
        praktijk_id          TEXT NOT NULL,
        datum                TEXT NOT NULL,
        uitkomst             TEXT NOT NULL,
        vervolgdatum         TEXT,
        inhoud               TEXT NOT NULL,
        professional_user_id TEXT NOT NULL,
        professional_rol     TEXT NOT NULL,
        ingetrokken          INTEGER NOT NULL DEFAULT 0,
        reden_intrekking     TEXT,
        revision             INTEGER NOT NULL,
        vastgelegd_op        TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS consultaties_praktijk ON consultaties (praktijk_id, datum);
      CREATE INDEX IF NOT EXISTS consultaties_vervolg ON consultaties (praktijk_id, vervolgdatum);
      CREATE INDEX IF NOT EXISTS consultaties_datum ON consultaties (datum);
      CREATE TABLE IF NOT EXISTS consultatie_correcties (
        consultatie_id TEXT NOT NULL,
        revision       INTEGER NOT NULL,
        reden          TEXT NOT NULL,
        door_user_id   TEXT NOT NULL,
        door_rol       TEXT NOT NULL,
        op             TEXT NOT NULL,
        PRIMARY KEY (consultatie_id, revision)
      );`);
    const sql = {
      insert: db.prepare(
        `INSERT INTO consultaties (consultatie_id, praktijk_id, datum, uitkomst, vervolgdatum, inhoud,
           professional_user_id, professional_rol, revision, vastgelegd_op)
         VALUES (@consultatieId, @praktijkId, @datum, @uitkomst, @vervolgdatum, @inhoud, @userId,
           @rol, @revision, @op)`,
      ),
      correct: db.prepare(
        `UPDATE consultaties SET datum = @datum, uitkomst = @uitkomst, vervolgdatum = @vervolgdatum,
           inhoud = @inhoud, revision = @revision WHERE consultatie_id = @consultatieId`,
      ),
      correctie: db.prepare(
        `INSERT INTO consultatie_correcties (consultatie_id, revision, reden, door_user_id, door_rol, op)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      withdraw: db.prepare(
        `UPDATE consultaties SET ingetrokken = 1, reden_intrekking = ?, revision = ?
         WHERE consultatie_id = ?`,
      ),
    };

    return (recorded: RecordedEvent) => {
      const event = toDomainEvent(recorded);
      if (!isConsultatieEvent(event)) return;
      const { consultatieId } = event.data;
      const revision = recorded.revision;
      switch (event.type) {
        case 'ConsultatieLogged': {
          const { praktijkId, professional, inhoud } = event.data;
          sql.insert.run({
            consultatieId,
            praktijkId,
            datum: inhoud.datum,
            uitkomst: inhoud.uitkomst,
            vervolgdatum: inhoud.vervolgdatum,
            inhoud: JSON.stringify(inhoud),
            userId: professional.userId,
            rol: professional.rol,
            revision,
            op: recorded.occurredAt,
          });
          break;
        }
        case 'ConsultatieCorrected': {
          const { inhoud, reden } = event.data;
          sql.correct.run({
            consultatieId,
            datum: inhoud.datum,
            uitkomst: inhoud.uitkomst,
            vervolgdatum: inhoud.vervolgdatum,
            inhoud: JSON.stringify(inhoud),
            revision,
          });
          const { userId, role } = recorded.actor;
          sql.correctie.run(consultatieId, revision, reden, userId, role, recorded.occurredAt);
          break;
        }
        case 'ConsultatieWithdrawn':
          sql.withdraw.run(event.data.reden, revision, consultatieId);
          break;
      }
    };
  },
};
