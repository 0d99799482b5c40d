import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { STOPLICHT_KLEUREN, StoplichtKleur } from '@app/domain';
import { FORMATEN, Formaat } from '../../common/cijfers';
import { ConsistencyQuery, DateField, TextField, Trim } from '../../common/dto';

const ACTIE_ID = /^[a-z0-9][a-z0-9.-]{0,39}$/;
const THEMA_ID = /^[a-z0-9][a-z0-9-]{0,59}$/;
/** The programme numbers its knoppen 1 to 14; room is left for more. */
const KNOP = { min: 1, max: 99 };

export class KnopParams {
  @ApiProperty({ example: 8, description: `The knop's number (${KNOP.min}-${KNOP.max})` })
  @Type(() => Number)
  @IsInt()
  @Min(KNOP.min)
  @Max(KNOP.max)
  knop!: number;
}

export class ThemaParams {
  @ApiProperty({ example: 'knop-8', description: 'The theme: lowercase letters, digits, -' })
  @Matches(THEMA_ID, { message: 'must be lowercase letters, digits and - (at most 60)' })
  themaId!: string;
}

export class ActieParams {
  @ApiProperty({ example: 'k8-2b', description: 'The action: lowercase letters, digits, . and -' })
  @Matches(ACTIE_ID, { message: 'must be lowercase letters, digits, . and - (at most 40)' })
  actieId!: string;
}

export class ActieDto {
  @ApiProperty({ example: 'k8-2b', description: 'The action, unique in the programme' })
  @Matches(ACTIE_ID, { message: 'must be lowercase letters, digits, . and - (at most 40)' })
  actieId!: string;

  @Trim()
  @TextField(
    'What the action says',
    'We starten met het ophalen van de verhalen van cliënten.',
    500,
  )
  titel!: string;
}

export class KnopDto {
  @Trim()
  @TextField("The knop's title", 'Stoppen met hetgeen niet werkt')
  titel!: string;

  @ApiProperty({
    type: [ActieDto],
    description: 'Every action of the knop, in order; replaces the list (an action is in one knop)',
  })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ActieDto)
  acties!: ActieDto[];
}

export class ThemaDto {
  @Trim()
  @TextField('The name a contact person picks a theme by', 'Stoppen met hetgeen niet werkt', 100)
  naam!: string;

  @ApiPropertyOptional({
    example: 8,
    nullable: true,
    description: 'The knop the theme belongs to; null or left out: none',
  })
  @IsOptional()
  @IsInt()
  @Min(KNOP.min)
  @Max(KNOP.max)
  knop?: number | null;

  @ApiProperty({
    example: true,
    description: 'Stories may be linked to it (an inactive one keeps its stories)',
  })
  @IsBoolean()
  actief!: boolean;
}

export class ActieStatusDto {
  @ApiProperty({ enum: STOPLICHT_KLEUREN, example: 'oranje', description: 'The colour' })
  @IsIn(STOPLICHT_KLEUREN, { message: `must be one of ${STOPLICHT_KLEUREN.join(', ')}` })
  status!: StoplichtKleur;

  @Trim()
  @TextField('Why this colour', 'Twee van de vijf aanbieders hebben een afspraak gemaakt.', 2000)
  toelichting!: string;

  @DateField('The status applies from this date (not in the future, not before the last one)')
  datum!: string;
}

export class StoplichtQuery extends ConsistencyQuery {
  @ApiPropertyOptional({
    enum: FORMATEN,
    description: 'csv: the table as CSV (or send Accept: text/csv)',
  })
  @IsOptional()
  @IsIn(FORMATEN)
  formaat?: Formaat;
}
