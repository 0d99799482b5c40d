import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/access';
import { VerhalenQueries } from '@app/projections';
import { CommandMeta, Ids, RequestCommandContext } from '../common/command-context';
import { ConsistencyQuery, GezinIdParams } from '../common/dto';
import { Written } from '../common/http-results';
import { CurrentReader, PersonalDataReads, Reader } from '../common/personal-data-reads';
import { ReadRoute } from '../common/read-route';
import { WriteRoute } from '../common/write-route';
import { OordelenDto } from './dto/verhaal.dto';
import { OordelenResponse } from './dto/verhaal.responses';
import { VerhaalCommands } from './verhaal.commands';
import { NOT_THE_CONTACT_PERSON } from './verhalen.controller';

/**
 * Judgements (oordelen) of a family: at a plan evaluation or at the end of an assignment, the
 * youth, the parent(s) and the professional say whether the help request was answered, how much
 * they were in charge, and how far each goal of the plan came.
 */
@ApiTags('verhalen')
@Roles('contactpersoon')
@ApiNotFoundResponse({ description: 'No such family, or you do not work with it' })
@Controller('gezinnen/:gezinId/oordelen')
export class OordelenController {
  constructor(
    private readonly commands: VerhaalCommands,
    private readonly verhalen: VerhalenQueries,
    private readonly reads: PersonalDataReads,
    private readonly ids: Ids,
  ) {}

  @Post()
  @WriteRoute({
    summary: 'Record the judgements of a plan evaluation or of the end of an assignment',
    description:
      'By the family’s contact person. Per teller: hulpvraagBeantwoord (ja, deels, nee), regie ' +
      '(1-5) and progress per goal of the plan (-2 to +2); niet-gevraagd and ' +
      'wil-niet-antwoorden are answers too. At most one judgement per youth and per parent of ' +
      'the family, one of the professional.',
    status: 201,
    ifMatch: 'none',
    ids: ['gezinId', 'oordeelId'],
    answer: 'Recorded; oordeelId names them',
    refusals: {
      403: NOT_THE_CONTACT_PERSON,
      404: 'No such family, or you do not work with it',
      422: 'A plan version that does not exist, an assignment not of a member, a goal not in the plan (or twice), more judgements of youths or parents than the family has, a date in the future or before 1900',
    },
  })
  async record(
    @Param() { gezinId }: GezinIdParams,
    @Body() body: OordelenDto,
    @CommandMeta() context: RequestCommandContext,
  ): Promise<Written> {
    const oordeelId = this.ids.newId(context, 'oordeel', gezinId);
    const { aanleiding } = body;
    const result = await this.commands.oordelen(
      gezinId,
      oordeelId,
      {
        aanleiding:
          aanleiding.soort === 'evaluatie'
            ? { soort: 'evaluatie', planVersie: aanleiding.planVersie! }
            : { soort: 'einde-toewijzing', toewijzingId: aanleiding.toewijzingId! },
        datum: body.datum,
        oordelen: body.oordelen.map((o) => ({
          door: o.door,
          hulpvraagBeantwoord: o.hulpvraagBeantwoord,
          regie: o.regie,
          voortgang: o.voortgang.map((v) => ({ doelId: v.doelId, score: v.score })),
        })),
      },
      context,
    );
    return new Written({ gezinId, oordeelId }, result);
  }

  @Get()
  @ReadRoute({
    summary: 'The family’s judgements',
    description: 'For whoever works with the family (reads too).',
    type: { items: OordelenResponse },
    answer: 'The latest first',
    personalData: true,
  })
  async list(
    @Param() { gezinId }: GezinIdParams,
    @Query() { minPosition }: ConsistencyQuery,
    @CurrentReader() reader: Reader,
  ): Promise<{ items: OordelenResponse[] }> {
    const items = await this.reads.ofFamily(reader, gezinId, 'oordelen', minPosition, () =>
      this.verhalen.oordelen(gezinId),
    );
    return { items };
  }
}
