import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import type { Response } from 'express';
import { CurrentPrincipal, Principal, ProcessingLog, Roles } from '@app/access';
import { GezinState } from '@app/domain';
import { CommandResult, deterministicUuid } from '@app/event-store';
import { CommandMeta, CorrelationId, RequestCommandContext, etag } from '../common/command-context';
import { ReadYourWrites } from '../common/read-your-writes';
import {
  AssignContactpersoonDto,
  ConsistencyQuery,
  GezinIdParams,
  GezinslidDto,
  RegisterGezinDto,
  TijdlijnQuery,
} from './dto/gezin.dto';
import {
  AddGezinslidCommand,
  AssignContactpersoonCommand,
  RegisterGezinCommand,
} from './gezin.commands';
import { GetGezinQuery, GetTijdlijnQuery, GezinView, TijdlijnItem } from './gezin.queries';

const IF_MATCH = {
  name: 'If-Match',
  required: false,
  description: 'The ETag you read; the change is refused with 409 if the family changed since',
};
const IDEMPOTENCY_KEY = {
  name: 'Idempotency-Key',
  required: false,
  description: 'Send the same key when retrying a request: it is carried out once',
};

/** Families (gezinnen): register, members, contact person, timeline. Need-to-know: 404 otherwise. */
@ApiTags('gezinnen')
@ApiBearerAuth()
@Controller('gezinnen')
export class GezinnenController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly readYourWrites: ReadYourWrites,
    private readonly processingLog: ProcessingLog,
  ) {}

  @Post()
  @Roles('contactpersoon')
  @ApiOperation({ summary: 'Register a family with its members' })
  @ApiHeader(IDEMPOTENCY_KEY)
  @ApiCreatedResponse({ description: 'Registered; Location, ETag and X-Log-Position are set' })
  @ApiUnprocessableEntityResponse({ description: 'A rule refused it (e.g. no youth)' })
  async register(
    @Body() body: RegisterGezinDto,
    @CommandMeta() context: RequestCommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WriteResponse> {
    // With an Idempotency-Key a retry addresses the same family instead of creating a second one.
    const gezinId = context.idempotencyKey
      ? deterministicUuid(`gezin:${context.principal.userId}:${context.idempotencyKey}`)
      : randomUUID();
    const result = await this.commands.execute<RegisterGezinCommand, CommandResult<GezinState>>(
      new RegisterGezinCommand(gezinId, body, context),
    );
    response.location(`/api/v1/gezinnen/${gezinId}`);
    return writeResponse(response, gezinId, result);
  }

  @Get(':gezinId')
  @Roles('contactpersoon')
  @ApiOperation({ summary: 'A family, its members and its contact person' })
  @ApiOkResponse({ description: 'The family; ETag is its version' })
  @ApiNotFoundResponse({ description: 'No such family, or you do not work with it' })
  async get(
    @Param() { gezinId }: GezinIdParams,
    @Query() { minPosition }: ConsistencyQuery,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<GezinView> {
    await this.readYourWrites.waitFor(minPosition);
    const gezin = await this.queries.execute<GetGezinQuery, GezinView>(
      new GetGezinQuery(gezinId, principal.userId),
    );
    await this.processingLog.recordRead({
      principal,
      gezinId,
      what: 'gezin',
      correlationId,
    });
    response.setHeader('ETag', etag(gezin.revision));
    return gezin;
  }

  @Post(':gezinId/leden')
  @Roles('contactpersoon')
  @ApiOperation({ summary: 'Add a member to a family' })
  @ApiHeader(IF_MATCH)
  @ApiHeader(IDEMPOTENCY_KEY)
  @ApiCreatedResponse({ description: 'Added; ETag is the new version' })
  @ApiConflictResponse({ description: 'The family changed since the version in If-Match' })
  async addLid(
    @Param() { gezinId }: GezinIdParams,
    @Body() body: GezinslidDto,
    @CommandMeta() context: RequestCommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WriteResponse> {
    const result = await this.commands.execute<AddGezinslidCommand, CommandResult<GezinState>>(
      new AddGezinslidCommand(gezinId, body, context),
    );
    return writeResponse(response, gezinId, result);
  }

  @Post(':gezinId/contactpersoon')
  @HttpCode(200)
  @Roles('contactpersoon')
  @ApiOperation({
    summary: 'Assign the contact person of a family that has none',
    description: 'One family, one contact person: refused with 422 while one is active.',
  })
  @ApiHeader(IF_MATCH)
  @ApiHeader(IDEMPOTENCY_KEY)
  @ApiOkResponse({ description: 'Assigned; ETag is the new version' })
  @ApiConflictResponse({ description: 'The family changed since the version in If-Match' })
  @ApiUnprocessableEntityResponse({ description: 'The family already has a contact person' })
  async assignContactpersoon(
    @Param() { gezinId }: GezinIdParams,
    @Body() body: AssignContactpersoonDto,
    @CommandMeta() context: RequestCommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WriteResponse> {
    const { vanaf, ...contactpersoon } = body;
    const result = await this.commands.execute<
      AssignContactpersoonCommand,
      CommandResult<GezinState>
    >(new AssignContactpersoonCommand(gezinId, contactpersoon, vanaf, context));
    return writeResponse(response, gezinId, result);
  }

  @Get(':gezinId/tijdlijn')
  @Roles('contactpersoon')
  @ApiOperation({ summary: "The family's timeline: what happened, when, by whom, in plain words" })
  @ApiOkResponse({ description: 'Events in order, filtered by period and kind' })
  @ApiNotFoundResponse({ description: 'No such family, or you do not work with it' })
  async tijdlijn(
    @Param() { gezinId }: GezinIdParams,
    @Query() query: TijdlijnQuery,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<{ gezinId: string; items: TijdlijnItem[] }> {
    await this.readYourWrites.waitFor(query.minPosition);
    const items = await this.queries.execute<GetTijdlijnQuery, TijdlijnItem[]>(
      new GetTijdlijnQuery(gezinId, principal.userId, {
        van: query.van,
        tot: query.tot,
        soort: query.soort,
      }),
    );
    await this.processingLog.recordRead({
      principal,
      gezinId,
      what: 'tijdlijn',
      correlationId,
    });
    return { gezinId, items };
  }
}

interface WriteResponse {
  gezinId: string;
  revision: number;
  position: string | null;
}

/** Every write answers with the stream version (ETag) and where its events landed in the log. */
function writeResponse(
  response: Response,
  gezinId: string,
  result: CommandResult<GezinState>,
): WriteResponse {
  response.setHeader('ETag', etag(result.revision));
  const position = result.position === null ? null : result.position.toString();
  if (position !== null) response.setHeader('X-Log-Position', position);
  return { gezinId, revision: result.revision, position };
}
