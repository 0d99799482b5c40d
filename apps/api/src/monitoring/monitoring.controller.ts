import { Controller, Get, Headers, Inject, Query, Type } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/access';
import { MonitoringQueries } from '@app/projections';
import {
  DurenCijfers,
  IndicatorCijfers,
  MonitoringDataset,
  MonitoringVraag,
  PerspectiefCijfers,
  SamenloopCijfers,
  Tabel,
  UitstroomCijfers,
  VerlengingenCijfers,
  ZorgepisodeCijfers,
  FILTER_DREMPEL,
  durenCijfers,
  durenTabel,
  inEnUitstroomTabel,
  indicatorCijfers,
  indicatorTabel,
  perspectiefCijfers,
  perspectiefTabel,
  samenloopCijfers,
  samenloopTabel,
  uitstroomCijfers,
  uitstroomTabel,
  verlengingenCijfers,
  verlengingenTabel,
  zorgepisodeCijfers,
  zorgepisodeTabel,
} from '@app/statistics';
import { CijferRoute, wantsCsv } from '../common/cijfers';
import { CsvFile } from '../common/http-results';
import { ReadYourWrites } from '../common/read-your-writes';
import { CLOCK, Clock } from '../infrastructure/tokens';
import {
  DurenQuery,
  IndicatorenQuery,
  MonitoringQuery,
  VerlengingenQuery,
  ZorgepisodesQuery,
} from './dto/monitoring.dto';
import {
  DurenResponse,
  EpisodesResponse,
  IndicatorenResponse,
  PerspectiefgesprekkenResponse,
  SamenloopResponse,
  UitstroomResponse,
  VerlengingenResponse,
} from './dto/monitoring.responses';
import { monitoringDataset, monitoringVraag } from './monitoring-vraag';

const UITLEG =
  'What a figure counts is spelled out in Dutch in the definitie of its answer, the last word on ' +
  'it. Aggregates only, under disclosure control by the cell-key method (see docs/api.md): every ' +
  'count is perturbed by at most 2 and rounded to 5, the same cell always getting the same ' +
  'answer; counts under 10 are null and listed in onderdrukt; percentages come from the ' +
  'published counts and are withheld with them; means, percentiles and Kaplan-Meier points carry ' +
  'noise from the same cell key and are withheld under 10. A filter that selects fewer than ' +
  `${FILTER_DREMPEL} persons is refused (422). bekendOp reproduces a figure as it was known at ` +
  'the end of that day (a moment counts as its whole day); definitieVersie names the definition ' +
  'used. With formaat=csv (or Accept: text/csv): the main table as CSV.';

/** The OpenAPI description of a monitoring figure: what it answers, its main table, the rules. */
const Monitoring = (summary: string, mainTable: string, type: Type<unknown>) =>
  CijferRoute({ summary, description: `${mainTable} ${UITLEG}`, type, filters: true });

/**
 * Care figures for policy staff (beleid), the council's monitoring (002:2179-2491): episodes,
 * overlap of provisions, durations, extensions, residential exits, perspective conversations and
 * the indicator set. No person or family is ever named or identified.
 */
@ApiTags('beleid')
@Roles('beleid')
@Controller('beleid/zorg')
export class MonitoringController {
  constructor(
    private readonly monitoring: MonitoringQueries,
    private readonly readYourWrites: ReadYourWrites,
    @Inject(CLOCK) private readonly now: Clock,
  ) {}

  @Get('episodes')
  @Monitoring(
    'Care episodes active, started and ended in a period, per group',
    'Main table: perGroep, the episodes per group (groep), with totaal.',
    EpisodesResponse,
  )
  async episodes(
    @Query() query: ZorgepisodesQuery,
    @Headers('accept') accept: string | undefined,
  ): Promise<ZorgepisodeCijfers | CsvFile> {
    return this.cijfers(query, accept, 'episodes', zorgepisodeTabel, (d, vraag) =>
      zorgepisodeCijfers(d, vraag, query.groep ?? 'categorie'),
    );
  }

  @Get('samenloop')
  @Monitoring(
    'Overlap of provisions across legal frameworks within families, and gaps',
    'Tables: gezinnen (the main table: families with care from one or more legal frameworks), ' +
      'personen, professionalsPerGezin, hiaten.',
    SamenloopResponse,
  )
  async samenloop(
    @Query() query: MonitoringQuery,
    @Headers('accept') accept: string | undefined,
  ): Promise<SamenloopCijfers | CsvFile> {
    return this.cijfers(query, accept, 'samenloop', samenloopTabel, samenloopCijfers);
  }

