import { Injectable } from '@nestjs/common';
import { Gezinsplan, NotFound, Toegang } from '@app/domain';
import { ReadModelDatabase } from '@app/projections';

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

export interface TijdlijnItem {
  position: string;
  wanneer: string;
  vastgelegdOp: string;
  soort: string;
  wat: string;
  wie: { userId: string; rol: string };
}

export interface PlanVersieView {
  versie: number;
  vastgelegdOp: string;
  door: { userId: string; rol: string };
  reden: string | null;
}

export interface WerklijstGezin {
  gezinId: string;
  naam: string;
  toegang?: string;
  evaluatiedatum?: string | null;
  aangemeldOp?: string;
}

const NOT_FOUND = 'Dit gezin bestaat niet of u werkt er niet mee.';

/** The queries of the family screens and worklists, over the `gezinnen` and `tijdlijn` read models. */
@Injectable()
export class GezinnenReadModel {
  constructor(private readonly readModels: ReadModelDatabase) {}

  private get db() {
    return this.readModels.db;
  }

  /** Need-to-know on reads: someone not involved gets the same 404 as for a family that does not exist. */
  toegang(gezinId: string, userId: string): Exclude<Toegang, 'geen'> {
    const row = this.db
      .prepare<[string, string], { toegang: Exclude<Toegang, 'geen'> }>(
        'SELECT toegang FROM gezin_toegang WHERE gezin_id = ? AND user_id = ?',
      )
      .get(gezinId, userId);
    if (!row) throw new NotFound(NOT_FOUND);
    return row.toegang;
  }

