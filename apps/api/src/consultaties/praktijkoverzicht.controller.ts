import { NotFound, PRAKTIJK_NIET_GEVONDEN, kalenderdatum } from '@app/domain';
import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@app/access';
import {
  ConsultatieView,
  ConsultatiesQueries,
  PraktijkenQueries,
  Vervolgafspraak,
} from '@app/projections';
import { CorrelationId } from '../common/command-context';
import { PersonalDataReads } from '../common/personal-data-reads';
import { CLOCK, Clock } from '../infrastructure/tokens';
import { PraktijkConsultatiesQuery, VervolgafsprakenQuery } from './dto/consultatie.dto';
import { PraktijkIdParams } from './dto/praktijk.dto';

/**
 * The practice view for its JPH and GP staff: the practice's consultations and its open
 * follow-ups. Another practice does not exist for them (404). A list that shows consultations
 * whose link to a person or family was confirmed counts as a read of those families' data
 * (processing log), though the practice never sees the link.
 */
@ApiTags('praktijkoverzicht')
@ApiBearerAuth()
@Roles('jph', 'huisarts')
@ApiNotFoundResponse({ description: 'No such practice, or not yours' })
@Controller('praktijken/:praktijkId')
export class PraktijkoverzichtController {
  constructor(
    private readonly consultaties: ConsultatiesQueries,
    private readonly praktijken: PraktijkenQueries,
    private readonly reads: PersonalDataReads,
    @Inject(CLOCK) private readonly now: Clock,
  ) {}

  @Get('consultaties')
  @ApiOperation({ summary: 'Consultations of your practice, withdrawn ones marked, by date' })
  @ApiOkResponse({ description: 'Oldest first; van and tot filter on the consultation date' })
  async consultatiesVan(
    @Param() { praktijkId }: PraktijkIdParams,
    @Query() { van, tot, minPosition }: PraktijkConsultatiesQuery,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<{ praktijkId: string; items: ConsultatieView[] }> {
    const items = await this.reads.withFamilies(
      { principal, correlationId },
      'consultaties van de praktijk',
      minPosition,
      () => {
        this.eigenPraktijk(principal, praktijkId);
        const result = this.consultaties.vanPraktijk(praktijkId, { van, tot });
        const ids = result.map((consultatie) => consultatie.consultatieId);
        return { result, gezinIds: this.consultaties.gezinnenVan(ids) };
      },
    );
    return { praktijkId, items };
  }

  @Get('vervolgafspraken')
  @ApiOperation({
    summary: 'Open follow-ups of your practice: from today, or from vanaf to include overdue ones',
    description:
      'Follow-up dates of consultations that are not withdrawn, on or after vanaf (today by ' +
      'default), soonest first; verlopen marks those before today.',
  })
  @ApiOkResponse({ description: 'Soonest first' })
  async vervolgafspraken(
    @Param() { praktijkId }: PraktijkIdParams,
    @Query() { vanaf, minPosition }: VervolgafsprakenQuery,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<{ praktijkId: string; items: Vervolgafspraak[] }> {
    const today = kalenderdatum(this.now());
    const items = await this.reads.withFamilies(
      { principal, correlationId },
      'vervolgafspraken van de praktijk',
      minPosition,
      () => {
        this.eigenPraktijk(principal, praktijkId);
        const result = this.consultaties.vervolgafspraken(praktijkId, vanaf ?? today, today);
        const ids = result.map((consultatie) => consultatie.consultatieId);
        return { result, gezinIds: this.consultaties.gezinnenVan(ids) };
      },
    );
    return { praktijkId, items };
  }

  /** Need-to-know: a practice's own staff only; for anyone else it does not exist (404). */
  private eigenPraktijk(principal: Principal, praktijkId: string): void {
    if (this.praktijken.praktijkVan(principal.userId) !== praktijkId) {
      throw new NotFound(PRAKTIJK_NIET_GEVONDEN);
    }
  }
}
