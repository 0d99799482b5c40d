import type { Database } from 'better-sqlite3';
import type { IjwBerichtLinked, IjwBerichtParked } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { Projection } from '../projection';

/**
 * The worklist "te koppelen": iJw/iWmo messages whose client's BSN matched nobody, until a
 * contact person links each to a person. A linked message leaves the list.
 */
export const teKoppelenProjection: Projection = {
  name: 'te-koppelen',
  version: 1,
  tables: ['ijw_te_koppelen'],
  open(db: Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS ijw_te_koppelen (
        bericht_id    TEXT PRIMARY KEY,
        soort         TEXT NOT NULL,
        ontvangen_op  TEXT NOT NULL,
        bsn           TEXT NOT NULL,
        naam          TEXT,
        geboortedatum TEXT
      );`);
    const insert = db.prepare(
      `INSERT OR IGNORE INTO ijw_te_koppelen
         (bericht_id, soort, ontvangen_op, bsn, naam, geboortedatum) VALUES (?, ?, ?, ?, ?, ?)`,
    );
    const remove = db.prepare('DELETE FROM ijw_te_koppelen WHERE bericht_id = ?');
    return (event: RecordedEvent) => {
      if (event.type === 'IjwBerichtParked') {
        const d = event.data as unknown as IjwBerichtParked['data'];
        insert.run(d.berichtId, d.soort, d.ontvangenOp, d.bsn, d.naam, d.geboortedatum);
      } else if (event.type === 'IjwBerichtLinked') {
        remove.run((event.data as unknown as IjwBerichtLinked['data']).berichtId);
      }
    };
  },
};
