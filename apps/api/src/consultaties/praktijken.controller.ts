import { NotFound, PRAKTIJK_ONBEKEND, kalenderdatum } from '@app/domain';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
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
import { Roles } from '@app/access';
import { PraktijkDetail, PraktijkView, PraktijkenQueries } from '@app/projections';
import { CommandMeta, RequestCommandContext, newId } from '../common/command-context';
import { ConsistencyQuery } from '../common/dto';
import { IDEMPOTENCY_KEY_HEADER, IF_MATCH_HEADER } from '../common/headers';
import { Versioned, Written } from '../common/http-results';
import { ReadYourWrites } from '../common/read-your-writes';
import { CLOCK, Clock } from '../infrastructure/tokens';
import {
  EndJphDto,
  LinkMedewerkerDto,
  MedewerkerParams,
  PraktijkIdParams,
  RegisterPraktijkDto,
  SetJphDto,
} from './dto/praktijk.dto';
import { PraktijkCommands } from './praktijk.commands';

/**
 * GP practices (huisartsenpraktijken), reference data kept by functioneel beheer: name, AGB code,
 * district, the JPH (dated changes that never rewrite history) and the JPH and GP users linked to
 * each practice (one practice per user at a time). No case content.
 */
@ApiTags('praktijken')
@ApiBearerAuth()
@Roles('beheer')
@ApiNotFoundResponse({ description: 'No such practice' })
@Controller('praktijken')
export class PraktijkenController {
  constructor(
    private readonly commands: PraktijkCommands,
    private readonly praktijken: PraktijkenQueries,
    private readonly readYourWrites: ReadYourWrites,
    @Inject(CLOCK) private readonly now: Clock,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Register a GP practice, with its JPH if it has one' })
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiCreatedResponse({ description: 'Registered; Location, ETag and X-Log-Position are set' })
  @ApiUnprocessableEntityResponse({ description: 'Another practice has this AGB code' })
  async register(
    @Body() body: RegisterPraktijkDto,
    @CommandMeta() context: RequestCommandContext,
  ): Promise<Written> {
    const praktijkId = newId(context, 'praktijk');
    const result = await this.commands.register(
      {
        type: 'RegisterPraktijk',
        praktijkId,
        naam: body.naam,
        agbCode: body.agbCode,
        wijk: body.wijk,
        jph: body.jph ? { sinds: body.jph.sinds, urenPerWeek: body.jph.urenPerWeek } : null,
      },
      context,
    );
    return new Written({ praktijkId }, result, `/api/v1/praktijken/${praktijkId}`);
  }

  @Get()
  @ApiOperation({ summary: 'Every GP practice, with its JPH today' })
  @ApiOkResponse({ description: 'By name' })
  async list(@Query() { minPosition }: ConsistencyQuery): Promise<{ items: PraktijkView[] }> {
    await this.readYourWrites.waitFor(minPosition);
    return { items: this.praktijken.lijst(this.today()) };
  }

  @Get(':praktijkId')
  @ApiOperation({ summary: 'A practice: its JPH history and the users linked to it' })
  @ApiOkResponse({ description: 'The practice; ETag is its version' })
  async get(
    @Param() { praktijkId }: PraktijkIdParams,
    @Query() { minPosition }: ConsistencyQuery,
  ): Promise<Versioned<PraktijkDetail>> {
    await this.readYourWrites.waitFor(minPosition);
    const praktijk = this.praktijken.praktijk(praktijkId, this.today());
    if (praktijk === null) throw new NotFound(PRAKTIJK_ONBEKEND);
    return new Versioned(praktijk, praktijk.revision);
  }

  @Post(':praktijkId/jph')
  @HttpCode(200)
  @ApiOperation({
    summary: 'The JPH starts, or works other hours, from a date',
    description: 'A change applies from its date and cannot go back before the last change.',
  })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiOkResponse({ description: 'Recorded (nothing when the hours stay the same)' })
  @ApiConflictResponse({ description: 'The practice changed since the version in If-Match' })
  @ApiUnprocessableEntityResponse({ description: 'Dated before the last change' })
  setJph(
    @Param() { praktijkId }: PraktijkIdParams,
    @Body() { per, urenPerWeek }: SetJphDto,
    @CommandMeta() context: RequestCommandContext,
  ): Promise<Written> {
    return this.change(praktijkId, { type: 'SetJph', per, urenPerWeek }, context);
  }

  @Post(':praktijkId/jph/einde')
  @HttpCode(200)
  @ApiOperation({ summary: 'The practice has no JPH from a date' })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ description: 'Recorded' })
  @ApiUnprocessableEntityResponse({ description: 'No JPH, or dated before the last change' })
  endJph(
    @Param() { praktijkId }: PraktijkIdParams,
    @Body() { per }: EndJphDto,
    @CommandMeta() context: RequestCommandContext,
  ): Promise<Written> {
    return this.change(praktijkId, { type: 'EndJph', per }, context);
  }

  @Post(':praktijkId/medewerkers')
  @ApiOperation({ summary: 'Link a JPH or GP user to the practice' })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiCreatedResponse({ description: 'Linked: the user logs and reads consultations here' })
  @ApiUnprocessableEntityResponse({
    description: 'Already linked here, or to another practice (one at a time)',
  })
  async link(
    @Param() { praktijkId }: PraktijkIdParams,
    @Body() { userId, rol }: LinkMedewerkerDto,
    @CommandMeta() context: RequestCommandContext,
  ): Promise<Written> {
    const result = await this.commands.linkMedewerker(praktijkId, { userId, rol }, context);
    return new Written({ praktijkId, userId }, result);
  }

  @Post(':praktijkId/medewerkers/:userId/einde')
  @HttpCode(200)
  @ApiOperation({ summary: 'Unlink a user from the practice' })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ description: 'Unlinked: the user no longer sees the practice’s consultations' })
  @ApiNotFoundResponse({ description: 'No such practice, or the user is not linked to it' })
  unlink(
    @Param() { praktijkId, userId }: MedewerkerParams,
    @CommandMeta() context: RequestCommandContext,
  ): Promise<Written> {
    return this.change(praktijkId, { type: 'UnlinkMedewerker', userId }, context);
  }

  private async change(
    praktijkId: string,
    command: Parameters<PraktijkCommands['change']>[1],
    context: RequestCommandContext,
  ): Promise<Written> {
    const result = await this.commands.change(praktijkId, command, context);
    return new Written({ praktijkId }, result);
  }

  private today(): string {
    return kalenderdatum(this.now());
  }
}
