import {
  Body,
  Controller,
  Get,
  Headers,
  Inject,
  Optional,
  Param,
  Post,
  Query,
} from '@nestjs/common';
import { ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { NotFound, kalenderdatum } from '@app/domain';
import { Roles } from '@app/access';
import { MonitoringQueries, ProgrammaQueries } from '@app/projections';
import { Tabel, indicatorCijfers, knopIndicatorCijfers } from '@app/statistics';
import { CijferRoute, wantsCsv } from '../common/cijfers';
import { CommandMeta, RequestCommandContext } from '../common/command-context';
import { CsvFile, Written } from '../common/http-results';
import { ReadRoute } from '../common/read-route';
import { ReadYourWrites } from '../common/read-your-writes';
import { WriteRoute } from '../common/write-route';
import { CLOCK, Clock } from '../infrastructure/tokens';
import { MonitoringQuery } from '../monitoring/dto/monitoring.dto';
import { monitoringDataset, monitoringVraag } from '../monitoring/monitoring-vraag';
import { ActieParams, ActieStatusDto, KnopParams, StoplichtQuery } from './dto/programma.dto';
import { KnopRapportResponse, KnopStoplichtResponse } from './dto/programma.responses';
import { ProgrammaCommands } from './programma.commands';
import { VERHALEN_BIJ_KNOP, VerhalenBijKnop } from './verhalen-bij-knop';

/** What the stoplight answers hold and how; in the CSV header X-Definitie-Versie. */
const STOPLICHT_VERSIE = 'stoplicht-1';

/**
 * The stoplight of the programme for policy staff (beleid): the progress of each action of each
 * knop as groen, oranje or rood with why and from when (the history stays), a summary per knop,
 * and a report per knop with its actions, its themes, the council's indicators of its starting
 * point and the released stories of its themes. No personal data.
 */
@ApiTags('beleid')
@Roles('beleid')
@Controller('beleid/programma')
export class ProgrammaBeleidController {
  constructor(
    private readonly commands: ProgrammaCommands,
    private readonly programma: ProgrammaQueries,
    private readonly monitoring: MonitoringQueries,
    private readonly readYourWrites: ReadYourWrites,
    @Inject(CLOCK) private readonly now: Clock,
    @Optional() @Inject(VERHALEN_BIJ_KNOP) private readonly verhalen?: VerhalenBijKnop,
  ) {}

  @Post('acties/:actieId/status')
  @WriteRoute({
    summary: 'Record the status of an action on the stoplight: groen, oranje or rood, and why',
    description:
      'A status applies from its datum, which is not in the future and not before the ' +
      "action's latest status; earlier statuses stay, as its history.",
    status: 200,
    ids: ['actieId'],
    refusals: {
      404: 'No such action',
      422: 'A date in the future, or before the latest status of the action',
    },
  })
  async recordStatus(
    @Param() { actieId }: ActieParams,
    @Body() { status, toelichting, datum }: ActieStatusDto,
    @CommandMeta() context: RequestCommandContext,
  ): Promise<Written> {
    const command = {
      type: 'RecordActieStatus' as const,
      actieId,
      status,
      toelichting,
      datum,
      door: context.principal.userId,
    };
    return new Written({ actieId }, await this.commands.handle(command, context));
  }

  @Get('knoppen')
  @ReadRoute({
    summary: 'Every knop with how many of its actions are at groen, oranje and rood now',
    description: 'With formaat=csv (or Accept: text/csv): the same table as CSV.',
    type: { items: KnopStoplichtResponse },
    answer: 'Every knop, by number',
  })
  async knoppen(
    @Query() { minPosition, formaat }: StoplichtQuery,
    @Headers('accept') accept: string | undefined,
  ): Promise<{ items: KnopStoplichtResponse[] } | CsvFile> {
    await this.readYourWrites.waitFor(minPosition);
    const items = this.programma.stoplichten();
    if (!wantsCsv(formaat, accept)) return { items };
    const kolommen = [
      'knop',
      'titel',
      'acties',
      'groen',
      'oranje',
      'rood',
      'zonderStatus',
      'laatsteDatum',
    ] as const;
    return new CsvFile(`stoplicht-${this.today()}`, STOPLICHT_VERSIE, {
      kolommen: [...kolommen],
      rijen: items.map((k) => kolommen.map((kolom) => k[kolom])),
    });
  }

  @Get('knoppen/:knop')
  @CijferRoute({
    summary:
      "A knop's report: its actions with their status and history, its themes, the council's " +
      'indicators of its starting point over the period, and the released stories of its themes',
    description:
      'The indicators are those of GET /beleid/zorg/indicatoren with the same query (period, ' +
      'bekendOp, filters), under the same disclosure control; only the ones of the starting ' +
      'point (vertrekpunt) the knop works towards are kept. With formaat=csv (or Accept: ' +
      'text/csv): the actions with their current status as CSV.',
    type: KnopRapportResponse,
    filters: true,
  })
  @ApiNotFoundResponse({ description: 'No such knop' })
  async knop(
    @Param() { knop }: KnopParams,
    @Query() query: MonitoringQuery,
    @Headers('accept') accept: string | undefined,
  ): Promise<KnopRapportResponse | CsvFile> {
    const vraag = monitoringVraag(query, this.now());
    await this.readYourWrites.waitFor(query.minPosition);
    const rapport = this.programma.knopStoplicht(knop);
    if (rapport === null) throw new NotFound('Deze knop bestaat niet.');
    if (wantsCsv(query.formaat, accept)) {
      return new CsvFile(
        `stoplicht-knop-${knop}-${this.today()}`,
        STOPLICHT_VERSIE,
        actieTabel(rapport),
      );
    }
    const cijfers = indicatorCijfers(monitoringDataset(this.monitoring, vraag, this.now()), vraag);
    const themas = this.programma.themasVanKnop(knop);
    const themaIds = themas.map((t) => t.themaId);
    return {
      definitieVersie: STOPLICHT_VERSIE,
      ...rapport,
      themas,
      indicatoren: { ...knopIndicatorCijfers(cijfers, knop) },
      verhalen: this.verhalen ? [...this.verhalen.verhalenBijThemas(themaIds, vraag)] : null,
    };
  }

  private today(): string {
    return kalenderdatum(this.now());
  }
}

/** The actions of a knop with their current status: one row each. */
function actieTabel(rapport: NonNullable<ReturnType<ProgrammaQueries['knopStoplicht']>>): Tabel {
  return {
    kolommen: ['knop', 'actieId', 'titel', 'status', 'datum', 'toelichting', 'statussen'],
    rijen: rapport.stoplicht.map((a) => [
      rapport.knop,
      a.actieId,
      a.titel,
      a.status?.status ?? null,
      a.status?.datum ?? null,
      a.status?.toelichting ?? null,
      a.historie.length,
    ]),
  };
}
