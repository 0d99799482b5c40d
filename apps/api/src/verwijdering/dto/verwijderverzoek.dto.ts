import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, ValidateIf, ValidateNested } from 'class-validator';
import { VERZOEKERS, Verzoeker, WEIGERGRONDEN, Weigergrond } from '@app/domain';
import { DateField, OptionalDateField, TextField, UuidField } from '../../common/dto';

/** Files a request can be about: a person's own data, or a family's file (its own texts). */
export const VERWIJDERBARE_DOSSIERS = ['persoon', 'gezin'] as const;

export class DossierDto {
  @ApiProperty({ enum: VERWIJDERBARE_DOSSIERS, description: 'A person, or a family' })
  @IsIn(VERWIJDERBARE_DOSSIERS)
  soort!: (typeof VERWIJDERBARE_DOSSIERS)[number];

  @UuidField('The persoonId or gezinId')
  id!: string;
}

export class DecideVerwijderverzoekDto {
  @ApiProperty({ type: DossierDto, description: 'Whose data the request is about' })
  @IsObject()
  @ValidateNested()
  @Type(() => DossierDto)
  dossier!: DossierDto;

  @ApiProperty({ enum: VERZOEKERS, description: 'Who asked' })
  @IsIn(VERZOEKERS)
  verzoeker!: Verzoeker;

  @DateField('When the request came in', '2026-11-20')
  ontvangenOp!: string;

  @OptionalDateField('Date of the decision (today when left out; not in the future)', '2026-12-01')
  datum?: string;

  @ApiProperty({ enum: ['toegewezen', 'afgewezen'], description: 'The decision' })
  @IsIn(['toegewezen', 'afgewezen'])
  besluit!: 'toegewezen' | 'afgewezen';

  @ApiPropertyOptional({
    enum: WEIGERGRONDEN,
    description: 'Refused: the legal ground (Jeugdwet 7.3.9 lid 2, AVG art. 17 lid 3)',
  })
  @ValidateIf((dto: DecideVerwijderverzoekDto) => dto.besluit === 'afgewezen')
  @IsIn(WEIGERGRONDEN)
  grond?: Weigergrond;

  @ValidateIf((dto: DecideVerwijderverzoekDto) => dto.besluit === 'afgewezen')
  @TextField(
    'Refused: why, for the requester',
    'De gegevens zijn nodig voor een lopende zaak.',
    2000,
  )
  toelichting?: string;
}
