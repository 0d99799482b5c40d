import { Controller, Get, Headers, Inject, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/access';
import { NotFound } from '@app/domain';
import { MonitoringQueries } from '@app/projections';
import {
  AanbiederRapport,
  CijfersEnVerhalen,
  FILTER_DREMPEL,
  aanbiederRapport,
  aanbiederRapportTabel,
  cijfersEnVerhalen,
  cijfersEnVerhalenTabel,
} from '@app/statistics';
import { CijferRoute, wantsCsv } from '../common/cijfers';
import { CsvFile } from '../common/http-results';
import { AanbiederParams } from '../zorg/dto/zorg.dto';
import { CijfersEnVerhalenQuery } from './dto/monitoring.dto';
import { AanbiederRapportResponse, CijfersEnVerhalenResponse } from './dto/monitoring.responses';
import { ReadYourWrites } from '../common/read-your-writes';
import { CLOCK, Clock } from '../infrastructure/tokens';
import { monitoringDataset, monitoringVraag } from './monitoring-vraag';

const UITLEG =
  'The figures are the monitoring figures (beleid/zorg) asked the same question, under the same ' +
  'disclosure control; the judgements are counted under it too (cell-key: perturbed, rounded to ' +
  '5, under 10 null and listed in onderdrukt). Stories are released ones whose teller consented ' +
  '(gepseudonimiseerd or citeerbaar), pseudonymised: no name, no id, the month only; none at all ' +
  'in a cell of fewer than 10 persons. A withdrawn consent takes a story out of every answer at ' +
  `once, also as known on an earlier day. A filter that selects fewer than ${FILTER_DREMPEL} ` +
  'persons is refused (422). With formaat=csv (or Accept: text/csv): one long table (deel, rij, ' +
  'veld, waarde).';

const NO_SUCH_PROVIDER = 'No provider with this id in the reference data (as known on bekendOp)';

/**
 * Figures and stories side by side for policy staff (issue 12): a cell's cold figures, the
 * judgements of youths, parents and professionals, and the released stories; and the report for
 * the dialogue with a provider. Aggregates and pseudonymised stories only.
 */
@ApiTags('beleid')
@Roles('beleid')
@Controller('beleid')
export class CijfersEnVerhalenController {
  constructor(
    private readonly monitoring: MonitoringQueries,
    private readonly readYourWrites: ReadYourWrites,
    @Inject(CLOCK) private readonly now: Clock,
  ) {}

  @Get('cijfers-en-verhalen')
  @CijferRoute({
    summary: 'Figures, judgements and stories of one cell, side by side',
    description:
      'A cell: the filters (provider, product or category, form of care, law, referrer, ' +
      `district), a period, bekendOp, and a theme for the stories. ${UITLEG}`,
    type: CijfersEnVerhalenResponse,
    filters: true,
  })
  async cijfersEnVerhalen(
    @Query() query: CijfersEnVerhalenQuery,
    @Headers('accept') accept: string | undefined,
  ): Promise<CijfersEnVerhalen | CsvFile> {
    const vraag = { ...monitoringVraag(query, this.now()), thema: query.thema };
    await this.readYourWrites.waitFor(query.minPosition);
    const antwoord = cijfersEnVerhalen(
      monitoringDataset(this.monitoring, vraag, this.now()),
      vraag,
    );
    if (!wantsCsv(query.formaat, accept)) return antwoord;
    return new CsvFile(
      `cijfers-en-verhalen-${vraag.van}-${vraag.tot}-bekend-op-${vraag.bekendOp}`,
      antwoord.definitieVersie,
      cijfersEnVerhalenTabel(antwoord),
    );
  }

  @Get('aanbieders/:aanbiederId/rapport')
  @CijferRoute({
    summary:
      'Report for the dialogue with a provider: long trajectories, extensions above ' +
      'contract, exits without follow-up care, judgements and stories',
    description:
      'The cell of the provider (the other filters narrow it), its figures per product. ' + UITLEG,
    type: AanbiederRapportResponse,
    filters: true,
  })
  @ApiNotFoundResponse({ description: NO_SUCH_PROVIDER })
  async rapport(
    @Param() { aanbiederId }: AanbiederParams,
    @Query() query: CijfersEnVerhalenQuery,
    @Headers('accept') accept: string | undefined,
  ): Promise<AanbiederRapport | CsvFile> {
    const gesteld = monitoringVraag(query, this.now());
    const vraag = {
      ...gesteld,
      filter: { ...gesteld.filter, aanbieder: aanbiederId },
      thema: query.thema,
    };
    await this.readYourWrites.waitFor(query.minPosition);
    const dataset = monitoringDataset(this.monitoring, vraag, this.now(), (d) => {
      if (!d.aanbieders.has(aanbiederId)) throw new NotFound(NO_SUCH_PROVIDER);
    });
    const rapport = aanbiederRapport(dataset, vraag);
    if (!wantsCsv(query.formaat, accept)) return rapport;
    return new CsvFile(
      `rapport-${aanbiederId.replace(/[^a-z0-9-]/gi, '-')}-${vraag.van}-${vraag.tot}-bekend-op-${vraag.bekendOp}`,
      rapport.definitieVersie,
      aanbiederRapportTabel(rapport),
    );
  }
}
