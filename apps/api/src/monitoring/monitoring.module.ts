import { Module } from '@nestjs/common';
import { MonitoringController } from './monitoring.controller';
import { MonitoringReadModel } from './monitoring.read-model';

/** The council's monitoring for policy staff (beleid): care figures, aggregates only. */
@Module({
  controllers: [MonitoringController],
  providers: [MonitoringReadModel],
})
export class MonitoringModule {}
