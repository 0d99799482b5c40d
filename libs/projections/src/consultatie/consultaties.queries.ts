import type { Database } from 'better-sqlite3';
import type {
  ConsultatieInhoud,
  Koppeling,
  Leeftijdsgroep,
  Onderwerp,
  PraktijkRol,
  Uitkomst,
} from '@app/domain';
import type { ConsultatieFeit } from '@app/statistics';

export interface ConsultatieView extends ConsultatieInhoud {
  consultatieId: string;
  /**
   * The practice sent a BSN with consent (and has not withdrawn consent since): what it asked
   * for, never what became of it. The same whether or not the BSN belongs to a known person.
   */
  koppelingGevraagd: boolean;
  praktijkId: string;
  professional: { userId: string; rol: PraktijkRol };
  vastgelegdOp: string;
  /** The consultation's version: send it back in If-Match when correcting it. */
  revision: number;
  ingetrokken: boolean;
  redenIntrekking: string | null;
}

export interface ConsultatieDetail extends ConsultatieView {
  correcties: { op: string; door: { userId: string; rol: string }; reden: string }[];
}

export interface Vervolgafspraak {
  consultatieId: string;
  vervolgdatum: string;
  /** The follow-up date has passed. */
  verlopen: boolean;
  datum: string;
  leeftijdsgroep: string;
  onderwerpen: string[];
  uitkomst: Uitkomst;
  professional: { userId: string; rol: PraktijkRol };
  koppelingGevraagd: boolean;
}

/** A proposed link on the contact person's worklist, once per family of theirs it concerns. */
export interface VoorgesteldeKoppeling {
  consultatieId: string;
  /** The consultation's version: send it as If-Match to confirm or reject what you saw. */
  revision: number;
  /** The family the link is listed for (one the user writes). */
  gezinId: string;
  naam: string;
  /** The person the BSN matched; null for a link to a family (consultations before issue 10). */
  persoonId: string | null;
  voornaam: string | null;
  achternaam: string | null;
  praktijk: string;
  datum: string;
  leeftijdsgroep: Leeftijdsgroep;
  onderwerpen: Onderwerp[];
  uitkomst: Uitkomst;
  voorgesteldOp: string;
}

interface Row {
  consultatie_id: string;
  praktijk_id: string;
  inhoud: string;
  professional_user_id: string;
  professional_rol: PraktijkRol;
  ingetrokken: number;
  reden_intrekking: string | null;
  revision: number;
  vastgelegd_op: string;
  koppeling_gevraagd: number;
}

/**
 * The queries over the tables of the `consultaties` projection (consultaties.projection.ts, beside
 * this file): a practice's own consultations, the families a confirmed link shows (with the
 * `gezinnen` tables), the contact person's proposed links, and the facts behind the policy
 * figures. Need-to-know is the caller's: every method answers what it is asked.
 */
export class ConsultatiesQueries {
  constructor(private readonly db: Database) {}

  /** One consultation, with its corrections; null when there is none. */
  consultatie(consultatieId: string): ConsultatieDetail | null {
    const row = this.db
      .prepare<[string], Row>('SELECT * FROM consultaties WHERE consultatie_id = ?')
      .get(consultatieId);
    if (!row) return null;
    const correcties = this.db
      .prepare<[string], { op: string; userId: string; rol: string; reden: string }>(
        `SELECT op, door_user_id AS userId, door_rol AS rol, reden FROM consultatie_correcties
         WHERE consultatie_id = ? ORDER BY revision`,
      )
      .all(consultatieId)
      .map(({ op, userId, rol, reden }) => ({ op, door: { userId, rol }, reden }));
    return { ...view(row), correcties };
  }

  /** The practice's consultations, by date, in a period (both ends inclusive, each optional). */
  vanPraktijk(praktijkId: string, periode: { van?: string; tot?: string }): ConsultatieView[] {
    return this.db
      .prepare<[string, string | null, string | null], Row>(
        `SELECT * FROM consultaties WHERE praktijk_id = ?
           AND datum >= coalesce(?, datum) AND datum <= coalesce(?, datum)
         ORDER BY datum, vastgelegd_op`,
      )
      .all(praktijkId, periode.van ?? null, periode.tot ?? null)
      .map(view);
  }

  /** Follow-ups of consultations that are not withdrawn, on or after `vanaf`, soonest first. */
  vervolgafspraken(praktijkId: string, vanaf: string, today: string): Vervolgafspraak[] {
    return this.db
      .prepare<[string, string], Row>(
        `SELECT * FROM consultaties WHERE praktijk_id = ? AND ingetrokken = 0
           AND vervolgdatum IS NOT NULL AND vervolgdatum >= ?
         ORDER BY vervolgdatum, datum`,
      )
      .all(praktijkId, vanaf)
      .map(view)
      .map((c) => ({
        consultatieId: c.consultatieId,
        vervolgdatum: c.vervolgdatum!,
        verlopen: c.vervolgdatum! < today,
        datum: c.datum,
        leeftijdsgroep: c.leeftijdsgroep,
        onderwerpen: c.onderwerpen,
        uitkomst: c.uitkomst,
        professional: c.professional,
        koppelingGevraagd: c.koppelingGevraagd,
      }));
  }

