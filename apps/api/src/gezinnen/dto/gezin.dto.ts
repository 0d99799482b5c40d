import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { ROLLEN, Rol } from '@app/domain';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = 'must be a date as YYYY-MM-DD';

export class GezinslidDto {
  @ApiProperty({
    enum: ROLLEN,
    description: 'jeugdige (youth), ouder (parent/carer), overig (other household member)',
  })
  @IsIn(ROLLEN)
  rol!: Rol;

  @ApiProperty({ example: 'Sanne' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  voornaam!: string;

  @ApiProperty({ example: 'Jansen' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  achternaam!: string;

  @ApiPropertyOptional({ example: '2012-05-04', description: 'YYYY-MM-DD; required for a youth' })
  @IsOptional()
  @Matches(DATE, { message: DATE_MESSAGE })
  @IsISO8601({ strict: true }, { message: DATE_MESSAGE })
  geboortedatum?: string;
}

export class RegisterGezinDto {
  @ApiProperty({ example: 'Jansen', description: 'How the family is called in the team' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  naam!: string;

  @ApiProperty({ type: [GezinslidDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => GezinslidDto)
  leden!: GezinslidDto[];
}

export class AssignContactpersoonDto {
  @ApiProperty({
    example: 'u-anna',
    description: 'The user id (token subject) of the contact person',
  })
  @IsString()
  @Matches(/^[A-Za-z0-9._@-]{1,100}$/, { message: 'must be a user id (letters, digits, . _ @ -)' })
  userId!: string;

  @ApiProperty({ example: 'Anna de Vries' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  naam!: string;

  @ApiProperty({ example: 'Wijkteam Noord', description: 'The partner organisation' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  organisatie!: string;

  @ApiProperty({ example: '2026-03-01', description: 'From this date (YYYY-MM-DD)' })
  @Matches(DATE, { message: DATE_MESSAGE })
  @IsISO8601({ strict: true }, { message: DATE_MESSAGE })
  vanaf!: string;
}

export class GezinIdParams {
  @ApiProperty({ format: 'uuid' })
  @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, {
    message: 'must be a UUID',
  })
  gezinId!: string;
}

export class ConsistencyQuery {
  @ApiPropertyOptional({
    description:
      'A log position from a write response (header X-Log-Position): wait until the read models have reached it',
    example: '42',
  })
  @IsOptional()
  @Matches(/^\d{1,20}$/, { message: 'must be a log position (digits)' })
  minPosition?: string;
}

export const TIJDLIJN_SOORTEN = ['gezin', 'gezinslid', 'contactpersoon'] as const;

export class TijdlijnQuery extends ConsistencyQuery {
  @ApiPropertyOptional({
    description: 'From this date (YYYY-MM-DD), inclusive',
    example: '2026-01-01',
  })
  @IsOptional()
  @Matches(DATE, { message: DATE_MESSAGE })
  van?: string;

  @ApiPropertyOptional({
    description: 'Up to this date (YYYY-MM-DD), inclusive',
    example: '2026-12-31',
  })
  @IsOptional()
  @Matches(DATE, { message: DATE_MESSAGE })
  tot?: string;

  @ApiPropertyOptional({ enum: TIJDLIJN_SOORTEN, isArray: true, description: 'Only these kinds' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    Array.isArray(value) ? (value as unknown[]) : [value],
  )
  @IsIn(TIJDLIJN_SOORTEN, { each: true })
  soort?: (typeof TIJDLIJN_SOORTEN)[number][];
}
