import type { Database } from 'better-sqlite3';
import {
  ToewijzingOpname,
  Woonvorm,
  WettelijkKader,
  aanbiederSoort,
  perspectiefgesprekUiterlijk,
} from '@app/domain';

type Row = Record<string, string | number | boolean | null>;
/** A worklist row names its family and youth, so its read can be logged under their families. */
type WerklijstRow = Row & { gezinId: string; persoonId: string };

/**
 * The youths aged 0-17 living in the municipality on 31 December of `jaar`: the whole
 * municipality, and its districts as far as known (they may not cover the whole).
 */
export interface BevolkingJaar {
  jaar: number;
  totaal: number;
  wijken: { wijk: string; aantal: number }[];
}

/**
 * The queries over the tables of the `zorg` projection (zorg.projection.ts, beside this file): a
 * person's care, the reference data, the care worklists. Need-to-know is the caller's: every
 * method answers what it is asked.
 */
export class ZorgQueries {
  constructor(private readonly db: Database) {}

  private all<T = Row>(sql: string, ...params: (string | number)[]): T[] {
    return this.db.prepare<(string | number)[], T>(sql).all(...params);
  }

  /**
   * An assignment as a story or judgement keeps it (provider, product, category, and the form of
   * residence of its latest stay); null when no care dossier has it.
   */
  toewijzingOpname(toewijzingId: string): ToewijzingOpname | null {
    const row = this.db
      .prepare<
        [string],
        {
          persoonId: string;
          wettelijkKader: WettelijkKader;
          aanbiederId: string;
          productcode: string;
          productcategorie: string | null;
          woonvorm: Woonvorm | null;
        }
      >(
        `SELECT t.persoon_id AS persoonId, t.wettelijk_kader AS wettelijkKader,
           t.aanbieder_id AS aanbiederId, t.productcode, t.productcategorie,
           (SELECT v.woonvorm FROM verblijven v WHERE v.toewijzing_id = t.toewijzing_id
            ORDER BY v.startdatum DESC, v.rowid DESC LIMIT 1) AS woonvorm
         FROM toewijzingen t WHERE t.toewijzing_id = ?`,
      )
      .get(toewijzingId);
    return row ? { toewijzingId, ...row } : null;
  }

