import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFound } from '@app/domain';
import { ReadModelDatabase } from '@app/projections';

export class GetGezinQuery {
  constructor(
    readonly gezinId: string,
    readonly userId: string,
  ) {}
}

export class GetTijdlijnQuery {
  constructor(
    readonly gezinId: string,
    readonly userId: string,
    readonly filter: { van?: string; tot?: string; soort?: string[] },
  ) {}
}

export interface GezinView {
  gezinId: string;
  naam: string;
  aangemeldOp: string;
  revision: number;
  contactpersoon: { userId: string; naam: string; organisatie: string; vanaf: string } | null;
  leden: {
    persoonId: string;
    rol: string;
    voornaam: string;
    achternaam: string;
    geboortedatum: string | null;
  }[];
}

export interface TijdlijnItem {
  position: string;
  wanneer: string;
  vastgelegdOp: string;
  soort: string;
  wat: string;
  wie: { userId: string; rol: string };
}

/** Need-to-know on reads: someone not involved gets the same 404 as for a family that does not exist. */
function assertInvolved(readModels: ReadModelDatabase, gezinId: string, userId: string): void {
  const row = readModels.db
    .prepare('SELECT 1 FROM gezin_toegang WHERE gezin_id = ? AND user_id = ?')
    .get(gezinId, userId);
  if (!row) throw new NotFound('Dit gezin bestaat niet of u werkt er niet mee.');
}

@QueryHandler(GetGezinQuery)
export class GetGezinHandler implements IQueryHandler<GetGezinQuery, GezinView> {
  constructor(private readonly readModels: ReadModelDatabase) {}

  execute({ gezinId, userId }: GetGezinQuery): Promise<GezinView> {
    assertInvolved(this.readModels, gezinId, userId);
    const db = this.readModels.db;
    const gezin = db
      .prepare<
        [string],
        {
          naam: string;
          aangemeld_op: string;
          revision: number;
          contactpersoon: string | null;
          contactpersoon_sinds: string | null;
        }
      >('SELECT * FROM gezinnen WHERE gezin_id = ?')
      .get(gezinId)!;
    const leden = db
      .prepare<[string], GezinView['leden'][number] & { persoon_id: string }>(
        'SELECT persoon_id, rol, voornaam, achternaam, geboortedatum FROM gezin_leden WHERE gezin_id = ? ORDER BY rowid',
      )
      .all(gezinId);
    const contactpersoon = gezin.contactpersoon
      ? {
          ...(JSON.parse(gezin.contactpersoon) as {
            userId: string;
            naam: string;
            organisatie: string;
          }),
          vanaf: gezin.contactpersoon_sinds!,
        }
      : null;
    return Promise.resolve({
      gezinId,
      naam: gezin.naam,
      aangemeldOp: gezin.aangemeld_op,
      revision: gezin.revision,
      contactpersoon,
      leden: leden.map(({ persoon_id, ...lid }) => ({ ...lid, persoonId: persoon_id })),
    });
  }
}

@QueryHandler(GetTijdlijnQuery)
export class GetTijdlijnHandler implements IQueryHandler<GetTijdlijnQuery, TijdlijnItem[]> {
  constructor(private readonly readModels: ReadModelDatabase) {}

  execute({ gezinId, userId, filter }: GetTijdlijnQuery): Promise<TijdlijnItem[]> {
    assertInvolved(this.readModels, gezinId, userId);
    const conditions = ['gezin_id = @gezinId'];
    const soorten = filter.soort ?? [];
    if (filter.van) conditions.push('substr(occurred_at, 1, 10) >= @van');
    if (filter.tot) conditions.push('substr(occurred_at, 1, 10) <= @tot');
    if (soorten.length > 0) {
      conditions.push(`soort IN (${soorten.map((_, i) => `@soort${i}`).join(', ')})`);
    }
    const parameters: Record<string, string> = { gezinId };
    if (filter.van) parameters.van = filter.van;
    if (filter.tot) parameters.tot = filter.tot;
    soorten.forEach((soort, i) => (parameters[`soort${i}`] = soort));
    const rows = this.readModels.db
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
      .all(parameters);
    return Promise.resolve(
      rows.map((row) => ({
        position: String(row.position),
        wanneer: row.occurred_at,
        vastgelegdOp: row.recorded_at,
        soort: row.soort,
        wat: row.samenvatting,
        wie: { userId: row.actor_user_id, rol: row.actor_role },
      })),
    );
  }
}

export const GEZIN_QUERY_HANDLERS = [GetGezinHandler, GetTijdlijnHandler];
