import type { Database } from 'better-sqlite3';
import { isGezinEvent } from '@app/domain';
import { RecordedEvent, toDomainEvent } from '@app/event-store';
import { Projection } from '../projection';

/**
 * Families, their members, their contact person, and who may see them (need-to-know).
 * Tables: gezinnen, gezin_leden, gezin_toegang.
 */
export const gezinnenProjection: Projection = {
  name: 'gezinnen',
  version: 1,
  tables: ['gezinnen', 'gezin_leden', 'gezin_toegang'],
  open(db: Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS gezinnen (
        gezin_id           TEXT PRIMARY KEY,
        naam               TEXT NOT NULL,
        aangemeld_op       TEXT NOT NULL,
        revision           INTEGER NOT NULL,
        contactpersoon     TEXT,
        contactpersoon_sinds TEXT
      );
      CREATE TABLE IF NOT EXISTS gezin_leden (
        gezin_id      TEXT NOT NULL,
        persoon_id    TEXT NOT NULL,
        rol           TEXT NOT NULL,
        voornaam      TEXT NOT NULL,
        achternaam    TEXT NOT NULL,
        geboortedatum TEXT,
        PRIMARY KEY (gezin_id, persoon_id)
      );
      CREATE TABLE IF NOT EXISTS gezin_toegang (
        gezin_id TEXT NOT NULL,
        user_id  TEXT NOT NULL,
        relatie  TEXT NOT NULL,
        PRIMARY KEY (gezin_id, user_id)
      );`);
    const insertGezin = db.prepare(
      'INSERT INTO gezinnen (gezin_id, naam, aangemeld_op, revision) VALUES (?, ?, ?, ?)',
    );
    const insertLid = db.prepare(
      `INSERT INTO gezin_leden (gezin_id, persoon_id, rol, voornaam, achternaam, geboortedatum)
       VALUES (@gezinId, @persoonId, @rol, @voornaam, @achternaam, @geboortedatum)`,
    );
    const grant = db.prepare(
      `INSERT INTO gezin_toegang (gezin_id, user_id, relatie) VALUES (?, ?, ?)
       ON CONFLICT (gezin_id, user_id) DO UPDATE SET relatie = excluded.relatie`,
    );
    const setRevision = db.prepare('UPDATE gezinnen SET revision = ? WHERE gezin_id = ?');
    const setContactpersoon = db.prepare(
      'UPDATE gezinnen SET contactpersoon = ?, contactpersoon_sinds = ? WHERE gezin_id = ?',
    );

    return (recorded: RecordedEvent) => {
      const event = toDomainEvent(recorded);
      if (!isGezinEvent(event)) return;
      switch (event.type) {
        case 'GezinRegistered':
          insertGezin.run(
            event.data.gezinId,
            event.data.naam,
            recorded.occurredAt,
            recorded.revision,
          );
          for (const lid of event.data.leden)
            insertLid.run({ gezinId: event.data.gezinId, ...lid });
          grant.run(event.data.gezinId, event.data.registeredBy, 'aanmelder');
          return;
        case 'GezinslidAdded':
          insertLid.run({ gezinId: event.data.gezinId, ...event.data.lid });
          break;
        case 'ContactpersoonAssigned':
          setContactpersoon.run(
            JSON.stringify(event.data.contactpersoon),
            event.data.vanaf,
            event.data.gezinId,
          );
          grant.run(event.data.gezinId, event.data.contactpersoon.userId, 'contactpersoon');
          break;
      }
      setRevision.run(recorded.revision, event.data.gezinId);
    };
  },
};
