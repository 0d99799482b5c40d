import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsNumber,
  IsObject,
  IsOptional,
  IsPositive,
  Matches,
  Max,
  ValidateNested,
} from 'class-validator';
import { MAX_JPH_UREN_PER_WEEK, PRAKTIJK_ROLLEN, PraktijkRol } from '@app/domain';
import { DateField, TextField, UserIdField, UuidField } from '../../common/dto';

const UrenPerWeekField = () =>
  applyDecorators(
    ApiProperty({
      description: 'JPH hours per week at this practice: more than 0, at most 40',
      example: 16,
      maximum: MAX_JPH_UREN_PER_WEEK,
    }),
    IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 }),
    IsPositive(),
    Max(MAX_JPH_UREN_PER_WEEK),
  );

export class JphDto {
  @DateField('The JPH works at the practice from this date', '2025-01-01')
  sinds!: string;

  @UrenPerWeekField()
  urenPerWeek!: number;
}

export class RegisterPraktijkDto {
  @TextField('Name of the GP practice', 'Huisartsenpraktijk De Linde', 100)
  naam!: string;

  @ApiProperty({ description: 'AGB code of the practice (8 digits)', example: '01051234' })
  @Matches(/^\d{8}$/, { message: 'must be an AGB code: 8 digits' })
  agbCode!: string;

  @TextField('District (wijk)', 'Lelystad-Haven', 100)
  wijk!: string;

  @ApiPropertyOptional({
    type: JphDto,
    nullable: true,
    description: 'The JPH, when the practice has one; leave out or null when not',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => JphDto)
  jph?: JphDto | null;
}

export class SetJphDto {
  @DateField('From this date (not before the last change)', '2026-01-01')
  per!: string;

  @UrenPerWeekField()
  urenPerWeek!: number;
}

export class EndJphDto {
  @DateField('The practice has no JPH from this date (not before the last change)', '2026-07-01')
  per!: string;
}

export class LinkMedewerkerDto {
  @UserIdField('The user id (token subject) of the JPH or GP')
  userId!: string;

  @ApiProperty({ enum: PRAKTIJK_ROLLEN, description: 'jph or huisarts (GP or practice staff)' })
  @IsIn(PRAKTIJK_ROLLEN)
  rol!: PraktijkRol;
}

export class PraktijkIdParams {
  @UuidField('The GP practice')
  praktijkId!: string;
}

export class MedewerkerParams extends PraktijkIdParams {
  @UserIdField('The linked user')
  userId!: string;
}
