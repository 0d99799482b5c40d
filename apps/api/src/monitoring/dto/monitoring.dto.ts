import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';
import {
  AANBIEDER_ID,
  PRODUCTCATEGORIEEN,
  VERWIJZER_CODES,
  VerwijzerType,
  WETTELIJKE_KADERS,
  WettelijkKader,
} from '@app/domain';
import {
  DUUR_GROEPERINGEN,
  DuurGroepering,
  EPISODE_GROEPEN,
  EpisodeGroep,
  VERLENGING_GROEPERINGEN,
  VerlengingGroepering,
  ZORGVORMEN,
  Zorgvorm,
} from '@app/statistics';
import { FORMATEN, Formaat } from '../../common/cijfers';
import {
  ConsistencyQuery,
  DateField,
  FromYear1900,
  OptionalTextField,
  Trim,
} from '../../common/dto';
import { AANBIEDER_ID_MESSAGE, PRODUCTCODE } from '../../zorg/dto/zorg.dto';

const MOMENT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** The period, "as known on", the filters and the format every care figure is asked with. */
export class MonitoringQuery extends ConsistencyQuery {
  @DateField('First day of the period', '2026-01-01')
  van!: string;

  @DateField('Last day of the period (at most 10 years after van)', '2026-06-30')
  tot!: string;

  @ApiPropertyOptional({
    description:
      'As known at the end of this day (YYYY-MM-DD; a date-time with a time zone counts as the ' +
      'whole day it falls on, local time): facts recorded later are ignored, so the figure can be ' +
      'reproduced (default: now)',
    example: '2026-07-01',
  })
  @IsOptional()
  @Matches(MOMENT, { message: 'must be a date (YYYY-MM-DD) or a date-time with a time zone' })
  @IsISO8601(
    { strict: true },
    { message: 'must be a date (YYYY-MM-DD) or a date-time with a time zone' },
  )
  @FromYear1900()
  bekendOp?: string;

  @ApiPropertyOptional({ enum: WETTELIJKE_KADERS, description: 'Only this legal framework' })
  @IsOptional()
  @IsIn(WETTELIJKE_KADERS)
  kader?: WettelijkKader;

  @ApiPropertyOptional({ enum: PRODUCTCATEGORIEEN, description: 'Only this product category' })
  @IsOptional()
  @IsIn(PRODUCTCATEGORIEEN)
  categorie?: string;

  @ApiPropertyOptional({ description: 'Only this product code', example: '45A48' })
  @IsOptional()
  @Matches(PRODUCTCODE, { message: 'must be a product code: 2 to 8 capitals or digits' })
  product?: string;

  @ApiPropertyOptional({
    description: 'Only this provider (AGB code, kvk:KvK number or gemeente:team)',
    example: '12345678',
  })
  @IsOptional()
  @Matches(AANBIEDER_ID, { message: AANBIEDER_ID_MESSAGE })
  aanbieder?: string;

  @ApiPropertyOptional({ enum: VERWIJZER_CODES, description: 'Only this referrer type (iJW)' })
  @IsOptional()
  @IsIn(VERWIJZER_CODES)
  verwijzer?: VerwijzerType;

  @ApiPropertyOptional({
    enum: ZORGVORMEN,
    description: 'Only residential care (a product with residence) or only care without',
  })
  @IsOptional()
  @IsIn(ZORGVORMEN)
  zorgvorm?: Zorgvorm;

  @OptionalTextField('Only persons in a family of this district', 'Noord', 100)
  @Trim()
  wijk?: string;

  @ApiPropertyOptional({
    enum: FORMATEN,
    description: 'csv: the main table as CSV (or send Accept: text/csv)',
  })
  @IsOptional()
  @IsIn(FORMATEN)
  formaat?: Formaat;
}

export class ZorgepisodesQuery extends MonitoringQuery {
  @ApiPropertyOptional({ enum: EPISODE_GROEPEN, description: 'Rows per (default: categorie)' })
  @IsOptional()
  @IsIn(EPISODE_GROEPEN)
  groep?: EpisodeGroep;
}

export class DurenQuery extends MonitoringQuery {
  @ApiPropertyOptional({ enum: DUUR_GROEPERINGEN, description: 'Rows per (default: categorie)' })
  @IsOptional()
  @IsIn(DUUR_GROEPERINGEN)
  groep?: DuurGroepering;
}

export class VerlengingenQuery extends MonitoringQuery {
  @ApiPropertyOptional({
    enum: VERLENGING_GROEPERINGEN,
    description: 'Rows per (default: aanbieder)',
  })
  @IsOptional()
  @IsIn(VERLENGING_GROEPERINGEN)
  groep?: VerlengingGroepering;
}

export const INDICATOR_TABELLEN = ['jaren', 'in-en-uitstroom'] as const;

export class IndicatorenQuery extends MonitoringQuery {
  @ApiPropertyOptional({
    enum: INDICATOR_TABELLEN,
    description: 'The CSV table: per year (default) or in- and outflow per month',
  })
  @IsOptional()
  @IsIn(INDICATOR_TABELLEN)
  tabel?: (typeof INDICATOR_TABELLEN)[number];
}

/** A cell of figures and stories: the figures' question, and a theme for the stories. */
export class CijfersEnVerhalenQuery extends MonitoringQuery {
  @OptionalTextField(
    'Only stories of this theme (the figures and judgements have no theme)',
    'knop-8',
    100,
  )
  @Trim()
  thema?: string;
}
