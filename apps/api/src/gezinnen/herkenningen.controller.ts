import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/access';
import { magBeslissenOverHerkenning } from '@app/domain';
import { GezinnenQueries, ToegangQueries } from '@app/projections';
import { CommandMeta, RequestCommandContext } from '../common/command-context';
import { ConsistencyQuery } from '../common/dto';
import { Written } from '../common/http-results';
import { CurrentReader, PersonalDataReads, Reader } from '../common/personal-data-reads';
import { ReadRoute } from '../common/read-route';
import { WriteRoute, WriteRouteOptions } from '../common/write-route';
import { HerkenningAfwijzingDto, HerkenningParams } from './dto/gezin.dto';
import { TeBevestigenLid } from './dto/gezin.responses';
import { GezinCommands, HerkenningBesluit } from './gezin.commands';

/** What confirming and rejecting share: who may, the answer, the refusals. */
const BESLUIT: Omit<WriteRouteOptions, 'summary' | 'description' | 'answer'> = {
  status: 200,
  ifMatch: 'none',
  ids: ['persoonId', 'gezinId'],
  refusals: {
    404:
      'No such person, not recognised in this family, or you do not decide on it (you do not ' +
      'write another, confirmed family of the person, or you registered this one)',
    422: 'Decided already',
  },
};

const WIE =
  'For the contact person (write access) of another family the person is a confirmed member ' +
  'of; when none of those has a contact person, for a team lead (teamleider). Never through ' +
  'the family decided on: to its registrant the recognition does not exist (404).';

/**
 * A new member registered with exactly a known person's BSN, names and birth date is that person
 * (ADR 0016), but their care history shows through the new family only once someone of another
 * family of the person confirmed it: a worklist of those waiting, and the decision on each.
 */
@ApiTags('herkenningen')
@Roles('contactpersoon')
@Controller()
export class HerkenningenController {
  constructor(
    private readonly commands: GezinCommands,
    private readonly gezinnen: GezinnenQueries,
    private readonly toegang: ToegangQueries,
    private readonly reads: PersonalDataReads,
  ) {}

  @Get('werklijsten/te-bevestigen-leden')
  @ReadRoute({
    summary: 'Members of your families recognised by another family, to confirm or reject',
    description:
      'Another family registered a new member with exactly the BSN, names and birth date of a ' +
      'member of a family you coordinate: until you confirm, that family sees none of the ' +
      "person's care from before. Team leads also see those whose other families have no " +
      'contact person. Each item is logged as a read of the person under their families.',
    type: { items: TeBevestigenLid },
    answer: 'Oldest recognition first',
    personalData: true,
  })
  werklijst(@Query() { minPosition }: ConsistencyQuery, @CurrentReader() reader: Reader) {
    const { userId, teamleider } = reader.principal;
    return this.reads.ofPersons(reader, 'werklijst te-bevestigen-leden', minPosition, () =>
      this.gezinnen
        .teBevestigenLeden()
        .filter((lid) =>
          magBeslissenOverHerkenning(
            lid.gezinId,
            this.toegang.herkenningBeoordelaar(lid.persoonId, userId, teamleider),
          ),
        ),
    );
  }

  @Post('personen/:persoonId/herkenningen/:gezinId/bevestiging')
  @WriteRoute({
    ...BESLUIT,
    summary: "Confirm that the family's recognised member is this person: their care then shows",
    description: `${WIE} The family then reads the person's whole care dossier.`,
    answer: "Confirmed; revision is the person's version",
  })
  confirm(
    @Param() { persoonId, gezinId }: HerkenningParams,
    @CommandMeta() context: RequestCommandContext,
  ): Promise<Written> {
    return this.decide(persoonId, gezinId, { type: 'bevestigen' }, context);
  }

  @Post('personen/:persoonId/herkenningen/:gezinId/afwijzing')
  @WriteRoute({
    ...BESLUIT,
    summary: 'Reject it: the member stays, their care from before stays hidden from the family',
    description:
      `${WIE} Taking the member out would tell the registrant the child was known, so the ` +
      'membership stays; the reason is never shown to the family.',
    answer: "Rejected; revision is the person's version",
  })
  reject(
    @Param() { persoonId, gezinId }: HerkenningParams,
    @Body() { reden }: HerkenningAfwijzingDto,
    @CommandMeta() context: RequestCommandContext,
  ): Promise<Written> {
    return this.decide(persoonId, gezinId, { type: 'afwijzen', reden }, context);
  }

  private async decide(
    persoonId: string,
    gezinId: string,
    besluit: HerkenningBesluit,
    context: RequestCommandContext,
  ): Promise<Written> {
    const result = await this.commands.decideHerkenning(persoonId, gezinId, besluit, context);
    return new Written({ persoonId, gezinId }, result);
  }
}
