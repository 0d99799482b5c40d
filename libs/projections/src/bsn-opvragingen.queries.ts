import type { Database } from 'better-sqlite3';

/** BSN lookups of one user (at one practice) in a period, for application management. */
export interface BsnOpvragingenVanGebruiker {
  userId: string;
  naam: string;
  rol: string;
  praktijkId: string;
  praktijk: string | null;
  aantal: number;
  eerste: string;
  laatste: string;
}

/**
 * The queries over the table of the `bsn-opvragingen` projection (bsn-opvragingen.projection.ts,
 * beside this file), with the practices' names from the `praktijken` projection.
 */
export class BsnOpvragingenQueries {
  constructor(private readonly db: Database) {}

  /** BSN lookups per user and practice on the days from van to tot (UTC), most first. */
  perGebruiker(van: string, tot: string): BsnOpvragingenVanGebruiker[] {
    return this.db
      .prepare<[string, string], BsnOpvragingenVanGebruiker>(
        `SELECT b.user_id AS userId, b.naam, b.rol, b.praktijk_id AS praktijkId,
           pr.naam AS praktijk, b.aantal, b.eerste, b.laatste
         FROM (
           -- SQLite takes naam and rol from the row with the latest lookup.
           SELECT user_id, praktijk_id, naam, rol, MAX(occurred_at) AS laatste,
             MIN(occurred_at) AS eerste, COUNT(*) AS aantal
           FROM bsn_opvragingen
           WHERE substr(occurred_at, 1, 10) BETWEEN ? AND ?
           GROUP BY user_id, praktijk_id
         ) b
         LEFT JOIN praktijken pr ON pr.praktijk_id = b.praktijk_id
         ORDER BY b.aantal DESC, b.user_id, b.praktijk_id`,
      )
      .all(van, tot);
  }
}
