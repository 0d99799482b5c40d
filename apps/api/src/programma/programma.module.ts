import { Module } from '@nestjs/common';
import { MonitoringModule } from '../monitoring/monitoring.module';
import { ProgrammaBeleidController } from './programma-beleid.controller';
import { ProgrammaReferentiedataController } from './programma-referentiedata.controller';
import { ProgrammaCommands } from './programma.commands';

/** The programme (issue 12): knoppen, actions and themes as reference data; the stoplight. */
@Module({
  // The stories of a knop's report come from the monitoring (VERHALEN_BIJ_KNOP).
  imports: [MonitoringModule],
  controllers: [ProgrammaReferentiedataController, ProgrammaBeleidController],
  providers: [ProgrammaCommands],
})
export class ProgrammaModule {}
