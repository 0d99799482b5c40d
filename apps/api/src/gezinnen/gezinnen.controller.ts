import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
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
import { CurrentPrincipal, Principal, Roles } from '@app/access';
import { GEZIN_NIET_GEVONDEN, NotFound, Persoonsgegevens } from '@app/domain';
import {
  GezinView,
  GezinnenQueries,
  TijdlijnItem,
  TijdlijnQueries,
  ToegangQueries,
} from '@app/projections';
import {
  CommandMeta,
  CorrelationId,
  RequestCommandContext,
  newId,
} from '../common/command-context';
import { ConsistencyQuery, GezinIdParams } from '../common/dto';
import { IDEMPOTENCY_KEY_HEADER, IF_MATCH_HEADER } from '../common/headers';
import { Versioned, Written } from '../common/http-results';
import { PersonalDataReads } from '../common/personal-data-reads';
import { invalidInput } from '../common/problem';
import {
  AddGezinslidDto,
  CorrectPersoonDto,
  EndNetwerkBetrokkeneDto,
  GezinRegisteredDto,
  GezinWijkDto,
  LidParams,
  NetwerkBetrokkeneDto,
  NetwerkParams,
  PersoonsgegevensDto,
  RegisterGezinDto,
  RemoveGezinslidDto,
  TijdlijnQuery,
} from './dto/gezin.dto';
import { GezinCommandBody, GezinCommands } from './gezin.commands';

const gegevens = (dto: PersoonsgegevensDto): Persoonsgegevens => ({
  voornaam: dto.voornaam,
  achternaam: dto.achternaam,
  geboortedatum: dto.geboortedatum ?? null,
  bsn: dto.bsn ?? null,
});

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
    private readonly commands: GezinCommands,
    private readonly gezinnen: GezinnenQueries,
    private readonly tijdlijnen: TijdlijnQueries,
    private readonly toegang: ToegangQueries,
    private readonly reads: PersonalDataReads,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Register a family with its members (each member becomes a person)',
    description: 'With `wijk`, the family lives in that district from the day of registration.',
  })
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiCreatedResponse({
    type: GezinRegisteredDto,
    description:
      'Registered; Location, ETag and X-Log-Position are set. The body names each member (persoonId), in the order sent',
  })
  @ApiUnprocessableEntityResponse({ description: 'A rule refused it (e.g. no youth)' })
  async register(
    @Body() body: RegisterGezinDto,
    @CommandMeta() context: RequestCommandContext,
  ): Promise<Written> {
    // With an Idempotency-Key a retry addresses the same family (and persons) instead of new ones.
    const gezinId = newId(context, 'gezin');
    const leden = body.leden.map((dto, i) => ({
      persoonId: newId(context, `persoon:${i}`, gezinId),
      rol: dto.rol,
      gegevens: gegevens(dto),
    }));
    const result = await this.commands.register(
      gezinId,
      { naam: body.naam, wijk: body.wijk ?? null, leden },
      context,
    );
    const ids = { gezinId, leden: leden.map(({ persoonId, rol }) => ({ persoonId, rol })) };
    return new Written(ids, result, `/api/v1/gezinnen/${gezinId}`);
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
  ): Promise<Versioned<GezinView>> {
    const gezin = await this.reads.ofFamily(
      { principal, correlationId },
      gezinId,
      'gezin',
      minPosition,
      () => this.gezinnen.gezin(gezinId, this.mayRead(gezinId, principal)),
    );
    return new Versioned(gezin, gezin.revision);
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
  ): Promise<Written> {
    return this.send(gezinId, { type: 'SetGezinWijk', wijk: body.wijk, per: body.per }, context);
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
  ): Promise<Written> {
    if (body.persoonId !== undefined && body.persoon !== undefined) {
      throw invalidInput([
        { field: 'persoon', in: 'body', messages: ['leave out persoon when you give persoonId'] },
      ]);
    }
    const { rol, vanaf } = body;
    if (body.persoonId !== undefined) {
      const persoonId = body.persoonId;
      const result = await this.commands.addBekendLid(gezinId, { persoonId, rol }, vanaf, context);
      return new Written({ gezinId, persoonId }, result);
    }
    const persoonId = newId(context, 'persoon', gezinId);
    const persoon = { persoonId, rol, gegevens: gegevens(body.persoon!) };
    const result = await this.commands.addNieuwLid(gezinId, persoon, vanaf, context);
    return new Written({ gezinId, persoonId }, result);
  }

  @Post(':gezinId/leden/:persoonId/einde')
  @ApiOperation({ summary: 'A member leaves the household (the person and the history stay)' })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiCreatedResponse({ description: 'Recorded' })
  @ApiUnprocessableEntityResponse({
    description: 'The last youth, or goals in the plan for this person',
  })
  removeLid(
    @Param() { gezinId, persoonId }: LidParams,
    @Body() body: RemoveGezinslidDto,
    @CommandMeta() context: RequestCommandContext,
  ): Promise<Written> {
    return this.send(
      gezinId,
      { type: 'RemoveGezinslid', persoonId, per: body.per, reden: body.reden },
      context,
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
  ): Promise<Written> {
    const correctie = { gegevens: gegevens(body), reden: body.reden };
    const result = await this.commands.correctPersoon(gezinId, persoonId, correctie, context);
    return new Written({ gezinId, persoonId }, result);
  }

  @Post(':gezinId/netwerk')
  @ApiOperation({ summary: "Add someone to the family's network (informal or formal)" })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiCreatedResponse({ description: 'Added; the body names it (betrokkeneId)' })
  addNetwerk(
    @Param() { gezinId }: GezinIdParams,
    @Body() body: NetwerkBetrokkeneDto,
    @CommandMeta() context: RequestCommandContext,
  ): Promise<Written> {
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
    return this.send(gezinId, { type: 'AddNetwerkBetrokkene', betrokkene }, context, {
      betrokkeneId,
    });
  }

  @Post(':gezinId/netwerk/:betrokkeneId/einde')
  @ApiOperation({ summary: 'Someone in the network is no longer involved' })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiCreatedResponse({ description: 'Recorded' })
  endNetwerk(
    @Param() { gezinId, betrokkeneId }: NetwerkParams,
    @Body() body: EndNetwerkBetrokkeneDto,
    @CommandMeta() context: RequestCommandContext,
  ): Promise<Written> {
    return this.send(
      gezinId,
      { type: 'EndNetwerkBetrokkene', betrokkeneId, tot: body.tot, reden: body.reden ?? null },
      context,
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
      () => {
        this.mayRead(gezinId, principal);
        return this.tijdlijnen.tijdlijn(gezinId, query);
      },
    );
    return { gezinId, items };
  }

  /** Need-to-know on reads: someone not involved gets the same 404 as for no such family. */
  private mayRead(gezinId: string, principal: Principal) {
    const toegang = this.toegang.totGezin(gezinId, principal.userId);
    if (toegang === 'geen') throw new NotFound(GEZIN_NIET_GEVONDEN);
    return toegang;
  }

  private async send(
    gezinId: string,
    command: GezinCommandBody,
    context: RequestCommandContext,
    ids: Record<string, string> = {},
  ): Promise<Written> {
    const result = await this.commands.gezin(gezinId, command, context);
    return new Written({ gezinId, ...ids }, result);
  }
}
