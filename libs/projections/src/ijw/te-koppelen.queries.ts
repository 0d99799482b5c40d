import type { Database } from 'better-sqlite3';

export interface TeKoppelenBericht {
  berichtId: string;
  soort: string;
  ontvangenOp: string;
  bsn: string;
  naam: string | null;
  geboortedatum: string | null;
}

/** The worklist "te koppelen" (te-koppelen.projection.ts, beside this file). */
export class TeKoppelenQueries {
  constructor(private readonly db: Database) {}

  /** The messages waiting for a person, oldest first. */
  lijst(): TeKoppelenBericht[] {
    return this.db
      .prepare<[], TeKoppelenBericht>(
        `SELECT bericht_id AS berichtId, soort, ontvangen_op AS ontvangenOp, bsn, naam,
           geboortedatum
         FROM ijw_te_koppelen ORDER BY ontvangen_op, bericht_id`,
      )
      .all();
  }

  /** The BSN a person is known by, or null. */
  bsnVanPersoon(persoonId: string): string | null {
    return (
      this.db
        .prepare<[string], { bsn: string | null }>('SELECT bsn FROM personen WHERE persoon_id = ?')
        .get(persoonId)?.bsn ?? null
    );
  }
}
