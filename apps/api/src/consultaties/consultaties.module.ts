import { Module } from '@nestjs/common';
import { BeleidController } from './beleid.controller';
import { BsnOpvragingenController } from './bsn-opvragingen.controller';
import { ConsultatieKoppelingenController } from './consultatie-koppelingen.controller';
import { ConsultatieCommands } from './consultatie.commands';
import { ConsultatiesController } from './consultaties.controller';
import { PraktijkCommands } from './praktijk.commands';
import { PraktijkenController } from './praktijken.controller';
import { PraktijkoverzichtController } from './praktijkoverzicht.controller';

/**
 * GP practices and BSN lookups (beheer), consultations and the practice view (jph, huisarts), the
 * consultations' proposed links (contactpersoon), figures (beleid).
 */
@Module({
  controllers: [
    PraktijkenController,
    PraktijkoverzichtController,
    ConsultatiesController,
    ConsultatieKoppelingenController,
    BeleidController,
    BsnOpvragingenController,
  ],
  providers: [PraktijkCommands, ConsultatieCommands],
})
export class ConsultatiesModule {}
