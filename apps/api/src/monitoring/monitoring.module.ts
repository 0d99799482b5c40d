import { Module } from '@nestjs/common';
import { MonitoringController } from './monitoring.controller';

/** The council's monitoring for policy staff (beleid): care figures, aggregates only. */
@Module({ controllers: [MonitoringController] })
export class MonitoringModule {}
