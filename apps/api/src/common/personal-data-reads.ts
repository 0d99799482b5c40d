import { Injectable } from '@nestjs/common';
import { Principal, ProcessingLog } from '@app/access';
import { ReadYourWrites } from './read-your-writes';

export interface Reader {
  principal: Principal;
  correlationId: string;
}

/**
 * Every read of a family's personal data goes through here: wait until the read models include
 * the client's last write (`minPosition`), run the query (which enforces need-to-know), and log
 * the read durably before the data is sent.
 */
@Injectable()
export class PersonalDataReads {
  constructor(
    private readonly readYourWrites: ReadYourWrites,
    private readonly processingLog: ProcessingLog,
  ) {}

  ofFamily<T>(
    reader: Reader,
    gezinId: string,
    what: string,
    minPosition: string | undefined,
    query: () => T,
  ): Promise<T> {
    return this.read(reader, what, minPosition, query, () => [gezinId]);
  }

  /** A list that names families (a worklist): each family listed counts as read. */
  ofFamilies<T extends { gezinId: string }>(
    reader: Reader,
    what: string,
    minPosition: string | undefined,
    query: () => T[],
  ): Promise<T[]> {
    return this.read(reader, what, minPosition, query, (items) => [
      ...new Set(items.map((item) => item.gezinId)),
    ]);
  }

  /** A read whose families follow from the query itself (a person's data: each of their families). */
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