  /**
   * Everything about one person's care, or only what was recorded from the log position `vanaf`
   * on: through a recognised membership not yet confirmed (ADR 0016), the dossier as a new
   * person's would be with the same later facts. Its version then counts only the events shown,
   * and the perspective conversation's due date follows from the assignments shown.
   */
  dossier(persoonId: string, today: string, vanaf: number | null = null) {
    const van = vanaf ?? 0;
    const persoon = this.all<{ geboortedatum: string | null; dossier_revision: number | null }>(
      'SELECT geboortedatum, dossier_revision FROM zorg_personen WHERE persoon_id = ?',
      persoonId,
    )[0];
    const toewijzingen = this.all(
      `SELECT toewijzing_id AS toewijzingId, wettelijk_kader AS wettelijkKader, productcode,
         productcategorie, verblijf, aanbieder_id AS aanbiederId, aanbieder_naam AS aanbiederNaam,
         verwijzer_type AS verwijzerType, verwijzer_naam AS verwijzerNaam, toewijzingsnummer,
         begindatum, einddatum, omvang, max_duur_maanden AS maxDuurMaanden,
         verlenging_van AS verlengingVan, zorg_start AS zorgStart, zorg_stop AS zorgStop,
         reden_einde AS redenEinde
       FROM toewijzingen WHERE persoon_id = ? AND bron_positie >= ? ORDER BY begindatum, rowid`,
      persoonId,
      van,
    ).map((t) => ({
      ...t,
      verblijf: t.verblijf === 1,
      omvang: t.omvang ? (JSON.parse(String(t.omvang)) as unknown) : null,
    }));
    const verlengingen = this.all(
      `SELECT verlenging_id AS verlengingId, toewijzing_id AS toewijzingId, aangevraagd_op AS aangevraagdOp,
         aanvrager, reden, gevraagd_tot AS gevraagdTot, telaat, besluit, besluitdatum, toelichting,
         alternatieven, nieuwe_toewijzing_id AS nieuweToewijzingId
       FROM verlengingen WHERE persoon_id = ? AND bron_positie >= ? ORDER BY aangevraagd_op, rowid`,
      persoonId,
      van,
    ).map((v) => ({
      ...v,
      telaat: v.telaat === 1,
      alternatieven: v.alternatieven ? (JSON.parse(String(v.alternatieven)) as string[]) : [],
    }));
    const verblijven = this.all(
      `SELECT verblijf_id AS verblijfId, toewijzing_id AS toewijzingId, woonvorm, startdatum,
         indicatie_einddatum AS indicatieEinddatum, uitstroomperspectief, einddatum, bestemming, vervolghulp
       FROM verblijven WHERE persoon_id = ? AND bron_positie >= ? ORDER BY startdatum`,
      persoonId,
      van,
    ).map((v) => ({
      ...v,
      vervolghulp: v.vervolghulp === null ? null : v.vervolghulp === 1,
      // Step-downs and step-ups, in order.
      wijzigingen: this.all(
        'SELECT datum, van, naar, richting FROM woonvorm_wijzigingen WHERE verblijf_id = ? ORDER BY datum, rowid',
        String(v.verblijfId),
      ),
    }));
    const gesprekken = this.all(
      `SELECT gesprek_id AS gesprekId, datum, door, perspectief, behoeften, zorg_na_18_verwacht AS zorgNa18Verwacht
       FROM perspectiefgesprekken WHERE persoon_id = ? AND bron_positie >= ? ORDER BY datum`,
      persoonId,
      van,
    ).map((g) => ({ ...g, zorgNa18Verwacht: g.zorgNa18Verwacht === 1 }));
    const verlengdeJeugdhulp = this.all(
      `SELECT aanvraag_id AS aanvraagId, datum, reden, besluit, besluitdatum, toelichting
       FROM verlengde_jeugdhulp WHERE persoon_id = ? AND bron_positie >= ? ORDER BY datum`,
      persoonId,
      van,
    );
    const { uiterlijk, gevoerdOp } = this.perspectief(
      persoonId,
      persoon?.geboortedatum ?? null,
      van,
    );
    return {
      persoonId,
      /**
       * The care dossier's version (-1: nothing recorded yet); send it back in If-Match. From
       * `vanaf` on, the events shown counted as a new dossier's would be.
       */
      revision:
        vanaf === null ? (persoon?.dossier_revision ?? -1) : this.getoondeVersie(persoonId, vanaf),
      perspectiefgesprek: {
        uiterlijk,
        gevoerdOp,
        status:
          uiterlijk === null
            ? 'niet-van-toepassing'
            : gevoerdOp !== null
              ? 'gevoerd'
              : uiterlijk < today
                ? 'te-laat'
                : 'gepland',
      },
      toewijzingen,
      verlengingen,
      verblijven,
      perspectiefgesprekken: gesprekken,
      verlengdeJeugdhulp,
    };
  }

  /**
   * The version of the dossier as shown from the log position `vanaf` on (ADR 0016): the number
   * of its events about records shown, less one, as for a dossier that began there.
   */
  getoondeVersie(persoonId: string, vanaf: number): number {
    const { getoond } = this.db
      .prepare<[string, number], { getoond: number }>(
        `SELECT COUNT(*) AS getoond FROM zorg_gebeurtenissen
         WHERE persoon_id = ? AND bron_positie >= ?`,
      )
      .get(persoonId, vanaf)!;
    return getoond - 1;
  }

