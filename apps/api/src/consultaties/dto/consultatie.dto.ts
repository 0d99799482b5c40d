import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  LEEFTIJDSGROEPEN,
  Leeftijdsgroep,
  MAX_CONTACTEN,
  ONDERWERPEN,
  Onderwerp,
  UITKOMSTEN,
  Uitkomst,
} from '@app/domain';
import {
  ConsistencyQuery,
  DateField,
  OptionalDateField,
  OptionalTextField,
  TextField,
  UuidField,
} from '../../common/dto';

const NEVER_STORED =
  'Never stored. Without consent (toestemming) a body with this field is refused (422)';

/** Everything a consultation records; a correction sends all of it again. */
export class ConsultatieInhoudDto {
  @DateField('Date of the consultation (not in the future)', '2026-02-27')
  datum!: string;

  @ApiProperty({ enum: LEEFTIJDSGROEPEN, description: 'Age band of the youth' })
  @IsIn(LEEFTIJDSGROEPEN)
  leeftijdsgroep!: Leeftijdsgroep;

  @ApiProperty({ enum: ONDERWERPEN, isArray: true, description: 'One or more topics' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ONDERWERPEN.length)
  @ArrayUnique()
  @IsIn(ONDERWERPEN, { each: true })
  onderwerpen!: Onderwerp[];

  @OptionalTextField(
    'Notes for the practice (required with topic overig); never shown outside the practice, no BSN',
    'Twee gesprekken met moeder over slapen en school.',
    1000,
  )
  toelichting?: string;

  @ApiProperty({
    description: 'Number of contacts',
    minimum: 1,
    maximum: MAX_CONTACTEN,
    example: 2,
  })
  @IsInt()
  @Min(1)
  @Max(MAX_CONTACTEN)
  aantalContacten!: number;

  @ApiProperty({ enum: UITKOMSTEN, description: 'How the consultation ended' })
  @IsIn(UITKOMSTEN)
  uitkomst!: Uitkomst;

  @OptionalDateField('When the practice sees the youth or parent again', '2026-03-27')
  vervolgdatum?: string;

  @ApiProperty({
    description:
      'Whether the youth or parent agreed that the consultation is linked to them. Without it ' +
      'nothing traceable is accepted: no bsn, naam or geboortedatum',
  })
  @IsBoolean()
  toestemming!: boolean;

  @ApiPropertyOptional({
    description:
      'Only with consent: asks for a link to the person with this BSN (it must pass the ' +
      'eleven-test). When the municipality knows the person, the link is proposed to the ' +
      "family's contact person; the answer is the same either way, and the practice never " +
      `sees the link. Counted and limited per user (429), logged. ${NEVER_STORED}`,
    example: '111222333',
  })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  bsn?: string;

  @ApiPropertyOptional({ description: `${NEVER_STORED}; with consent too (422)` })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  naam?: string;

  @ApiPropertyOptional({ description: `${NEVER_STORED}; with consent too (422)` })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  geboortedatum?: string;
}

export class LogConsultatieDto extends ConsultatieInhoudDto {
  @UuidField('Your practice: a consultation is logged for your own practice only')
  praktijkId!: string;
}

export class CorrectConsultatieDto extends ConsultatieInhoudDto {
  @TextField('Why it is corrected', 'Uitkomst verkeerd gekozen', 500)
  reden!: string;
}

export class WithdrawConsultatieDto {
  @TextField('Why it is withdrawn', 'Dubbel vastgelegd', 500)
  reden!: string;
}

export class AfwijzingDto {
  @OptionalTextField(
    'Why the consultation is not about this person or family; kept with the decision, never shown to the practice',
    'Andere Sanne: niet dit gezin',
    500,
  )
  reden?: string;
}

export class BsnOpvragingenQuery extends ConsistencyQuery {
  @DateField('Lookups on or after this day (UTC)', '2026-11-01')
  van!: string;

  @DateField('Lookups on or before this day (UTC; at most 10 years after van)', '2026-11-30')
  tot!: string;
}

export class ConsultatieIdParams {
  @UuidField('The consultation')
  consultatieId!: string;
}

export class PraktijkConsultatiesQuery extends ConsistencyQuery {
  @OptionalDateField('Consultations on or after this date', '2026-01-01')
  van?: string;

  @OptionalDateField('Consultations on or before this date', '2026-03-31')
  tot?: string;
}

export class VervolgafsprakenQuery extends ConsistencyQuery {
  @OptionalDateField(
    'Follow-ups on or after this date; today when left out (give an earlier date to see overdue ones)',
    '2026-01-01',
  )
  vanaf?: string;
}
