import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PERIODESOORTEN, Periodesoort } from '@app/statistics';
import { FORMATEN, Formaat } from '../../common/cijfers';
import { ConsistencyQuery, DateField } from '../../common/dto';

export class ConsultatieCijfersQuery extends ConsistencyQuery {
  @DateField(
    'Consultations from the first day of the month (or quarter) of this date',
    '2026-01-01',
  )
  van!: string;

  @DateField(
    'Consultations up to the last day of the month (or quarter) of this date (at most 10 years ' +
      'after van)',
    '2026-12-31',
  )
  tot!: string;

  @ApiPropertyOptional({ enum: PERIODESOORTEN, description: 'Per month (default) or quarter' })
  @IsOptional()
  @IsIn(PERIODESOORTEN)
  per?: Periodesoort;

  @ApiPropertyOptional({
    enum: FORMATEN,
    description: 'csv: the per-practice table as CSV (or send Accept: text/csv)',
  })
  @IsOptional()
  @IsIn(FORMATEN)
  formaat?: Formaat;
}
