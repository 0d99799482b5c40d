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

/** An action on the stoplight: its current status (the latest) and every status before it. */
export interface ActieStoplicht {
  actieId: string;
  titel: string;
  /** The latest status; null before the first. */
  status: ActieStatus | null;
  /** Every status, oldest first (the history stays). */
  historie: ActieStatus[];
}

/** How many of a knop's actions are at each colour now, and how many have no status yet. */
export interface StoplichtSamenvatting {
  acties: number;
  groen: number;
  oranje: number;
  rood: number;
  zonderStatus: number;
  /** The date of the latest status of any of its actions; null without one. */
  laatsteDatum: string | null;
}

export interface KnopStoplicht extends StoplichtSamenvatting {
  knop: number;
  titel: string;
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

  /** Every knop with how many of its actions are at each colour now, by number. */
  stoplichten(): KnopStoplicht[] {
    const statussen = this.statussen();
    return this.knoppen().map(({ knop, titel, acties }) => ({
      knop,
      titel,
      ...samenvatting(acties.map((a) => stoplicht(a, statussen))),
    }));
  }

  /** A knop's actions on the stoplight, in order; null when there is no such knop. */
  knopStoplicht(knop: number): (KnopStoplicht & { stoplicht: ActieStoplicht[] }) | null {
    const found = this.knop(knop);
    if (!found) return null;
    const statussen = this.statussen(knop);
    const acties = found.acties.map((a) => stoplicht(a, statussen));
    return { knop, titel: found.titel, ...samenvatting(acties), stoplicht: acties };
  }

  /** Every status recorded per action (of one knop, or all), oldest first. */
  private statussen(knop?: number): Map<string, ActieStatus[]> {
    const rows = this.db
      .prepare<[number | null, number | null], ActieStatus & { actieId: string }>(
        `SELECT s.actie_id AS actieId, s.status, s.toelichting, s.datum, s.door,
           s.vastgelegd_op AS vastgelegdOp
         FROM programma_statussen s
         WHERE ? IS NULL OR s.actie_id IN (SELECT actie_id FROM programma_acties WHERE knop = ?)
         ORDER BY s.revision`,
      )
      .all(knop ?? null, knop ?? null);
    const perActie = new Map<string, ActieStatus[]>();
    for (const { actieId, ...status } of rows) {
      perActie.set(actieId, [...(perActie.get(actieId) ?? []), status]);
    }
    return perActie;
  }
}

function stoplicht(
  actie: { actieId: string; titel: string },
  statussen: Map<string, ActieStatus[]>,
): ActieStoplicht {
  const historie = statussen.get(actie.actieId) ?? [];
  return { ...actie, status: historie.at(-1) ?? null, historie };
}

function samenvatting(acties: readonly ActieStoplicht[]): StoplichtSamenvatting {
  const kleur = (k: StoplichtKleur) => acties.filter((a) => a.status?.status === k).length;
  const data = acties.flatMap((a) => (a.status ? [a.status.datum] : [])).sort();
  return {
    acties: acties.length,
    groen: kleur('groen'),
    oranje: kleur('oranje'),
    rood: kleur('rood'),
    zonderStatus: acties.filter((a) => a.status === null).length,
    laatsteDatum: data.at(-1) ?? null,
  };
}

function thema({ themaId, naam, knop, actief }: ThemaRow): Thema {
  return { themaId, naam, knop, actief: actief === 1 };
}
