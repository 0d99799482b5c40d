import { Module } from '@nestjs/common';
import { CijfersEnVerhalenController } from './cijfers-en-verhalen.controller';
import { MonitoringController } from './monitoring.controller';
import { MonitoringVragen } from './monitoring-vragen';

/**
 * The council's monitoring for policy staff (beleid): care figures, aggregates only; and the
 * figures beside the judgements and stories.
 */
@Module({
  controllers: [MonitoringController, CijfersEnVerhalenController],
  providers: [MonitoringVragen],
})
export class MonitoringModule {}
