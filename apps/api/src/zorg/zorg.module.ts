import { Module } from '@nestjs/common';
import { GezinnenModule } from '../gezinnen/gezinnen.module';
import { ReferentiedataController } from './referentiedata.controller';
import { ZorgWerklijstenController } from './zorg-werklijsten.controller';
import { ZorgController } from './zorg.controller';
import { ZORG_COMMAND_HANDLERS } from './zorg.commands';
import { ZorgReadModel } from './zorg.read-model';

/** Care trajectories (issue 4): reference data, a person's care dossier, the care worklists. */
@Module({
  imports: [GezinnenModule],
  controllers: [ZorgController, ReferentiedataController, ZorgWerklijstenController],
  providers: [...ZORG_COMMAND_HANDLERS, ZorgReadModel],
})
export class ZorgModule {}
