import { Body, Controller, Get, HttpStatus, Param, Put, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/access';
import { Gezinsplan } from '@app/domain';
import { GezinnenQueries } from '@app/projections';
import { CommandMeta, RequestCommandContext } from '../common/command-context';
import { ConsistencyQuery, GezinIdParams } from '../common/dto';
import { Written } from '../common/http-results';
import { PROBLEM_TYPE_BASE, ProblemException } from '../common/problem';
import { CurrentReader, PersonalDataReads, Reader } from '../common/personal-data-reads';
import { ReadRoute } from '../common/read-route';
import { MAY_ONLY_READ, WriteRoute } from '../common/write-route';
import { GezinsplanDto, PlanVersieParams } from './dto/plan.dto';
import { PlanResponse, PlanVersiesResponse } from './dto/gezin.responses';
import { GezinCommands } from './gezin.commands';

/** One plan per family, versioned: every change is a whole new version with who, when and why. */
@ApiTags('gezinsplan')
@Roles('contactpersoon')
@ApiNotFoundResponse({
  description: 'No such family (or plan, or version), or you do not work with it',
})
@Controller('gezinnen/:gezinId/plan')
export class PlanController {
  constructor(
    private readonly commands: GezinCommands,
    private readonly gezinnen: GezinnenQueries,
    private readonly reads: PersonalDataReads,
  ) {}

  @Put()
  @WriteRoute({
    summary: 'Write the plan: the first version, or a new one with a reason',
    description:
      'Every write is the whole plan as a new version, with who, when and why (reden, required ' +
      'after the first). The same plan again writes nothing (position null). If-Match is ' +
      'required, so two people editing the same version cannot overwrite each other.',
    status: 200,
    ifMatch: 'required',
    ids: ['gezinId'],
    answer: 'Written; ETag is the family’s new version',
    refusals: {
      403: MAY_ONLY_READ,
      422:
        'No reason for a change, a goal for someone who is not a member, a doelId or ' +
        'afspraakId twice, an agreement for a goal not in the plan, a consent ' +
        '(toestemming.vastgelegdOp) in the future',
    },
  })
  async write(
    @Param() { gezinId }: GezinIdParams,
    @Body() body: GezinsplanDto,
    @CommandMeta() context: RequestCommandContext,
  ): Promise<Written> {
    if (context.expectedRevision === undefined) {
      throw new ProblemException({
        type: `${PROBLEM_TYPE_BASE}precondition-required`,
        title: 'If-Match required',
        status: HttpStatus.PRECONDITION_REQUIRED,
        detail:
          'Send the ETag of the family you read in If-Match, so no one overwrites a change unseen.',
        errors: [{ field: 'If-Match', in: 'header', messages: ['is required to change the plan'] }],
      });
    }
    const { reden, ...content } = body;
    const plan: Gezinsplan = {
      hulpvraag: content.hulpvraag,
      doelen: content.doelen.map((d) => ({
        doelId: d.doelId,
        leefgebied: d.leefgebied,
        persoonId: d.persoonId ?? null,
        omschrijving: d.omschrijving,
      })),
      afspraken: content.afspraken.map((a) => ({
        afspraakId: a.afspraakId,
        wie: a.wie,
        wat: a.wat,
        uiterlijk: a.uiterlijk,
        status: a.status,
        doelId: a.doelId ?? null,
      })),
      evaluatiedatum: content.evaluatiedatum,
      toestemming: {
        delen: content.toestemming.delen,
        vastgelegdOp: content.toestemming.vastgelegdOp,
        toelichting: content.toestemming.toelichting ?? null,
      },
    };
    const command = { type: 'WriteGezinsplan' as const, plan, reden: reden ?? null };
    return new Written({ gezinId }, await this.commands.gezin(gezinId, command, context));
  }

  @Get()
  @ReadRoute({
    summary: 'The current plan',
    type: PlanResponse,
    answer: 'The latest version, whole',
    personalData: true,
  })
  current(
    @Param() { gezinId }: GezinIdParams,
    @Query() { minPosition }: ConsistencyQuery,
    @CurrentReader() reader: Reader,
  ): Promise<PlanResponse> {
    return this.reads.ofFamily(reader, gezinId, 'gezinsplan', minPosition, () =>
      this.gezinnen.plan(gezinId),
    );
  }

  @Get('versies')
  @ReadRoute({
    summary: 'Every version of the plan: when, by whom, why',
    type: PlanVersiesResponse,
    answer: 'In order, without the content',
    personalData: true,
  })
  async versies(
    @Param() { gezinId }: GezinIdParams,
    @Query() { minPosition }: ConsistencyQuery,
    @CurrentReader() reader: Reader,
  ): Promise<PlanVersiesResponse> {
    const versies = await this.reads.ofFamily(reader, gezinId, 'gezinsplan', minPosition, () =>
      this.gezinnen.planVersies(gezinId),
    );
    return { gezinId, versies };
  }

  @Get('versies/:versie')
  @ReadRoute({
    summary: 'One earlier version of the plan, whole',
    type: PlanResponse,
    answer: 'That version as it was written',
    personalData: true,
  })
  versie(
    @Param() { gezinId, versie }: PlanVersieParams,
    @Query() { minPosition }: ConsistencyQuery,
    @CurrentReader() reader: Reader,
  ): Promise<PlanResponse> {
    return this.reads.ofFamily(reader, gezinId, 'gezinsplan', minPosition, () =>
      this.gezinnen.plan(gezinId, versie),
    );
  }
}
