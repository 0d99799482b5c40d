import { Module } from '@nestjs/common';
import { ProgrammaBeleidController } from './programma-beleid.controller';
import { ProgrammaReferentiedataController } from './programma-referentiedata.controller';
import { ProgrammaCommands } from './programma.commands';

/** The programme (issue 12): knoppen, actions and themes as reference data; the stoplight. */
@Module({
  controllers: [ProgrammaReferentiedataController, ProgrammaBeleidController],
  providers: [ProgrammaCommands],
})
export class ProgrammaModule {}
