import { Body, Controller, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Principal, Roles } from '@app/access';

import {
  CommandMeta,
  CorrelationId,
  RequestCommandContext,
  etag,
  newId,
} from '../common/command-context';
import { ConsistencyQuery, GezinIdParams } from '../common/dto';
import { IDEMPOTENCY_KEY_HEADER, IF_MATCH_HEADER } from '../common/headers';
import { PersonalDataReads } from '../common/personal-data-reads';
import { WriteResponse, writeResponse } from '../common/write-response';
import {
  AddGezinslidDto,
  CorrectPersoonDto,
  EndNetwerkBetrokkeneDto,
  GezinWijkDto,
  LidParams,
  NetwerkBetrokkeneDto,
  NetwerkParams,
  RegisterGezinDto,
  RemoveGezinslidDto,
  TijdlijnQuery,
} from './dto/gezin.dto';
import {
  AddGezinslidCommand,
  CorrectPersoonCommand,
  GezinCommandBody,
  GezinWriteResult,
  RegisterGezinCommand,
  executeGezinCommand,
} from './gezin.commands';
import { GezinView, GezinnenReadModel, TijdlijnItem } from './gezinnen.read-model';

/**
 * Families (gezinnen): register, members, network, timeline. Need-to-know: a contact person
 * reads and writes the families they coordinate, reads those they did; everyone else gets 404.
 */
