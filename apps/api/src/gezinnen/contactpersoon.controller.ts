import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
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
import type { Response } from 'express';
import { CurrentPrincipal, Principal, Roles } from '@app/access';
import { CommandMeta, CorrelationId, RequestCommandContext } from '../common/command-context';
import { ConsistencyQuery, GezinIdParams } from '../common/dto';
import { IDEMPOTENCY_KEY_HEADER, IF_MATCH_HEADER } from '../common/headers';
import { PersonalDataReads } from '../common/personal-data-reads';
import { WriteResponse } from '../common/write-response';
import { AssignContactpersoonDto, EndContactpersoonDto, HandOverDto } from './dto/gezin.dto';
import { executeGezinCommand } from './gezin.commands';
import { GezinnenReadModel } from './gezinnen.read-model';

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
    private readonly commands: CommandBus,
    private readonly readModel: GezinnenReadModel,
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
    @Res({ passthrough: true }) response: Response,
  ): Promise<WriteResponse> {
    const command = { type: 'AssignContactpersoon' as const, contactpersoon, vanaf };
    return executeGezinCommand(this.commands, { gezinId, command, context, response });
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
    @Res({ passthrough: true }) response: Response,
  ): Promise<WriteResponse> {
    const { userId, naam, organisatie } = body.naar;
    const command = {
      type: 'HandOverContactpersoon' as const,
      naar: { userId, naam, organisatie },
      per: body.per,
      reden: body.reden,
    };
    return executeGezinCommand(this.commands, { gezinId, command, context, response });
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
    @Res({ passthrough: true }) response: Response,
  ): Promise<WriteResponse> {
    const command = { type: 'EndContactpersoon' as const, per: body.per, reden: body.reden };
    return executeGezinCommand(this.commands, { gezinId, command, context, response });
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
      () => this.readModel.contactpersonen(gezinId, principal.userId),
    );
    return { gezinId, contactpersonen };
  }
}
