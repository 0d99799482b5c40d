import { Module } from '@nestjs/common';
import { ContactpersoonController } from './contactpersoon.controller';
import { GezinCommands } from './gezin.commands';
import { GezinnenController } from './gezinnen.controller';
import { HerkenningenController } from './herkenningen.controller';
import { PlanController } from './plan.controller';
import { VerwerkingslogController } from './verwerkingslog.controller';
import { WerklijstenController } from './werklijsten.controller';

/**
 * Families: register, members, network, contact person, plan, timeline, worklists, and the
 * processing log functioneel beheer shows a family. Queries come from InfrastructureModule.
 */
@Module({
  controllers: [
    GezinnenController,
    ContactpersoonController,
    PlanController,
    WerklijstenController,
    VerwerkingslogController,
    HerkenningenController,
  ],
  providers: [GezinCommands],
})
export class GezinnenModule {}
