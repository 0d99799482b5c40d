import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
  ValidationArguments,
  registerDecorator,
} from 'class-validator';
import {
  AANBIEDER_ID,
  BESTEMMINGEN,
  BEVOLKING_JAREN,
  Bestemming,
  CBS_HULPVORMEN,
  CbsHulpvorm,
  PRODUCTCATEGORIEEN,
  Productcategorie,
  REDEN_EINDE_CODES,
  RedenEindeZorg,
  VERWIJZER_CODES,
  VerwijzerType,
  WETTELIJKE_KADERS,
  WOONVORMEN,
  WettelijkKader,
  Woonvorm,
} from '@app/domain';
import {
  ConsistencyQuery,
  DateField,
  IsDate,
  OptionalDateField,
  OptionalTextField,
  TextField,
  Trim,
  UuidField,
} from '../../common/dto';

export const PRODUCTCODE = /^[0-9A-Z]{2,8}$/;
/** A provider: AGB code, `kvk:` KvK number, or `gemeente:` own team (AANBIEDER_ID, domain). */
export const AANBIEDER_ID_MESSAGE =
  'must be an AGB code (8 digits), kvk: and a KvK number (8 digits), or gemeente: and a team name (lowercase letters, digits, -)';
export const AANBIEDER_ID_EXAMPLE = '12345678';
const AANBIEDER_ID_DESCRIPTION =
  "The provider: its AGB code (8 digits), `kvk:` and its KvK number, or `gemeente:` and a name of the municipality's own team (e.g. `gemeente:wijkteam-noord`)";

export class PersoonIdParams {
  @UuidField('The person')
  persoonId!: string;
}

export class ToewijzingParams extends PersoonIdParams {
  @UuidField('The assignment')
  toewijzingId!: string;
}

export class VerlengingParams extends PersoonIdParams {
  @UuidField('The extension request')
  verlengingId!: string;
}

export class VerblijfParams extends PersoonIdParams {
  @UuidField('The residential stay')
  verblijfId!: string;
}

export class AanvraagParams extends PersoonIdParams {
  @UuidField('The request for care after 18')
  aanvraagId!: string;
}

export class ProductcodeParams {
  @ApiProperty({ example: '45A48', description: 'iJW product code' })
  @Matches(PRODUCTCODE, { message: 'must be a product code: 2 to 8 capitals or digits' })
  productcode!: string;
}

export class AanbiederParams {
  @ApiProperty({ example: AANBIEDER_ID_EXAMPLE, description: AANBIEDER_ID_DESCRIPTION })
  @Matches(AANBIEDER_ID, { message: AANBIEDER_ID_MESSAGE })
  aanbiederId!: string;
}

export class BevolkingParams {
  @ApiProperty({
    example: 2024,
    description: `The year (${BEVOLKING_JAREN.van} to ${BEVOLKING_JAREN.tot}): youths on 31 December of it`,
  })
  @Type(() => Number)
  @IsInt()
  @Min(BEVOLKING_JAREN.van)
  @Max(BEVOLKING_JAREN.tot)
  jaar!: number;
}

export class BevolkingWijkDto {
  @Trim()
  @TextField('District (wijk)', 'Lelystad-Haven', 100)
  wijk!: string;

  @ApiProperty({ example: 1840, description: 'Youths aged 0 to 17 living in the district' })
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  aantal!: number;
}

/** Without the whole municipality (`totaal`), at least one district. */
function WijkenOfTotaal() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'wijkenOfTotaal',
      target: target.constructor,
      propertyName,
      validator: {
        validate: (value: unknown, args?: ValidationArguments) =>
          (args?.object as BevolkingDto | undefined)?.totaal !== undefined ||
          (Array.isArray(value) && value.length > 0),
        defaultMessage: () =>
          'wijken must name at least one district, unless totaal gives the whole municipality',
      },
    });
}

