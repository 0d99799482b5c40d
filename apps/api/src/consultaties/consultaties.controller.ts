import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/access';
import { CONSULTATIE_NIET_GEVONDEN, NotFound } from '@app/domain';
import { ConsultatieDetail, ConsultatiesQueries, PraktijkenQueries } from '@app/projections';
import { CommandMeta, Ids, RequestCommandContext } from '../common/command-context';
import { ConsistencyQuery } from '../common/dto';
import { Versioned, Written } from '../common/http-results';
import { CurrentReader, PersonalDataReads, Reader } from '../common/personal-data-reads';
import { ReadRoute } from '../common/read-route';
import { WriteRoute } from '../common/write-route';
import { ConsultatieCommands } from './consultatie.commands';
import {
  ConsultatieIdParams,
  CorrectConsultatieDto,
  LogConsultatieDto,
  WithdrawConsultatieDto,
} from './dto/consultatie.dto';
import { ConsultatieResponse } from './dto/consultatie.responses';

const TOO_MANY_LOOKUPS =
  'More than BSN_OPVRAGINGEN_PER_UUR BSN lookups in the last 60 minutes; Retry-After says when ' +
  'one is allowed again. Nothing was written';

/**
 * Consultations logged by the JPH and GP staff of a practice, for their own practice only: anyone
 * else gets 404, as for a consultation that does not exist. Without consent a consultation holds
 * nothing that leads back to a person: it is counted, never traced. With consent the practice may
 * ask for a link by BSN, but never learns whether the BSN was known nor reads a link back.
 * Policy staff never read one.
 */
@ApiTags('consultaties')
@Roles('jph', 'huisarts')
@ApiNotFoundResponse({ description: 'No such consultation or practice, or not yours' })
@Controller('consultaties')
export class ConsultatiesController {
  constructor(
    private readonly commands: ConsultatieCommands,
    private readonly ids: Ids,
    private readonly consultaties: ConsultatiesQueries,
    private readonly praktijken: PraktijkenQueries,
    private readonly reads: PersonalDataReads,
  ) {}

  @Post()
  @WriteRoute({
    summary: 'Log a consultation for your own practice',
    description:
      'Without toestemming, a body with bsn, naam or geboortedatum is refused (422). With ' +
      'consent a bsn asks for a link: the answer is the same whether or not the municipality ' +
      "knows the person; a known person's link is proposed to the family's contact person and " +
      'never shown to the practice. Each BSN in an accepted request is one lookup, counted (at ' +
      'most BSN_OPVRAGINGEN_PER_UUR per user in any 60 minutes) and logged; the BSN is not ' +
      'stored. A refused request, or a retry with the same Idempotency-Key, looks nothing up.',
    status: 201,
    ifMatch: 'none',
    ids: ['consultatieId'],
    location: true,
    answer: 'Logged',
    refusals: {
      422:
        'Traceable data without consent, a name or birth date (never accepted), a BSN in the ' +
        'notes, a BSN that fails the eleven-test, a date in the future, a follow-up not after ' +
        'the date, no topic or one twice, overig without notes',
      429: TOO_MANY_LOOKUPS,
    },
  })
  async log(
    @Body() body: LogConsultatieDto,
    @CommandMeta() context: RequestCommandContext,
  ): Promise<Written> {
    const consultatieId = this.ids.newId(context, 'consultatie');
    const result = await this.commands.log(consultatieId, body, context);
    return new Written({ consultatieId }, result, `/api/v1/consultaties/${consultatieId}`);
  }

  @Get(':consultatieId')
  @ReadRoute({
    summary: 'One consultation of your practice, with its corrections',
    description:
      'As the practice sees it: koppelingGevraagd, never the link or what became of it. A read ' +
      'of one whose link was confirmed is recorded in the processing log of the families of ' +
      'the link.',
    type: ConsultatieResponse,
    answer: 'The consultation; ETag is its version',
    etag: true,
  })
  async get(
    @Param() { consultatieId }: ConsultatieIdParams,
    @Query() { minPosition }: ConsistencyQuery,
    @CurrentReader() reader: Reader,
  ): Promise<Versioned<ConsultatieDetail>> {
    const consultatie = await this.reads.withFamilies(reader, 'consultatie', minPosition, () => {
      // A practice's own consultations only; of another practice it does not exist (404).
      const praktijkId = this.praktijken.praktijkVan(reader.principal.userId);
      const result = this.consultaties.consultatie(consultatieId);
      if (!result || praktijkId === null || result.praktijkId !== praktijkId) {
        throw new NotFound(CONSULTATIE_NIET_GEVONDEN);
      }
      return { result, gezinIds: this.consultaties.gezinnenVan([consultatieId]) };
    });
    return new Versioned(consultatie, consultatie.revision);
  }

  @Post(':consultatieId/correcties')
  @WriteRoute({
    summary: 'Correct a consultation: the whole content again, with a reason',
    description:
      'Anyone of the same practice may correct; a withdrawn consultation cannot be. With ' +
      'consent, a bsn asks for the link again (looked up, counted and logged as when logging): ' +
      'the same person keeps the decision on the link, another is proposed anew, an unknown BSN ' +
      'leaves no link. With consent and no bsn the link stays; without consent it is dropped. ' +
      'A contact person deciding on the link with the older version in If-Match then gets 409.',
    status: 200,
    ids: ['consultatieId'],
    answer: 'Corrected (nothing when nothing changed: position null)',
    refusals: {
      422: 'Withdrawn, or a rule of logging refused it',
      429: TOO_MANY_LOOKUPS,
    },
  })
  async correct(
    @Param() { consultatieId }: ConsultatieIdParams,
    @Body() body: CorrectConsultatieDto,
    @CommandMeta() context: RequestCommandContext,
  ): Promise<Written> {
    const result = await this.commands.correct(consultatieId, body, context);
    return new Written({ consultatieId }, result);
  }

  @Post(':consultatieId/intrekking')
  @WriteRoute({
    summary: 'Withdraw a consultation, with a reason; it no longer counts',
    description:
      'It leaves the figures and the practice’s follow-ups, its link leaves the contact ' +
      'person’s worklist and can no longer be decided; where the link was confirmed, the ' +
      'family’s timeline says it was withdrawn. The practice still reads it, marked ingetrokken.',
    status: 200,
    ids: ['consultatieId'],
    answer: 'Withdrawn',
    refusals: { 422: 'Already withdrawn' },
  })
  async withdraw(
    @Param() { consultatieId }: ConsultatieIdParams,
    @Body() { reden }: WithdrawConsultatieDto,
    @CommandMeta() context: RequestCommandContext,
  ): Promise<Written> {
    const result = await this.commands.withdraw(consultatieId, reden, context);
    return new Written({ consultatieId }, result);
  }
}