  /**
   * When the perspective conversation is due and when it was held, from the records shown (from
   * `vanaf` on): the same rule as the `zorg` projection's `perspectief_uiterlijk`.
   */
  private perspectief(
    persoonId: string,
    geboortedatum: string | null,
    vanaf: number,
  ): { uiterlijk: string | null; gevoerdOp: string | null } {
    const { start, gevoerdOp } = this.db
      .prepare<
        [string, number, string, number],
        { start: string | null; gevoerdOp: string | null }
      >(
        `SELECT (SELECT MIN(COALESCE(zorg_start, begindatum)) FROM toewijzingen
                 WHERE persoon_id = ? AND bron_positie >= ? AND wettelijk_kader = 'jeugdwet') AS start,
                (SELECT MIN(datum) FROM perspectiefgesprekken
                 WHERE persoon_id = ? AND bron_positie >= ?) AS gevoerdOp`,
      )
      .get(persoonId, vanaf, persoonId, vanaf)!;
    const uiterlijk =
      geboortedatum && start ? perspectiefgesprekUiterlijk(geboortedatum, start) : null;
    return { uiterlijk, gevoerdOp };
  }

  producten(peildatum: string) {
    return this.all(
      `SELECT p.productcode, p.geldig_vanaf AS geldigVanaf, p.wettelijk_kader AS wettelijkKader, p.categorie, p.omschrijving, p.woonvorm,
         p.max_duur_maanden AS maxDuurMaanden, p.cbs_hulpvorm AS cbsHulpvorm, p.verblijf
       FROM ref_producten p
       WHERE p.geldig_vanaf = (SELECT MAX(geldig_vanaf) FROM ref_producten q
                               WHERE q.productcode = p.productcode AND q.geldig_vanaf <= ?)
       ORDER BY p.productcode`,
      peildatum,
    ).map((p) => ({ ...p, verblijf: p.verblijf === 1 }));
  }

  /** The providers as valid on a date, each with how it is identified (AGB, KvK, own team). */
  aanbieders(peildatum: string) {
    return this.all<{ aanbiederId: string }>(
      `SELECT a.aanbieder_id AS aanbiederId, a.geldig_vanaf AS geldigVanaf, a.naam FROM ref_aanbieders a
       WHERE a.geldig_vanaf = (SELECT MAX(geldig_vanaf) FROM ref_aanbieders b
                               WHERE b.aanbieder_id = a.aanbieder_id AND b.geldig_vanaf <= ?)
       ORDER BY a.naam`,
      peildatum,
    ).map((a) => ({ ...a, soort: aanbiederSoort(a.aanbiederId) }));
  }

  /** Every year's youths 0-17 on 31 December: in total and per district (by name). */
  bevolking(): BevolkingJaar[] {
    const jaren = new Map<number, BevolkingJaar>();
    for (const { jaar, totaal } of this.all<{ jaar: number; totaal: number }>(
      'SELECT jaar, totaal FROM ref_bevolking_totaal ORDER BY jaar',
    )) {
      jaren.set(jaar, { jaar, totaal, wijken: [] });
    }
    for (const { jaar, wijk, aantal } of this.all<{ jaar: number; wijk: string; aantal: number }>(
      'SELECT jaar, wijk, aantal FROM ref_bevolking ORDER BY jaar, wijk',
    )) {
      jaren.get(jaar)?.wijken.push({ wijk, aantal });
    }
    return [...jaren.values()];
  }

