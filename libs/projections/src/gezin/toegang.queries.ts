import type { Database, Statement } from 'better-sqlite3';
import { HerkenningBeoordelaar, Koppeling, Toegang, kalenderdatum } from '@app/domain';

/**
 * Need-to-know facts from the `gezinnen` projection's tables (gezin_leden, gezin_toegang, personen):
 * what a user may do with a person, through the families the person is a member of now, and who a
 * BSN belongs to. The command path passes them to the deciders, which hold the rules.
 */
export class ToegangQueries {
  /** Prepared once: every command asks these (the iJw import once per message). */
  private readonly statements = new Map<string, Statement>();

  /** `now`: a former contact person's read access ends on a date (a warm handover). */
  constructor(
    private readonly db: Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private prepare<Params extends unknown[], Row>(sql: string): Statement<Params, Row> {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement as Statement<Params, Row>;
  }

  /** The user's access to a family; `geen` for a family that does not exist. */
  totGezin(gezinId: string, userId: string): Toegang {
    const row = this.prepare<[string, string, string], { toegang: Exclude<Toegang, 'geen'> }>(
      `SELECT toegang FROM gezin_toegang
         WHERE gezin_id = ? AND user_id = ? AND (tot IS NULL OR tot > ?)`,
    ).get(gezinId, userId, kalenderdatum(this.now()));
    return row?.toegang ?? 'geen';
  }

  /**
   * The user's access to a person: write when they may write any of the person's families. Care
   * through a recognised membership not yet confirmed shows only from its recognition on
   * (ADR 0016): `zorgVanaf` is that log position, or null when one of the user's memberships
   * shows all of it.
   */
  totPersoon(
    persoonId: string,
    userId: string,
  ): { toegang: Toegang; gezinIds: string[]; zorgVanaf: number | null } {
    const rows = this.prepare<
      [string, string, string],
      { gezin_id: string; toegang: Exclude<Toegang, 'geen'>; zorg_vanaf: number | null }
    >(
      `SELECT l.gezin_id, t.toegang, l.zorg_vanaf FROM gezin_leden l
         JOIN gezin_toegang t ON t.gezin_id = l.gezin_id AND t.user_id = ?
           AND (t.tot IS NULL OR t.tot > ?)
         WHERE l.persoon_id = ? AND l.tot IS NULL`,
    ).all(userId, kalenderdatum(this.now()), persoonId);
    const toegang: Toegang =
      rows.length === 0
        ? 'geen'
        : rows.some((r) => r.toegang === 'schrijven')
          ? 'schrijven'
          : 'lezen';
    const vanaf = rows.map((r) => r.zorg_vanaf);
    const zorgVanaf = vanaf.some((v) => v === null) ? null : Math.min(...(vanaf as number[]));
    return { toegang, gezinIds: rows.map((r) => r.gezin_id), zorgVanaf };
  }

  /**
   * The facts for deciding on a recognised membership (ADR 0016): every family the person is a
   * member of now, whether that membership is confirmed, whether the family has a contact
   * person, and the user's access to it.
   */
  herkenningBeoordelaar(
    persoonId: string,
    userId: string,
    teamleider: boolean,
  ): HerkenningBeoordelaar {
    const rows = this.prepare<
      [string, string, string],
      { gezinId: string; bevestigd: number; heeftContactpersoon: number; toegang: Toegang | null }
    >(
      `SELECT l.gezin_id AS gezinId, l.zorg_vanaf IS NULL AS bevestigd,
           g.contactpersoon_user_id IS NOT NULL AS heeftContactpersoon, t.toegang
         FROM gezin_leden l
         JOIN gezinnen g ON g.gezin_id = l.gezin_id
         LEFT JOIN gezin_toegang t ON t.gezin_id = l.gezin_id AND t.user_id = ?
           AND (t.tot IS NULL OR t.tot > ?)
         WHERE l.persoon_id = ? AND l.tot IS NULL`,
    ).all(userId, kalenderdatum(this.now()), persoonId);
    return {
      teamleider,
      gezinnen: rows.map((r) => ({
        gezinId: r.gezinId,
        bevestigd: r.bevestigd === 1,
        heeftContactpersoon: r.heeftContactpersoon === 1,
        toegang: r.toegang ?? 'geen',
      })),
    };
  }

  /** The families a person is a member of now. */
  gezinnenVanPersoon(persoonId: string): string[] {
    return this.prepare<[string], { gezin_id: string }>(
      'SELECT DISTINCT gezin_id FROM gezin_leden WHERE persoon_id = ? AND tot IS NULL',
    )
      .all(persoonId)
      .map((row) => row.gezin_id);
  }

  /**
   * The families of a consultation's linked person (those the person is a member of now), or the
   * linked family itself, that the user may write: who may decide on the link.
   */
  schrijfbareGezinnen(userId: string, van: Koppeling): string[] {
    const rows =
      van.persoonId !== null
        ? this.prepare<[string, string], { gezin_id: string }>(
            `SELECT DISTINCT l.gezin_id FROM gezin_leden l
               JOIN gezin_toegang t ON t.gezin_id = l.gezin_id AND t.user_id = ?
                 AND t.toegang = 'schrijven'
               WHERE l.persoon_id = ? AND l.tot IS NULL`,
          ).all(userId, van.persoonId)
        : this.prepare<[string, string], { gezin_id: string }>(
            `SELECT gezin_id FROM gezin_toegang
               WHERE user_id = ? AND gezin_id = ? AND toegang = 'schrijven'`,
          ).all(userId, van.gezinId);
    return rows.map((row) => row.gezin_id);
  }

  /** The known person with this BSN; null when there is none, or more than one. */
  persoonMetBsn(bsn: string): string | null {
    const ids = this.personenMetBsn(bsn);
    return ids.length === 1 ? ids[0]! : null;
  }

  /**
   * Every known person with this BSN, the first registered first (more than one only for persons
   * registered twice before ADR 0016, or with other details). A fact for the command path, which
   * never shows it to a caller.
   */
  personenMetBsn(bsn: string): string[] {
    return this.prepare<[string], { persoonId: string }>(
      'SELECT persoon_id AS persoonId FROM personen WHERE bsn = ? ORDER BY rowid',
    )
      .all(bsn)
      .map((row) => row.persoonId);
  }
}
