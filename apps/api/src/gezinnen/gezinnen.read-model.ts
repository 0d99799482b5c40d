import { Injectable } from '@nestjs/common';
import { GezinnenQueries, ToegangQueries } from '@app/projections';

/**
 * Transitional, for the consultations slice only, until it uses the query classes itself
 * (`GezinnenQueries.schrijfbareGezinnen`, `ToegangQueries.gezinnenVanPersoon`): then delete this
 * file and the export from GezinnenModule. It holds no SQL of its own.
 */
@Injectable()
export class GezinnenReadModel {
  constructor(
    private readonly gezinnen: GezinnenQueries,
    private readonly toegang: ToegangQueries,
  ) {}

  schrijfbareGezinnen(...args: Parameters<GezinnenQueries['schrijfbareGezinnen']>): string[] {
    return this.gezinnen.schrijfbareGezinnen(...args);
  }

  gezinnenVanPersoon(persoonId: string): string[] {
    return this.toegang.gezinnenVanPersoon(persoonId);
  }
}