  /**
   * The youths of my families with a perspective conversation due by `until` and not held.
   * Through a recognised membership not yet confirmed (ADR 0016) only the care recorded from the
   * recognition on counts, for the due date as for the running care.
   */
  perspectiefgesprekkenTeVoeren(userId: string, today: string, until: string): WerklijstRow[] {
    const kandidaten = this.all<{
      persoonId: string;
      voornaam: string;
      achternaam: string;
      gezinId: string;
      zorgVanaf: number | null;
      geboortedatum: string | null;
      uiterlijk: string;
      gevoerdOp: string | null;
    }>(
      `SELECT DISTINCT z.persoon_id AS persoonId, p.voornaam, p.achternaam, l.gezin_id AS gezinId,
         l.zorg_vanaf AS zorgVanaf, z.geboortedatum, z.perspectief_uiterlijk AS uiterlijk,
         z.perspectief_gevoerd_op AS gevoerdOp
       FROM zorg_personen z
       JOIN personen p ON p.persoon_id = z.persoon_id
       JOIN gezin_leden l ON l.persoon_id = z.persoon_id AND l.tot IS NULL
       JOIN gezin_toegang t ON t.gezin_id = l.gezin_id AND t.user_id = ? AND t.toegang = 'schrijven'
       WHERE z.perspectief_uiterlijk IS NOT NULL
         AND EXISTS (SELECT 1 FROM toewijzingen w WHERE w.persoon_id = z.persoon_id
                     AND w.bron_positie >= COALESCE(l.zorg_vanaf, 0)
                     AND w.wettelijk_kader = 'jeugdwet' AND w.zorg_stop IS NULL AND w.einddatum >= ?)`,
      userId,
      today,
    );
    return kandidaten
      .map(({ zorgVanaf, geboortedatum, uiterlijk, gevoerdOp, ...rij }) => ({
        ...rij,
        ...(zorgVanaf === null
          ? { uiterlijk, gevoerdOp }
          : this.perspectief(rij.persoonId, geboortedatum, zorgVanaf)),
      }))
      .filter(
        (r): r is typeof r & { uiterlijk: string } =>
          r.uiterlijk !== null && r.gevoerdOp === null && r.uiterlijk <= until,
      )
      .sort((a, b) => (a.uiterlijk < b.uiterlijk ? -1 : a.uiterlijk > b.uiterlijk ? 1 : 0))
      .map(({ persoonId, voornaam, achternaam, gezinId, uiterlijk }) => ({
        persoonId,
        voornaam,
        achternaam,
        gezinId,
        uiterlijk,
        teLaat: uiterlijk < today,
      }));
  }

  /**
   * Open stays of my families' youths whose indication ends by `until`, with the exit
   * perspective; through a membership not yet confirmed, those recorded since (ADR 0016).
   */
  verblijfIndicatiesAflopend(userId: string, until: string): WerklijstRow[] {
    return this.all<WerklijstRow>(
      `SELECT DISTINCT v.verblijf_id AS verblijfId, v.persoon_id AS persoonId, p.voornaam, p.achternaam,
         l.gezin_id AS gezinId, v.woonvorm, v.startdatum, v.indicatie_einddatum AS indicatieEinddatum,
         v.uitstroomperspectief
       FROM verblijven v
       JOIN personen p ON p.persoon_id = v.persoon_id
       JOIN gezin_leden l ON l.persoon_id = v.persoon_id AND l.tot IS NULL
       JOIN gezin_toegang t ON t.gezin_id = l.gezin_id AND t.user_id = ? AND t.toegang = 'schrijven'
       WHERE v.einddatum IS NULL AND v.indicatie_einddatum <= ?
         AND v.bron_positie >= COALESCE(l.zorg_vanaf, 0)
       ORDER BY v.indicatie_einddatum`,
      userId,
      until,
    );
  }

  /**
   * Running assignments of my families' members that end by `until` without a decision on an
   * extension; through a membership not yet confirmed, those registered since (ADR 0016).
   */
  toewijzingenAflopend(userId: string, today: string, until: string): WerklijstRow[] {
    return this.all<WerklijstRow>(
      `SELECT DISTINCT w.toewijzing_id AS toewijzingId, w.persoon_id AS persoonId, p.voornaam, p.achternaam,
         l.gezin_id AS gezinId, w.productcode, w.aanbieder_naam AS aanbiederNaam, w.einddatum
       FROM toewijzingen w
       JOIN personen p ON p.persoon_id = w.persoon_id
       JOIN gezin_leden l ON l.persoon_id = w.persoon_id AND l.tot IS NULL
       JOIN gezin_toegang t ON t.gezin_id = l.gezin_id AND t.user_id = ? AND t.toegang = 'schrijven'
       WHERE w.zorg_stop IS NULL AND w.einddatum >= ? AND w.einddatum <= ?
         AND w.bron_positie >= COALESCE(l.zorg_vanaf, 0)
         AND NOT EXISTS (SELECT 1 FROM verlengingen v WHERE v.toewijzing_id = w.toewijzing_id AND v.besluit IS NOT NULL)
       ORDER BY w.einddatum`,
      userId,
      today,
      until,
    );
  }
}
