import { Module } from '@nestjs/common';
import { ContactpersoonController } from './contactpersoon.controller';
import { GEZIN_COMMAND_HANDLERS } from './gezin.commands';
import { GezinnenController } from './gezinnen.controller';
import { GezinnenReadModel } from './gezinnen.read-model';
import { PlanController } from './plan.controller';
import { VerwerkingslogController } from './verwerkingslog.controller';
import { WerklijstenController } from './werklijsten.controller';

@Module({
  controllers: [
    GezinnenController,
    ContactpersoonController,
    PlanController,
    WerklijstenController,
    VerwerkingslogController,
  ],
  providers: [...GEZIN_COMMAND_HANDLERS, GezinnenReadModel],
  exports: [GezinnenReadModel],
})
export class GezinnenModule {}
