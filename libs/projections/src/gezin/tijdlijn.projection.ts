import type { Database } from 'better-sqlite3';
import {
  ConsultatieState,
  Gezinsplan,
  TijdlijnRegel,
  describeConsultatieEvent,
  evolveConsultatie,
  initialConsultatieState,
  describeGezinEvent,
  describePersoonEvent,
  isConsultatieEvent,
  isGezinEvent,
  isHerkenningEvent,
  isPersoonEvent,
  describeZorgEvent,
  isZorgEvent,
  zorgRecord,
  describeVerhaalEvent,
  isVerhaalEvent,
} from '@app/domain';
import { RecordedEvent, toDomainEvent } from '@app/event-store';
import { Projection } from '../projection';

/**
 * Per family, every event of the family and of its members, in log order, in plain words, with
 * who and when. It keeps its own small lookups (names, memberships, the last plan, the linked
 * consultations) so it depends on no other projection. Tables: tijdlijn and four tijdlijn_* helpers.
 * Consultations whose link (with consent) to a family or a member its contact person confirmed
 * appear with topic and outcome only;
 * a member's care (assignments, extensions, stays, perspective) appears in each of their families,
 * through a recognised membership not yet confirmed only the care whose record began at the
 * recognition or later (ADR 0016, as the `zorg` projection shows the dossier);
 * the family's stories and judgements appear without the story's own words.
 */
