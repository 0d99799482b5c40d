import { kalenderdatum } from '@app/domain';
import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { addDays, addMonths } from 'date-fns';
import { CurrentPrincipal, Principal, Roles } from '@app/access';
import { ToegangQueries, ZorgQueries } from '@app/projections';
import { CorrelationId } from '../common/command-context';
import { ConsistencyQuery } from '../common/dto';
import { PersonalDataReads } from '../common/personal-data-reads';
import { CLOCK, Clock } from '../infrastructure/tokens';
import { DagenQuery, MaandenQuery } from './dto/zorg.dto';

/** The contact person's care worklists, over the youths of the families they coordinate. */
@ApiTags('werklijsten')
@ApiBearerAuth()
@Roles('contactpersoon')
@Controller('werklijsten')
export class ZorgWerklijstenController {
  constructor(
    private readonly zorg: ZorgQueries,
    private readonly toegang: ToegangQueries,
    private readonly reads: PersonalDataReads,
    @Inject(CLOCK) private readonly now: Clock,
  ) {}

  /**
   * An entry is a youth's care data: the read is logged under every family the youth belongs to
   * now (a youth of two households under both), as `GET /personen/{id}/zorg` logs it.
   */
  private perPersoon<T extends Record<string, unknown>>(query: () => T[]) {
    return () => {
      const result = query();
      // Every care worklist row names its youth (persoonId).
      const persoonIds = [...new Set(result.map((item) => String(item.persoonId)))];
      const gezinIds = persoonIds.flatMap((id) => this.toegang.gezinnenVanPersoon(id));
      return { result, gezinIds: [...new Set(gezinIds)] };
    };
  }

  @Get('perspectiefgesprekken')
  @ApiOperation({ summary: 'Perspective conversations due in the next 90 days, and overdue ones' })
  @ApiOkResponse({ description: 'Earliest first; teLaat marks the overdue' })
  async perspectiefgesprekken(
    @Query() { minPosition }: ConsistencyQuery,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ) {
    const today = this.now();
    const items = await this.reads.withFamilies(
      { principal, correlationId },
      'werklijst perspectiefgesprekken',
      minPosition,
      this.perPersoon(() =>
        this.zorg.perspectiefgesprekkenTeVoeren(
          principal.userId,
          kalenderdatum(today),
          kalenderdatum(addDays(today, 90)),
        ),
      ),
    );
    return { items };
  }

  @Get('verblijf-indicaties')
  @ApiOperation({
    summary:
      'Residential indications ending in the next N months (default 3), with their exit perspective',
  })
  @ApiOkResponse({ description: 'Earliest end first' })
  async verblijfIndicaties(
    @Query() { maanden, minPosition }: MaandenQuery,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ) {
    const until = kalenderdatum(addMonths(this.now(), maanden ?? 3));
    const items = await this.reads.withFamilies(
      { principal, correlationId },
      'werklijst verblijf-indicaties',
      minPosition,
      this.perPersoon(() => this.zorg.verblijfIndicatiesAflopend(principal.userId, until)),
    );
    return { items };
  }

  @Get('toewijzingen-aflopend')
  @ApiOperation({
    summary:
      'Assignments ending in the next N days (default 60) without a decision on continuation',
  })
  @ApiOkResponse({ description: 'Earliest end first' })
  async toewijzingenAflopend(
    @Query() { dagen, minPosition }: DagenQuery,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ) {
    const today = this.now();
    const items = await this.reads.withFamilies(
      { principal, correlationId },
      'werklijst toewijzingen-aflopend',
      minPosition,
      this.perPersoon(() =>
        this.zorg.toewijzingenAflopend(
          principal.userId,
          kalenderdatum(today),
          kalenderdatum(addDays(today, dagen ?? 60)),
        ),
      ),
    );
    return { items };
  }
}
