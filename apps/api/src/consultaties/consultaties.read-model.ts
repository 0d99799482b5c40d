import { Injectable } from '@nestjs/common';
import { ConsultatieInhoud, Koppeling, NotFound, PraktijkRol, Uitkomst } from '@app/domain';
import { ReadModelDatabase } from '@app/projections';
import type { ConsultatieFeit } from '@app/statistics';

export interface ConsultatieView extends ConsultatieInhoud {
  consultatieId: string;
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
  koppeling: Koppeling | null;
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
}

const NOT_FOUND = 'Deze consultatie bestaat niet, of is niet van uw praktijk.';

/**
 * A practice's own consultations (the `consultaties` read model), the persons and families they
 * may be linked to (the `gezinnen` read model), and the facts behind the policy figures.
 */
@Injectable()
export class ConsultatiesReadModel {
  constructor(private readonly readModels: ReadModelDatabase) {}

  private get db() {
    return this.readModels.db;
  }

  /** One consultation of the practice; of another practice it does not exist (404). */
  consultatie(consultatieId: string, praktijkId: string | null): ConsultatieDetail {
    const row = this.db
      .prepare<[string], Row>('SELECT * FROM consultaties WHERE consultatie_id = ?')
      .get(consultatieId);
    if (!row || praktijkId === null || row.praktijk_id !== praktijkId)
      throw new NotFound(NOT_FOUND);
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
        koppeling: c.koppeling,
      }));
  }

  /**
   * The families whose data a read of these consultations shows: the linked family, or every
   * family the linked person belongs to now. Each is logged as read (processing log).
   */
  gezinnenVan(consultaties: readonly { koppeling: Koppeling | null }[]): string[] {
    const leden = this.db.prepare<[string], { gezinId: string }>(
      'SELECT gezin_id AS gezinId FROM gezin_leden WHERE persoon_id = ? AND tot IS NULL',
    );
    const gezinIds = new Set<string>();
    for (const { koppeling } of consultaties) {
      if (koppeling === null) continue;
      if (koppeling.gezinId !== null) gezinIds.add(koppeling.gezinId);
      else for (const { gezinId } of leden.all(koppeling.persoonId)) gezinIds.add(gezinId);
    }
    return [...gezinIds];
  }

  /** The known person with this BSN; null when there is none, or more than one. */
  persoonMetBsn(bsn: string): string | null {
    const rows = this.db
      .prepare<[string], { persoonId: string }>(
        'SELECT persoon_id AS persoonId FROM personen WHERE bsn = ? LIMIT 2',
      )
      .all(bsn);
    return rows.length === 1 ? rows[0]!.persoonId : null;
  }

  /** Whether the linked person or family is known. */
  bestaat(koppeling: Koppeling): boolean {
    const row =
      koppeling.gezinId !== null
        ? this.db.prepare('SELECT 1 FROM gezinnen WHERE gezin_id = ?').get(koppeling.gezinId)
        : this.db.prepare('SELECT 1 FROM personen WHERE persoon_id = ?').get(koppeling.persoonId);
    return row !== undefined;
  }

  /** What the policy figures count: consultations in the period that were not withdrawn. */
  feiten(van: string, tot: string): ConsultatieFeit[] {
    return this.db
      .prepare<[string, string], ConsultatieFeit>(
        `SELECT praktijk_id AS praktijkId, datum, uitkomst FROM consultaties
         WHERE ingetrokken = 0 AND datum >= ? AND datum <= ?`,
      )
      .all(van, tot);
  }
}

function view(row: Row): ConsultatieView {
  return {
    consultatieId: row.consultatie_id,
    praktijkId: row.praktijk_id,
    ...(JSON.parse(row.inhoud) as ConsultatieInhoud),
    professional: { userId: row.professional_user_id, rol: row.professional_rol },
    vastgelegdOp: row.vastgelegd_op,
    revision: row.revision,
    ingetrokken: row.ingetrokken === 1,
    redenIntrekking: row.reden_intrekking,
  };
}
