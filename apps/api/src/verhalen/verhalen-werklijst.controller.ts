import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/access';
import { kalenderdatum } from '@app/domain';
import { VerhalenQueries } from '@app/projections';
import { ConsistencyQuery } from '../common/dto';
import { CurrentReader, PersonalDataReads, Reader } from '../common/personal-data-reads';
import { ReadRoute } from '../common/read-route';
import { CLOCK, Clock } from '../infrastructure/tokens';
import { VerhaalResponse } from './dto/verhaal.responses';

/** The stories a second person is to check and release for the monitoring. */
@ApiTags('werklijsten')
@Roles('contactpersoon')
@Controller('werklijsten')
export class VerhalenWerklijstController {
  constructor(
    private readonly verhalen: VerhalenQueries,
    private readonly reads: PersonalDataReads,
    @Inject(CLOCK) private readonly now: Clock,
  ) {}

  @Get('verhalen-vrij-te-geven')
  @ReadRoute({
    summary: 'Stories waiting for a second person to check and release them',
    description:
      'Stories whose consent allows the monitoring, not released since, recorded by someone ' +
      'else: for a team lead those of every family, for a contact person those of the ' +
      'families they work with. The text is shown whole, to be checked for identifying details.',
    type: { items: VerhaalResponse },
    answer: 'The oldest recorded first',
    personalData: true,
  })
  vrijTeGeven(@Query() { minPosition }: ConsistencyQuery, @CurrentReader() reader: Reader) {
    const { userId, teamleider } = reader.principal;
    return this.reads.ofFamilies(reader, 'werklijst verhalen-vrij-te-geven', minPosition, () =>
      this.verhalen.vrijTeGeven(userId, teamleider, kalenderdatum(this.now())),
    );
  }
}
