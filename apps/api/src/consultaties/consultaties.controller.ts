import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@app/access';
import { CONSULTATIE_NIET_GEVONDEN, NotFound } from '@app/domain';
import { ConsultatieDetail, ConsultatiesQueries, PraktijkenQueries } from '@app/projections';
import {
  CommandMeta,
  CorrelationId,
  RequestCommandContext,
  newId,
} from '../common/command-context';
import { ConsistencyQuery } from '../common/dto';
import { IDEMPOTENCY_KEY_HEADER, IF_MATCH_HEADER } from '../common/headers';
import { Versioned, Written } from '../common/http-results';
import { PersonalDataReads } from '../common/personal-data-reads';
import { ConsultatieCommands } from './consultatie.commands';
import {
  ConsultatieIdParams,
  CorrectConsultatieDto,
  LogConsultatieDto,
  WithdrawConsultatieDto,
} from './dto/consultatie.dto';

/**
 * Consultations logged by the JPH and GP staff of a practice, for their own practice only: anyone
 * else gets 404, as for a consultation that does not exist. Without consent a consultation holds
 * nothing that leads back to a person: it is counted, never traced. With consent the practice may
 * ask for a link by BSN, but never learns whether the BSN was known nor reads a link back.
 * Policy staff never read one.
 */
@ApiTags('consultaties')
@ApiBearerAuth()
@Roles('jph', 'huisarts')
@ApiNotFoundResponse({ description: 'No such consultation or practice, or not yours' })
@Controller('consultaties')
export class ConsultatiesController {
  constructor(
    private readonly commands: ConsultatieCommands,
    private readonly consultaties: ConsultatiesQueries,
    private readonly praktijken: PraktijkenQueries,
    private readonly reads: PersonalDataReads,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Log a consultation for your own practice',
    description:
      'Without toestemming, a body with bsn, naam or geboortedatum is refused (422). With ' +
      'consent a bsn asks for a link: the answer is the same whether or not the municipality ' +
      "knows the person; a known person's link is proposed to the family's contact person and " +
      'never shown to the practice. Each BSN lookup is counted (at most BSN_OPVRAGINGEN_PER_UUR ' +
      'per user per hour, then 429 with Retry-After) and logged; the BSN is not stored.',
  })
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiCreatedResponse({ description: 'Logged; Location, ETag and X-Log-Position are set' })
  @ApiUnprocessableEntityResponse({
    description:
      'Traceable data without consent, a BSN that fails the eleven-test, a date in the future',
  })
  @ApiTooManyRequestsResponse({
    description: 'Too many BSN lookups in the last hour; Retry-After says when to try again',
  })
  async log(
    @Body() body: LogConsultatieDto,
    @CommandMeta() context: RequestCommandContext,
  ): Promise<Written> {
    const consultatieId = newId(context, 'consultatie');
    const result = await this.commands.log(consultatieId, body, context);
    return new Written({ consultatieId }, result, `/api/v1/consultaties/${consultatieId}`);
  }

  @Get(':consultatieId')
  @ApiOperation({ summary: 'One consultation of your practice, with its corrections' })
  @ApiOkResponse({ description: 'The consultation; ETag is its version' })
  async get(
    @Param() { consultatieId }: ConsultatieIdParams,
    @Query() { minPosition }: ConsistencyQuery,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<Versioned<ConsultatieDetail>> {
    const consultatie = await this.reads.withFamilies(
      { principal, correlationId },
      'consultatie',
      minPosition,
      () => {
        // A practice's own consultations only; of another practice it does not exist (404).
        const praktijkId = this.praktijken.praktijkVan(principal.userId);
        const result = this.consultaties.consultatie(consultatieId);
        if (!result || praktijkId === null || result.praktijkId !== praktijkId) {
          throw new NotFound(CONSULTATIE_NIET_GEVONDEN);
        }
        return { result, gezinIds: this.consultaties.gezinnenVan([consultatieId]) };
      },
    );
    return new Versioned(consultatie, consultatie.revision);
  }

  @Post(':consultatieId/correcties')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Correct a consultation: the whole content again, with a reason',
    description:
      'Anyone of the same practice may correct; a withdrawn consultation cannot be. With ' +
      'consent, a bsn asks for the link again (it is looked up, counted and logged as when ' +
      'logging); without a bsn the link asked for before is kept; without consent it is dropped.',
  })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiOkResponse({ description: 'Corrected (nothing when nothing changed)' })
  @ApiConflictResponse({ description: 'The consultation changed since the version in If-Match' })
  @ApiUnprocessableEntityResponse({ description: 'Withdrawn, or a rule of logging refused it' })
  @ApiTooManyRequestsResponse({ description: 'Too many BSN lookups in the last hour' })
  async correct(
    @Param() { consultatieId }: ConsultatieIdParams,
    @Body() body: CorrectConsultatieDto,
    @CommandMeta() context: RequestCommandContext,
  ): Promise<Written> {
    const result = await this.commands.correct(consultatieId, body, context);
    return new Written({ consultatieId }, result);
  }

  @Post(':consultatieId/intrekking')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw a consultation, with a reason; it no longer counts' })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ description: 'Withdrawn' })
  @ApiUnprocessableEntityResponse({ description: 'Already withdrawn' })
  async withdraw(
    @Param() { consultatieId }: ConsultatieIdParams,
    @Body() { reden }: WithdrawConsultatieDto,
    @CommandMeta() context: RequestCommandContext,
  ): Promise<Written> {
    const result = await this.commands.withdraw(consultatieId, reden, context);
    return new Written({ consultatieId }, result);
  }
}
