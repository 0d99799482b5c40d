import { kalenderdatum } from '@app/domain';
import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiForbiddenResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/access';
import { GezinnenQueries } from '@app/projections';
import { ConsistencyQuery } from '../common/dto';
import { ProblemException, problemFor } from '../common/problem';
import { CurrentReader, PersonalDataReads, Reader } from '../common/personal-data-reads';
import { ReadRoute } from '../common/read-route';
import { CLOCK, Clock } from '../infrastructure/tokens';
import {
  GezinZonderContactpersoon,
  MijnGezin,
  VerlopenAfspraak,
  VerlopenEvaluatie,
} from './dto/gezin.responses';

/**
 * What a contact person has to do today; for team leads, the families without a contact person.
 * Worklists show family names: personal data, so each family listed is logged as read.
 */
@ApiTags('werklijsten')
@Roles('contactpersoon')
@Controller('werklijsten')
export class WerklijstenController {
  constructor(
    private readonly gezinnen: GezinnenQueries,
    private readonly reads: PersonalDataReads,
    @Inject(CLOCK) private readonly now: Clock,
  ) {}

  @Get('mijn-gezinnen')
  @ReadRoute({
    summary: 'Families I coordinate (schrijven) and coordinated (lezen)',
    description:
      'The families you coordinate, or registered before their first contact person ' +
      '(schrijven), and those you coordinated or registered (lezen).',
    type: { items: MijnGezin },
    answer: 'schrijven first, then by name',
    personalData: true,
  })
  mijnGezinnen(@Query() { minPosition }: ConsistencyQuery, @CurrentReader() reader: Reader) {
    return this.reads.ofFamilies(reader, 'werklijst mijn-gezinnen', minPosition, () =>
      this.gezinnen.mijnGezinnen(reader.principal.userId),
    );
  }

  @Get('evaluaties-verlopen')
  @ReadRoute({
    summary: 'My families whose plan evaluation date has passed',
    description:
      'Families you coordinate whose plan evaluation date is before today (in the API’s time ' +
      'zone).',
    type: { items: VerlopenEvaluatie },
    answer: 'Oldest evaluation date first',
    personalData: true,
  })
  evaluatiesVerlopen(@Query() { minPosition }: ConsistencyQuery, @CurrentReader() reader: Reader) {
    return this.reads.ofFamilies(reader, 'werklijst evaluaties-verlopen', minPosition, () =>
      this.gezinnen.evaluatiesVerlopen(reader.principal.userId, this.today()),
    );
  }

  @Get('afspraken-verlopen')
  @ReadRoute({
    summary: 'Agreements in my families’ plans past their date and not done',
    description:
      'Agreements in the current plans of the families you coordinate that are open or lopend ' +
      'and whose date (uiterlijk) is before today (in the API’s time zone).',
    type: { items: VerlopenAfspraak },
    answer: 'Oldest date first',
    personalData: true,
  })
  afsprakenVerlopen(@Query() { minPosition }: ConsistencyQuery, @CurrentReader() reader: Reader) {
    return this.reads.ofFamilies(reader, 'werklijst afspraken-verlopen', minPosition, () =>
      this.gezinnen.afsprakenVerlopen(reader.principal.userId, this.today()),
    );
  }

  @Get('zonder-contactpersoon')
  @ReadRoute({
    summary: 'Families without a contact person (team leads only)',
    description:
      'Every family without a contact person now (none assigned yet, or ended), for team leads ' +
      '(a token with teamleider: true). It names the families but opens none of them.',
    type: { items: GezinZonderContactpersoon },
    answer: 'Longest registered first',
    personalData: true,
  })
  @ApiForbiddenResponse({ description: 'Not a team lead, or not a contact person' })
  zonderContactpersoon(
    @Query() { minPosition }: ConsistencyQuery,
    @CurrentReader() reader: Reader,
  ) {
    if (!reader.principal.teamleider) {
      throw new ProblemException(problemFor(403, 'This list is for team leads (teamleider).'));
    }
    return this.reads.ofFamilies(reader, 'werklijst zonder-contactpersoon', minPosition, () =>
      this.gezinnen.zonderContactpersoon(),
    );
  }

  private today(): string {
    return kalenderdatum(this.now());
  }
}