  /**
   * Need-to-know for a person: the best access the user has to a family the person belongs to
   * now, and those families (their reads are logged under each). Not involved: 404.
   */
  toegangTotPersoon(
    persoonId: string,
    userId: string,
  ): { toegang: Exclude<Toegang, 'geen'>; gezinIds: string[] } {
    const rows = this.db
      .prepare<[string, string], { gezin_id: string; toegang: Exclude<Toegang, 'geen'> }>(
        `SELECT l.gezin_id, t.toegang FROM gezin_leden l
         JOIN gezin_toegang t ON t.gezin_id = l.gezin_id AND t.user_id = ?
         WHERE l.persoon_id = ? AND l.tot IS NULL`,
      )
      .all(userId, persoonId);
    if (rows.length === 0)
      throw new NotFound('Deze persoon bestaat niet of u werkt niet met zijn of haar gezin.');
    return {
      toegang: rows.some((r) => r.toegang === 'schrijven') ? 'schrijven' : 'lezen',
      gezinIds: rows.map((r) => r.gezin_id),
    };
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

  /** Every family the person belongs to now: a read of their data is logged under each. */
  gezinnenVanPersoon(persoonId: string): string[] {
    return this.db
      .prepare<[string], { gezin_id: string }>(
        'SELECT DISTINCT gezin_id FROM gezin_leden WHERE persoon_id = ? AND tot IS NULL',
      )
      .all(persoonId)
      .map((row) => row.gezin_id);
  }

  gezin(gezinId: string, userId: string): GezinView {
    const toegang = this.toegang(gezinId, userId);
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

  contactpersonen(gezinId: string, userId: string) {
    this.toegang(gezinId, userId);
    return this.db
      .prepare<
        [string],
        {
          userId: string;
          naam: string;
          organisatie: string;
          vanaf: string;
          tot: string | null;
          redenEinde: string | null;
        }
      >(
        `SELECT user_id AS userId, naam, organisatie, vanaf, tot, reden_einde AS redenEinde
         FROM contactpersoon_historie WHERE gezin_id = ? ORDER BY volgnummer`,
      )
      .all(gezinId);
  }

  planVersies(gezinId: string, userId: string): PlanVersieView[] {
    this.toegang(gezinId, userId);
    return this.db
      .prepare<
        [string],
        {
          versie: number;
          vastgelegd_op: string;
          door_user_id: string;
          door_rol: string;
          reden: string | null;
        }
      >(
        'SELECT versie, vastgelegd_op, door_user_id, door_rol, reden FROM plan_versies WHERE gezin_id = ? ORDER BY versie',
      )
      .all(gezinId)
      .map((row) => ({
        versie: row.versie,
        vastgelegdOp: row.vastgelegd_op,
        door: { userId: row.door_user_id, rol: row.door_rol },
        reden: row.reden,
      }));
  }

  /** One version of the plan, whole; the latest when `versie` is left out. */
  plan(gezinId: string, userId: string, versie?: number): PlanVersieView & { plan: Gezinsplan } {
    this.toegang(gezinId, userId);
    const row = this.db
      .prepare<
        [string, number],
        {
          versie: number;
          plan: string;
          vastgelegd_op: string;
          door_user_id: string;
          door_rol: string;
          reden: string | null;
        }
      >(`SELECT * FROM plan_versies WHERE gezin_id = ? AND versie = ?`)
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
    return {
      versie: row.versie,
      vastgelegdOp: row.vastgelegd_op,
      door: { userId: row.door_user_id, rol: row.door_rol },
      reden: row.reden,
      plan: JSON.parse(row.plan) as Gezinsplan,
    };
  }

  tijdlijn(
    gezinId: string,
    userId: string,
    filter: { van?: string; tot?: string; soort?: string[] },
  ): TijdlijnItem[] {
    this.toegang(gezinId, userId);
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

  /** Families I am the contact person of (schrijven) or was (lezen). */
  mijnGezinnen(userId: string): WerklijstGezin[] {
    return this.db
      .prepare<[string], WerklijstGezin>(
        `SELECT g.gezin_id AS gezinId, g.naam, t.toegang, g.evaluatiedatum
         FROM gezin_toegang t JOIN gezinnen g ON g.gezin_id = t.gezin_id
         WHERE t.user_id = ? ORDER BY t.toegang DESC, g.naam`,
      )
      .all(userId);
  }

  /** My families whose plan should have been evaluated before `today`. */
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

  /** Agreements of my families' current plans that are not done and past their date. */
  afsprakenVerlopen(userId: string, today: string) {
    return this.db
      .prepare<
        [string, string],
        {
          gezinId: string;
          naam: string;
          afspraakId: string;
          wie: string;
          wat: string;
          uiterlijk: string;
          status: string;
        }
      >(
        `SELECT g.gezin_id AS gezinId, g.naam, a.afspraak_id AS afspraakId, a.wie, a.wat, a.uiterlijk, a.status
         FROM gezin_toegang t JOIN gezinnen g ON g.gezin_id = t.gezin_id
           JOIN plan_afspraken a ON a.gezin_id = g.gezin_id
         WHERE t.user_id = ? AND t.toegang = 'schrijven' AND a.status IN ('open', 'lopend') AND a.uiterlijk < ?
         ORDER BY a.uiterlijk`,
      )
      .all(userId, today);
  }

  /** For team leads: families nobody coordinates now. */
  zonderContactpersoon(): WerklijstGezin[] {
    return this.db
      .prepare<[], WerklijstGezin>(
        `SELECT gezin_id AS gezinId, naam, aangemeld_op AS aangemeldOp
         FROM gezinnen WHERE contactpersoon_user_id IS NULL ORDER BY aangemeld_op`,
      )
      .all();
  }

  /** Who read this family's data, when, and what (for an AVG art. 15 request). */
  verwerkingslog(gezinId: string) {
    return this.db
      .prepare<[string], { wanneer: string; wat: string; door: string; naam: string; rol: string }>(
        `SELECT occurred_at AS wanneer, wat, door, naam, rol FROM verwerkingslog
         WHERE gezin_id = ? ORDER BY position`,
      )
      .all(gezinId);
  }
}
