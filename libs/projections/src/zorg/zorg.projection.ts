import type { Database } from 'better-sqlite3';
import {
  isPersoonEvent,
  isVerblijfsproduct,
  isReferentiedataEvent,
  isZorgEvent,
  perspectiefgesprekUiterlijk,
  zorgRecord,
} from '@app/domain';
import type { ZorgEvent } from '@app/domain';
import { RecordedEvent, toDomainEvent } from '@app/event-store';
import { Projection } from '../projection';

/**
 * Care facts per person (assignments, extensions, stays, perspective) and the reference data
 * (products, providers, population per year and district), for the contact person's screens and
 * worklists. Also keeps, per youth, when the perspective
 * conversation is due, recomputed whenever a birth date or a Jeugdwet start changes.
 *
 * Every care record keeps `bron_positie`: the log position of the record it belongs to
 * (`zorgRecord`), and every care event one row in `zorg_gebeurtenissen` with it. Care through a recognised membership not yet
 * confirmed shows only records from its recognition on (ADR 0016): a fact recorded later about an
 * older assignment shows as little as the assignment, and the dossier's version there counts only
 * the events shown.
 */
export const zorgProjection: Projection = {
  name: 'zorg',
  version: 5,
  tables: [
    'zorg_records',
    'zorg_gebeurtenissen',
    'ref_producten',
    'ref_aanbieders',
    'ref_bevolking',
    'ref_bevolking_totaal',
    'zorg_personen',
    'toewijzingen',
    'verlengingen',
    'verblijven',
    'woonvorm_wijzigingen',
    'perspectiefgesprekken',
    'verlengde_jeugdhulp',
  ],
  open(db: Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS ref_producten (
        productcode TEXT NOT NULL, geldig_vanaf TEXT NOT NULL, categorie TEXT,
        omschrijving TEXT NOT NULL, woonvorm TEXT, max_duur_maanden INTEGER, cbs_hulpvorm TEXT,
        verblijf INTEGER NOT NULL, wettelijk_kader TEXT NOT NULL,
        PRIMARY KEY (productcode, geldig_vanaf));
      CREATE TABLE IF NOT EXISTS ref_aanbieders (
        aanbieder_id TEXT NOT NULL, geldig_vanaf TEXT NOT NULL, naam TEXT NOT NULL,
        PRIMARY KEY (aanbieder_id, geldig_vanaf));
      CREATE TABLE IF NOT EXISTS ref_bevolking (
        jaar INTEGER NOT NULL, wijk TEXT NOT NULL, aantal INTEGER NOT NULL,
        PRIMARY KEY (jaar, wijk));
      CREATE TABLE IF NOT EXISTS ref_bevolking_totaal (
        jaar INTEGER PRIMARY KEY, totaal INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS zorg_personen (
        persoon_id TEXT PRIMARY KEY, geboortedatum TEXT,
        perspectief_uiterlijk TEXT, perspectief_gevoerd_op TEXT,
        dossier_revision INTEGER);
      CREATE TABLE IF NOT EXISTS toewijzingen (
        toewijzing_id TEXT PRIMARY KEY, persoon_id TEXT NOT NULL, wettelijk_kader TEXT NOT NULL,
        productcode TEXT NOT NULL, productcategorie TEXT, verblijf INTEGER NOT NULL,
        aanbieder_id TEXT NOT NULL, aanbieder_naam TEXT NOT NULL, verwijzer_type TEXT NOT NULL,
        verwijzer_naam TEXT, toewijzingsnummer TEXT NOT NULL, begindatum TEXT NOT NULL,
        einddatum TEXT NOT NULL, omvang TEXT, max_duur_maanden INTEGER, verlenging_van TEXT,
        zorg_start TEXT, zorg_stop TEXT, reden_einde TEXT, bron_positie INTEGER NOT NULL);
      CREATE INDEX IF NOT EXISTS toewijzingen_persoon ON toewijzingen (persoon_id);
      CREATE TABLE IF NOT EXISTS verlengingen (
        verlenging_id TEXT PRIMARY KEY, persoon_id TEXT NOT NULL, toewijzing_id TEXT NOT NULL,
        aangevraagd_op TEXT NOT NULL, aanvrager TEXT NOT NULL, reden TEXT NOT NULL,
        gevraagd_tot TEXT NOT NULL, telaat INTEGER NOT NULL, besluit TEXT, besluitdatum TEXT,
        toelichting TEXT, alternatieven TEXT, nieuwe_toewijzing_id TEXT,
        bron_positie INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS verblijven (
        verblijf_id TEXT PRIMARY KEY, persoon_id TEXT NOT NULL, toewijzing_id TEXT,
        woonvorm TEXT NOT NULL, startdatum TEXT NOT NULL, indicatie_einddatum TEXT NOT NULL,
        uitstroomperspectief TEXT, einddatum TEXT, bestemming TEXT, vervolghulp INTEGER,
        bron_positie INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS woonvorm_wijzigingen (
        verblijf_id TEXT NOT NULL, datum TEXT NOT NULL, van TEXT NOT NULL, naar TEXT NOT NULL,
        richting TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS perspectiefgesprekken (
        gesprek_id TEXT PRIMARY KEY, persoon_id TEXT NOT NULL, datum TEXT NOT NULL, door TEXT NOT NULL,
        perspectief TEXT NOT NULL, behoeften TEXT NOT NULL, zorg_na_18_verwacht INTEGER NOT NULL,
        bron_positie INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS verlengde_jeugdhulp (
        aanvraag_id TEXT PRIMARY KEY, persoon_id TEXT NOT NULL, datum TEXT NOT NULL, reden TEXT NOT NULL,
        besluit TEXT, besluitdatum TEXT, toelichting TEXT, bron_positie INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS zorg_records (
        record_id TEXT PRIMARY KEY, bron_positie INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS zorg_gebeurtenissen (
        persoon_id TEXT NOT NULL, revision INTEGER NOT NULL, bron_positie INTEGER NOT NULL,
        PRIMARY KEY (persoon_id, revision));`);
    const run = (sql: string) => db.prepare(sql);
    const sql = {
      product:
        run(`INSERT OR REPLACE INTO ref_producten VALUES (@productcode, @geldigVanaf, @categorie,
        @omschrijving, @woonvorm, @maxDuurMaanden, @cbsHulpvorm, @verblijf, @wettelijkKader)`),
      aanbieder: run(
        'INSERT OR REPLACE INTO ref_aanbieders VALUES (@aanbiederId, @geldigVanaf, @naam)',
      ),
      clearBevolking: run('DELETE FROM ref_bevolking WHERE jaar = ?'),
      bevolking: run('INSERT INTO ref_bevolking (jaar, wijk, aantal) VALUES (?, ?, ?)'),
      bevolkingTotaal: run(
        'INSERT OR REPLACE INTO ref_bevolking_totaal (jaar, totaal) VALUES (?, ?)',
      ),
      persoon: run(`INSERT INTO zorg_personen (persoon_id, geboortedatum) VALUES (?, ?)
        ON CONFLICT (persoon_id) DO UPDATE SET geboortedatum = excluded.geboortedatum`),
      toewijzing:
        run(`INSERT INTO toewijzingen (toewijzing_id, persoon_id, wettelijk_kader, productcode,
        productcategorie, verblijf, aanbieder_id, aanbieder_naam, verwijzer_type, verwijzer_naam,
        toewijzingsnummer, begindatum, einddatum, omvang, max_duur_maanden, verlenging_van,
        bron_positie)
        VALUES (@toewijzingId, @persoonId, @wettelijkKader, @productcode, @productcategorie, @verblijf,
        @aanbiederId, @aanbiederNaam, @verwijzerType, @verwijzerNaam, @toewijzingsnummer, @begindatum,
        @einddatum, @omvang, @maxDuurMaanden, @verlengingVan, @bron)`),
      start: run('UPDATE toewijzingen SET zorg_start = ? WHERE toewijzing_id = ?'),
      stop: run('UPDATE toewijzingen SET zorg_stop = ?, reden_einde = ? WHERE toewijzing_id = ?'),
      verlenging:
        run(`INSERT INTO verlengingen (verlenging_id, persoon_id, toewijzing_id, aangevraagd_op,
        aanvrager, reden, gevraagd_tot, telaat, bron_positie) VALUES (@verlengingId, @persoonId,
        @toewijzingId, @aangevraagdOp, @aanvrager, @reden, @gevraagdTot, @telaat, @bron)`),
      besluit:
        run(`UPDATE verlengingen SET besluit = ?, besluitdatum = ?, toelichting = ?, alternatieven = ?,
        nieuwe_toewijzing_id = ? WHERE verlenging_id = ?`),
      verblijf:
        run(`INSERT INTO verblijven (verblijf_id, persoon_id, toewijzing_id, woonvorm, startdatum,
        indicatie_einddatum, uitstroomperspectief, bron_positie) VALUES (@verblijfId, @persoonId,
        @toewijzingId, @woonvorm, @startdatum, @indicatieEinddatum, @uitstroomperspectief, @bron)`),
      woonvorm: run('UPDATE verblijven SET woonvorm = ? WHERE verblijf_id = ?'),
      wijziging: run(
        'INSERT INTO woonvorm_wijzigingen VALUES (@verblijfId, @datum, @van, @naar, @richting)',
      ),
      perspectief: run('UPDATE verblijven SET uitstroomperspectief = ? WHERE verblijf_id = ?'),
      einde: run(
        'UPDATE verblijven SET einddatum = ?, bestemming = ?, vervolghulp = ? WHERE verblijf_id = ?',
      ),
      gesprek: run(`INSERT INTO perspectiefgesprekken VALUES (@gesprekId, @persoonId, @datum, @door,
        @perspectief, @behoeften, @zorgNa18Verwacht, @bron)`),
      vjh: run(`INSERT INTO verlengde_jeugdhulp (aanvraag_id, persoon_id, datum, reden, bron_positie)
        VALUES (@aanvraagId, @persoonId, @datum, @reden, @bron)`),
      record: run('INSERT OR REPLACE INTO zorg_records (record_id, bron_positie) VALUES (?, ?)'),
      bronVan: db.prepare<[string], { bron_positie: number }>(
        'SELECT bron_positie FROM zorg_records WHERE record_id = ?',
      ),
      gebeurtenis: run(
        'INSERT OR REPLACE INTO zorg_gebeurtenissen (persoon_id, revision, bron_positie) VALUES (?, ?, ?)',
      ),
      vjhBesluit: run(`UPDATE verlengde_jeugdhulp SET besluit = ?, besluitdatum = ?, toelichting = ?
        WHERE aanvraag_id = ?`),
      eersteJeugdwetStart: db.prepare<[string], { start: string | null }>(
        `SELECT MIN(COALESCE(zorg_start, begindatum)) AS start FROM toewijzingen
         WHERE persoon_id = ? AND wettelijk_kader = 'jeugdwet'`,
      ),
      geboortedatum: db.prepare<[string], { geboortedatum: string | null }>(
        'SELECT geboortedatum FROM zorg_personen WHERE persoon_id = ?',
      ),
      uiterlijk: run('UPDATE zorg_personen SET perspectief_uiterlijk = ? WHERE persoon_id = ?'),
      revision: run('UPDATE zorg_personen SET dossier_revision = ? WHERE persoon_id = ?'),
      gevoerd:
        run(`UPDATE zorg_personen SET perspectief_gevoerd_op = COALESCE(MIN(perspectief_gevoerd_op, ?), ?)
        WHERE persoon_id = ?`),
    };

    /** When the perspective conversation is due, from the birth date and the first Jeugdwet start. */
    function recomputePerspectief(persoonId: string): void {
      const geboortedatum = sql.geboortedatum.get(persoonId)?.geboortedatum ?? null;
      const start = sql.eersteJeugdwetStart.get(persoonId)?.start ?? null;
      const uiterlijk =
        geboortedatum && start ? perspectiefgesprekUiterlijk(geboortedatum, start) : null;
      sql.uiterlijk.run(uiterlijk, persoonId);
    }

    /** The position of the record a care event belongs to (`zorgRecord`); a record it makes keeps it. */
    function bronVan(event: ZorgEvent, positie: number): number {
      const { hoortBij, maakt } = zorgRecord(event);
      const bron =
        (hoortBij === null ? undefined : sql.bronVan.get(hoortBij)?.bron_positie) ?? positie;
      if (maakt !== null) sql.record.run(maakt, bron);
      return bron;
    }

    return (recorded: RecordedEvent) => {
      const event = toDomainEvent(recorded);
      if (isReferentiedataEvent(event)) {
        switch (event.type) {
          case 'ProductVersionSet': {
            const d = event.data;
            sql.product.run({
              ...d,
              verblijf: isVerblijfsproduct(d.categorie, d.productcode, d.wettelijkKader) ? 1 : 0,
            });
            break;
          }
          case 'AanbiederVersionSet':
            sql.aanbieder.run({ ...event.data });
            break;
          case 'BevolkingSet':
            // A year set again replaces that year's figures whole (a correction).
            sql.clearBevolking.run(event.data.jaar);
            sql.bevolkingTotaal.run(event.data.jaar, event.data.totaal);
            for (const { wijk, aantal } of event.data.wijken) {
              sql.bevolking.run(event.data.jaar, wijk, aantal);
            }
            break;
        }
        return;
      }
      if (isPersoonEvent(event)) {
        sql.persoon.run(event.data.persoonId, event.data.geboortedatum);
        recomputePerspectief(event.data.persoonId);
        return;
      }
      if (!isZorgEvent(event)) return;
      const { persoonId } = event.data;
      sql.persoon.run(persoonId, sql.geboortedatum.get(persoonId)?.geboortedatum ?? null);
      // The dossier's version, for the ETag of GET .../zorg and If-Match on care writes.
      sql.revision.run(recorded.revision, persoonId);
      const bron = bronVan(event, Number(recorded.position));
      sql.gebeurtenis.run(persoonId, recorded.revision, bron);
      switch (event.type) {
        case 'ToewijzingRegistered': {
          const d = event.data;
          sql.toewijzing.run({
            ...d,
            verblijf: d.verblijf ? 1 : 0,
            verwijzerType: d.verwijzer.type,
            verwijzerNaam: d.verwijzer.naam,
            omvang: d.omvang ? JSON.stringify(d.omvang) : null,
            bron,
          });
          break;
        }
        case 'ZorgStarted':
        case 'ZorgStartCorrected':
          sql.start.run(event.data.datum, event.data.toewijzingId);
          break;
        case 'ZorgStopped':
          sql.stop.run(event.data.datum, event.data.reden, event.data.toewijzingId);
          break;
        case 'ZorgStopCorrected':
          sql.stop.run(
            event.data.stop?.datum ?? null,
            event.data.stop?.reden ?? null,
            event.data.toewijzingId,
          );
          break;
        case 'VerlengingRequested':
          sql.verlenging.run({ ...event.data, telaat: event.data.telaat ? 1 : 0, bron });
          break;
        case 'VerlengingGranted':
          sql.besluit.run(
            'toegekend',
            event.data.besluitdatum,
            null,
            null,
            event.data.nieuweToewijzingId,
            event.data.verlengingId,
          );
          break;
        case 'VerlengingRefused':
          sql.besluit.run(
            'afgewezen',
            event.data.besluitdatum,
            event.data.toelichting,
            JSON.stringify(event.data.alternatieven),
            null,
            event.data.verlengingId,
          );
          break;
        case 'VerblijfStarted':
          sql.verblijf.run({ ...event.data, bron });
          break;
        case 'WoonvormChanged':
          sql.woonvorm.run(event.data.naar, event.data.verblijfId);
          sql.wijziging.run({ ...event.data });
          break;
        case 'UitstroomperspectiefSet':
          sql.perspectief.run(event.data.perspectief, event.data.verblijfId);
          break;
        case 'VerblijfEnded':
          sql.einde.run(
            event.data.datum,
            event.data.bestemming,
            event.data.vervolghulp ? 1 : 0,
            event.data.verblijfId,
          );
          break;
        case 'PerspectiefgesprekHeld':
          sql.gesprek.run({
            ...event.data,
            zorgNa18Verwacht: event.data.zorgNa18Verwacht ? 1 : 0,
            bron,
          });
          sql.gevoerd.run(event.data.datum, event.data.datum, persoonId);
          break;
        case 'VerlengdeJeugdhulpRequested':
          sql.vjh.run({ ...event.data, bron });
          break;
        case 'VerlengdeJeugdhulpDecided':
          sql.vjhBesluit.run(
            event.data.besluit,
            event.data.datum,
            event.data.toelichting,
            event.data.aanvraagId,
          );
          break;
      }
      recomputePerspectief(persoonId);
    };
  },
};
