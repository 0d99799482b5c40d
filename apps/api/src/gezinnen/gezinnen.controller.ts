import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/access';
import { Persoonsgegevens } from '@app/domain';
import { GezinnenQueries, TijdlijnQueries } from '@app/projections';
import { CommandMeta, Ids, RequestCommandContext } from '../common/command-context';
import { ConsistencyQuery, GezinIdParams } from '../common/dto';
import { Versioned, Written } from '../common/http-results';
import { CurrentReader, PersonalDataReads, Reader } from '../common/personal-data-reads';
import { invalidInput } from '../common/problem';
import { ReadRoute } from '../common/read-route';
import { MAY_ONLY_READ, WriteRoute } from '../common/write-route';
import {
  AddGezinslidDto,
  CorrectPersoonDto,
  EndNetwerkBetrokkeneDto,
  GeregistreerdeLeden,
  GezinWijkDto,
  LidParams,
  NetwerkBetrokkeneDto,
  NetwerkParams,
  PersoonsgegevensDto,
  RegisterGezinDto,
  RemoveGezinslidDto,
  TijdlijnQuery,
} from './dto/gezin.dto';
import { GezinResponse, TijdlijnResponse } from './dto/gezin.responses';
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
@Roles('contactpersoon')
@ApiNotFoundResponse({ description: 'No such family, or you do not work with it' })
@Controller('gezinnen')
export class GezinnenController {
  constructor(
    private readonly commands: GezinCommands,
    private readonly ids: Ids,
    private readonly gezinnen: GezinnenQueries,
    private readonly tijdlijnen: TijdlijnQueries,
    private readonly reads: PersonalDataReads,
  ) {}

  @Post()
  @WriteRoute({
    summary: 'Register a family with its members (each member becomes a person)',
    description:
      'Each member becomes a person of their own; a member with exactly the BSN, names and ' +
      'birth date of a person already known is that person (one person per BSN; the answer is ' +
      'the same either way). With `wijk`, the family lives in that district from today. You ' +
      'write the family until its first contact person is assigned.',
    status: 201,
    ifMatch: 'none',
    ids: ['gezinId'],
    fields: GeregistreerdeLeden,
    location: true,
    answer: 'Registered; the body names each member (persoonId), in the order sent',
    refusals: {
      422:
        'No youth (jeugdige), a youth without birth date, a birth date in the future, two ' +
        'members with one BSN',
    },
  })
  async register(
    @Body() body: RegisterGezinDto,
    @CommandMeta() context: RequestCommandContext,
  ): Promise<Written> {
    // With an Idempotency-Key a retry addresses the same family (and persons) instead of new ones.
    const gezinId = this.ids.newId(context, 'gezin');
    const leden = body.leden.map((dto, i) => ({
      persoonId: this.ids.newId(context, `persoon:${i}`, gezinId),
      rol: dto.rol,
      gegevens: gegevens(dto),
    }));
    const result = await this.commands.register(
      gezinId,
      { naam: body.naam, wijk: body.wijk ?? null, leden },
      context,
    );
    // A member may be a person already known (ADR 0016): the id says nothing about which.
    const ids = {
      gezinId,
      leden: leden.map(({ rol }, i) => ({ persoonId: result.persoonIds[i]!, rol })),
    };
    return new Written(ids, result, `/api/v1/gezinnen/${gezinId}`);
  }

  @Get(':gezinId')
  @ReadRoute({
    summary: 'A family: district, members, network, contact person, plan version',
    type: GezinResponse,
    answer: 'The family; ETag is its version',
    etag: true,
    personalData: true,
  })
  async get(
    @Param() { gezinId }: GezinIdParams,
    @Query() { minPosition }: ConsistencyQuery,
    @CurrentReader() reader: Reader,
  ): Promise<Versioned<GezinResponse>> {
    const gezin = await this.reads.ofFamily(reader, gezinId, 'gezin', minPosition, (toegang) =>
      this.gezinnen.gezin(gezinId, toegang),
    );
    return new Versioned(gezin, gezin.revision);
  }

  @Put(':gezinId/wijk')
  @WriteRoute({
    summary: 'Set the district (wijk) the family lives in, from a date',
    description: 'The contact person, or a team lead (of any family).',
    status: 200,
    ids: ['gezinId'],
    refusals: { 403: MAY_ONLY_READ, 422: 'The family already lives in this district' },
  })
  setWijk(
    @Param() { gezinId }: GezinIdParams,
    @Body() body: GezinWijkDto,
    @CommandMeta() context: RequestCommandContext,
  ): Promise<Written> {
    return this.send(gezinId, { type: 'SetGezinWijk', wijk: body.wijk, per: body.per }, context);
  }