  /**
   * The families whose data a read of these consultations shows: those of a confirmed link (the
   * linked family, or every family the linked person belongs to now). Each is logged as read
   * (processing log). A proposed or rejected link shows no family's data.
   */
  gezinnenVan(consultatieIds: readonly string[]): string[] {
    const gezinnen = this.db.prepare<[string], { gezinId: string }>(
      `SELECT coalesce(c.koppeling_gezin_id, l.gezin_id) AS gezinId
       FROM consultaties c
       LEFT JOIN gezin_leden l ON l.persoon_id = c.koppeling_persoon_id AND l.tot IS NULL
       WHERE c.consultatie_id = ? AND c.koppeling_status = 'bevestigd'`,
    );
    const gezinIds = new Set<string>();
    for (const id of consultatieIds) {
      for (const { gezinId } of gezinnen.all(id)) if (gezinId !== null) gezinIds.add(gezinId);
    }
    return [...gezinIds];
  }

  /**
   * The link of a consultation as this read model has it (proposed, confirmed or rejected): what
   * a contact person's decision is about. Null when there is none, or no such consultation yet.
   */
  koppeling(consultatieId: string): Koppeling | null {
    const row = this.db
      .prepare<[string], { persoonId: string | null; gezinId: string | null }>(
        `SELECT koppeling_persoon_id AS persoonId, koppeling_gezin_id AS gezinId
         FROM consultaties WHERE consultatie_id = ?`,
      )
      .get(consultatieId);
    if (row?.persoonId != null) return { persoonId: row.persoonId, gezinId: null };
    if (row?.gezinId != null) return { persoonId: null, gezinId: row.gezinId };
    return null;
  }

  /**
   * Proposed links of consultations that are not withdrawn, to a person of a family the user
   * writes (or, before issue 10, to such a family): once per family, oldest proposal first.
   */
  voorgesteldeKoppelingen(userId: string): VoorgesteldeKoppeling[] {
    return this.db
      .prepare<
        [string, string],
        Omit<VoorgesteldeKoppeling, 'onderwerpen' | 'leeftijdsgroep'> & { inhoud: string }
      >(
        `SELECT c.consultatie_id AS consultatieId, c.revision, t.gezin_id AS gezinId, g.naam,
           p.persoon_id AS persoonId, p.voornaam, p.achternaam,
           coalesce(pr.naam, 'Onbekende praktijk') AS praktijk, c.datum, c.inhoud, c.uitkomst,
           c.koppeling_sinds AS voorgesteldOp
         FROM consultaties c
         JOIN gezin_leden l ON l.persoon_id = c.koppeling_persoon_id AND l.tot IS NULL
         JOIN gezin_toegang t ON t.gezin_id = l.gezin_id AND t.user_id = ? AND t.toegang = 'schrijven'
         JOIN gezinnen g ON g.gezin_id = t.gezin_id
         JOIN personen p ON p.persoon_id = c.koppeling_persoon_id
         LEFT JOIN praktijken pr ON pr.praktijk_id = c.praktijk_id
         WHERE c.koppeling_status = 'voorgesteld' AND c.ingetrokken = 0
         UNION ALL
         SELECT c.consultatie_id, c.revision, t.gezin_id, g.naam, NULL, NULL, NULL,
           coalesce(pr.naam, 'Onbekende praktijk'), c.datum, c.inhoud, c.uitkomst,
           c.koppeling_sinds
         FROM consultaties c
         JOIN gezin_toegang t ON t.gezin_id = c.koppeling_gezin_id AND t.user_id = ?
           AND t.toegang = 'schrijven'
         JOIN gezinnen g ON g.gezin_id = t.gezin_id
         LEFT JOIN praktijken pr ON pr.praktijk_id = c.praktijk_id
         WHERE c.koppeling_status = 'voorgesteld' AND c.ingetrokken = 0
         ORDER BY voorgesteldOp, consultatieId, gezinId`,
      )
      .all(userId, userId)
      .map(({ inhoud, ...rij }) => {
        const { leeftijdsgroep, onderwerpen } = JSON.parse(inhoud) as ConsultatieInhoud;
        return {
          consultatieId: rij.consultatieId,
          revision: rij.revision,
          gezinId: rij.gezinId,
          naam: rij.naam,
          persoonId: rij.persoonId,
          voornaam: rij.voornaam,
          achternaam: rij.achternaam,
          praktijk: rij.praktijk,
          datum: rij.datum,
          leeftijdsgroep,
          onderwerpen,
          uitkomst: rij.uitkomst,
          voorgesteldOp: rij.voorgesteldOp,
        };
      });
  }

  /** What the policy figures count: consultations in the period that were not withdrawn. */
  feiten(van: string, tot: string): ConsultatieFeit[] {
    return this.db
      .prepare<[string, string], ConsultatieFeit>(
        `SELECT praktijk_id AS praktijkId, datum, uitkomst, coalesce(record_key, 0) AS recordKey
         FROM consultaties WHERE ingetrokken = 0 AND datum >= ? AND datum <= ?`,
      )
      .all(van, tot);
  }
}

function view(row: Row): ConsultatieView {
  return {
    consultatieId: row.consultatie_id,
    praktijkId: row.praktijk_id,
    ...(JSON.parse(row.inhoud) as ConsultatieInhoud),
    koppelingGevraagd: row.koppeling_gevraagd === 1,
    professional: { userId: row.professional_user_id, rol: row.professional_rol },
    vastgelegdOp: row.vastgelegd_op,
    revision: row.revision,
    ingetrokken: row.ingetrokken === 1,
    redenIntrekking: row.reden_intrekking,
  };
}
