import { Controller, Get, Headers, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/access';
import { UITKOMSTEN } from '@app/domain';
import { ConsultatiesQueries, PraktijkenQueries } from '@app/projections';
import { ConsultatieCijfers, Tabel, consultatieCijfers, helePeriodes } from '@app/statistics';
import { CijferRoute, checkPeriode, wantsCsv } from '../common/cijfers';
import { CsvFile } from '../common/http-results';
import { ReadYourWrites } from '../common/read-your-writes';
import { ConsultatieCijfersQuery } from './dto/beleid.dto';
import { ConsultatieCijfersResponse } from './dto/consultatie.responses';

/**
 * Consultation figures for policy staff (beleid): aggregates only, under disclosure control (see
 * `libs/statistics`). No consultation, person or family is ever named; policy staff cannot read a
 * single consultation (403 on those routes).
 */
@ApiTags('beleid')
@Roles('beleid')
@Controller('beleid')
export class BeleidController {
  constructor(
    private readonly consultaties: ConsultatiesQueries,
    private readonly praktijken: PraktijkenQueries,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Get('consultaties')
  @CijferRoute({
    summary: 'Consultation figures per practice and period, with and without a JPH, SGGZ trend',
    description:
      'Four tables: perPraktijk (consultations and outcomes per practice and period), ' +
      'metEnZonderJph (the same for practices with and without a JPH), sggzTrend (referrals to ' +
      'specialist youth mental health per month) and jphUrenEnConsultaties (JPH hours against ' +
      'consultations per practice). Withdrawn consultations do not count; of a corrected one, ' +
      'its latest content. Under disclosure control by the cell-key method (see docs/api.md): ' +
      'counts are perturbed by at most 2 and rounded to 5, counts under 10 are null and listed ' +
      'in onderdrukt, percentages come from the published counts and are withheld with them. ' +
      'The period is widened to whole months (or quarters, with per=kwartaal); van and tot in ' +
      'the answer say which. With formaat=csv (or Accept: text/csv): perPraktijk as CSV.',
    type: ConsultatieCijfersResponse,
    filters: false,
  })
  async consultatieCijfers(
    @Query() query: ConsultatieCijfersQuery,
    @Headers('accept') accept: string | undefined,
  ): Promise<ConsultatieCijfers | CsvFile> {
    checkPeriode(query.van, query.tot);
    const per = query.per ?? 'maand';
    const { van, tot } = helePeriodes(query.van, query.tot, per);
    await this.readYourWrites.waitFor(query.minPosition);
    const cijfers = consultatieCijfers(
      this.consultaties.feiten(van, tot),
      this.praktijken.feiten(),
      { van, tot, per },
    );
    if (!wantsCsv(query.formaat, accept)) return cijfers;
    return new CsvFile(
      `consultaties-${van}-${tot}`,
      cijfers.definitieVersie,
      perPraktijkTabel(cijfers),
    );
  }
}

/** The per-practice table: an empty cell is withheld, and the last column says which ones are. */
function perPraktijkTabel(cijfers: ConsultatieCijfers): Tabel {
  const kolommen = ['aantal', ...UITKOMSTEN.flatMap((u) => [`${u}.aantal`, `${u}.percentage`])];
  return {
    kolommen: ['praktijk', 'wijk', 'periode', ...kolommen, 'onderdrukt'],
    rijen: cijfers.perPraktijk.map((rij) => {
      const waarden = [
        rij.aantal,
        ...UITKOMSTEN.flatMap((u) => [rij.uitkomsten[u].aantal, rij.uitkomsten[u].percentage]),
      ];
      const onderdrukt = kolommen.filter((_, i) => waarden[i] === null).join(' ');
      return [rij.praktijk, rij.wijk, rij.periode, ...waarden, onderdrukt];
    }),
  };
}
