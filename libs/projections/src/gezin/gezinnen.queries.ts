import type { Database } from 'better-sqlite3';
import { Gezinsplan, NotFound, Toegang, kalenderdatum } from '@app/domain';

export interface LidView {
  persoonId: string;
  rol: string;
  voornaam: string;
  achternaam: string;
  geboortedatum: string | null;
  bsn: string | null;
  vanaf: string;
}

export interface GezinView {
  gezinId: string;
  naam: string;
  aangemeldOp: string;
  /** The district the family lives in now; null when not known. */
  wijk: string | null;
  /** The family's version: send it back in If-Match when changing it. */
  revision: number;
  /** Yours: schrijven (you are its contact person) or lezen (you were). */
  toegang: Exclude<Toegang, 'geen'>;
  contactpersoon: { userId: string; naam: string; organisatie: string; vanaf: string } | null;
  leden: LidView[];
  netwerk: {
    betrokkeneId: string;
    soort: string;
    naam: string;
    rol: string;
    organisatie: string | null;
    vanaf: string;
    tot: string | null;
  }[];
  plan: { versie: number; evaluatiedatum: string | null } | null;
}

export interface ContactpersoonView {
  userId: string;
  naam: string;
  organisatie: string;
  vanaf: string;
  tot: string | null;
  redenEinde: string | null;
}

export interface PlanVersieView {
  versie: number;
  vastgelegdOp: string;
  door: { userId: string; rol: string };
  reden: string | null;
}

/** A recognised member waiting for a decision (ADR 0016). */
export interface TeBevestigenLid {
  persoonId: string;
  voornaam: string;
  achternaam: string;
  geboortedatum: string | null;
  /** The family that recognised the person. */
  gezinId: string;
  gezinsnaam: string;
  geregistreerdDoor: string;
  geregistreerdOp: string;
}

export interface WerklijstGezin {
  gezinId: string;
  naam: string;
  toegang?: string;
  evaluatiedatum?: string | null;
  aangemeldOp?: string;
}

export interface VerlopenAfspraak {
  gezinId: string;
  naam: string;
  afspraakId: string;
  wie: string;
  wat: string;
  uiterlijk: string;
  status: string;
}

interface PlanVersieRow {
  versie: number;
  plan: string;
  vastgelegd_op: string;
  door_user_id: string;
  door_rol: string;
  reden: string | null;
}

const planVersie = (row: Omit<PlanVersieRow, 'plan'>): PlanVersieView => ({
  versie: row.versie,
  vastgelegdOp: row.vastgelegd_op,
  door: { userId: row.door_user_id, rol: row.door_rol },
  reden: row.reden,
});

/**
 * The queries over the tables of the `gezinnen` projection (gezinnen.projection.ts, beside this
 * file): the family screens, its plan, the family worklists. Need-to-know is the caller's (with
 * `ToegangQueries`): every method answers what it is asked.
 */
