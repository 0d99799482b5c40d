import { Module } from '@nestjs/common';
import { GezinnenModule } from '../gezinnen/gezinnen.module';
import { BeleidController } from './beleid.controller';
import { BsnOpvragingenController } from './bsn-opvragingen.controller';
import { ConsultatieKoppelingenController } from './consultatie-koppelingen.controller';
import { CONSULTATIE_COMMAND_HANDLERS } from './consultatie.commands';
import { ConsultatiesController } from './consultaties.controller';
import { ConsultatiesReadModel } from './consultaties.read-model';
import { PRAKTIJK_COMMAND_HANDLERS } from './praktijk.commands';
import { PraktijkenController } from './praktijken.controller';
import { PraktijkenReadModel } from './praktijken.read-model';
import { PraktijkoverzichtController } from './praktijkoverzicht.controller';

/**
 * GP practices and BSN lookups (beheer), consultations and the practice view (jph, huisarts), the
 * consultations' proposed links (contactpersoon), figures (beleid).
 */
@Module({
  imports: [GezinnenModule],
  controllers: [
    PraktijkenController,
    PraktijkoverzichtController,
    ConsultatiesController,
    ConsultatieKoppelingenController,
    BeleidController,
    BsnOpvragingenController,
  ],
  providers: [
    ...PRAKTIJK_COMMAND_HANDLERS,
    ...CONSULTATIE_COMMAND_HANDLERS,
    PraktijkenReadModel,
    ConsultatiesReadModel,
  ],
})
export class ConsultatiesModule {}
