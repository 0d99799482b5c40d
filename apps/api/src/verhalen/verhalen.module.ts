import { Module } from '@nestjs/common';
import { OordelenController } from './oordelen.controller';
import { VerhaalCommands } from './verhaal.commands';
import { VerhalenWerklijstController } from './verhalen-werklijst.controller';
import { VerhalenController } from './verhalen.controller';

/** Stories and judgements (issue 12): recorded in the family's file, stories released for the monitoring. */
@Module({
  controllers: [VerhalenController, OordelenController, VerhalenWerklijstController],
  providers: [VerhaalCommands],
})
export class VerhalenModule {}
