import type { Database } from 'better-sqlite3';
import { isProgrammaEvent } from '@app/domain';
import { RecordedEvent, toDomainEvent } from '@app/event-store';
import { Projection } from '../projection';

/**
 * The programme (stream `programma`): its knoppen with their actions and the themes (reference
 * data), and the stoplight: every status recorded per action, in order (the history stays).
 */
export const programmaProjection: Projection = {
  name: 'programma',
  version: 1,
  tables: ['programma_knoppen', 'programma_acties', 'programma_themas', 'programma_statussen'],
  open(db: Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS programma_knoppen (
        knop  INTEGER PRIMARY KEY,
        titel TEXT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS programma_acties (
        actie_id  TEXT PRIMARY KEY,
        knop      INTEGER NOT NULL,
        volgorde  INTEGER NOT NULL,
        titel     TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS programma_acties_knop ON programma_acties (knop, volgorde);
      CREATE TABLE IF NOT EXISTS programma_themas (
        thema_id TEXT PRIMARY KEY,
        naam     TEXT NOT NULL,
        knop     INTEGER,
        actief   INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS programma_statussen (
        revision      INTEGER PRIMARY KEY,
        actie_id      TEXT NOT NULL,
        status        TEXT NOT NULL,
        toelichting   TEXT NOT NULL,
        datum         TEXT NOT NULL,
        door          TEXT NOT NULL,
        vastgelegd_op TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS programma_statussen_actie ON programma_statussen (actie_id, revision);`);
    const sql = {
      knop: db.prepare(
        `INSERT INTO programma_knoppen (knop, titel) VALUES (?, ?)
         ON CONFLICT (knop) DO UPDATE SET titel = excluded.titel`,
      ),
      clearActies: db.prepare('DELETE FROM programma_acties WHERE knop = ?'),
      actie: db.prepare(
        'INSERT INTO programma_acties (actie_id, knop, volgorde, titel) VALUES (?, ?, ?, ?)',
      ),
      thema: db.prepare(
        `INSERT INTO programma_themas (thema_id, naam, knop, actief) VALUES (?, ?, ?, ?)
         ON CONFLICT (thema_id) DO UPDATE SET
           naam = excluded.naam, knop = excluded.knop, actief = excluded.actief`,
      ),
      status: db.prepare(
        `INSERT INTO programma_statussen
           (revision, actie_id, status, toelichting, datum, door, vastgelegd_op)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
    };

    return (recorded: RecordedEvent) => {
      const event = toDomainEvent(recorded);
      if (!isProgrammaEvent(event)) return;
      switch (event.type) {
        case 'KnopSet': {
          const { knop, titel, acties } = event.data;
          sql.knop.run(knop, titel);
          sql.clearActies.run(knop);
          acties.forEach((a, i) => sql.actie.run(a.actieId, knop, i, a.titel));
          break;
        }
        case 'ThemaSet': {
          const { themaId, naam, knop, actief } = event.data;
          sql.thema.run(themaId, naam, knop, actief ? 1 : 0);
          break;
        }
        case 'ActieStatusRecorded': {
          const { actieId, status, toelichting, datum, door } = event.data;
          sql.status.run(
            recorded.revision,
            actieId,
            status,
            toelichting,
            datum,
            door,
            recorded.occurredAt,
          );
          break;
        }
      }
    };
  },
};