export class BevolkingDto {
  @ApiPropertyOptional({
    example: 19000,
    description:
      'Youths aged 0 to 17 in the whole municipality; when left out, the sum of the districts',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  totaal?: number;

  @ApiPropertyOptional({
    type: [BevolkingWijkDto],
    description:
      'Every district known, once (they may not cover the whole); with totaal, may be left out. Replaces the figures of the year, if any',
  })
  @ValidateIf((dto: BevolkingDto) => dto.totaal === undefined || dto.wijken !== undefined)
  @IsArray()
  @ArrayMaxSize(500)
  @WijkenOfTotaal()
  @ValidateNested({ each: true })
  @Type(() => BevolkingWijkDto)
  wijken?: BevolkingWijkDto[];
}

export class PeildatumQuery extends ConsistencyQuery {
  @OptionalDateField('The versions valid on this date; today when left out')
  peildatum?: string;
}

export class ProductVersieDto {
  @DateField('Valid from this date; must be after the latest version')
  geldigVanaf!: string;

  @ApiPropertyOptional({
    enum: WETTELIJKE_KADERS,
    description: 'The law the product is given under; jeugdwet when left out',
  })
  @IsOptional()
  @IsIn(WETTELIJKE_KADERS)
  wettelijkKader?: WettelijkKader;

  @ApiPropertyOptional({
    enum: PRODUCTCATEGORIEEN,
    description:
      'iJW product category (JZ020): required for a Jeugdwet product, left out under any other law (the law classifies it)',
  })
  @ValidateIf(
    (dto: ProductVersieDto) =>
      (dto.wettelijkKader ?? 'jeugdwet') === 'jeugdwet' || dto.categorie !== undefined,
  )
  @IsIn(PRODUCTCATEGORIEEN)
  categorie?: Productcategorie;

  @TextField('Description', 'Ambulante jeugdhulp', 200)
  omschrijving!: string;

  @ApiPropertyOptional({ enum: WOONVORMEN, description: 'Residential products only' })
  @IsOptional()
  @IsIn(WOONVORMEN)
  woonvorm?: Woonvorm;

  @ApiPropertyOptional({ example: 6, description: 'Contracted maximum duration in months' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(120)
  maxDuurMaanden?: number;

  @ApiPropertyOptional({ enum: CBS_HULPVORMEN, description: 'CBS form of help (hulpvorm)' })
  @IsOptional()
  @IsIn(CBS_HULPVORMEN)
  cbsHulpvorm?: CbsHulpvorm;
}

export class AanbiederVersieDto {
  @DateField('Valid from this date; must be after the latest version')
  geldigVanaf!: string;

  @TextField('Name', 'Zorg BV', 200)
  naam!: string;
}

export class VerwijzerDto {
  @ApiProperty({
    enum: VERWIJZER_CODES,
    description: 'iJW referrer type: 01 gemeente, 02 huisarts, ...',
  })
  @IsIn(VERWIJZER_CODES)
  type!: VerwijzerType;

  @OptionalTextField('Name of the referrer', 'Huisartsenpraktijk De Linde', 200)
  naam?: string;
}

export class OmvangDto {
  @ApiProperty({ example: 2 })
  @IsNumber()
  @Min(0)
  @Max(10000)
  hoeveelheid!: number;

  @TextField('Unit', 'uur', 40)
  eenheid!: string;

  @TextField('Per', 'week', 40)
  frequentie!: string;
}

export class ToewijzingDto {
  @ApiPropertyOptional({
    enum: WETTELIJKE_KADERS,
    description: "The product's law; when given, it must be the product's (422 otherwise)",
  })
  @IsOptional()
  @IsIn(WETTELIJKE_KADERS)
  wettelijkKader?: WettelijkKader;

  @ApiProperty({ example: '45A48', description: 'Product code (reference data)' })
  @Matches(PRODUCTCODE, { message: 'must be a product code: 2 to 8 capitals or digits' })
  productcode!: string;

  @ApiProperty({
    example: AANBIEDER_ID_EXAMPLE,
    description: `${AANBIEDER_ID_DESCRIPTION}, as reference data knows it`,
  })
  @Matches(AANBIEDER_ID, { message: AANBIEDER_ID_MESSAGE })
  aanbiederId!: string;

  @ApiProperty({ type: VerwijzerDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => VerwijzerDto)
  verwijzer!: VerwijzerDto;

  @TextField('The assignment number', 'TW-2026-0001', 40)
  toewijzingsnummer!: string;

  @DateField('Assigned from', '2025-09-01')
  begindatum!: string;

  @DateField('Assigned until', '2026-02-28')
  einddatum!: string;

  @ApiPropertyOptional({ type: OmvangDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => OmvangDto)
  omvang?: OmvangDto;
}

export class DatumDto {
  @DateField('The date')
  datum!: string;
}

export class ZorgStopDto extends DatumDto {
  @ApiProperty({ enum: REDEN_EINDE_CODES, description: 'iJW reason for ending (JW307)' })
  @IsIn(REDEN_EINDE_CODES)
  reden!: RedenEindeZorg;
}

export class CorrectieDto {
  @ApiProperty({ enum: ['start', 'stop'] })
  @IsIn(['start', 'stop'])
  soort!: 'start' | 'stop';

  @ApiProperty({
    nullable: true,
    format: 'date',
    description: 'The right date, or null to delete the start/stop',
  })
  @ValidateIf((dto: CorrectieDto) => dto.datum !== null)
  @IsDate()
  datum!: string | null;

  @ApiPropertyOptional({
    enum: REDEN_EINDE_CODES,
    description: 'For a corrected stop: the reason for ending',
  })
  @ValidateIf((dto: CorrectieDto) => dto.soort === 'stop' && dto.datum !== null)
  @IsIn(REDEN_EINDE_CODES)
  redenEinde?: RedenEindeZorg;

  @TextField('Why', 'Verkeerde datum doorgegeven', 500)
  toelichting!: string;
}

export class VerlengingDto {
  @DateField('When the provider asked')
  aangevraagdOp!: string;

  @TextField('Who asks (the provider)', 'Zorg BV', 200)
  aanvrager!: string;

  @TextField('Why', 'Doelen nog niet bereikt', 1000)
  reden!: string;

  @DateField('Extend until', '2026-08-31')
  gevraagdTot!: string;
}

export class VerlengingBesluitDto {
  @ApiProperty({ enum: ['toegekend', 'afgewezen'] })
  @IsIn(['toegekend', 'afgewezen'])
  besluit!: 'toegekend' | 'afgewezen';

  @DateField('Decided on')
  besluitdatum!: string;

  @OptionalTextField(
    'Required for a refusal: the "nee, tenzij" explanation',
    'Lichtere hulp volstaat',
    2000,
  )
  toelichting?: string;

  @ApiPropertyOptional({ type: [String], description: 'Alternatives offered with a refusal' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  alternatieven?: string[];

  @OptionalTextField('For a grant: the number of the new assignment', 'TW-2026-0002', 40)
  toewijzingsnummer?: string;
}

export class VerblijfDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The residential assignment' })
  @IsOptional()
  @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, {
    message: 'must be a UUID',
  })
  toewijzingId?: string;

  @ApiProperty({ enum: WOONVORMEN })
  @IsIn(WOONVORMEN)
  woonvorm!: Woonvorm;

  @DateField('Start of the stay')
  startdatum!: string;

  @DateField('End date of the indication')
  indicatieEinddatum!: string;

  @OptionalTextField('The exit perspective', 'Terug naar huis met ambulante hulp', 1000)
  uitstroomperspectief?: string;
}

export class WoonvormDto extends DatumDto {
  @ApiProperty({ enum: WOONVORMEN })
  @IsIn(WOONVORMEN)
  naar!: Woonvorm;
}

export class UitstroomperspectiefDto extends DatumDto {
  @TextField('The exit perspective', 'Kamertraining, daarna zelfstandig', 1000)
  perspectief!: string;
}

export class UitstroomDto extends DatumDto {
  @ApiProperty({ enum: BESTEMMINGEN })
  @IsIn(BESTEMMINGEN)
  bestemming!: Bestemming;

  @ApiProperty({ description: 'Whether follow-up help was arranged' })
  @IsBoolean()
  vervolghulp!: boolean;
}

export class PerspectiefgesprekDto extends DatumDto {
  @TextField('The perspective for after 18', 'Zelfstandig wonen met begeleiding', 2000)
  perspectief!: string;

  @TextField('Needs', 'Budgetcoaching, hulp bij werk zoeken', 2000)
  behoeften!: string;

  @ApiProperty({ description: 'Whether care after 18 is expected' })
  @IsBoolean()
  zorgNa18Verwacht!: boolean;
}

export class VerlengdeJeugdhulpDto extends DatumDto {
  @TextField('Why', 'Behandeling loopt door na 18', 1000)
  reden!: string;
}

export class VerlengdeJeugdhulpBesluitDto extends DatumDto {
  @ApiProperty({ enum: ['toegekend', 'afgewezen'] })
  @IsIn(['toegekend', 'afgewezen'])
  besluit!: 'toegekend' | 'afgewezen';

  @OptionalTextField('Required for a refusal', 'Wmo-begeleiding sluit beter aan', 2000)
  toelichting?: string;
}

export class MaandenQuery extends ConsistencyQuery {
  @ApiPropertyOptional({ example: 3, description: 'Months ahead (1 to 24); 3 when left out' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(24)
  maanden?: number;
}

export class DagenQuery extends ConsistencyQuery {
  @ApiPropertyOptional({ example: 60, description: 'Days ahead (1 to 365); 60 when left out' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  dagen?: number;
}
