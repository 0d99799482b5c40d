import { Body, Controller, Get, Inject, Param, Post, Put, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/access';
import { kalenderdatum } from '@app/domain';
import { VerhalenQueries } from '@app/projections';
import { CommandMeta, Ids, RequestCommandContext } from '../common/command-context';
import { ConsistencyQuery, GezinIdParams } from '../common/dto';
import { Written } from '../common/http-results';
import { CurrentReader, PersonalDataReads, Reader } from '../common/personal-data-reads';
import { ReadRoute } from '../common/read-route';
import { WriteRoute } from '../common/write-route';
import { CLOCK, Clock } from '../infrastructure/tokens';
import { ToestemmingDto, VerhaalDto, VerhaalParams, VrijgaveDto } from './dto/verhaal.dto';
import { VerhaalResponse } from './dto/verhaal.responses';
import { VerhaalCommands } from './verhaal.commands';

/** The 403 of a story or judgement for someone who works with the family but does not coordinate it. */
export const NOT_THE_CONTACT_PERSON =
  "Only the family's contact person records them (you may read the family, or registered it " +
  'before its first contact person)';

/**
 * The stories (verhalen) of a family: what youths, parents and professionals say about the help,
 * in their own words, with what the teller agreed to. Recorded by the family's contact person;
 * released for the monitoring only by a second person.
 */
@ApiTags('verhalen')
@Roles('contactpersoon')
@ApiNotFoundResponse({
  description: 'No such family (or story), or you do not work with it',
})
@Controller('gezinnen/:gezinId/verhalen')
export class VerhalenController {
  constructor(
    private readonly commands: VerhaalCommands,
    private readonly verhalen: VerhalenQueries,
    private readonly reads: PersonalDataReads,
    private readonly ids: Ids,
    @Inject(CLOCK) private readonly now: Clock,
  ) {}

  @Post()
  @WriteRoute({
    summary: 'Record a story, in the teller’s own words, with their consent',
    description:
      'By the family’s contact person. The member must belong to the family, the assignment ' +
      'must be one of a member’s, each theme must be known and active in the programme, a ' +
      'professional tells with their organisation; the date is not in the future nor before 1900.',
    status: 201,
    ifMatch: 'none',
    ids: ['gezinId', 'verhaalId'],
    answer: 'Recorded; verhaalId names it',
    refusals: {
      403: NOT_THE_CONTACT_PERSON,
      404: 'No such family, or you do not work with it',
      422: 'A member, assignment or theme that is not the family’s or not active, a professional without organisation, a date in the future or before 1900',
    },
  })
  async record(
    @Param() { gezinId }: GezinIdParams,
    @Body() body: VerhaalDto,
    @CommandMeta() context: RequestCommandContext,
  ): Promise<Written> {
    const verhaalId = this.ids.newId(context, 'verhaal', gezinId);
    const result = await this.commands.verhaal(
      gezinId,
      verhaalId,
      {
        type: 'RecordVerhaal',
        persoonId: body.persoonId ?? null,
        toewijzingId: body.toewijzingId ?? null,
        verteller: { soort: body.verteller.soort, organisatie: body.verteller.organisatie ?? null },
        datum: body.datum,
        tekst: body.tekst,
        themaIds: body.themaIds,
        toestemming: body.toestemming,
      },
      context,
    );
    return new Written({ gezinId, verhaalId }, result);
  }

  @Get()
  @ReadRoute({
    summary: 'The family’s stories, with their consent and release',
    description: 'For whoever works with the family (reads too).',
    type: { items: VerhaalResponse },
    answer: 'The latest told first',
    personalData: true,
  })
  async list(
    @Param() { gezinId }: GezinIdParams,
    @Query() { minPosition }: ConsistencyQuery,
    @CurrentReader() reader: Reader,
  ): Promise<{ items: VerhaalResponse[] }> {
    const items = await this.reads.ofFamily(reader, gezinId, 'verhalen', minPosition, () =>
      this.verhalen.verhalen(gezinId),
    );
    return { items };
  }

  @Put(':verhaalId/toestemming')
  @WriteRoute({
    summary: 'Change what the teller agrees to; dossier withdraws the story from the monitoring',
    description:
      'By the family’s contact person. A withdrawal (dossier) takes the story out of every ' +
      'monitoring view at once and ends its release: consented again, it needs a new release. ' +
      'The same consent again writes nothing (position null).',
    status: 200,
    ids: ['gezinId', 'verhaalId'],
    refusals: {
      403: NOT_THE_CONTACT_PERSON,
      404: 'No such family or story, or you do not work with the family',
      422: 'A date in the future, before 1900, or before the story was told',
    },
  })
  async toestemming(
    @Param() { gezinId, verhaalId }: VerhaalParams,
    @Body() body: ToestemmingDto,
    @CommandMeta() context: RequestCommandContext,
  ): Promise<Written> {
    const result = await this.commands.verhaal(
      gezinId,
      verhaalId,
      {
        type: 'ChangeVerhaalToestemming',
        toestemming: body.toestemming,
        datum: body.datum ?? kalenderdatum(this.now()),
      },
      context,
    );
    return new Written({ gezinId, verhaalId }, result);
  }

  @Post(':verhaalId/vrijgave')
  @WriteRoute({
    summary: 'Release a story for the monitoring, as a second person, with the text as checked',
    description:
      'By a team lead, or another contact person who works with the family; never by the one ' +
      'who recorded it. Only a story whose consent allows the monitoring, once per consent: ' +
      'after a withdrawal it needs a new release.',
    status: 200,
    ids: ['gezinId', 'verhaalId'],
    refusals: {
      403: 'You recorded the story yourself: a second person releases it',
      404: 'No such family or story, or you do not work with the family and are no team lead',
      422: 'The consent is for the family’s file only, or the story is released already',
    },
  })
  async vrijgave(
    @Param() { gezinId, verhaalId }: VerhaalParams,
    @Body() body: VrijgaveDto,
    @CommandMeta() context: RequestCommandContext,
  ): Promise<Written> {
    const result = await this.commands.verhaal(
      gezinId,
      verhaalId,
      { type: 'ReleaseVerhaal', tekst: body.tekst },
      context,
    );
    return new Written({ gezinId, verhaalId }, result);
  }
}
