import { kalenderdatum } from '@app/domain';
import { Controller, Get, Inject, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@app/access';
import { GezinnenQueries } from '@app/projections';
import { CorrelationId } from '../common/command-context';
import { ConsistencyQuery } from '../common/dto';
import { ProblemException, problemFor } from '../common/problem';
import { PersonalDataReads } from '../common/personal-data-reads';
import { CLOCK, Clock } from '../infrastructure/tokens';

/** What a contact person has to do today; for team leads, the families without a contact person. */
@ApiTags('werklijsten')
@ApiBearerAuth()
@Roles('contactpersoon')
@Controller('werklijsten')
export class WerklijstenController {
  constructor(
    private readonly gezinnen: GezinnenQueries,
    private readonly reads: PersonalDataReads,
    @Inject(CLOCK) private readonly now: Clock,
  ) {}

  @Get('mijn-gezinnen')
  @ApiOperation({ summary: 'Families I coordinate (schrijven) and coordinated (lezen)' })
  @ApiOkResponse({ description: 'Mine first' })
  mijnGezinnen(
    @Query() { minPosition }: ConsistencyQuery,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ) {
    return this.list('mijn-gezinnen', principal, correlationId, minPosition, () =>
      this.gezinnen.mijnGezinnen(principal.userId),
    );
  }

  @Get('evaluaties-verlopen')
  @ApiOperation({ summary: 'My families whose plan evaluation date has passed' })
  @ApiOkResponse({ description: 'Oldest first' })
  evaluatiesVerlopen(
    @Query() { minPosition }: ConsistencyQuery,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ) {
    return this.list('evaluaties-verlopen', principal, correlationId, minPosition, () =>
      this.gezinnen.evaluatiesVerlopen(principal.userId, this.today()),
    );
  }

  @Get('afspraken-verlopen')
  @ApiOperation({ summary: 'Agreements in my families’ plans past their date and not done' })
  @ApiOkResponse({ description: 'Oldest first' })
  afsprakenVerlopen(
    @Query() { minPosition }: ConsistencyQuery,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ) {
    return this.list('afspraken-verlopen', principal, correlationId, minPosition, () =>
      this.gezinnen.afsprakenVerlopen(principal.userId, this.today()),
    );
  }

  @Get('zonder-contactpersoon')
  @ApiOperation({ summary: 'Families without a contact person (team leads only)' })
  @ApiOkResponse({ description: 'Longest waiting first' })
  @ApiForbiddenResponse({ description: 'Not a team lead' })
  zonderContactpersoon(
    @Query() { minPosition }: ConsistencyQuery,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ) {
    if (!principal.teamleider) {
      throw new ProblemException(problemFor(403, 'This list is for team leads (teamleider).'));
    }
    return this.list('zonder-contactpersoon', principal, correlationId, minPosition, () =>
      this.gezinnen.zonderContactpersoon(),
    );
  }

  private today(): string {
    return kalenderdatum(this.now());
  }

  /** Worklists show family names: personal data, so each family listed is logged as read. */
  private async list<T extends { gezinId: string }>(
    what: string,
    principal: Principal,
    correlationId: string,
    minPosition: string | undefined,
    query: () => T[],
  ): Promise<{ items: T[] }> {
    const reader = { principal, correlationId };
    return { items: await this.reads.ofFamilies(reader, `werklijst ${what}`, minPosition, query) };
  }
}