export class GezinnenQueries {
  /** `now`: a former contact person's read access ends on a date (a warm handover). */
  constructor(
    private readonly db: Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** A family as `toegang` (the reader's access) lets them see it. */
  gezin(gezinId: string, toegang: Exclude<Toegang, 'geen'>): GezinView {
    const gezin = this.db
      .prepare<
        [string],
        {
          naam: string;
          aangemeld_op: string;
          wijk: string | null;
          revision: number;
          plan_versie: number;
          evaluatiedatum: string | null;
          state: string;
        }
      >(
        `SELECT naam, aangemeld_op, wijk, revision, plan_versie, evaluatiedatum, state
         FROM gezinnen WHERE gezin_id = ?`,
      )
      .get(gezinId)!;
    const state = JSON.parse(gezin.state) as {
      contactpersoon: GezinView['contactpersoon'];
    };
    const leden = this.db
      .prepare<[string], LidView>(
        `SELECT l.persoon_id AS persoonId, l.rol, p.voornaam, p.achternaam, p.geboortedatum, p.bsn, l.vanaf
         FROM gezin_leden l JOIN personen p ON p.persoon_id = l.persoon_id
         WHERE l.gezin_id = ? AND l.tot IS NULL ORDER BY l.rowid`,
      )
      .all(gezinId);
    const netwerk = this.db
      .prepare<[string], GezinView['netwerk'][number]>(
        `SELECT betrokkene_id AS betrokkeneId, soort, naam, rol, organisatie, vanaf, tot
         FROM gezin_netwerk WHERE gezin_id = ? ORDER BY rowid`,
      )
      .all(gezinId);
    return {
      gezinId,
      naam: gezin.naam,
      aangemeldOp: gezin.aangemeld_op,
      wijk: gezin.wijk,
      revision: gezin.revision,
      toegang,
      contactpersoon: state.contactpersoon,
      leden,
      netwerk,
      plan:
        gezin.plan_versie > 0
          ? { versie: gezin.plan_versie, evaluatiedatum: gezin.evaluatiedatum }
          : null,
    };
  }

  /** Every contact person the family had, in order. */
  contactpersonen(gezinId: string): ContactpersoonView[] {
    return this.db
      .prepare<[string], ContactpersoonView>(
        `SELECT user_id AS userId, naam, organisatie, vanaf, tot, reden_einde AS redenEinde
         FROM contactpersoon_historie WHERE gezin_id = ? ORDER BY volgnummer`,
      )
      .all(gezinId);
  }

  /** Every version of the plan, without the content. */
  planVersies(gezinId: string): PlanVersieView[] {
    return this.db
      .prepare<[string], Omit<PlanVersieRow, 'plan'>>(
        `SELECT versie, vastgelegd_op, door_user_id, door_rol, reden FROM plan_versies
         WHERE gezin_id = ? ORDER BY versie`,
      )
      .all(gezinId)
      .map(planVersie);
  }

  /** One version of the plan, whole; the latest when `versie` is left out. */
  plan(gezinId: string, versie?: number): PlanVersieView & { plan: Gezinsplan } {
    const row = this.db
      .prepare<[string, number], PlanVersieRow>(
        'SELECT * FROM plan_versies WHERE gezin_id = ? AND versie = ?',
      )
      .get(
        gezinId,
        versie ??
          this.db
            .prepare<[string], { v: number }>(
              'SELECT plan_versie AS v FROM gezinnen WHERE gezin_id = ?',
            )
            .get(gezinId)!.v,
      );
    if (!row)
      throw new NotFound(
        versie ? `Het plan heeft geen versie ${versie}.` : 'Dit gezin heeft nog geen plan.',
      );
    return { ...planVersie(row), plan: JSON.parse(row.plan) as Gezinsplan };
  }

  /**
   * Families the user is the contact person of (schrijven) or was, during a warm handover
   * (lezen); theirs first.
   */
  mijnGezinnen(userId: string): WerklijstGezin[] {
    return this.db
      .prepare<[string, string], WerklijstGezin>(
        `SELECT g.gezin_id AS gezinId, g.naam, t.toegang, g.evaluatiedatum
         FROM gezin_toegang t JOIN gezinnen g ON g.gezin_id = t.gezin_id
         WHERE t.user_id = ? AND (t.tot IS NULL OR t.tot > ?) ORDER BY t.toegang DESC, g.naam`,
      )
      .all(userId, kalenderdatum(this.now()));
  }

  /** The user's families whose plan should have been evaluated before `today`. */
  evaluatiesVerlopen(userId: string, today: string): WerklijstGezin[] {
    return this.db
      .prepare<[string, string], WerklijstGezin>(
        `SELECT g.gezin_id AS gezinId, g.naam, g.evaluatiedatum
         FROM gezin_toegang t JOIN gezinnen g ON g.gezin_id = t.gezin_id
         WHERE t.user_id = ? AND t.toegang = 'schrijven' AND g.evaluatiedatum < ?
         ORDER BY g.evaluatiedatum`,
      )
      .all(userId, today);
  }

  /** Agreements of the user's families' current plans that are not done and past their date. */
  afsprakenVerlopen(userId: string, today: string): VerlopenAfspraak[] {
    return this.db
      .prepare<[string, string], VerlopenAfspraak>(
        `SELECT g.gezin_id AS gezinId, g.naam, a.afspraak_id AS afspraakId, a.wie, a.wat, a.uiterlijk, a.status
         FROM gezin_toegang t JOIN gezinnen g ON g.gezin_id = t.gezin_id
           JOIN plan_afspraken a ON a.gezin_id = g.gezin_id
         WHERE t.user_id = ? AND t.toegang = 'schrijven' AND a.status IN ('open', 'lopend') AND a.uiterlijk < ?
         ORDER BY a.uiterlijk`,
      )
      .all(userId, today);
  }

  /** For team leads: families nobody coordinates now, longest waiting first. */
  /**
   * Every recognised membership not decided on yet (ADR 0016), of a member of the family now: the
   * person, the family that recognised them, who registered it and when. Who may decide on each
   * is the caller's to ask (`magBeslissenOverHerkenning`).
   */
  teBevestigenLeden(): TeBevestigenLid[] {
    return this.db
      .prepare<[], TeBevestigenLid>(
        `SELECT h.persoon_id AS persoonId, p.voornaam, p.achternaam, p.geboortedatum,
           h.gezin_id AS gezinId, g.naam AS gezinsnaam, h.door_user_id AS geregistreerdDoor,
           h.herkend_op AS geregistreerdOp
         FROM herkenningen h
         JOIN gezin_leden l ON l.persoon_id = h.persoon_id AND l.gezin_id = h.gezin_id
           AND l.tot IS NULL
         JOIN gezinnen g ON g.gezin_id = h.gezin_id
         JOIN personen p ON p.persoon_id = h.persoon_id
         WHERE h.besluit IS NULL
         ORDER BY h.positie`,
      )
      .all();
  }

  zonderContactpersoon(): WerklijstGezin[] {
    return this.db
      .prepare<[], WerklijstGezin>(
        `SELECT gezin_id AS gezinId, naam, aangemeld_op AS aangemeldOp
         FROM gezinnen WHERE contactpersoon_user_id IS NULL ORDER BY aangemeld_op`,
      )
      .all();
  }

  /**
   * The families the user may write (`schrijven`) among those of a person now, or among one
   * family: the facts for deciding on a consultation's link to that person or family.
   */
  schrijfbareGezinnen(
    userId: string,
    van: { persoonId: string; gezinId: null } | { persoonId: null; gezinId: string },
  ): string[] {
    const rows =
      van.persoonId !== null
        ? this.db
            .prepare<[string, string], { gezin_id: string }>(
              `SELECT DISTINCT l.gezin_id FROM gezin_leden l
               JOIN gezin_toegang t ON t.gezin_id = l.gezin_id AND t.user_id = ?
                 AND t.toegang = 'schrijven'
               WHERE l.persoon_id = ? AND l.tot IS NULL`,
            )
            .all(userId, van.persoonId)
        : this.db
            .prepare<[string, string], { gezin_id: string }>(
              `SELECT gezin_id FROM gezin_toegang
               WHERE user_id = ? AND gezin_id = ? AND toegang = 'schrijven'`,
            )
            .all(userId, van.gezinId);
    return rows.map((row) => row.gezin_id);
  }
}
