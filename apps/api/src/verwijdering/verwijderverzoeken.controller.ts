import { Body, Controller, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/access';
import { Besluit } from '@app/domain';
import { CommandMeta, Ids, RequestCommandContext } from '../common/command-context';
import { Written } from '../common/http-results';
import { WriteRoute } from '../common/write-route';
import { DecideVerwijderverzoekDto } from './dto/verwijderverzoek.dto';
import { VerwijderingCommands } from './verwijdering.commands';

/**
 * Requests to destroy a file (Jeugdwet 7.3.9, AVG art. 17), decided by application management
 * (beheer): the role that keeps the processing log and reference data and sees no case content.
 */
@ApiTags('beheer')
@Roles('beheer')
@Controller('beheer/verwijderverzoeken')
export class VerwijderverzoekenController {
  constructor(
    private readonly commands: VerwijderingCommands,
    private readonly ids: Ids,
  ) {}

  @Post()
  @WriteRoute({
    summary: 'Record the decision on a request to destroy a person’s or a family’s data',
    description:
      'Granted: the data key of the file is destroyed and every read model is rebuilt before ' +
      'the answer; the person’s (or family’s) data then reads "gegevens verwijderd" (a BSN or ' +
      'birth date: null) everywhere, backups of the log included, while timelines keep their ' +
      'entries and the monitoring its counts. Refused: with the legal ground and an ' +
      'explanation. One decision per request; nothing new can be written about an erased file ' +
      '(410 Gone on every later write about it).',
    status: 201,
    ifMatch: 'none',
    ids: ['verzoekId'],
    answer: 'Decided; the body also names the decision (besluit)',
    location: true,
    refusals: {
      404: 'No person or family with this id',
      422: 'A decision in the future or before the request; erased already; no explanation',
    },
  })
  async decide(
    @Body() body: DecideVerwijderverzoekDto,
    @CommandMeta() context: RequestCommandContext,
  ): Promise<Written> {
    const verzoekId = this.ids.newId(context, 'verwijderverzoek');
    const besluit: Besluit =
      body.besluit === 'toegewezen'
        ? { soort: 'toegewezen' }
        : { soort: 'afgewezen', grond: body.grond!, toelichting: body.toelichting! };
    const result = await this.commands.decide(
      {
        verzoekId,
        dossier: { soort: body.dossier.soort, id: body.dossier.id },
        verzoeker: body.verzoeker,
        ontvangenOp: body.ontvangenOp,
        datum: body.datum ?? null,
        besluit,
        door: context.principal.userId,
      },
      context,
    );
    return new Written(
      { verzoekId, besluit: body.besluit },
      result,
      `/api/v1/beheer/verwijderverzoeken/${verzoekId}`,
    );
  }
}
