import { Inject, Injectable, Provider } from '@nestjs/common';
import { MonitoringQueries } from '@app/projections';
import { GepubliceerdVerhaal, MonitoringVraag, verhalenBijThemas } from '@app/statistics';
import { CLOCK, Clock } from '../infrastructure/tokens';
import { VERHALEN_BIJ_KNOP, VerhalenBijKnop } from '../programma/verhalen-bij-knop';
import { monitoringDataset } from './monitoring-vraag';

/**
 * The stories of a knop's report (the programme's port): the released stories of its themes in
 * the report's cell, as the side-by-side answer shows them (pseudonymised, withdrawn ones gone,
 * none in a cell of fewer than 10 persons).
 */
@Injectable()
export class MonitoringVerhalenBijKnop implements VerhalenBijKnop {
  constructor(
    private readonly monitoring: MonitoringQueries,
    @Inject(CLOCK) private readonly now: Clock,
  ) {}

  verhalenBijThemas(
    themaIds: readonly string[],
    vraag: MonitoringVraag & { bekendTot: string },
  ): readonly GepubliceerdVerhaal[] {
    const dataset = monitoringDataset(this.monitoring, vraag, this.now());
    return verhalenBijThemas(dataset, vraag, themaIds).items;
  }
}

export const verhalenBijKnopProvider: Provider = {
  provide: VERHALEN_BIJ_KNOP,
  useClass: MonitoringVerhalenBijKnop,
};
