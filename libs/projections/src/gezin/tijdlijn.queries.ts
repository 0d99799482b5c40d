import type { Database } from 'better-sqlite3';

export interface TijdlijnItem {
  position: string;
  wanneer: string;
  vastgelegdOp: string;
  soort: string;
  wat: string;
  wie: { userId: string; rol: string };
}

export interface TijdlijnFilter {
  /** From this day (YYYY-MM-DD), inclusive. */
  van?: string;
  /** Up to this day, inclusive. */
  tot?: string;
  /** Only these kinds (gezinslid, contactpersoon, plan, ...). */
  soort?: string[];
}

/**
 * The query over the `tijdlijn` projection's table (tijdlijn.projection.ts, beside this file).
 * Need-to-know is the caller's.
 */
export class TijdlijnQueries {
  constructor(private readonly db: Database) {}

  /** The family's timeline in log order, filtered by period and kind. */
  tijdlijn(gezinId: string, filter: TijdlijnFilter): TijdlijnItem[] {
    const conditions = ['gezin_id = @gezinId'];
    const parameters: Record<string, string> = { gezinId };
    if (filter.van) {
      conditions.push('substr(occurred_at, 1, 10) >= @van');
      parameters.van = filter.van;
    }
    if (filter.tot) {
      conditions.push('substr(occurred_at, 1, 10) <= @tot');
      parameters.tot = filter.tot;
    }
    const soorten = filter.soort ?? [];
    if (soorten.length > 0) {
      conditions.push(`soort IN (${soorten.map((_, i) => `@soort${i}`).join(', ')})`);
      soorten.forEach((soort, i) => (parameters[`soort${i}`] = soort));
    }
    return this.db
      .prepare<
        Record<string, string>,
        {
          position: number;
          occurred_at: string;
          recorded_at: string;
          soort: string;
          samenvatting: string;
          actor_user_id: string;
          actor_role: string;
        }
      >(`SELECT * FROM tijdlijn WHERE ${conditions.join(' AND ')} ORDER BY position`)
      .all(parameters)
      .map((row) => ({
        position: String(row.position),
        wanneer: row.occurred_at,
        vastgelegdOp: row.recorded_at,
        soort: row.soort,
        wat: row.samenvatting,
        wie: { userId: row.actor_user_id, rol: row.actor_role },
      }));
  }
}
