import type { Database } from 'better-sqlite3';
import { isVerhaalEvent } from '@app/domain';
import { RecordedEvent, toDomainEvent } from '@app/event-store';
import { Projection } from '../projection';

/**
 * The stories (verhalen) and judgements (oordelen) of each family, for its file: each story with
 * its consent now and its release for the monitoring (who, when, the checked text); each round of
 * judgements whole. Tables: verhalen, oordelen.
 */
export const verhalenProjection: Projection = {
  name: 'verhalen',
  version: 1,
  tables: ['verhalen', 'oordelen'],
  open(db: Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS verhalen (
        verhaal_id            TEXT PRIMARY KEY,
        gezin_id              TEXT NOT NULL,
        persoon_id            TEXT,
        toewijzing            TEXT,
        verteller             TEXT NOT NULL,
        datum                 TEXT NOT NULL,
        tekst                 TEXT NOT NULL,
        thema_ids             TEXT NOT NULL,
        toestemming           TEXT NOT NULL,
        toestemming_sinds     TEXT NOT NULL,
        door                  TEXT NOT NULL,
        vastgelegd_op         TEXT NOT NULL,
        vrijgave              TEXT,
        revision              INTEGER NOT NULL,
        position              INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS verhalen_gezin ON verhalen (gezin_id);
      CREATE TABLE IF NOT EXISTS oordelen (
        oordeel_id    TEXT PRIMARY KEY,
        gezin_id      TEXT NOT NULL,
        aanleiding    TEXT NOT NULL,
        datum         TEXT NOT NULL,
        oordelen      TEXT NOT NULL,
        door          TEXT NOT NULL,
        vastgelegd_op TEXT NOT NULL,
        position      INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS oordelen_gezin ON oordelen (gezin_id);`);
    const sql = {
      verhaal: db.prepare(
        `INSERT INTO verhalen (verhaal_id, gezin_id, persoon_id, toewijzing, verteller, datum, tekst,
           thema_ids, toestemming, toestemming_sinds, door, vastgelegd_op, revision, position)
         VALUES (@verhaalId, @gezinId, @persoonId, @toewijzing, @verteller, @datum, @tekst,
           @themaIds, @toestemming, @datum, @door, @vastgelegdOp, @revision, @position)`,
      ),
      // A withdrawal ends the release: a story consented again waits for a new one.
      toestemming: db.prepare(
        `UPDATE verhalen SET toestemming = ?, toestemming_sinds = ?,
           vrijgave = CASE WHEN ? = 'dossier' THEN NULL ELSE vrijgave END, revision = ?
         WHERE verhaal_id = ?`,
      ),
      vrijgave: db.prepare('UPDATE verhalen SET vrijgave = ?, revision = ? WHERE verhaal_id = ?'),
      oordeel: db.prepare(
        `INSERT INTO oordelen (oordeel_id, gezin_id, aanleiding, datum, oordelen, door,
           vastgelegd_op, position)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
    };
    return (recorded: RecordedEvent) => {
      const event = toDomainEvent(recorded);
      if (!isVerhaalEvent(event)) return;
      switch (event.type) {
        case 'VerhaalRecorded': {
          const d = event.data;
          sql.verhaal.run({
            verhaalId: d.verhaalId,
            gezinId: d.gezinId,
            persoonId: d.persoonId,
            toewijzing: d.toewijzing && JSON.stringify(d.toewijzing),
            verteller: JSON.stringify(d.verteller),
            datum: d.datum,
            tekst: d.tekst,
            themaIds: JSON.stringify(d.themaIds),
            toestemming: d.toestemming,
            door: d.door,
            vastgelegdOp: recorded.occurredAt,
            revision: recorded.revision,
            position: recorded.position,
          });
          return;
        }
        case 'VerhaalConsentChanged': {
          const { toestemming, datum, verhaalId } = event.data;
          sql.toestemming.run(toestemming, datum, toestemming, recorded.revision, verhaalId);
          return;
        }
        case 'VerhaalReleased': {
          const { tekst, door, op, verhaalId } = event.data;
          sql.vrijgave.run(JSON.stringify({ tekst, door, op }), recorded.revision, verhaalId);
          return;
        }
        case 'OordelenRecorded': {
          const d = event.data;
          sql.oordeel.run(
            d.oordeelId,
            d.gezinId,
            JSON.stringify(d.aanleiding),
            d.datum,
            JSON.stringify(d.oordelen),
            d.door,
            recorded.occurredAt,
            recorded.position,
          );
          return;
        }
      }
    };
  },
};
