import type { Database } from 'better-sqlite3';
import {
  KoppelingStatus,
  isConsultatieEvent,
  Koppeling,
  koppelingStatusNa,
  sameKoppeling,
  upcastConsultatieEvent,
} from '@app/domain';
import { RecordedEvent, toDomainEvent } from '@app/event-store';
import { Projection } from '../projection';

/**
 * Consultations as their practice sees them: the latest content (whole, as JSON), who logged it,
 * whether it was withdrawn, and each correction with its reason. The columns the practice view and
 * the policy figures filter on (practice, date, outcome, follow-up date) are kept apart. Beside
 * them, never shown to the practice: the link (the person the BSN matched, or a family in
 * consultations logged before issue 10) with its status, for the contact person's worklist, and
 * the record key for the monitoring. `revision` is the version the practice sees: its own
 * logging, corrections and withdrawal count, a decision on the link or a record key do not.
 */
export const consultatiesProjection: Projection = {
  name: 'consultaties',
  version: 2,
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
        vastgelegd_op        TEXT NOT NULL,
        koppeling_gevraagd   INTEGER NOT NULL DEFAULT 0,
        koppeling_persoon_id TEXT,
        koppeling_gezin_id   TEXT,
        koppeling_status     TEXT,
        koppeling_sinds      TEXT,
        record_key           INTEGER
      );
      CREATE INDEX IF NOT EXISTS consultaties_praktijk ON consultaties (praktijk_id, datum);
      CREATE INDEX IF NOT EXISTS consultaties_vervolg ON consultaties (praktijk_id, vervolgdatum);
      CREATE INDEX IF NOT EXISTS consultaties_datum ON consultaties (datum);
      CREATE INDEX IF NOT EXISTS consultaties_koppeling_persoon
        ON consultaties (koppeling_persoon_id, koppeling_status);
      CREATE INDEX IF NOT EXISTS consultaties_koppeling_gezin
        ON consultaties (koppeling_gezin_id, koppeling_status);
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
           professional_user_id, professional_rol, revision, vastgelegd_op, koppeling_gevraagd,
           koppeling_persoon_id, koppeling_gezin_id, koppeling_status, koppeling_sinds)
         VALUES (@consultatieId, @praktijkId, @datum, @uitkomst, @vervolgdatum, @inhoud, @userId,
           @rol, 0, @op, @gevraagd, @persoonId, @gezinId, @status, @sinds)`,
      ),
      koppeling: db.prepare<
        [string],
        {
          persoonId: string | null;
          gezinId: string | null;
          status: KoppelingStatus | null;
          sinds: string | null;
        }
      >(
        `SELECT koppeling_persoon_id AS persoonId, koppeling_gezin_id AS gezinId,
           koppeling_status AS status, koppeling_sinds AS sinds
         FROM consultaties WHERE consultatie_id = ?`,
      ),
      correct: db.prepare(
        `UPDATE consultaties SET datum = @datum, uitkomst = @uitkomst, vervolgdatum = @vervolgdatum,
           inhoud = @inhoud, revision = revision + 1, koppeling_gevraagd = @gevraagd,
           koppeling_persoon_id = @persoonId, koppeling_gezin_id = @gezinId,
           koppeling_status = @status, koppeling_sinds = @sinds
         WHERE consultatie_id = @consultatieId`,
      ),
      correctie: db.prepare(
        `INSERT INTO consultatie_correcties (consultatie_id, revision, reden, door_user_id, door_rol, op)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      withdraw: db.prepare(
        `UPDATE consultaties SET ingetrokken = 1, reden_intrekking = ?, revision = revision + 1
         WHERE consultatie_id = ?`,
      ),
      status: db.prepare('UPDATE consultaties SET koppeling_status = ? WHERE consultatie_id = ?'),
      recordKey: db.prepare('UPDATE consultaties SET record_key = ? WHERE consultatie_id = ?'),
    };

    return (recorded: RecordedEvent) => {
      const stored = toDomainEvent(recorded);
      if (!isConsultatieEvent(stored)) return;
      const event = upcastConsultatieEvent(stored);
      const { consultatieId } = event.data;
      switch (event.type) {
        case 'ConsultatieLogged': {
          const { praktijkId, professional, inhoud, koppelingGevraagd, koppeling } = event.data;
          sql.insert.run({
            consultatieId,
            praktijkId,
            datum: inhoud.datum,
            uitkomst: inhoud.uitkomst,
            vervolgdatum: inhoud.vervolgdatum,
            inhoud: JSON.stringify(inhoud),
            userId: professional.userId,
            rol: professional.rol,
            op: recorded.occurredAt,
            gevraagd: koppelingGevraagd ? 1 : 0,
            persoonId: koppeling?.persoonId ?? null,
            gezinId: koppeling?.gezinId ?? null,
            status: koppeling === null ? null : 'voorgesteld',
            sinds: koppeling === null ? null : recorded.occurredAt,
          });
          break;
        }
        case 'ConsultatieCorrected': {
          const { inhoud, reden, koppelingGevraagd, koppeling } = event.data;
          const vorige = sql.koppeling.get(consultatieId);
          const vorigeKoppeling: Koppeling | null =
            vorige?.persoonId != null
              ? { persoonId: vorige.persoonId, gezinId: null }
              : vorige?.gezinId != null
                ? { persoonId: null, gezinId: vorige.gezinId }
                : null;
          const status = koppelingStatusNa(
            { koppeling: vorigeKoppeling, koppelingStatus: vorige?.status ?? null },
            koppeling,
          );
          sql.correct.run({
            consultatieId,
            datum: inhoud.datum,
            uitkomst: inhoud.uitkomst,
            vervolgdatum: inhoud.vervolgdatum,
            inhoud: JSON.stringify(inhoud),
            gevraagd: koppelingGevraagd ? 1 : 0,
            persoonId: koppeling?.persoonId ?? null,
            gezinId: koppeling?.gezinId ?? null,
            status,
            // A link kept keeps its date; a new one is proposed now.
            sinds:
              koppeling === null
                ? null
                : sameKoppeling(vorigeKoppeling, koppeling)
                  ? (vorige?.sinds ?? recorded.occurredAt)
                  : recorded.occurredAt,
          });
          const { userId, role } = recorded.actor;
          sql.correctie.run(
            consultatieId,
            recorded.revision,
            reden,
            userId,
            role,
            recorded.occurredAt,
          );
          break;
        }
        case 'ConsultatieWithdrawn':
          sql.withdraw.run(event.data.reden, consultatieId);
          break;
        case 'ConsultatieLinkConfirmed':
          sql.status.run('bevestigd', consultatieId);
          break;
        case 'ConsultatieLinkRejected':
          sql.status.run('afgewezen', consultatieId);
          break;
        case 'ConsultatieRecordKeyAssigned':
          sql.recordKey.run(event.data.recordKey, consultatieId);
          break;
      }
    };
  },
};
