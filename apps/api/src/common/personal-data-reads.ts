import {
  ExecutionContext,
  Injectable,
  UnauthorizedException,
  createParamDecorator,
} from '@nestjs/common';
import type { Request } from 'express';
import { Principal, ProcessingLog } from '@app/access';
import { GEZIN_NIET_GEVONDEN, NotFound, PERSOON_NIET_GEVONDEN, Toegang } from '@app/domain';
import { ToegangQueries } from '@app/projections';
import { correlationIdOf } from './command-context';
import { ReadYourWrites } from './read-your-writes';

/** Who reads, as the processing log records it: the verified caller and the request's id. */
export interface Reader {
  principal: Principal;
  correlationId: string;
}

export const CurrentReader = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Reader => {
    const request = context.switchToHttp().getRequest<Request & { principal?: Principal }>();
    if (!request.principal) throw new UnauthorizedException('A bearer token is required.');
    return { principal: request.principal, correlationId: correlationIdOf(request) };
  },
);

/**
 * Every read of a family's personal data goes through here: wait until the read models include
 * the client's last write (`minPosition`), check need-to-know (404 for someone who does not work
 * with the family, as for no such family), run the query, and log the read durably before the
 * data is sent.
 */
@Injectable()
export class PersonalDataReads {
  constructor(
    private readonly readYourWrites: ReadYourWrites,
    private readonly processingLog: ProcessingLog,
    private readonly toegang: ToegangQueries,
  ) {}

  /** One family's data, for someone who works with it; `query` gets their access. */
  ofFamily<T>(
    reader: Reader,
    gezinId: string,
    what: string,
    minPosition: string | undefined,
    query: (toegang: Exclude<Toegang, 'geen'>) => T,
  ): Promise<T> {
    const read = () => {
      const toegang = this.toegang.totGezin(gezinId, reader.principal.userId);
      if (toegang === 'geen') throw new NotFound(GEZIN_NIET_GEVONDEN);
      return query(toegang);
    };
    return this.read(reader, what, minPosition, read, () => [gezinId]);
  }

  /**
   * A person's data, for someone who works with a family the person belongs to now; the read is
   * logged under each of those families. `query` gets the log position from which the reader is
   * shown the person's care (`zorgVanaf`: a recognised membership not yet confirmed, ADR 0016;
   * null: all of it).
   */
  ofPerson<T>(
    reader: Reader,
    persoonId: string,
    what: string,
    minPosition: string | undefined,
    query: (zorgVanaf: number | null) => T,
  ): Promise<T> {
    return this.withFamilies(reader, what, minPosition, () => {
      const { toegang, zorgVanaf } = this.toegang.totPersoon(persoonId, reader.principal.userId);
      if (toegang === 'geen') throw new NotFound(PERSOON_NIET_GEVONDEN);
      return { result: query(zorgVanaf), gezinIds: this.toegang.gezinnenVanPersoon(persoonId) };
    });
  }

  /** A list that names families (a worklist): each family listed counts as read. */
  async ofFamilies<T extends { gezinId: string }>(
    reader: Reader,
    what: string,
    minPosition: string | undefined,
    query: () => T[],
  ): Promise<{ items: T[] }> {
    const items = await this.read(reader, what, minPosition, query, (listed) => [
      ...new Set(listed.map((item) => item.gezinId)),
    ]);
    return { items };
  }

  /**
   * A list that names persons (a care worklist): each entry is a youth's care data, so the read is
   * logged under every family the youth belongs to now (a youth of two households under both), as
   * `ofPerson` logs it.
   */
  async ofPersons<T extends { persoonId: string }>(
    reader: Reader,
    what: string,
    minPosition: string | undefined,
    query: () => T[],
  ): Promise<{ items: T[] }> {
    const items = await this.read(reader, what, minPosition, query, (listed) => [
      ...new Set(listed.flatMap((item) => this.toegang.gezinnenVanPersoon(item.persoonId))),
    ]);
    return { items };
  }

  /** A read whose families follow from the query itself (consultations with a confirmed link). */
  async withFamilies<T>(
    reader: Reader,
    what: string,
    minPosition: string | undefined,
    query: () => { result: T; gezinIds: string[] },
  ): Promise<T> {
    const { result } = await this.read(reader, what, minPosition, query, (r) => r.gezinIds);
    return result;
  }

  private async read<T>(
    reader: Reader,
    what: string,
    minPosition: string | undefined,
    query: () => T,
    gezinIds: (result: T) => string[],
  ): Promise<T> {
    await this.readYourWrites.waitFor(minPosition);
    const result = query();
    await this.processingLog.recordRead({ ...reader, gezinIds: gezinIds(result), what });
    return result;
  }
}
