import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, ROLES, Role, Roles } from '@app/access';
import { kalenderdatum } from '@app/domain';
import { ConsistencyQuery } from '../common/dto';
import { ReadYourWrites } from '../common/read-your-writes';
import { PraktijkenQueries } from '@app/projections';
import { CLOCK, Clock } from '../infrastructure/tokens';

export interface Ik {
  userId: string;
  naam: string;
  rollen: Role[];
  teamleider: boolean;
  /** Today on the server: the web app's default dates follow it, not the browser's clock. */
  vandaag: string;
  /** For JPH and GP staff: the practice they are linked to now; otherwise null. */
  praktijk: { praktijkId: string; naam: string } | null;
}

/** Who the caller is, as the web app shows it and picks its screens by. */
@ApiTags('web')
@ApiBearerAuth()
@Roles(...ROLES)
@Controller('ik')
export class IkController {
  constructor(
    private readonly praktijken: PraktijkenQueries,
    private readonly readYourWrites: ReadYourWrites,
    @Inject(CLOCK) private readonly now: Clock,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Me: name, roles, team lead or not, today, and my practice' })
  @ApiOkResponse({ description: 'From the token; the practice from the read models' })
  async get(
    @Query() { minPosition }: ConsistencyQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Ik> {
    await this.readYourWrites.waitFor(minPosition);
    const vandaag = kalenderdatum(this.now());
    const praktijkId =
      principal.roles.includes('jph') || principal.roles.includes('huisarts')
        ? this.praktijken.praktijkVan(principal.userId)
        : null;
    return {
      userId: principal.userId,
      naam: principal.name,
      rollen: principal.roles,
      teamleider: principal.teamleider,
      vandaag,
      praktijk: praktijkId
        ? { praktijkId, naam: this.praktijken.praktijk(praktijkId, vandaag)?.naam ?? '' }
        : null,
    };
  }
}
