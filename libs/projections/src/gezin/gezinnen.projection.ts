import type { Database } from 'better-sqlite3';
import {
  GezinState,
  evolveGezin,
  initialGezinState,
  isGezinEvent,
  isHerkenningEvent,
  isPersoonEvent,
  toegangen,
} from '@app/domain';
import type { HerkenningEvent } from '@app/domain';
import { RecordedEvent, toDomainEvent } from '@app/event-store';
import { Projection } from '../projection';

/**
 * Families for the contact person's screens and worklists: district (wijk), members (with the persons' data),
 * network, contact-person history, plan versions, and who may read or write each family.
 * Access is derived with the domain's own rule (`toegangen`) from the folded family state, so the
 * read side can never disagree with the write side about need-to-know.
 */
export const gezinnenProjection: Projection = {
  name: 'gezinnen',
  version: 5,
  tables: [
    'gezinnen',
    'gezin_leden',
    'herkenningen',
    'personen',
    'gezin_netwerk',
    'contactpersoon_historie',
    'gezin_toegang',
    'plan_versies',
    'plan_afspraken',
  ],
  open(db: Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS gezinnen (
        gezin_id        TEXT PRIMARY KEY,
        naam            TEXT NOT NULL,
        aangemeld_op    TEXT NOT NULL,
        wijk            TEXT,
        revision        INTEGER NOT NULL,
        contactpersoon_user_id TEXT,
        plan_versie     INTEGER NOT NULL DEFAULT 0,
        evaluatiedatum  TEXT,
        state           TEXT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS gezin_leden (
        gezin_id   TEXT NOT NULL,
        persoon_id TEXT NOT NULL,
        rol        TEXT NOT NULL,
        vanaf      TEXT NOT NULL,
        tot        TEXT,
        -- The log position from which the person's care shows through this membership: that of
        -- PersoonRecognised while the recognition is not confirmed (ADR 0016); NULL: all of it.
        zorg_vanaf INTEGER,
        PRIMARY KEY (gezin_id, persoon_id, vanaf)
      );
      CREATE INDEX IF NOT EXISTS gezin_leden_persoon ON gezin_leden (persoon_id);
      CREATE TABLE IF NOT EXISTS herkenningen (
        persoon_id   TEXT NOT NULL,
        gezin_id     TEXT NOT NULL,
        positie      INTEGER NOT NULL,
        door_user_id TEXT NOT NULL,
        herkend_op   TEXT NOT NULL,
        besluit      TEXT,
        PRIMARY KEY (persoon_id, gezin_id)
      );
      CREATE TABLE IF NOT EXISTS personen (
        persoon_id    TEXT PRIMARY KEY,
        voornaam      TEXT NOT NULL,
        achternaam    TEXT NOT NULL,
        geboortedatum TEXT,
        bsn           TEXT
      );
      CREATE INDEX IF NOT EXISTS personen_bsn ON personen (bsn);
      CREATE TABLE IF NOT EXISTS gezin_netwerk (
        gezin_id      TEXT NOT NULL,
        betrokkene_id TEXT NOT NULL,
        soort         TEXT NOT NULL,
        naam          TEXT NOT NULL,
        rol           TEXT NOT NULL,
        organisatie   TEXT,
        vanaf         TEXT NOT NULL,
        tot           TEXT,
        PRIMARY KEY (gezin_id, betrokkene_id)
      );
      CREATE TABLE IF NOT EXISTS contactpersoon_historie (
        gezin_id    TEXT NOT NULL,
        volgnummer  INTEGER NOT NULL,
        user_id     TEXT NOT NULL,
        naam        TEXT NOT NULL,
        organisatie TEXT NOT NULL,
        vanaf       TEXT NOT NULL,
        tot         TEXT,
        reden_einde TEXT,
        PRIMARY KEY (gezin_id, volgnummer)
      );
      CREATE TABLE IF NOT EXISTS gezin_toegang (
        gezin_id TEXT NOT NULL,
        user_id  TEXT NOT NULL,
        toegang  TEXT NOT NULL,
        tot      TEXT,
        PRIMARY KEY (gezin_id, user_id)
      );
      CREATE INDEX IF NOT EXISTS gezin_toegang_user ON gezin_toegang (user_id, toegang);
      CREATE TABLE IF NOT EXISTS plan_versies (
        gezin_id      TEXT NOT NULL,
        versie        INTEGER NOT NULL,
        plan          TEXT NOT NULL,
        reden         TEXT,
        door_user_id  TEXT NOT NULL,
        door_rol      TEXT NOT NULL,
        vastgelegd_op TEXT NOT NULL,
        PRIMARY KEY (gezin_id, versie)
      );
      CREATE TABLE IF NOT EXISTS plan_afspraken (
        gezin_id    TEXT NOT NULL,
        afspraak_id TEXT NOT NULL,
        wie         TEXT NOT NULL,
        wat         TEXT NOT NULL,
        uiterlijk   TEXT NOT NULL,
        status      TEXT NOT NULL,
        PRIMARY KEY (gezin_id, afspraak_id)
      );`);
    const sql = {
      loadState: db.prepare<[string], { state: string }>(
        'SELECT state FROM gezinnen WHERE gezin_id = ?',
      ),
      insertGezin: db.prepare(
        `INSERT INTO gezinnen (gezin_id, naam, aangemeld_op, revision, state) VALUES (?, ?, ?, ?, ?)`,
      ),
      updateGezin: db.prepare(
        `UPDATE gezinnen SET revision = @revision, wijk = @wijk,
           contactpersoon_user_id = @contactpersoon, plan_versie = @planVersie,
           evaluatiedatum = @evaluatiedatum, state = @state
         WHERE gezin_id = @gezinId`,
      ),
      addLid: db.prepare(
        `INSERT OR REPLACE INTO gezin_leden (gezin_id, persoon_id, rol, vanaf, tot, zorg_vanaf)
         VALUES (@gezinId, @persoonId, @rol, @vanaf, NULL,
           (SELECT positie FROM herkenningen WHERE persoon_id = @persoonId AND gezin_id = @gezinId
              AND (besluit IS NULL OR besluit = 'afgewezen')))`,
      ),
      herkend: db.prepare(
        `INSERT OR IGNORE INTO herkenningen (persoon_id, gezin_id, positie, door_user_id, herkend_op)
         VALUES (?, ?, ?, ?, ?)`,
      ),
      besluit: db.prepare(
        'UPDATE herkenningen SET besluit = ? WHERE persoon_id = ? AND gezin_id = ?',
      ),
      toonZorg: db.prepare(
        'UPDATE gezin_leden SET zorg_vanaf = NULL WHERE persoon_id = ? AND gezin_id = ?',
      ),
      endLid: db.prepare(
        'UPDATE gezin_leden SET tot = ? WHERE gezin_id = ? AND persoon_id = ? AND tot IS NULL',
      ),
      upsertPersoon: db.prepare(
        `INSERT INTO personen (persoon_id, voornaam, achternaam, geboortedatum, bsn)
         VALUES (@persoonId, @voornaam, @achternaam, @geboortedatum, @bsn)
         ON CONFLICT (persoon_id) DO UPDATE SET voornaam = excluded.voornaam,
           achternaam = excluded.achternaam, geboortedatum = excluded.geboortedatum, bsn = excluded.bsn`,
      ),
      addNetwerk: db.prepare(
        `INSERT INTO gezin_netwerk (gezin_id, betrokkene_id, soort, naam, rol, organisatie, vanaf, tot)
         VALUES (@gezinId, @betrokkeneId, @soort, @naam, @rol, @organisatie, @vanaf, @tot)`,
      ),
      endNetwerk: db.prepare(
        'UPDATE gezin_netwerk SET tot = ? WHERE gezin_id = ? AND betrokkene_id = ?',
      ),
      startContactpersoon: db.prepare(
        `INSERT INTO contactpersoon_historie (gezin_id, volgnummer, user_id, naam, organisatie, vanaf)
         VALUES (@gezinId, (SELECT COUNT(*) + 1 FROM contactpersoon_historie WHERE gezin_id = @gezinId),
           @userId, @naam, @organisatie, @vanaf)`,
      ),
      endContactpersoon: db.prepare(
        `UPDATE contactpersoon_historie SET tot = ?, reden_einde = ? WHERE gezin_id = ? AND tot IS NULL`,
      ),
      clearToegang: db.prepare('DELETE FROM gezin_toegang WHERE gezin_id = ?'),
      grant: db.prepare(
        'INSERT INTO gezin_toegang (gezin_id, user_id, toegang, tot) VALUES (?, ?, ?, ?)',
      ),
      addPlanVersie: db.prepare(
        `INSERT INTO plan_versies (gezin_id, versie, plan, reden, door_user_id, door_rol, vastgelegd_op)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      clearAfspraken: db.prepare('DELETE FROM plan_afspraken WHERE gezin_id = ?'),
      addAfspraak: db.prepare(
        `INSERT INTO plan_afspraken (gezin_id, afspraak_id, wie, wat, uiterlijk, status)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ),
    };

    /** A warm handover's read access ends on its date: the queries compare `tot` with today. */
    function writeToegang(state: GezinState): void {
      sql.clearToegang.run(state.gezinId);
      for (const { userId, toegang, tot } of toegangen(state)) {
        sql.grant.run(state.gezinId, userId, toegang, tot);
      }
    }

    /**
     * A recognised membership (ADR 0016): PersoonRecognised comes before the family's
     * GezinslidAdded (the person stream is written first), which takes its position as the start
     * of the care it shows; a confirmation shows all of it, a rejection changes nothing.
     */
    function herkenning(recorded: RecordedEvent, event: HerkenningEvent): void {
      switch (event.type) {
        case 'PersoonRecognised':
          sql.herkend.run(
            event.data.persoonId,
            event.data.gezinId,
            recorded.position,
            recorded.actor.userId,
            recorded.occurredAt,
          );
          break;
        case 'HerkenningConfirmed':
          sql.besluit.run('bevestigd', event.data.persoonId, event.data.gezinId);
          sql.toonZorg.run(event.data.persoonId, event.data.gezinId);
          break;
        case 'HerkenningRejected':
          sql.besluit.run('afgewezen', event.data.persoonId, event.data.gezinId);
          break;
      }
    }

    return (recorded: RecordedEvent) => {
      const event = toDomainEvent(recorded);
      if (isPersoonEvent(event)) {
        const { persoonId, voornaam, achternaam, geboortedatum, bsn } = event.data;
        sql.upsertPersoon.run({ persoonId, voornaam, achternaam, geboortedatum, bsn });
        return;
      }
      if (isHerkenningEvent(event)) {
        herkenning(recorded, event);
        return;
      }
      if (!isGezinEvent(event)) return;
      const { gezinId } = event.data;
      const stored = sql.loadState.get(gezinId);
      const before: GezinState = stored
        ? (JSON.parse(stored.state) as GezinState)
        : initialGezinState();
      const state = evolveGezin(before, event);

      switch (event.type) {
        case 'GezinRegistered':
          sql.insertGezin.run(
            gezinId,
            event.data.naam,
            recorded.occurredAt,
            recorded.revision,
            '{}',
          );
          break;
        case 'GezinslidAdded':
          sql.addLid.run({
            gezinId,
            persoonId: event.data.persoonId,
            rol: event.data.rol,
            vanaf: event.data.vanaf,
          });
          break;
        case 'GezinslidRemoved':
          sql.endLid.run(event.data.per, gezinId, event.data.persoonId);
          break;
        case 'NetwerkBetrokkeneAdded':
          sql.addNetwerk.run({ ...event.data });
          break;
        case 'NetwerkBetrokkeneEnded':
          sql.endNetwerk.run(event.data.tot, gezinId, event.data.betrokkeneId);
          break;
        case 'ContactpersoonAssigned':
          sql.startContactpersoon.run({
            gezinId,
            ...event.data.contactpersoon,
            vanaf: event.data.vanaf,
          });
          break;
        case 'ContactpersoonHandedOver':
          sql.endContactpersoon.run(event.data.per, event.data.reden, gezinId);
          sql.startContactpersoon.run({ gezinId, ...event.data.naar, vanaf: event.data.per });
          break;
        case 'ContactpersoonEnded':
          sql.endContactpersoon.run(event.data.per, event.data.reden, gezinId);
          break;
        case 'GezinsplanWritten':
          sql.addPlanVersie.run(
            gezinId,
            event.data.versie,
            JSON.stringify(event.data.plan),
            event.data.reden,
            recorded.actor.userId,
            recorded.actor.role,
            recorded.occurredAt,
          );
          sql.clearAfspraken.run(gezinId);
          for (const a of event.data.plan.afspraken) {
            sql.addAfspraak.run(gezinId, a.afspraakId, a.wie, a.wat, a.uiterlijk, a.status);
          }
          break;
      }
      sql.updateGezin.run({
        gezinId,
        revision: recorded.revision,
        wijk: state.wijk,
        contactpersoon: state.contactpersoon?.userId ?? null,
        planVersie: state.planVersie,
        evaluatiedatum: state.plan?.evaluatiedatum ?? null,
        state: JSON.stringify(state),
      });
      writeToegang(state);
    };
  },
};
