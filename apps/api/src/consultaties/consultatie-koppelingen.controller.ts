import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/access';
import { ConsultatiesQueries } from '@app/projections';
import { CommandMeta, RequestCommandContext } from '../common/command-context';
import { ConsistencyQuery } from '../common/dto';
import { Written } from '../common/http-results';
import { CurrentReader, PersonalDataReads, Reader } from '../common/personal-data-reads';
import { ReadRoute } from '../common/read-route';
import { WriteRoute, WriteRouteOptions } from '../common/write-route';
import { ConsultatieCommands, KoppelingBesluit } from './consultatie.commands';
import { AfwijzingDto, ConsultatieIdParams } from './dto/consultatie.dto';
import { VoorgesteldeKoppeling } from './dto/consultatie.responses';

/** What confirming and rejecting share: who may, If-Match, the answer, the refusals. */
const BESLUIT: Omit<WriteRouteOptions, 'summary' | 'description' | 'answer'> = {
  status: 200,
  ids: ['consultatieId'],
  refusals: {
    404: 'No such consultation, no link, or not to a family you coordinate',
    422: 'Decided so already, or the consultation was withdrawn',
  },
};

/**
 * The links practices asked for by BSN, for the contact person of the person's family: a worklist
 * of proposed links, and the decision on each. Only a confirmed link shows in the family's
 * timeline. For anyone without write access to a family of the linked person the link does not
 * exist (404); the practice never learns what was decided.
 */
@ApiTags('consultatie-koppelingen')
@Roles('contactpersoon')
@Controller()
export class ConsultatieKoppelingenController {
  constructor(
    private readonly commands: ConsultatieCommands,
    private readonly consultaties: ConsultatiesQueries,
    private readonly reads: PersonalDataReads,
  ) {}

  @Get('werklijsten/consultatie-koppelingen')
  @ReadRoute({
    summary: 'Proposed links of consultations to members of the families you coordinate',
    description:
      'A practice logged a consultation with consent and a BSN of a member of a family you ' +
      'write: confirm or reject the link. Once per family; withdrawn consultations are left out.',
    type: { items: VoorgesteldeKoppeling },
    answer: 'Oldest proposal first',
    personalData: true,
  })
  werklijst(@Query() { minPosition }: ConsistencyQuery, @CurrentReader() reader: Reader) {
    return this.reads.ofFamilies(reader, 'werklijst consultatie-koppelingen', minPosition, () =>
      this.consultaties.voorgesteldeKoppelingen(reader.principal.userId),
    );
  }

  @Post('consultaties/:consultatieId/koppeling/bevestiging')
  @WriteRoute({
    ...BESLUIT,
    summary:
      "Confirm that a consultation is about this member: it then shows in the family's timeline",
    description:
      'For the contact person (write access) of a family of the linked person, also after a ' +
      "rejection. Send the worklist item's revision as If-Match: a correction by the practice " +
      'in between (which may have matched another person) gives 409.',
    answer: "Confirmed; revision is the consultation's version (unchanged)",
  })
  confirm(
    @Param() { consultatieId }: ConsultatieIdParams,
    @CommandMeta() context: RequestCommandContext,
  ): Promise<Written> {
    return this.decide(consultatieId, { type: 'bevestigen' }, context);
  }

  @Post('consultaties/:consultatieId/koppeling/afwijzing')
  @WriteRoute({
    ...BESLUIT,
    summary: 'Reject the link: the consultation is not about this member or family',
    description:
      'For the contact person (write access) of a family of the linked person, also after a ' +
      'confirmation (the timeline then says the consultation is no longer linked). The reason ' +
      'is optional and never shown to the practice.',
    answer: "Rejected; revision is the consultation's version (unchanged)",
  })
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
