import type { Database } from 'better-sqlite3';
import { JphWijziging, PraktijkRol, jphSindsOp } from '@app/domain';
import type { PraktijkFeit } from '@app/statistics';

export interface PraktijkView {
  praktijkId: string;
  naam: string;
  agbCode: string;
  wijk: string;
  /** The JPH today: since when (without a break) and the hours per week; null without one. */
  jph: { sinds: string; urenPerWeek: number } | null;
}

export interface PraktijkDetail extends PraktijkView {
  /** The practice's version: send it back in If-Match when changing it. */
  revision: number;
  geregistreerdOp: string;
  /** Every dated change, in order; urenPerWeek null: no JPH from that date. */
  jphHistorie: JphWijziging[];
  medewerkers: { userId: string; rol: PraktijkRol; gekoppeldOp: string }[];
}

interface PraktijkRow {
  praktijkId: string;
  naam: string;
  agbCode: string;
  wijk: string;
  revision: number;
  geregistreerdOp: string;
}

const SELECT_PRAKTIJK = `SELECT praktijk_id AS praktijkId, naam, agb_code AS agbCode, wijk, revision,
  geregistreerd_op AS geregistreerdOp FROM praktijken`;

/**
 * The queries over the tables of the `praktijken` projection (praktijken.projection.ts, beside
 * this file): GP practices (reference data) and who works at which. Need-to-know is the caller's.
 */
export class PraktijkenQueries {
  constructor(private readonly db: Database) {}

  lijst(today: string): PraktijkView[] {
    const historie = this.jphHistorie();
    return this.db
      .prepare<[], PraktijkRow>(`${SELECT_PRAKTIJK} ORDER BY naam, praktijk_id`)
      .all()
      .map((row) => view(row, historie.get(row.praktijkId) ?? [], today));
  }

  /** One practice with its JPH history and its users; null when there is none. */
  praktijk(praktijkId: string, today: string): PraktijkDetail | null {
    const row = this.db
      .prepare<[string], PraktijkRow>(`${SELECT_PRAKTIJK} WHERE praktijk_id = ?`)
      .get(praktijkId);
    if (!row) return null;
    const jphHistorie = this.jphHistorie(praktijkId).get(praktijkId) ?? [];
    const medewerkers = this.db
      .prepare<[string], PraktijkDetail['medewerkers'][number]>(
        `SELECT user_id AS userId, rol, gekoppeld_op AS gekoppeldOp FROM praktijk_medewerkers
         WHERE praktijk_id = ? ORDER BY rowid`,
      )
      .all(praktijkId);
    return {
      ...view(row, jphHistorie, today),
      revision: row.revision,
      geregistreerdOp: row.geregistreerdOp,
      jphHistorie,
      medewerkers,
    };
  }

  /** Another practice that has this AGB code already. */
  metAgbCode(agbCode: string, behalve: string): { praktijkId: string; naam: string } | null {
    return (
      this.db
        .prepare<[string, string], { praktijkId: string; naam: string }>(
          `SELECT praktijk_id AS praktijkId, naam FROM praktijken
           WHERE agb_code = ? AND praktijk_id <> ? LIMIT 1`,
        )
        .get(agbCode, behalve) ?? null
    );
  }

  /** A practice other than this one the user is linked to. */
  koppelingElders(userId: string, behalve: string): { praktijkId: string; naam: string } | null {
    return (
      this.db
        .prepare<[string, string], { praktijkId: string; naam: string }>(
          `SELECT m.praktijk_id AS praktijkId, p.naam FROM praktijk_medewerkers m
           JOIN praktijken p ON p.praktijk_id = m.praktijk_id
           WHERE m.user_id = ? AND m.praktijk_id <> ? LIMIT 1`,
        )
        .get(userId, behalve) ?? null
    );
  }

  /**
   * The practice a user works for now. A user is linked to one practice at a time; should two
   * links ever exist (two administrators at the same moment), the user gets none until one is
   * undone: fail closed.
   */
  praktijkVan(userId: string): string | null {
    const rows = this.db
      .prepare<[string], { praktijkId: string }>(
        'SELECT praktijk_id AS praktijkId FROM praktijk_medewerkers WHERE user_id = ? LIMIT 2',
      )
      .all(userId);
    return rows.length === 1 ? rows[0]!.praktijkId : null;
  }

  /** Every practice with its JPH history, for the policy figures. */
  feiten(): PraktijkFeit[] {
    const historie = this.jphHistorie();
    return this.db
      .prepare<[], PraktijkRow>(SELECT_PRAKTIJK)
      .all()
      .map(({ praktijkId, naam, wijk }) => ({
        praktijkId,
        naam,
        wijk,
        jph: historie.get(praktijkId) ?? [],
      }));
  }

  private jphHistorie(praktijkId?: string): Map<string, JphWijziging[]> {
    const rows = this.db
      .prepare<
        [string | null, string | null],
        { praktijkId: string; per: string; uren: number | null }
      >(
        `SELECT praktijk_id AS praktijkId, per, uren_per_week AS uren FROM praktijk_jph
         WHERE ? IS NULL OR praktijk_id = ? ORDER BY praktijk_id, volgnummer`,
      )
      .all(praktijkId ?? null, praktijkId ?? null);
    const historie = new Map<string, JphWijziging[]>();
    for (const { praktijkId: id, per, uren } of rows) {
      historie.set(id, [...(historie.get(id) ?? []), { per, urenPerWeek: uren }]);
    }
    return historie;
  }
}

function view(row: PraktijkRow, historie: JphWijziging[], today: string): PraktijkView {
  const { praktijkId, naam, agbCode, wijk } = row;
  return { praktijkId, naam, agbCode, wijk, jph: jphSindsOp(historie, today) };
}
