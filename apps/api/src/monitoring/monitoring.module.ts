import { Module } from '@nestjs/common';
import { CijfersEnVerhalenController } from './cijfers-en-verhalen.controller';
import { MonitoringController } from './monitoring.controller';

/**
 * The council's monitoring for policy staff (beleid): care figures, aggregates only; and the
 * figures beside the judgements and stories.
 */
@Module({ controllers: [MonitoringController, CijfersEnVerhalenController] })
export class MonitoringModule {}
