import { kalenderdatum } from '@app/domain';
import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { addDays, addMonths } from 'date-fns';
import { Roles } from '@app/access';
import { ZorgQueries } from '@app/projections';
import { ConsistencyQuery } from '../common/dto';
import { CurrentReader, PersonalDataReads, Reader } from '../common/personal-data-reads';
import { ReadRoute } from '../common/read-route';
import { CLOCK, Clock } from '../infrastructure/tokens';
import { DagenQuery, MaandenQuery } from './dto/zorg.dto';
import {
  AflopendeToewijzing,
  AflopendeVerblijfsindicatie,
  TeVoerenPerspectiefgesprek,
} from './dto/zorg.responses';

const WIE =
  'Over the members now of the families you coordinate (schrijven); "today" is in the API’s ' +
  'time zone.';

/** The contact person's care worklists, over the youths of the families they coordinate. */
@ApiTags('werklijsten')
@Roles('contactpersoon')
@Controller('werklijsten')
export class ZorgWerklijstenController {
  constructor(
    private readonly zorg: ZorgQueries,
    private readonly reads: PersonalDataReads,
    @Inject(CLOCK) private readonly now: Clock,
  ) {}

  @Get('perspectiefgesprekken')
  @ReadRoute({
    summary: 'Perspective conversations due in the next 90 days, and overdue ones',
    description:
      'Youths with running Jeugdwet care (not stopped, ending today or later) whose ' +
      'perspective conversation is due by today + 90 days and was not held. ' +
      WIE,
    type: { items: TeVoerenPerspectiefgesprek },
    answer: 'Earliest due first; teLaat marks the overdue',
    personalData: true,
  })
  perspectiefgesprekken(
    @Query() { minPosition }: ConsistencyQuery,
    @CurrentReader() reader: Reader,
  ) {
    const today = this.now();
    return this.reads.ofPersons(reader, 'werklijst perspectiefgesprekken', minPosition, () =>
      this.zorg.perspectiefgesprekkenTeVoeren(
        reader.principal.userId,
        kalenderdatum(today),
        kalenderdatum(addDays(today, 90)),
      ),
    );
  }

  @Get('verblijf-indicaties')
  @ReadRoute({
    summary:
      'Residential indications ending in the next N months (default 3), with their exit perspective',
    description:
      'Stays that have not ended whose indication ends by today + maanden (3 when left out), ' +
      'also those past it. ' +
      WIE,
    type: { items: AflopendeVerblijfsindicatie },
    answer: 'Earliest end first',
    personalData: true,
  })
  verblijfIndicaties(
    @Query() { maanden, minPosition }: MaandenQuery,
    @CurrentReader() reader: Reader,
  ) {
    const until = kalenderdatum(addMonths(this.now(), maanden ?? 3));
    return this.reads.ofPersons(reader, 'werklijst verblijf-indicaties', minPosition, () =>
      this.zorg.verblijfIndicatiesAflopend(reader.principal.userId, until),
    );
  }

  @Get('toewijzingen-aflopend')
  @ReadRoute({
    summary:
      'Assignments ending in the next N days (default 60) without a decision on continuation',
    description:
      'Assignments whose care has not stopped, ending from today to today + dagen (60 when ' +
      'left out), without a decided extension request (an undecided one still lists). ' +
      WIE,
    type: { items: AflopendeToewijzing },
    answer: 'Earliest end first',
    personalData: true,
  })
  toewijzingenAflopend(
    @Query() { dagen, minPosition }: DagenQuery,
    @CurrentReader() reader: Reader,
  ) {
    const today = this.now();
    return this.reads.ofPersons(reader, 'werklijst toewijzingen-aflopend', minPosition, () =>
      this.zorg.toewijzingenAflopend(
        reader.principal.userId,
        kalenderdatum(today),
        kalenderdatum(addDays(today, dagen ?? 60)),
      ),
    );
  }
}