  @Get('duren')
  @Monitoring(
    'Durations of episodes per category, product or provider (ended in the period: mean, median, ' +
      'percentiles; started in it, running ones censored: Kaplan-Meier), residential stays without ' +
      'foster care, behandeld wonen against 2023',
    'Main table: perGroep, with totaal, verblijf and behandeldWonen.',
    DurenResponse,
  )
  async duren(
    @Query() query: DurenQuery,
    @Headers('accept') accept: string | undefined,
  ): Promise<DurenCijfers | CsvFile> {
    return this.cijfers(query, accept, 'duren', durenTabel, (d, vraag) =>
      durenCijfers(d, vraag, query.groep ?? 'categorie'),
    );
  }

  @Get('verlengingen')
  @Monitoring(
    'Episodes longer than the contracted maximum, extension requests and decisions, extra ' +
      'duration and reasons, per provider or product',
    'Main table: perGroep, with totaal and redenen.',
    VerlengingenResponse,
  )
  async verlengingen(
    @Query() query: VerlengingenQuery,
    @Headers('accept') accept: string | undefined,
  ): Promise<VerlengingenCijfers | CsvFile> {
    return this.cijfers(query, accept, 'verlengingen', verlengingenTabel, (d, vraag) =>
      verlengingenCijfers(d, vraag, query.groep ?? 'aanbieder'),
    );
  }

  @Get('uitstroom')
  @Monitoring(
    'Residential exits: destinations, without follow-up help, follow-up within 6 months, home ' +
      'or lighter within 6 months, step-downs and step-ups, forms of residence on the peildatum',
    'Main table: uitstroom.perBestemming, the exits per destination; with ' +
      'vervolgBinnen6Maanden, thuisOfLichterBinnen6Maanden, schaling, woonvormenOpPeildatum.',
    UitstroomResponse,
  )
  async uitstroom(
    @Query() query: MonitoringQuery,
    @Headers('accept') accept: string | undefined,
  ): Promise<UitstroomCijfers | CsvFile> {
    return this.cijfers(query, accept, 'uitstroom', uitstroomTabel, uitstroomCijfers);
  }

  @Get('perspectiefgesprekken')
  @Monitoring(
    'Perspective conversations at 16.5 per provider and quarter (on time, late, missing) and ' +
      'requests for care after 18',
    'Main table: perKwartaal; with verlengdeJeugdhulp.',
    PerspectiefgesprekkenResponse,
  )
  async perspectiefgesprekken(
    @Query() query: MonitoringQuery,
    @Headers('accept') accept: string | undefined,
  ): Promise<PerspectiefCijfers | CsvFile> {
    return this.cijfers(
      query,
      accept,
      'perspectiefgesprekken',
      perspectiefTabel,
      perspectiefCijfers,
    );
  }

  @Get('indicatoren')
  @Monitoring(
    "The council's indicator set per year with its baselines (2023, 2024): youths in care " +
      'without and with residence as % of the population 0-17, clients with only ' +
      'non-residential care, youths in residence against 2023, monthly in- and outflow, repeated inflow',
    'Main table: jaren (tabel=in-en-uitstroom: inEnUitstroom for the CSV); with ' +
      'herhaaldeInstroom and nulwaarden. Jeugdwet only.',
    IndicatorenResponse,
  )
  async indicatoren(
    @Query() query: IndicatorenQuery,
    @Headers('accept') accept: string | undefined,
  ): Promise<IndicatorCijfers | CsvFile> {
    const perMaand = query.tabel === 'in-en-uitstroom';
    return this.cijfers(
      query,
      accept,
      perMaand ? 'in-en-uitstroom' : 'indicatoren',
      perMaand ? inEnUitstroomTabel : indicatorTabel,
      indicatorCijfers,
    );
  }

  /** Checks the question, waits for the caller's writes, computes, and answers JSON or CSV. */
  private async cijfers<C extends { definitieVersie: string }>(
    query: MonitoringQuery,
    accept: string | undefined,
    naam: string,
    tabel: (cijfers: C) => Tabel,
    bereken: (d: MonitoringDataset, vraag: MonitoringVraag) => C,
  ): Promise<C | CsvFile> {
    const vraag = monitoringVraag(query, this.now());
    await this.readYourWrites.waitFor(query.minPosition);
    const cijfers = bereken(monitoringDataset(this.monitoring, vraag, this.now()), vraag);
    if (!wantsCsv(query.formaat, accept)) return cijfers;
    return new CsvFile(
      `${naam}-${vraag.van}-${vraag.tot}-bekend-op-${vraag.bekendOp}`,
      cijfers.definitieVersie,
      tabel(cijfers),
    );
  }
}
