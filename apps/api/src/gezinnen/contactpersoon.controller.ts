import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@app/access';
import { GEZIN_NIET_GEVONDEN, NotFound } from '@app/domain';
import { GezinnenQueries, ToegangQueries } from '@app/projections';
import { CommandMeta, CorrelationId, RequestCommandContext } from '../common/command-context';
import { ConsistencyQuery, GezinIdParams } from '../common/dto';
import { IDEMPOTENCY_KEY_HEADER, IF_MATCH_HEADER } from '../common/headers';
import { Written } from '../common/http-results';
import { PersonalDataReads } from '../common/personal-data-reads';
import { AssignContactpersoonDto, EndContactpersoonDto, HandOverDto } from './dto/gezin.dto';
import { GezinCommandBody, GezinCommands } from './gezin.commands';

/**
 * One family, one contact person: assign, hand over (one event: from, to, date, reason), end.
 * The registrant or a team lead assigns the first; the contact person or a team lead hands over.
 */
@ApiTags('contactpersoon')
@ApiBearerAuth()
@Roles('contactpersoon')
@ApiNotFoundResponse({ description: 'No such family, or you do not work with it' })
@Controller('gezinnen/:gezinId')
export class ContactpersoonController {
  constructor(
    private readonly commands: GezinCommands,
    private readonly gezinnen: GezinnenQueries,
    private readonly toegang: ToegangQueries,
    private readonly reads: PersonalDataReads,
  ) {}

  @Post('contactpersoon')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Assign the contact person of a family that has none',
    description: 'One family, one contact person: refused with 422 while one is active.',
  })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiOkResponse({ description: 'Assigned; ETag is the new version' })
  @ApiConflictResponse({ description: 'The family changed since the version in If-Match' })
  @ApiUnprocessableEntityResponse({ description: 'The family already has a contact person' })
  assign(
    @Param() { gezinId }: GezinIdParams,
    @Body() { vanaf, ...contactpersoon }: AssignContactpersoonDto,
    @CommandMeta() context: RequestCommandContext,
  ): Promise<Written> {
    const command = { type: 'AssignContactpersoon' as const, contactpersoon, vanaf };
    return this.send(gezinId, command, context);
  }

  @Post('overdrachten')
  @HttpCode(200)
  @ApiOperation({ summary: 'Hand the family over to another contact person' })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiOkResponse({ description: 'Handed over; you keep read access' })
  @ApiUnprocessableEntityResponse({
    description: 'No contact person, the same one, or a date before the start',
  })
  handOver(
    @Param() { gezinId }: GezinIdParams,
    @Body() body: HandOverDto,
    @CommandMeta() context: RequestCommandContext,
  ): Promise<Written> {
    const { userId, naam, organisatie } = body.naar;
    const command = {
      type: 'HandOverContactpersoon' as const,
      naar: { userId, naam, organisatie },
      per: body.per,
      reden: body.reden,
    };
    return this.send(gezinId, command, context);
  }

  @Post('contactpersoon/einde')
  @HttpCode(200)
  @ApiOperation({ summary: 'End the contact person without a successor (e.g. help finished)' })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ description: 'Ended; the family shows on the team lead’s list' })
  end(
    @Param() { gezinId }: GezinIdParams,
    @Body() body: EndContactpersoonDto,
    @CommandMeta() context: RequestCommandContext,
  ): Promise<Written> {
    const command = { type: 'EndContactpersoon' as const, per: body.per, reden: body.reden };
    return this.send(gezinId, command, context);
  }

  @Get('contactpersonen')
  @ApiOperation({ summary: 'Every contact person the family had, with dates and reasons' })
  @ApiOkResponse({ description: 'In order' })
  async history(
    @Param() { gezinId }: GezinIdParams,
    @Query() { minPosition }: ConsistencyQuery,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ) {
    const contactpersonen = await this.reads.ofFamily(
      { principal, correlationId },
      gezinId,
      'contactpersonen',
      minPosition,
      () => {
        // Need-to-know: someone not involved gets the same 404 as for no such family.
        if (this.toegang.totGezin(gezinId, principal.userId) === 'geen') {
          throw new NotFound(GEZIN_NIET_GEVONDEN);
        }
        return this.gezinnen.contactpersonen(gezinId);
      },
    );
    return { gezinId, contactpersonen };
  }

  private async send(
    gezinId: string,
    command: GezinCommandBody,
    context: RequestCommandContext,
  ): Promise<Written> {
    return new Written({ gezinId }, await this.commands.gezin(gezinId, command, context));
  }
}
