import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
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
import { ConsultatiesQueries, VoorgesteldeKoppeling } from '@app/projections';
import { CommandMeta, CorrelationId, RequestCommandContext } from '../common/command-context';
import { ConsistencyQuery } from '../common/dto';
import { IDEMPOTENCY_KEY_HEADER, IF_MATCH_HEADER } from '../common/headers';
import { Written } from '../common/http-results';
import { PersonalDataReads } from '../common/personal-data-reads';
import { ConsultatieCommands, KoppelingBesluit } from './consultatie.commands';
import { AfwijzingDto, ConsultatieIdParams } from './dto/consultatie.dto';

/**
 * The links practices asked for by BSN, for the contact person of the person's family: a worklist
 * of proposed links, and the decision on each. Only a confirmed link shows in the family's
 * timeline. For anyone without write access to a family of the linked person the link does not
 * exist (404); the practice never learns what was decided.
 */
@ApiTags('consultatie-koppelingen')
@ApiBearerAuth()
@Roles('contactpersoon')
@Controller()
export class ConsultatieKoppelingenController {
  constructor(
    private readonly commands: ConsultatieCommands,
    private readonly consultaties: ConsultatiesQueries,
    private readonly reads: PersonalDataReads,
  ) {}

  @Get('werklijsten/consultatie-koppelingen')
  @ApiOperation({
    summary: 'Proposed links of consultations to members of the families you coordinate',
    description:
      'A practice logged a consultation with consent and a BSN of a member of a family you ' +
      'write: confirm or reject the link. Once per family, oldest proposal first; withdrawn ' +
      'consultations are left out. Each family listed is recorded in its processing log.',
  })
  @ApiOkResponse({ description: 'Oldest proposal first' })
  async werklijst(
    @Query() { minPosition }: ConsistencyQuery,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<{ items: VoorgesteldeKoppeling[] }> {
    const items = await this.reads.ofFamilies(
      { principal, correlationId },
      'werklijst consultatie-koppelingen',
      minPosition,
      () => this.consultaties.voorgesteldeKoppelingen(principal.userId),
    );
    return { items };
  }

  @Post('consultaties/:consultatieId/koppeling/bevestiging')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Confirm that a consultation is about this member: it then shows in the family's timeline",
    description:
      'For the contact person (write access) of a family of the linked person. Send the ' +
      "worklist item's revision as If-Match: a correction by the practice in between gives 409.",
  })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiOkResponse({ description: "Confirmed; revision is the consultation's version (unchanged)" })
  @ApiNotFoundResponse({ description: 'No such consultation, no link, or not for your families' })
  @ApiConflictResponse({ description: 'The consultation changed since the version in If-Match' })
  @ApiUnprocessableEntityResponse({ description: 'Already confirmed, or withdrawn' })
  confirm(
    @Param() { consultatieId }: ConsultatieIdParams,
    @CommandMeta() context: RequestCommandContext,
  ): Promise<Written> {
    return this.decide(consultatieId, { type: 'bevestigen' }, context);
  }

  @Post('consultaties/:consultatieId/koppeling/afwijzing')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Reject the link: the consultation is not about this member or family',
    description:
      'For the contact person (write access) of a family of the linked person, also after a ' +
      'confirmation (the timeline then says the consultation is no longer linked). The reason ' +
      'is optional and never shown to the practice.',
  })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiOkResponse({ description: "Rejected; revision is the consultation's version (unchanged)" })
  @ApiNotFoundResponse({ description: 'No such consultation, no link, or not for your families' })
  @ApiConflictResponse({ description: 'The consultation changed since the version in If-Match' })
  @ApiUnprocessableEntityResponse({ description: 'Already rejected, or withdrawn' })
  reject(
    @Param() { consultatieId }: ConsultatieIdParams,
    @Body() { reden }: AfwijzingDto,
    @CommandMeta() context: RequestCommandContext,
  ): Promise<Written> {
    return this.decide(consultatieId, { type: 'afwijzen', reden: reden ?? null }, context);
  }

  private async decide(
    consultatieId: string,
    besluit: KoppelingBesluit,
    context: RequestCommandContext,
  ): Promise<Written> {
    const result = await this.commands.decideLink(consultatieId, besluit, context);
    return new Written({ consultatieId }, result);
  }
}
