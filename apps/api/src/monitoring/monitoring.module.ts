import { Module } from '@nestjs/common';
import { CijfersEnVerhalenController } from './cijfers-en-verhalen.controller';
import { MonitoringController } from './monitoring.controller';
import { verhalenBijKnopProvider } from './verhalen-bij-knop.provider';
import { VERHALEN_BIJ_KNOP } from '../programma/verhalen-bij-knop';

/**
 * The council's monitoring for policy staff (beleid): care figures, aggregates only; and the
 * figures beside the judgements and stories, also for the programme's knop reports.
 */
@Module({
  controllers: [MonitoringController, CijfersEnVerhalenController],
  providers: [verhalenBijKnopProvider],
  exports: [VERHALEN_BIJ_KNOP],
})
export class MonitoringModule {}
