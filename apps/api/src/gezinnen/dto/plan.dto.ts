import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsObject,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { AFSPRAAK_STATUSSEN, AfspraakStatus, LEEFGEBIEDEN, Leefgebied } from '@app/domain';
import { DateField, OptionalTextField, TextField, UuidField } from '../../common/dto';

export const LOCAL_ID = /^[A-Za-z0-9._-]{1,40}$/;
export const LOCAL_ID_MESSAGE =
  'must be a short id (letters, digits, . _ -), unique within the plan';

export class DoelDto {
  @ApiProperty({ example: 'd-1', description: 'Your id for the goal, unique within the plan' })
  @Matches(LOCAL_ID, { message: LOCAL_ID_MESSAGE })
  doelId!: string;

  @ApiProperty({ enum: LEEFGEBIEDEN })
  @IsIn(LEEFGEBIEDEN)
  leefgebied!: Leefgebied;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    description: 'The member; null or left out for the whole family',
  })
  @IsOptional()
  @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, {
    message: 'must be a UUID',
  })
  persoonId?: string | null;

  @TextField(
    'The goal, in the family’s words where possible',
    'Sanne gaat elke dag naar school',
    1000,
  )
  omschrijving!: string;
}

export class AfspraakDto {
  @ApiProperty({ example: 'a-1', description: 'Your id for the agreement, unique within the plan' })
  @Matches(LOCAL_ID, { message: LOCAL_ID_MESSAGE })
  afspraakId!: string;

  @TextField('Who', 'Mark (vader)', 200)
  wie!: string;

  @TextField('Does what', 'Belt de schuldhulpverlening', 1000)
  wat!: string;

  @DateField('By when', '2026-03-15')
  uiterlijk!: string;

  @ApiProperty({ enum: AFSPRAAK_STATUSSEN })
  @IsIn(AFSPRAAK_STATUSSEN)
  status!: AfspraakStatus;

  @ApiPropertyOptional({ example: 'd-2', description: 'The goal it serves' })
  @IsOptional()
  @Matches(LOCAL_ID, { message: LOCAL_ID_MESSAGE })
  doelId?: string | null;
}

export class ToestemmingDto {
  @ApiProperty({ description: 'The family agrees that the plan is shared with those involved' })
  @IsBoolean()
  delen!: boolean;

  @DateField('When the family said so')
  vastgelegdOp!: string;

  @OptionalTextField('Notes', 'Niet delen met school', 500)
  toelichting?: string;
}

export class GezinsplanDto {
  @TextField(
    'The family’s request for help, in its own words',
    'Wij willen weer rust in huis.',
    4000,
  )
  hulpvraag!: string;

  @ApiProperty({ type: [DoelDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => DoelDto)
  doelen!: DoelDto[];

  @ApiProperty({ type: [AfspraakDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => AfspraakDto)
  afspraken!: AfspraakDto[];

  @DateField('When the plan is evaluated', '2026-06-01')
  evaluatiedatum!: string;

  @ApiProperty({ type: ToestemmingDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ToestemmingDto)
  toestemming!: ToestemmingDto;

  @OptionalTextField(
    'Why it changes (required for every version after the first)',
    'Evaluatie met het gezin',
    1000,
  )
  reden?: string;
}

export class PlanVersieParams {
  @UuidField('The family')
  gezinId!: string;

  @ApiProperty({ example: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  versie!: number;
}
