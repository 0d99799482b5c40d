import { Body, Controller, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Roles } from '@app/access';
import { Besluit } from '@app/domain';
import { CommandMeta, RequestCommandContext, newId } from '../common/command-context';
import { IDEMPOTENCY_KEY_HEADER } from '../common/headers';
import { Written } from '../common/http-results';
import { DecideVerwijderverzoekDto } from './dto/verwijderverzoek.dto';
import { VerwijderingCommands } from './verwijdering.commands';

/**
 * Requests to destroy a file (Jeugdwet 7.3.9, AVG art. 17), decided by application management
 * (beheer): the role that keeps the processing log and reference data and sees no case content.
 */
@ApiTags('beheer')
@ApiBearerAuth()
@Roles('beheer')
@Controller('beheer/verwijderverzoeken')
export class VerwijderverzoekenController {
  constructor(private readonly commands: VerwijderingCommands) {}

  @Post()
  @ApiOperation({
    summary: 'Record the decision on a request to destroy a person’s or a family’s data',
    description:
      'Role beheer. Granted: the data key of the file is destroyed and every read model is ' +
      'rebuilt before the answer; the person’s (or family’s) data then reads "gegevens ' +
      'verwijderd" (a BSN or birth date: null) everywhere, backups of the log included, while ' +
      'timelines keep their entries and the monitoring its counts. Refused: with the legal ' +
      'ground and an explanation. One decision per request; a file erased before cannot be ' +
      'erased again (422); nothing new can be written about an erased file (410).',
  })
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiCreatedResponse({ description: 'Decided; Location and X-Log-Position are set' })
  @ApiNotFoundResponse({ description: 'No person or family with this id' })
  @ApiConflictResponse({ description: 'Another decision on this request came first' })
  @ApiUnprocessableEntityResponse({
    description: 'Decision in the future or before the request; erased already; no explanation',
  })
  async decide(
    @Body() body: DecideVerwijderverzoekDto,
    @CommandMeta() context: RequestCommandContext,
  ): Promise<Written> {
    const verzoekId = newId(context, 'verwijderverzoek');
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
