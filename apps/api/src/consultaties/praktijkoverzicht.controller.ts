import { NotFound, PRAKTIJK_NIET_GEVONDEN, kalenderdatum } from '@app/domain';
import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/access';
import { ConsultatiesQueries, PraktijkenQueries } from '@app/projections';
import { CurrentReader, PersonalDataReads, Reader } from '../common/personal-data-reads';
import { ReadRoute } from '../common/read-route';
import { CLOCK, Clock } from '../infrastructure/tokens';
import { PraktijkConsultatiesQuery, VervolgafsprakenQuery } from './dto/consultatie.dto';
import { PraktijkIdParams } from './dto/praktijk.dto';
import {
  PraktijkConsultatiesResponse,
  VervolgafsprakenResponse,
} from './dto/consultatie.responses';

const LOGGED =
  'A list that shows consultations whose link was confirmed is recorded in the processing log ' +
  'of the families of those links, though the practice never sees a link.';

/**
 * The practice view for its JPH and GP staff: the practice's consultations and its open
 * follow-ups. Another practice does not exist for them (404). A list that shows consultations
 * whose link to a person or family was confirmed counts as a read of those families' data
 * (processing log), though the practice never sees the link.
 */
@ApiTags('praktijkoverzicht')
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
  @ReadRoute({
    summary: 'Consultations of your practice, withdrawn ones marked, by date',
    description:
      'Every consultation of your practice as the practice sees it (koppelingGevraagd, never a ' +
      'link), withdrawn ones marked ingetrokken; van and tot (both optional, included) filter ' +
      `on its date. ${LOGGED}`,
    type: PraktijkConsultatiesResponse,
    answer: 'Oldest first',
  })
  async consultatiesVan(
    @Param() { praktijkId }: PraktijkIdParams,
    @Query() { van, tot, minPosition }: PraktijkConsultatiesQuery,
    @CurrentReader() reader: Reader,
  ): Promise<PraktijkConsultatiesResponse> {
    const items = await this.read(
      reader,
      praktijkId,
      'consultaties van de praktijk',
      minPosition,
      () => this.consultaties.vanPraktijk(praktijkId, { van, tot }),
    );
    return { praktijkId, items };
  }

  @Get('vervolgafspraken')
  @ReadRoute({
    summary: 'Open follow-ups of your practice: from today, or from vanaf to include overdue ones',
    description:
      'Follow-up dates of consultations that are not withdrawn, on or after vanaf (today by ' +
      `default), soonest first; verlopen marks those before today. ${LOGGED}`,
    type: VervolgafsprakenResponse,
    answer: 'Soonest first',
  })
  async vervolgafspraken(
    @Param() { praktijkId }: PraktijkIdParams,
    @Query() { vanaf, minPosition }: VervolgafsprakenQuery,
    @CurrentReader() reader: Reader,
  ): Promise<VervolgafsprakenResponse> {
    const today = kalenderdatum(this.now());
    const items = await this.read(
      reader,
      praktijkId,
      'vervolgafspraken van de praktijk',
      minPosition,
      () => this.consultaties.vervolgafspraken(praktijkId, vanaf ?? today, today),
    );
    return { praktijkId, items };
  }

  /**
   * Need-to-know: a practice's own staff only; for anyone else it does not exist (404). The
   * families of the confirmed links among the consultations shown count as read.
   */
  private read<T extends { consultatieId: string }>(
    reader: Reader,
    praktijkId: string,
    what: string,
    minPosition: string | undefined,
    query: () => T[],
  ): Promise<T[]> {
    return this.reads.withFamilies(reader, what, minPosition, () => {
      if (this.praktijken.praktijkVan(reader.principal.userId) !== praktijkId) {
        throw new NotFound(PRAKTIJK_NIET_GEVONDEN);
      }
      const result = query();
      const ids = result.map((consultatie) => consultatie.consultatieId);
      return { result, gezinIds: this.consultaties.gezinnenVan(ids) };
    });
  }
}
