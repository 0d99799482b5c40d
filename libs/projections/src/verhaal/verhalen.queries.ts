import type { Database } from 'better-sqlite3';
import { Aanleiding, Oordeel, ToewijzingOpname, VerhaalToestemming, Verteller } from '@app/domain';

export interface VerhaalView {
  verhaalId: string;
  gezinId: string;
  persoonId: string | null;
  toewijzing: ToewijzingOpname | null;
  verteller: { soort: Verteller; organisatie: string | null };
  datum: string;
  tekst: string;
  themaIds: string[];
  toestemming: VerhaalToestemming;
  /** The date of the consent as it is now (the story's date when it never changed). */
  toestemmingSinds: string;
  vastgelegdDoor: string;
  vastgelegdOp: string;
  /** The release for the monitoring since the last withdrawal: who, when, the checked text. */
  vrijgave: { tekst: string; door: string; op: string } | null;
  /** The story's version: send it as If-Match to change its consent. */
  revision: number;
}

export interface OordelenView {
  oordeelId: string;
  aanleiding: Aanleiding;
  datum: string;
  oordelen: Oordeel[];
  vastgelegdDoor: string;
  vastgelegdOp: string;
}

interface VerhaalRow {
  verhaal_id: string;
  gezin_id: string;
  persoon_id: string | null;
  toewijzing: string | null;
  verteller: string;
  datum: string;
  tekst: string;
  thema_ids: string;
  toestemming: VerhaalToestemming;
  toestemming_sinds: string;
  door: string;
  vastgelegd_op: string;
  vrijgave: string | null;
  revision: number;
}

const verhaal = (row: VerhaalRow): VerhaalView => ({
  verhaalId: row.verhaal_id,
  gezinId: row.gezin_id,
  persoonId: row.persoon_id,
  toewijzing: row.toewijzing ? (JSON.parse(row.toewijzing) as ToewijzingOpname) : null,
  verteller: JSON.parse(row.verteller) as VerhaalView['verteller'],
  datum: row.datum,
  tekst: row.tekst,
  themaIds: JSON.parse(row.thema_ids) as string[],
  toestemming: row.toestemming,
  toestemmingSinds: row.toestemming_sinds,
  vastgelegdDoor: row.door,
  vastgelegdOp: row.vastgelegd_op,
  vrijgave: row.vrijgave ? (JSON.parse(row.vrijgave) as VerhaalView['vrijgave']) : null,
  revision: row.revision,
});

/**
 * The queries over the tables of the `verhalen` projection (verhalen.projection.ts, beside this
 * file). Need-to-know is the caller's (PersonalDataReads), except where a method says whom it
 * lists for.
 */
export class VerhalenQueries {
  constructor(private readonly db: Database) {}

  /** A family's stories, the latest told first. */
  verhalen(gezinId: string): VerhaalView[] {
    return this.db
      .prepare<[string], VerhaalRow>(
        'SELECT * FROM verhalen WHERE gezin_id = ? ORDER BY datum DESC, position DESC',
      )
      .all(gezinId)
      .map(verhaal);
  }

  /** A family's judgements, the latest first. */
  oordelen(gezinId: string): OordelenView[] {
    return this.db
      .prepare<
        [string],
        {
          oordeel_id: string;
          aanleiding: string;
          datum: string;
          oordelen: string;
          door: string;
          vastgelegd_op: string;
        }
      >('SELECT * FROM oordelen WHERE gezin_id = ? ORDER BY datum DESC, position DESC')
      .all(gezinId)
      .map((row) => ({
        oordeelId: row.oordeel_id,
        aanleiding: JSON.parse(row.aanleiding) as Aanleiding,
        datum: row.datum,
        oordelen: JSON.parse(row.oordelen) as Oordeel[],
        vastgelegdDoor: row.door,
        vastgelegdOp: row.vastgelegd_op,
      }));
  }

  /**
   * The stories waiting for a second person's release: consent for the monitoring, not released
   * since, recorded by someone else. A team lead sees those of every family; a contact person
   * those of the families they work with (gezin_toegang of the `gezinnen` projection). Oldest
   * first.
   */
  vrijTeGeven(userId: string, teamleider: boolean, vandaag: string): VerhaalView[] {
    return this.db
      .prepare<[string, string, string, number], VerhaalRow>(
        `SELECT v.* FROM verhalen v
         WHERE v.toestemming <> 'dossier' AND v.vrijgave IS NULL AND v.door <> ?
           AND (EXISTS (SELECT 1 FROM gezin_toegang t WHERE t.gezin_id = v.gezin_id
                  AND t.user_id = ? AND (t.tot IS NULL OR t.tot > ?))
                OR ? = 1)
         ORDER BY v.vastgelegd_op, v.position`,
      )
      .all(userId, userId, vandaag, teamleider ? 1 : 0)
      .map(verhaal);
  }
}
