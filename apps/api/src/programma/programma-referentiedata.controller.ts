import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { Knop, NotFound, ProgrammaCommand, Thema } from '@app/domain';
import { Roles } from '@app/access';
import { ProgrammaQueries } from '@app/projections';
import { CommandMeta, RequestCommandContext } from '../common/command-context';
import { ConsistencyQuery } from '../common/dto';
import { Written } from '../common/http-results';
import { ReadRoute } from '../common/read-route';
import { ReadYourWrites } from '../common/read-your-writes';
import { WriteRoute } from '../common/write-route';
import { KnopDto, KnopParams, ThemaDto, ThemaParams } from './dto/programma.dto';
import { KnopResponse, ThemaResponse } from './dto/programma.responses';
import { ProgrammaCommands } from './programma.commands';

const NO_SUCH_THEMA = 'No such theme';
const NO_SUCH_KNOP = 'No such knop';

/**
 * The programme as reference data kept by functioneel beheer: its knoppen with their actions and
 * the themes stories are linked to (seeded with one theme per knop: `npm run cli -- programma
 * seed`). Contact persons pick themes, policy staff read both. One stream (`programma`):
 * If-Match on these writes is its version.
 */
@ApiTags('referentiedata')
@Controller('referentiedata')
export class ProgrammaReferentiedataController {
  constructor(
    private readonly commands: ProgrammaCommands,
    private readonly programma: ProgrammaQueries,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Put('themas/:themaId')
  @Roles('beheer')
  @WriteRoute({
    summary: 'Set a theme: its name, its knop, whether stories may be linked to it',
    description:
      'Replaces the theme when it exists; the same again writes nothing. An inactive theme ' +
      'keeps the stories linked to it, but no new story can be linked to it.',
    status: 200,
    ids: ['themaId'],
    answer: 'Recorded (position null when nothing changed)',
    refusals: { 422: 'The knop does not exist' },
  })
  setThema(
    @Param() { themaId }: ThemaParams,
    @Body() body: ThemaDto,
    @CommandMeta() context: RequestCommandContext,
  ): Promise<Written> {
    const command = {
      type: 'SetThema' as const,
      themaId,
      naam: body.naam,
      knop: body.knop ?? null,
      actief: body.actief,
    };
    return this.write({ themaId }, command, context);
  }

  @Put('knoppen/:knop')
  @Roles('beheer')
  @WriteRoute({
    summary: 'Set a knop of the programme with its actions',
    description:
      'Replaces the knop and its list of actions; the same again writes nothing. An action ' +
      'belongs to one knop; the statuses recorded for an action stay with its id.',
    status: 200,
    ids: ['knop'],
    answer: 'Recorded (position null when nothing changed)',
    refusals: { 422: 'An action twice, or an action of another knop' },
  })
  setKnop(
    @Param() { knop }: KnopParams,
    @Body() body: KnopDto,
    @CommandMeta() context: RequestCommandContext,
  ): Promise<Written> {
    const acties = body.acties.map(({ actieId, titel }) => ({ actieId, titel }));
    return this.write({ knop }, { type: 'SetKnop', knop, titel: body.titel, acties }, context);
  }

  private async write(
    ids: Record<string, string | number>,
    command: ProgrammaCommand,
    context: RequestCommandContext,
  ): Promise<Written> {
    return new Written(ids, await this.commands.handle(command, context));
  }

  @Get('themas')
  @Roles('beheer', 'contactpersoon', 'beleid')
  @ReadRoute({
    summary: 'The themes stories are linked to',
    type: { items: ThemaResponse },
    answer: 'Every theme, active or not, by name',
  })
  async themas(@Query() { minPosition }: ConsistencyQuery): Promise<{ items: Thema[] }> {
    await this.readYourWrites.waitFor(minPosition);
    return { items: this.programma.themas() };
  }

  @Get('themas/:themaId')
  @Roles('beheer', 'contactpersoon', 'beleid')
  @ReadRoute({ summary: 'A theme', type: ThemaResponse, answer: 'The theme' })
  @ApiNotFoundResponse({ description: NO_SUCH_THEMA })
  async thema(
    @Param() { themaId }: ThemaParams,
    @Query() { minPosition }: ConsistencyQuery,
  ): Promise<Thema> {
    await this.readYourWrites.waitFor(minPosition);
    const thema = this.programma.thema(themaId);
    if (thema === null) throw new NotFound('Dit thema bestaat niet.');
    return thema;
  }

  @Get('knoppen')
  @Roles('beheer', 'contactpersoon', 'beleid')
  @ReadRoute({
    summary: "The programme's knoppen with their actions",
    type: { items: KnopResponse },
    answer: 'Every knop, by number, with its actions in order',
  })
  async knoppen(@Query() { minPosition }: ConsistencyQuery): Promise<{ items: Knop[] }> {
    await this.readYourWrites.waitFor(minPosition);
    return { items: this.programma.knoppen() };
  }

  @Get('knoppen/:knop')
  @Roles('beheer', 'contactpersoon', 'beleid')
  @ReadRoute({ summary: 'A knop with its actions', type: KnopResponse, answer: 'The knop' })
  @ApiNotFoundResponse({ description: NO_SUCH_KNOP })
  async knop(
    @Param() { knop }: KnopParams,
    @Query() { minPosition }: ConsistencyQuery,
  ): Promise<Knop> {
    await this.readYourWrites.waitFor(minPosition);
    const found = this.programma.knop(knop);
    if (found === null) throw new NotFound('Deze knop bestaat niet.');
    return found;
  }
}
