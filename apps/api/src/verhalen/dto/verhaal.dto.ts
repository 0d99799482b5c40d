import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  GEEN_ANTWOORD,
  HULPVRAAG_ANTWOORDEN,
  HulpvraagAntwoord,
  Oordeel,
  REGIE_SCORES,
  VERHAAL_TOESTEMMINGEN,
  VERTELLERS,
  VOORTGANG_SCORES,
  VerhaalToestemming,
  Verteller,
} from '@app/domain';
import {
  DateField,
  GezinIdParams,
  OptionalDateField,
  OptionalTextField,
  OptionalUuidField,
  TextField,
  Trim,
  UUID_PATTERN,
  UuidField,
} from '../../common/dto';
import { LOCAL_ID, LOCAL_ID_MESSAGE } from '../../gezinnen/dto/plan.dto';

/** A theme of the programme, as application management names it (`knop-8`). */
const THEMA_ID = /^[a-z0-9][a-z0-9-]{0,59}$/;
/** A story in the teller's own words: room for a page. */
const TEKST_MAX = 4000;

export class VerhaalParams extends GezinIdParams {
  @UuidField('The story')
  verhaalId!: string;
}

export class VertellerDto {
  @ApiProperty({ enum: VERTELLERS, description: 'Who tells: jeugdige, ouder or professional' })
  @IsIn(VERTELLERS)
  soort!: Verteller;

  @Trim()
  @OptionalTextField(
    'The organisation a professional works for; required for a professional, left out otherwise',
    'Kwadraad',
    200,
  )
  organisatie?: string;
}

export class VerhaalDto {
  @OptionalUuidField('The member the story is about, if one')
  persoonId?: string;

  @OptionalUuidField(
    'An assignment of a member the story is about (and so its provider, product and form of ' +
      'care); it names the member when persoonId is left out',
  )
  toewijzingId?: string;

  @ApiProperty({ type: VertellerDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => VertellerDto)
  verteller!: VertellerDto;

  @DateField('When it was told', '2026-11-20')
  datum!: string;

  @TextField(
    "In the teller's own words",
    'Eindelijk één plan, en iemand die het overzicht houdt.',
    TEKST_MAX,
  )
  tekst!: string;

  @ApiProperty({
    type: [String],
    example: ['knop-8'],
    description:
      "One or more of the programme's themes, each known and active (GET /referentiedata/themas)",
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @Matches(THEMA_ID, {
    each: true,
    message: 'each must be a theme id: lowercase letters, digits and -',
  })
  themaIds!: string[];

  @ApiProperty({
    enum: VERHAAL_TOESTEMMINGEN,
    description:
      "What the teller agreed to: dossier (the family's file only), gepseudonimiseerd (also in the monitoring, without names, once released), citeerbaar (and quoted word for word)",
  })
  @IsIn(VERHAAL_TOESTEMMINGEN)
  toestemming!: VerhaalToestemming;
}

export class ToestemmingDto {
  @ApiProperty({
    enum: VERHAAL_TOESTEMMINGEN,
    description: 'The consent from now on; dossier withdraws it from the monitoring at once',
  })
  @IsIn(VERHAAL_TOESTEMMINGEN)
  toestemming!: VerhaalToestemming;

  @OptionalDateField('When the teller said so; today when left out', '2026-11-25')
  datum?: string;
}

export class VrijgaveDto {
  @TextField(
    'The text as checked: names, places and other identifying details taken out (the same text when there were none)',
    'Eindelijk één plan, en iemand die het overzicht houdt.',
    TEKST_MAX,
  )
  tekst!: string;
}

const ANTWOORD = (scale: readonly number[]) => [...scale, ...GEEN_ANTWOORD];

export class VoortgangDto {
  @ApiProperty({ example: 'd-1', description: 'A goal of the plan (its doelId)' })
  @Matches(LOCAL_ID, { message: LOCAL_ID_MESSAGE })
  doelId!: string;

  @ApiProperty({
    oneOf: [
      { type: 'integer', minimum: -2, maximum: 2 },
      { type: 'string', enum: [...GEEN_ANTWOORD] },
    ],
    example: 1,
    description: 'Goal attainment, -2 to +2; or niet-gevraagd, wil-niet-antwoorden',
  })
  @IsIn(ANTWOORD(VOORTGANG_SCORES), {
    message: 'must be -2 to 2, niet-gevraagd or wil-niet-antwoorden',
  })
  score!: Oordeel['voortgang'][number]['score'];
}

export class OordeelDto {
  @ApiProperty({
    enum: VERTELLERS,
    description: 'Whose judgement: jeugdige, ouder or professional',
  })
  @IsIn(VERTELLERS)
  door!: Verteller;

  @ApiProperty({
    enum: HULPVRAAG_ANTWOORDEN,
    description:
      'Was the help request answered: ja, deels, nee; or niet-gevraagd, wil-niet-antwoorden',
  })
  @IsIn(HULPVRAAG_ANTWOORDEN)
  hulpvraagBeantwoord!: HulpvraagAntwoord;

  @ApiProperty({
    oneOf: [
      { type: 'integer', minimum: 1, maximum: 5 },
      { type: 'string', enum: [...GEEN_ANTWOORD] },
    ],
    example: 4,
    description: 'How much they felt in charge, 1 to 5; or niet-gevraagd, wil-niet-antwoorden',
  })
  @IsIn(ANTWOORD(REGIE_SCORES), { message: 'must be 1 to 5, niet-gevraagd or wil-niet-antwoorden' })
  regie!: Oordeel['regie'];

  @ApiProperty({
    type: [VoortgangDto],
    description: 'Progress per goal of the plan, each goal once',
  })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => VoortgangDto)
  voortgang!: VoortgangDto[];
}

export const AANLEIDINGEN = ['evaluatie', 'einde-toewijzing'] as const;

export class AanleidingDto {
  @ApiProperty({
    enum: AANLEIDINGEN,
    description: 'A plan evaluation, or the end of an assignment',
  })
  @IsIn(AANLEIDINGEN)
  soort!: (typeof AANLEIDINGEN)[number];

  @ApiPropertyOptional({
    example: 1,
    description: 'For an evaluation: the version of the plan evaluated',
  })
  @ValidateIf((dto: AanleidingDto) => dto.soort === 'evaluatie')
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  planVersie?: number;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'For the end of an assignment: the assignment',
  })
  @ValidateIf((dto: AanleidingDto) => dto.soort === 'einde-toewijzing')
  @Matches(UUID_PATTERN, { message: 'must be a UUID' })
  toewijzingId?: string;
}

export class OordelenDto {
  @ApiProperty({ type: AanleidingDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => AanleidingDto)
  aanleiding!: AanleidingDto;

  @DateField('When they were asked', '2026-11-27')
  datum!: string;

  @ApiProperty({
    type: [OordeelDto],
    description: 'One per youth and per parent of the family at most, one of the professional',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => OordeelDto)
  oordelen!: OordeelDto[];
}
