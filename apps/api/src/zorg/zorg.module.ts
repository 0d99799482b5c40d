import { Module } from '@nestjs/common';
import { ReferentiedataController } from './referentiedata.controller';
import { ZorgWerklijstenController } from './zorg-werklijsten.controller';
import { ZorgController } from './zorg.controller';
import { ZorgCommands } from './zorg.commands';

/** Care trajectories (issue 4): reference data, a person's care dossier, the care worklists. */
@Module({
  controllers: [ZorgController, ReferentiedataController, ZorgWerklijstenController],
  providers: [ZorgCommands],
})
export class ZorgModule {}
