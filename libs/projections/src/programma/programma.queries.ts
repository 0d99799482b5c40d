import type { Database } from 'better-sqlite3';
import type { Knop, StoplichtKleur, Thema } from '@app/domain';

/** A status of an action as recorded: colour, why, from which date, by whom, and when written. */
export interface ActieStatus {
  status: StoplichtKleur;
  toelichting: string;
  datum: string;
  door: string;
  vastgelegdOp: string;
}

interface ThemaRow {
  themaId: string;
  naam: string;
  knop: number | null;
  actief: number;
}

const SELECT_THEMA = 'SELECT thema_id AS themaId, naam, knop, actief FROM programma_themas';

/**
 * The queries over the tables of the `programma` projection (programma.projection.ts, beside
 * this file): the programme's knoppen with their actions, the themes, and the stoplight history
 * of each action. No personal data.
 */
export class ProgrammaQueries {
  constructor(private readonly db: Database) {}

  /** Every theme, active or not, by name. */
  themas(): Thema[] {
    return this.db
      .prepare<[], ThemaRow>(`${SELECT_THEMA} ORDER BY naam, thema_id`)
      .all()
      .map(thema);
  }

  thema(themaId: string): Thema | null {
    const row = this.db
      .prepare<[string], ThemaRow>(`${SELECT_THEMA} WHERE thema_id = ?`)
      .get(themaId);
    return row ? thema(row) : null;
  }

  /** The ids of the themes a story may be linked to now: the active ones. */
  actieveThemaIds(): string[] {
    return this.db
      .prepare<[], { themaId: string }>(
        'SELECT thema_id AS themaId FROM programma_themas WHERE actief = 1 ORDER BY thema_id',
      )
      .all()
      .map((r) => r.themaId);
  }

  /** The themes of a knop (active or not). */
  themasVanKnop(knop: number): Thema[] {
    return this.db
      .prepare<[number], ThemaRow>(`${SELECT_THEMA} WHERE knop = ? ORDER BY naam, thema_id`)
      .all(knop)
      .map(thema);
  }

  /** Every knop with its actions, in the programme's order. */
  knoppen(): Knop[] {
    const acties = this.db
      .prepare<[], { knop: number; actieId: string; titel: string }>(
        `SELECT knop, actie_id AS actieId, titel FROM programma_acties ORDER BY knop, volgorde`,
      )
      .all();
    return this.db
      .prepare<[], { knop: number; titel: string }>(
        'SELECT knop, titel FROM programma_knoppen ORDER BY knop',
      )
      .all()
      .map(({ knop, titel }) => ({
        knop,
        titel,
        acties: acties
          .filter((a) => a.knop === knop)
          .map(({ actieId, titel: t }) => ({ actieId, titel: t })),
      }));
  }

  knop(knop: number): Knop | null {
    const row = this.db
      .prepare<[number], { titel: string }>('SELECT titel FROM programma_knoppen WHERE knop = ?')
      .get(knop);
    if (!row) return null;
    const acties = this.db
      .prepare<[number], { actieId: string; titel: string }>(
        'SELECT actie_id AS actieId, titel FROM programma_acties WHERE knop = ? ORDER BY volgorde',
      )
      .all(knop);
    return { knop, titel: row.titel, acties };
  }

  /** Every status recorded per action, oldest first (the history stays); for all actions. */
  statussen(): Map<string, ActieStatus[]> {
    const rows = this.db
      .prepare<[], ActieStatus & { actieId: string }>(
        `SELECT actie_id AS actieId, status, toelichting, datum, door, vastgelegd_op AS vastgelegdOp
         FROM programma_statussen ORDER BY revision`,
      )
      .all();
    const perActie = new Map<string, ActieStatus[]>();
    for (const { actieId, ...status } of rows) {
      perActie.set(actieId, [...(perActie.get(actieId) ?? []), status]);
    }
    return perActie;
  }
}

function thema({ themaId, naam, knop, actief }: ThemaRow): Thema {
  return { themaId, naam, knop, actief: actief === 1 };
}