@ApiTags('gezinnen')
@ApiBearerAuth()
@Roles('contactpersoon')
@ApiNotFoundResponse({ description: 'No such family, or you do not work with it' })
@Controller('gezinnen')
export class GezinnenController {
  constructor(
    private readonly commands: CommandBus,
    private readonly readModel: GezinnenReadModel,
    private readonly reads: PersonalDataReads,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Register a family with its members (each member becomes a person)',
    description: 'With `wijk`, the family lives in that district from the day of registration.',
  })
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiCreatedResponse({ description: 'Registered; Location, ETag and X-Log-Position are set' })
  @ApiUnprocessableEntityResponse({ description: 'A rule refused it (e.g. no youth)' })
  async register(
    @Body() body: RegisterGezinDto,
    @CommandMeta() context: RequestCommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WriteResponse> {
    // With an Idempotency-Key a retry addresses the same family instead of creating a second one.
    const gezinId = newId(context, 'gezin');
    const result = await this.commands.execute<RegisterGezinCommand, GezinWriteResult>(
      new RegisterGezinCommand(gezinId, body, context),
    );
    response.location(`/api/v1/gezinnen/${gezinId}`);
    return writeResponse(response, result, { gezinId });
  }

  @Get(':gezinId')
  @ApiOperation({
    summary: 'A family: district, members, network, contact person, plan version',
  })
  @ApiOkResponse({ description: 'The family; ETag is its version' })
  async get(
    @Param() { gezinId }: GezinIdParams,
    @Query() { minPosition }: ConsistencyQuery,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<GezinView> {
    const gezin = await this.reads.ofFamily(
      { principal, correlationId },
      gezinId,
      'gezin',
      minPosition,
      () => this.readModel.gezin(gezinId, principal.userId),
    );
    response.setHeader('ETag', etag(gezin.revision));
    return gezin;
  }

  @Put(':gezinId/wijk')
  @ApiOperation({
    summary: 'Set the district (wijk) the family lives in, from a date',
    description: 'The contact person or a team lead; the same district again is refused (422).',
  })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiOkResponse({ description: 'Set; ETag is the family’s new version' })
  @ApiForbiddenResponse({ description: 'You may read this family but no longer change it' })
  @ApiConflictResponse({ description: 'The family changed since the version in If-Match' })
  @ApiUnprocessableEntityResponse({ description: 'The family already lives in this district' })
  setWijk(
    @Param() { gezinId }: GezinIdParams,
    @Body() body: GezinWijkDto,
    @CommandMeta() context: RequestCommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WriteResponse> {
    return this.execute(
      gezinId,
      { type: 'SetGezinWijk', wijk: body.wijk, per: body.per },
      context,
      response,
    );
  }

  @Post(':gezinId/leden')
  @ApiOperation({
    summary: 'Add a member: a new person, or a known one (a youth of two households)',
  })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiCreatedResponse({ description: 'Added; the body names the person (persoonId)' })
  @ApiConflictResponse({ description: 'The family changed since the version in If-Match' })
  @ApiUnprocessableEntityResponse({
    description: 'Already a member, or a youth without birth date',
  })
  async addLid(
    @Param() { gezinId }: GezinIdParams,
    @Body() body: AddGezinslidDto,
    @CommandMeta() context: RequestCommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WriteResponse> {
    const result = await this.commands.execute<AddGezinslidCommand, GezinWriteResult>(
      new AddGezinslidCommand(gezinId, body, context),
    );
    return writeResponse(response, result, { gezinId, persoonId: result.persoonId! });
  }

  @Post(':gezinId/leden/:persoonId/einde')
  @ApiOperation({ summary: 'A member leaves the household (the person and the history stay)' })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiCreatedResponse({ description: 'Recorded' })
  @ApiUnprocessableEntityResponse({
    description: 'The last youth, or goals in the plan for this person',
  })
  async removeLid(
    @Param() { gezinId, persoonId }: LidParams,
    @Body() body: RemoveGezinslidDto,
    @CommandMeta() context: RequestCommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WriteResponse> {
    return this.execute(
      gezinId,
      { type: 'RemoveGezinslid', persoonId, per: body.per, reden: body.reden },
      context,
      response,
    );
  }

  @Put(':gezinId/leden/:persoonId/gegevens')
  @ApiOperation({ summary: "Correct a member's personal data, with a reason" })
  @ApiOkResponse({ description: 'Corrected' })
  @ApiForbiddenResponse({ description: 'You may read this family but no longer change it' })
  async correctPersoon(
    @Param() { gezinId, persoonId }: LidParams,
    @Body() body: CorrectPersoonDto,
    @CommandMeta() context: RequestCommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WriteResponse> {
    const { reden, ...gegevens } = body;
    const result = await this.commands.execute<CorrectPersoonCommand, GezinWriteResult>(
      new CorrectPersoonCommand(
        gezinId,
        persoonId,
        {
          voornaam: gegevens.voornaam,
          achternaam: gegevens.achternaam,
          geboortedatum: gegevens.geboortedatum ?? null,
          bsn: gegevens.bsn ?? null,
        },
        reden,
        context,
      ),
    );
    return writeResponse(response, result, { gezinId, persoonId });
  }

  @Post(':gezinId/netwerk')
  @ApiOperation({ summary: "Add someone to the family's network (informal or formal)" })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiCreatedResponse({ description: 'Added; the body names it (betrokkeneId)' })
  async addNetwerk(
    @Param() { gezinId }: GezinIdParams,
    @Body() body: NetwerkBetrokkeneDto,
    @CommandMeta() context: RequestCommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WriteResponse> {
    const betrokkeneId = newId(context, 'betrokkene', gezinId);
    const betrokkene = {
      betrokkeneId,
      soort: body.soort,
      naam: body.naam,
      rol: body.rol,
      organisatie: body.organisatie ?? null,
      vanaf: body.vanaf,
      tot: body.tot ?? null,
    };
    return this.execute(gezinId, { type: 'AddNetwerkBetrokkene', betrokkene }, context, response, {
      betrokkeneId,
    });
  }

  @Post(':gezinId/netwerk/:betrokkeneId/einde')
  @ApiOperation({ summary: 'Someone in the network is no longer involved' })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiCreatedResponse({ description: 'Recorded' })
  async endNetwerk(
    @Param() { gezinId, betrokkeneId }: NetwerkParams,
    @Body() body: EndNetwerkBetrokkeneDto,
    @CommandMeta() context: RequestCommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WriteResponse> {
    return this.execute(
      gezinId,
      { type: 'EndNetwerkBetrokkene', betrokkeneId, tot: body.tot, reden: body.reden ?? null },
      context,
      response,
    );
  }

  @Get(':gezinId/tijdlijn')
  @ApiOperation({ summary: "The family's timeline: what happened, when, by whom, in plain words" })
  @ApiOkResponse({
    description: 'Events of the family and its members in order, filtered by period and kind',
  })
  async tijdlijn(
    @Param() { gezinId }: GezinIdParams,
    @Query() query: TijdlijnQuery,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<{ gezinId: string; items: TijdlijnItem[] }> {
    const items = await this.reads.ofFamily(
      { principal, correlationId },
      gezinId,
      'tijdlijn',
      query.minPosition,
      () => this.readModel.tijdlijn(gezinId, principal.userId, query),
    );
    return { gezinId, items };
  }

  private execute(
    gezinId: string,
    command: GezinCommandBody,
    context: RequestCommandContext,
    response: Response,
    extra: Record<string, string> = {},
  ): Promise<WriteResponse> {
    return executeGezinCommand(this.commands, { gezinId, command, context, response, extra });
  }
}
