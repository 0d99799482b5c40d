import { Body, Controller, Get, HttpStatus, Param, Put, Query } from '@nestjs/common';
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
import { CurrentPrincipal, Principal, Roles } from '@app/access';
import { GEZIN_NIET_GEVONDEN, Gezinsplan, NotFound } from '@app/domain';
import { GezinnenQueries, PlanVersieView, ToegangQueries } from '@app/projections';
import { CommandMeta, CorrelationId, RequestCommandContext } from '../common/command-context';
import { ConsistencyQuery, GezinIdParams } from '../common/dto';
import { REQUIRED_IF_MATCH_HEADER } from '../common/headers';
import { Written } from '../common/http-results';
import { PROBLEM_TYPE_BASE, ProblemException } from '../common/problem';
import { PersonalDataReads } from '../common/personal-data-reads';
import { GezinsplanDto, PlanVersieParams } from './dto/plan.dto';
import { GezinCommands } from './gezin.commands';

/** One plan per family, versioned: every change is a whole new version with who, when and why. */
@ApiTags('gezinsplan')
@ApiBearerAuth()
@Roles('contactpersoon')
@ApiNotFoundResponse({ description: 'No such family (or version), or you do not work with it' })
@Controller('gezinnen/:gezinId/plan')
export class PlanController {
  constructor(
    private readonly commands: GezinCommands,
    private readonly gezinnen: GezinnenQueries,
    private readonly toegang: ToegangQueries,
    private readonly reads: PersonalDataReads,
  ) {}

  @Put()
  @ApiOperation({
    summary: 'Write the plan: the first version, or a new one with a reason',
    description:
      'If-Match is required, so two people editing the same version cannot overwrite each other.',
  })
  @ApiHeader(REQUIRED_IF_MATCH_HEADER)
  @ApiOkResponse({ description: 'Written; ETag is the family’s new version' })
  @ApiConflictResponse({ description: 'The family changed since the version in If-Match' })
  @ApiUnprocessableEntityResponse({
    description: 'No reason for a change, or goals for a non-member',
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
  @ApiOperation({ summary: 'The current plan' })
  @ApiOkResponse({ description: 'The latest version, whole' })
  current(
    @Param() { gezinId }: GezinIdParams,
    @Query() { minPosition }: ConsistencyQuery,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ) {
    return this.read(gezinId, principal, correlationId, minPosition, () =>
      this.gezinnen.plan(gezinId),
    );
  }

  @Get('versies')
  @ApiOperation({ summary: 'Every version of the plan: when, by whom, why' })
  @ApiOkResponse({ description: 'In order, without the content' })
  async versies(
    @Param() { gezinId }: GezinIdParams,
    @Query() { minPosition }: ConsistencyQuery,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<{ gezinId: string; versies: PlanVersieView[] }> {
    const versies = await this.read(gezinId, principal, correlationId, minPosition, () =>
      this.gezinnen.planVersies(gezinId),
    );
    return { gezinId, versies };
  }

  @Get('versies/:versie')
  @ApiOperation({ summary: 'One earlier version of the plan, whole' })
  @ApiOkResponse({ description: 'That version as it was written' })
  versie(
    @Param() { gezinId, versie }: PlanVersieParams,
    @Query() { minPosition }: ConsistencyQuery,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ) {
    return this.read(gezinId, principal, correlationId, minPosition, () =>
      this.gezinnen.plan(gezinId, versie),
    );
  }

  private read<T>(
    gezinId: string,
    principal: Principal,
    correlationId: string,
    minPosition: string | undefined,
    query: () => T,
  ): Promise<T> {
    return this.reads.ofFamily(
      { principal, correlationId },
      gezinId,
      'gezinsplan',
      minPosition,
      () => {
        // Need-to-know: someone not involved gets the same 404 as for no such family.
        if (this.toegang.totGezin(gezinId, principal.userId) === 'geen') {
          throw new NotFound(GEZIN_NIET_GEVONDEN);
        }
        return query();
      },
    );
  }
}
