import type { Database } from 'better-sqlite3';

export interface Inzage {
  wanneer: string;
  /** What was read: "gezin", "tijdlijn", "bsn-opvraging", "werklijst mijn-gezinnen", ... */
  wat: string;
  /** The reader's user id, name and role. */
  door: string;
  naam: string;
  rol: string;
}

/** The query over the `verwerkingslog` projection's table (verwerkingslog.projection.ts). */
export class VerwerkingslogQueries {
  constructor(private readonly db: Database) {}

  /** Who read this family's data, when, and what, oldest first (for an AVG art. 15 request). */
  inzages(gezinId: string): Inzage[] {
    return this.db
      .prepare<[string], Inzage>(
        `SELECT occurred_at AS wanneer, wat, door, naam, rol FROM verwerkingslog
         WHERE gezin_id = ? ORDER BY position`,
      )
      .all(gezinId);
  }
}