export const tijdlijnProjection: Projection = {
  name: 'tijdlijn',
  version: 7,
  tables: [
    'tijdlijn',
    'tijdlijn_personen',
    'tijdlijn_leden',
    'tijdlijn_plannen',
    'tijdlijn_consultaties',
    'tijdlijn_herkenningen',
    'tijdlijn_zorg_bronnen',
  ],
  open(db: Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS tijdlijn (
        position      INTEGER NOT NULL,
        gezin_id      TEXT NOT NULL,
        event_id      TEXT NOT NULL,
        soort         TEXT NOT NULL,
        samenvatting  TEXT NOT NULL,
        occurred_at   TEXT NOT NULL,
        recorded_at   TEXT NOT NULL,
        actor_user_id TEXT NOT NULL,
        actor_role    TEXT NOT NULL,
        PRIMARY KEY (gezin_id, position)
      );
      CREATE TABLE IF NOT EXISTS tijdlijn_personen (persoon_id TEXT PRIMARY KEY, naam TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS tijdlijn_leden (
        persoon_id TEXT NOT NULL,
        gezin_id   TEXT NOT NULL,
        PRIMARY KEY (persoon_id, gezin_id)
      );
      CREATE TABLE IF NOT EXISTS tijdlijn_plannen (gezin_id TEXT PRIMARY KEY, plan TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS tijdlijn_consultaties (
        consultatie_id TEXT PRIMARY KEY,
        vorige         TEXT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS tijdlijn_herkenningen (
        persoon_id TEXT NOT NULL,
        gezin_id   TEXT NOT NULL,
        zorg_vanaf INTEGER NOT NULL,
        PRIMARY KEY (persoon_id, gezin_id)
      );
      CREATE TABLE IF NOT EXISTS tijdlijn_zorg_bronnen (
        record_id    TEXT PRIMARY KEY,
        bron_positie INTEGER NOT NULL
      );`);
    const sql = {
      insert: db.prepare(
        `INSERT INTO tijdlijn (position, gezin_id, event_id, soort, samenvatting, occurred_at,
           recorded_at, actor_user_id, actor_role)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      naam: db.prepare<[string], { naam: string }>(
        'SELECT naam FROM tijdlijn_personen WHERE persoon_id = ?',
      ),
      setNaam: db.prepare(
        `INSERT INTO tijdlijn_personen (persoon_id, naam) VALUES (?, ?)
         ON CONFLICT (persoon_id) DO UPDATE SET naam = excluded.naam`,
      ),
      gezinnenVan: db.prepare<[string], { gezin_id: string }>(
        'SELECT gezin_id FROM tijdlijn_leden WHERE persoon_id = ?',
      ),
      join: db.prepare('INSERT OR IGNORE INTO tijdlijn_leden (persoon_id, gezin_id) VALUES (?, ?)'),
      leave: db.prepare('DELETE FROM tijdlijn_leden WHERE persoon_id = ? AND gezin_id = ?'),
      plan: db.prepare<[string], { plan: string }>(
        'SELECT plan FROM tijdlijn_plannen WHERE gezin_id = ?',
      ),
      setPlan: db.prepare(
        `INSERT INTO tijdlijn_plannen (gezin_id, plan) VALUES (?, ?)
         ON CONFLICT (gezin_id) DO UPDATE SET plan = excluded.plan`,
      ),
      consultatie: db.prepare<[string], { vorige: string }>(
        'SELECT vorige FROM tijdlijn_consultaties WHERE consultatie_id = ?',
      ),
      setConsultatie: db.prepare(
        `INSERT INTO tijdlijn_consultaties (consultatie_id, vorige) VALUES (?, ?)
         ON CONFLICT (consultatie_id) DO UPDATE SET vorige = excluded.vorige`,
      ),
      herkenning: db.prepare<[string, string], { zorg_vanaf: number }>(
        'SELECT zorg_vanaf FROM tijdlijn_herkenningen WHERE persoon_id = ? AND gezin_id = ?',
      ),
      herken: db.prepare(
        `INSERT INTO tijdlijn_herkenningen (persoon_id, gezin_id, zorg_vanaf) VALUES (?, ?, ?)
         ON CONFLICT (persoon_id, gezin_id) DO NOTHING`,
      ),
      bevestig: db.prepare(
        'DELETE FROM tijdlijn_herkenningen WHERE persoon_id = ? AND gezin_id = ?',
      ),
      bron: db.prepare<[string], { bron_positie: number }>(
        'SELECT bron_positie FROM tijdlijn_zorg_bronnen WHERE record_id = ?',
      ),
      setBron: db.prepare(
        'INSERT OR IGNORE INTO tijdlijn_zorg_bronnen (record_id, bron_positie) VALUES (?, ?)',
      ),
    };
    const naamVan = (persoonId: string): string => sql.naam.get(persoonId)?.naam ?? 'Een gezinslid';
    const write = (recorded: RecordedEvent, gezinId: string, regel: TijdlijnRegel): void => {
      sql.insert.run(
        recorded.position,
        gezinId,
        recorded.id,
        regel.soort,
        regel.samenvatting,
        recorded.occurredAt,
        recorded.recordedAt,
        recorded.actor.userId,
        recorded.actor.role,
      );
    };

    return (recorded: RecordedEvent) => {
      const event = toDomainEvent(recorded);
      if (isPersoonEvent(event)) {
        const { persoonId, voornaam, achternaam } = event.data;
        const regel = describePersoonEvent(event, naamVan(persoonId));
        if (regel) {
          for (const { gezin_id } of sql.gezinnenVan.all(persoonId))
            write(recorded, gezin_id, regel);
        }
        sql.setNaam.run(persoonId, `${voornaam} ${achternaam}`);
        return;
      }
      if (isHerkenningEvent(event)) {
        const { persoonId, gezinId } = event.data;
        // Never a line (it would tell one family about another); only what care shows where.
        if (event.type === 'PersoonRecognised')
          sql.herken.run(persoonId, gezinId, Number(recorded.position));
        if (event.type === 'HerkenningConfirmed') sql.bevestig.run(persoonId, gezinId);
        return;
      }
      if (isZorgEvent(event)) {
        const { persoonId } = event.data;
        const regel: TijdlijnRegel = {
          soort: 'zorg',
          samenvatting: describeZorgEvent(event, naamVan(persoonId)),
        };
        // Where the care record began (zorgRecord): an older assignment's stop stays hidden too.
        const { hoortBij, maakt } = zorgRecord(event);
        const bron =
          (hoortBij === null ? undefined : sql.bron.get(hoortBij)?.bron_positie) ??
          Number(recorded.position);
        if (maakt !== null) sql.setBron.run(maakt, bron);
        for (const { gezin_id } of sql.gezinnenVan.all(persoonId)) {
          const herkenning = sql.herkenning.get(persoonId, gezin_id);
          if (herkenning && bron < herkenning.zorg_vanaf) continue;
          write(recorded, gezin_id, regel);
        }
        return;
      }
      if (isConsultatieEvent(event)) {
        const { consultatieId } = event.data;
        const stored = sql.consultatie.get(consultatieId);
        const vorige = stored
          ? (JSON.parse(stored.vorige) as ConsultatieState)
          : initialConsultatieState();
        const written = new Set<string>(); // one line per family per event
        for (const { koppeling, regel } of describeConsultatieEvent(event, vorige)) {
          const gezinIds =
            koppeling.gezinId !== null
              ? [koppeling.gezinId]
              : sql.gezinnenVan.all(koppeling.persoonId).map((row) => row.gezin_id);
          for (const id of gezinIds.filter((id) => !written.has(id))) {
            written.add(id);
            write(recorded, id, regel);
          }
        }
        const na = evolveConsultatie(vorige, event);
        // The practice's notes are never part of the timeline: not kept here either.
        const bewaard = na.inhoud ? { ...na, inhoud: { ...na.inhoud, toelichting: null } } : na;
        sql.setConsultatie.run(consultatieId, JSON.stringify(bewaard));
        return;
      }
      if (isVerhaalEvent(event)) {
        write(recorded, event.data.gezinId, describeVerhaalEvent(event, naamVan));
        return;
      }
      if (!isGezinEvent(event)) return;
      const { gezinId } = event.data;
      const stored = sql.plan.get(gezinId);
      const vorigPlan = stored ? (JSON.parse(stored.plan) as Gezinsplan) : null;
      write(recorded, gezinId, describeGezinEvent(event, { naamVan, vorigPlan }));
      if (event.type === 'GezinslidAdded') sql.join.run(event.data.persoonId, gezinId);
      if (event.type === 'GezinslidRemoved') sql.leave.run(event.data.persoonId, gezinId);
      if (event.type === 'GezinsplanWritten')
        sql.setPlan.run(gezinId, JSON.stringify(event.data.plan));
    };
  },
};
