import { NotFound, PRAKTIJK_ONBEKEND, kalenderdatum } from '@app/domain';
import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/access';
import { PraktijkDetail, PraktijkView, PraktijkenQueries } from '@app/projections';
import { CommandMeta, Ids, RequestCommandContext } from '../common/command-context';
import { ConsistencyQuery } from '../common/dto';
import { Versioned, Written } from '../common/http-results';
import { ReadRoute } from '../common/read-route';
import { ReadYourWrites } from '../common/read-your-writes';
import { WriteRoute } from '../common/write-route';
import { CLOCK, Clock } from '../infrastructure/tokens';
import {
  EndJphDto,
  LinkMedewerkerDto,
  MedewerkerParams,
  PraktijkIdParams,
  RegisterPraktijkDto,
  SetJphDto,
} from './dto/praktijk.dto';
import { Praktijk, PraktijkResponse } from './dto/consultatie.responses';
import { PraktijkCommands } from './praktijk.commands';

const NO_SUCH_PRACTICE = 'No such practice';

const DATED =
  'A change applies from its date and cannot go back before the last change (history is ' +
  'never rewritten).';

/**
 * GP practices (huisartsenpraktijken), reference data kept by functioneel beheer: name, AGB code,
 * district, the JPH (dated changes that never rewrite history) and the JPH and GP users linked to
 * each practice (one practice per user at a time). No case content.
 */
@ApiTags('praktijken')
@Roles('beheer')
@Controller('praktijken')
export class PraktijkenController {
  constructor(
    private readonly commands: PraktijkCommands,
    private readonly ids: Ids,
    private readonly praktijken: PraktijkenQueries,
    private readonly readYourWrites: ReadYourWrites,
    @Inject(CLOCK) private readonly now: Clock,
  ) {}

  @Post()
  @WriteRoute({
    summary: 'Register a GP practice, with its JPH if it has one',
    status: 201,
    ifMatch: 'none',
    ids: ['praktijkId'],
    location: true,
    answer: 'Registered',
    refusals: { 422: 'Another practice has this AGB code' },
  })
  async register(
    @Body() body: RegisterPraktijkDto,
    @CommandMeta() context: RequestCommandContext,
  ): Promise<Written> {
    const praktijkId = this.ids.newId(context, 'praktijk');
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
  @ReadRoute({
    summary: 'Every GP practice, with its JPH today',
    type: { items: Praktijk },
    answer: 'By name',
  })
  async list(@Query() { minPosition }: ConsistencyQuery): Promise<{ items: PraktijkView[] }> {
    await this.readYourWrites.waitFor(minPosition);
    return { items: this.praktijken.lijst(this.today()) };
  }

  @Get(':praktijkId')
  @ReadRoute({
    summary: 'A practice: its JPH history and the users linked to it',
    type: PraktijkResponse,
    answer: 'The practice; ETag is its version',
    etag: true,
  })
  @ApiNotFoundResponse({ description: NO_SUCH_PRACTICE })
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
  @WriteRoute({
    summary: 'The JPH starts, or works other hours, from a date',
    description: `${DATED} The same hours again write nothing.`,
    status: 200,
    ids: ['praktijkId'],
    answer: 'Recorded (nothing when the hours stay the same: position null)',
    refusals: { 404: NO_SUCH_PRACTICE, 422: 'Dated before the last change' },
  })
  setJph(
    @Param() { praktijkId }: PraktijkIdParams,
    @Body() { per, urenPerWeek }: SetJphDto,
    @CommandMeta() context: RequestCommandContext,
  ): Promise<Written> {
    return this.change(praktijkId, { type: 'SetJph', per, urenPerWeek }, context);
  }

  @Post(':praktijkId/jph/einde')
  @WriteRoute({
    summary: 'The practice has no JPH from a date',
    description: DATED,
    status: 200,
    ids: ['praktijkId'],
    refusals: { 404: NO_SUCH_PRACTICE, 422: 'No JPH, or dated before the last change' },
  })
  endJph(
    @Param() { praktijkId }: PraktijkIdParams,
    @Body() { per }: EndJphDto,
    @CommandMeta() context: RequestCommandContext,
  ): Promise<Written> {
    return this.change(praktijkId, { type: 'EndJph', per }, context);
  }

  @Post(':praktijkId/medewerkers')
  @WriteRoute({
    summary: 'Link a JPH or GP user to the practice',
    description:
      'The user then logs and reads this practice’s consultations, one practice at a time. ' +
      'rol says what they do at the practice; it grants no role: the token’s roles decide.',
    status: 201,
    ids: ['praktijkId', 'userId'],
    answer: 'Linked',
    refusals: {
      404: NO_SUCH_PRACTICE,
      422: 'Already linked here, or to another practice (one at a time)',
    },
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
  @WriteRoute({
    summary: 'Unlink a user from the practice',
    status: 200,
    ids: ['praktijkId'],
    answer: 'Unlinked: the user no longer sees the practice’s consultations',
    refusals: { 404: 'No such practice, or the user is not linked to it' },
  })
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