  @Post(':gezinId/leden')
  @WriteRoute({
    summary: 'Add a member: a new person, or a known one (a youth of two households)',
    description:
      'Send `persoon` for a new person (one with exactly the BSN, names and birth date of a ' +
      'person already known is that person), or `persoonId` for a person already known: only the ' +
      'contact person of a family that person belongs to now may add them (to anyone else they ' +
      'do not exist: 404). A member from `vanaf`, today when left out.',
    status: 201,
    ids: ['gezinId', 'persoonId'],
    answer: 'Added; persoonId names the person',
    refusals: {
      400: 'Both or neither of persoon and persoonId, or an invalid field; `errors` names it',
      403: MAY_ONLY_READ,
      404: 'No such family, or you do not work with it; a persoonId you may not add',
      422: 'Already a member, a youth without birth date, a birth date in the future',
    },
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
    const persoonId = this.ids.newId(context, 'persoon', gezinId);
    const persoon = { persoonId, rol, gegevens: gegevens(body.persoon!) };
    const result = await this.commands.addNieuwLid(gezinId, persoon, vanaf, context);
    return new Written({ gezinId, persoonId: result.persoonIds[0]! }, result);
  }

  @Post(':gezinId/leden/:persoonId/einde')
  @WriteRoute({
    summary: 'A member leaves the household (the person and the history stay)',
    status: 201,
    ids: ['gezinId'],
    refusals: {
      403: MAY_ONLY_READ,
      404: 'No such family, or you do not work with it; or the person is not a member',
      422: 'The last youth, or goals in the plan for this person',
    },
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
  @WriteRoute({
    summary: "Correct a member's personal data, with a reason",
    description:
      'Replaces the data whole: a field left out (geboortedatum, bsn) is cleared. The data is ' +
      "in the person's own stream, so If-Match is not used; the answer's ETag and revision are " +
      "the family's, unchanged, and X-Log-Position is the correction's.",
    status: 200,
    ifMatch: 'none',
    ids: ['gezinId', 'persoonId'],
    answer: 'Corrected',
    refusals: {
      403: MAY_ONLY_READ,
      404: 'No such family, or you do not work with it; or the person is not a member',
      422: "A youth's birth date removed, or a birth date in the future",
    },
  })
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
  @WriteRoute({
    summary: "Add someone to the family's network (informal or formal)",
    description: 'informeel (family, neighbours) or formeel (a professional, with organisatie).',
    status: 201,
    ids: ['gezinId', 'betrokkeneId'],
    answer: 'Added; betrokkeneId names it',
    refusals: {
      403: MAY_ONLY_READ,
      422: 'A professional without organisatie, or tot before vanaf',
    },
  })
  addNetwerk(
    @Param() { gezinId }: GezinIdParams,
    @Body() body: NetwerkBetrokkeneDto,
    @CommandMeta() context: RequestCommandContext,
  ): Promise<Written> {
    const betrokkeneId = this.ids.newId(context, 'betrokkene', gezinId);
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
  @WriteRoute({
    summary: 'Someone in the network is no longer involved',
    status: 201,
    ids: ['gezinId'],
    refusals: {
      403: MAY_ONLY_READ,
      404: 'No such family, or you do not work with it; or not in its network',
      422: 'No longer involved already, or tot before they were involved',
    },
  })
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
  @ReadRoute({
    summary: "The family's timeline: what happened, when, by whom, in plain words",
    description:
      'Every event of the family and of its members (their persons and care), in plain Dutch. ' +
      "A member's events show in the families they belong to at that moment. A consultation " +
      "shows only once the family's contact person confirmed its link, with date, topics and " +
      'outcome. Kinds (soort): gezin, gezinslid, netwerk, contactpersoon, plan, consultatie, ' +
      'zorg; van and tot filter on the day (UTC) of wanneer.',
    type: TijdlijnResponse,
    answer: 'Oldest first',
    personalData: true,
  })
  async tijdlijn(
    @Param() { gezinId }: GezinIdParams,
    @Query() query: TijdlijnQuery,
    @CurrentReader() reader: Reader,
  ): Promise<TijdlijnResponse> {
    const items = await this.reads.ofFamily(reader, gezinId, 'tijdlijn', query.minPosition, () =>
      this.tijdlijnen.tijdlijn(gezinId, query),
    );
    return { gezinId, items };
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
