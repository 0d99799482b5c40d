import type { Database } from 'better-sqlite3';
import { ToewijzingOpname, Woonvorm, WettelijkKader, aanbiederSoort } from '@app/domain';

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

  /** Everything about one person's care. */
  dossier(persoonId: string, today: string) {
    const persoon = this.all('SELECT * FROM zorg_personen WHERE persoon_id = ?', persoonId)[0];
    const toewijzingen = this.all(
      `SELECT toewijzing_id AS toewijzingId, wettelijk_kader AS wettelijkKader, productcode,
         productcategorie, verblijf, aanbieder_id AS aanbiederId, aanbieder_naam AS aanbiederNaam,
         verwijzer_type AS verwijzerType, verwijzer_naam AS verwijzerNaam, toewijzingsnummer,
         begindatum, einddatum, omvang, max_duur_maanden AS maxDuurMaanden,
         verlenging_van AS verlengingVan, zorg_start AS zorgStart, zorg_stop AS zorgStop,
         reden_einde AS redenEinde
       FROM toewijzingen WHERE persoon_id = ? ORDER BY begindatum, rowid`,
      persoonId,
    ).map((t) => ({
      ...t,
      verblijf: t.verblijf === 1,
      omvang: t.omvang ? (JSON.parse(String(t.omvang)) as unknown) : null,
    }));
    const verlengingen = this.all(
      `SELECT verlenging_id AS verlengingId, toewijzing_id AS toewijzingId, aangevraagd_op AS aangevraagdOp,
         aanvrager, reden, gevraagd_tot AS gevraagdTot, telaat, besluit, besluitdatum, toelichting,
         alternatieven, nieuwe_toewijzing_id AS nieuweToewijzingId
       FROM verlengingen WHERE persoon_id = ? ORDER BY aangevraagd_op, rowid`,
      persoonId,
    ).map((v) => ({
      ...v,
      telaat: v.telaat === 1,
      alternatieven: v.alternatieven ? (JSON.parse(String(v.alternatieven)) as string[]) : [],
    }));
    const verblijven = this.all(
      `SELECT verblijf_id AS verblijfId, toewijzing_id AS toewijzingId, woonvorm, startdatum,
         indicatie_einddatum AS indicatieEinddatum, uitstroomperspectief, einddatum, bestemming, vervolghulp
       FROM verblijven WHERE persoon_id = ? ORDER BY startdatum`,
      persoonId,
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
       FROM perspectiefgesprekken WHERE persoon_id = ? ORDER BY datum`,
      persoonId,
    ).map((g) => ({ ...g, zorgNa18Verwacht: g.zorgNa18Verwacht === 1 }));
    const verlengdeJeugdhulp = this.all(
      `SELECT aanvraag_id AS aanvraagId, datum, reden, besluit, besluitdatum, toelichting
       FROM verlengde_jeugdhulp WHERE persoon_id = ? ORDER BY datum`,
      persoonId,
    );
    const uiterlijk = (persoon?.perspectief_uiterlijk as string | null | undefined) ?? null;
    const gevoerdOp = (persoon?.perspectief_gevoerd_op as string | null | undefined) ?? null;
    return {
      persoonId,
      /** The care dossier's version (-1: nothing recorded yet); send it back in If-Match. */
      revision: (persoon?.dossier_revision as number | null | undefined) ?? -1,
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

  /** The youths of my families with a perspective conversation due by `until` and not held. */
  perspectiefgesprekkenTeVoeren(userId: string, today: string, until: string): WerklijstRow[] {
    return this.all<WerklijstRow>(
      `SELECT DISTINCT z.persoon_id AS persoonId, p.voornaam, p.achternaam, l.gezin_id AS gezinId,
         z.perspectief_uiterlijk AS uiterlijk,
         CASE WHEN z.perspectief_uiterlijk < ? THEN 1 ELSE 0 END AS teLaat
       FROM zorg_personen z
       JOIN personen p ON p.persoon_id = z.persoon_id
       JOIN gezin_leden l ON l.persoon_id = z.persoon_id AND l.tot IS NULL
       JOIN gezin_toegang t ON t.gezin_id = l.gezin_id AND t.user_id = ? AND t.toegang = 'schrijven'
       WHERE z.perspectief_uiterlijk IS NOT NULL AND z.perspectief_gevoerd_op IS NULL
         AND z.perspectief_uiterlijk <= ?
         AND EXISTS (SELECT 1 FROM toewijzingen w WHERE w.persoon_id = z.persoon_id
                     AND w.wettelijk_kader = 'jeugdwet' AND w.zorg_stop IS NULL AND w.einddatum >= ?)
       ORDER BY z.perspectief_uiterlijk`,
      today,
      userId,
      until,
      today,
    ).map((r) => ({ ...r, teLaat: r.teLaat === 1 }));
  }

  /** Open stays of my families' youths whose indication ends by `until`, with the exit perspective. */
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
       ORDER BY v.indicatie_einddatum`,
      userId,
      until,
    );
  }

  /** Running assignments of my families' members that end by `until` without a decision on an extension. */
  toewijzingenAflopend(userId: string, today: string, until: string): WerklijstRow[] {
    return this.all<WerklijstRow>(
      `SELECT DISTINCT w.toewijzing_id AS toewijzingId, w.persoon_id AS persoonId, p.voornaam, p.achternaam,
         l.gezin_id AS gezinId, w.productcode, w.aanbieder_naam AS aanbiederNaam, w.einddatum
       FROM toewijzingen w
       JOIN personen p ON p.persoon_id = w.persoon_id
       JOIN gezin_leden l ON l.persoon_id = w.persoon_id AND l.tot IS NULL
       JOIN gezin_toegang t ON t.gezin_id = l.gezin_id AND t.user_id = ? AND t.toegang = 'schrijven'
       WHERE w.zorg_stop IS NULL AND w.einddatum >= ? AND w.einddatum <= ?
         AND NOT EXISTS (SELECT 1 FROM verlengingen v WHERE v.toewijzing_id = w.toewijzing_id AND v.besluit IS NOT NULL)
       ORDER BY w.einddatum`,
      userId,
      today,
      until,
    );
  }
}
