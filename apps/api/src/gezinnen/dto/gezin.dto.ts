import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsObject,
  IsDefined,
  IsIn,
  IsOptional,
  Matches,
  ValidateIf,
  ValidateNested,
  ValidationArguments,
  registerDecorator,
} from 'class-validator';
import {
  NETWERK_SOORTEN,
  NetwerkSoort,
  ROLLEN,
  Rol,
  TIJDLIJN_SOORTEN,
  TijdlijnSoort,
  isValidBsn,
} from '@app/domain';
import {
  ConsistencyQuery,
  DateField,
  OptionalDateField,
  OptionalTextField,
  TextField,
  Trim,
  UuidField,
  UserIdField,
} from '../../common/dto';

/** A BSN: nine digits passing the eleven-test (elfproef). */
function IsBsn() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isBsn',
      target: target.constructor,
      propertyName,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isValidBsn(value),
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property ?? 'bsn'} must be a BSN: nine digits passing the eleven-test (elfproef)`,
      },
    });
}

export class PersoonsgegevensDto {
  @TextField('First name', 'Sanne', 100)
  voornaam!: string;

  @TextField('Surname', 'Jansen', 100)
  achternaam!: string;

  @OptionalDateField('Birth date; required for a youth', '2012-05-04')
  geboortedatum?: string;

  @ApiPropertyOptional({
    description: 'BSN (elfproef); only when needed for the task',
    example: '111222333',
  })
  @IsOptional()
  @IsBsn()
  bsn?: string;
}

export class NieuwGezinslidDto extends PersoonsgegevensDto {
  @ApiProperty({
    enum: ROLLEN,
    description: 'jeugdige (youth), ouder (parent/carer), overig (other household member)',
  })
  @IsIn(ROLLEN)
  rol!: Rol;
}

export class RegisterGezinDto {
  @TextField('How the family is called in the team', 'Jansen', 100)
  naam!: string;

  @ApiProperty({ type: [NieuwGezinslidDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => NieuwGezinslidDto)
  leden!: NieuwGezinslidDto[];

  @Trim()
  @OptionalTextField('The district (wijk) the family lives in, from today', 'Lelystad-Haven', 100)
  wijk?: string;
}

/** A member of a new family as its registration answers: the new person's id and role. */
export class GeregistreerdLidDto {
  @ApiProperty({ format: 'uuid', description: 'The new person' })
  persoonId!: string;

  @ApiProperty({ enum: ROLLEN })
  rol!: Rol;
}

/** What a registration answers besides the family's id: its members' ids, no read needed. */
export class GeregistreerdeLeden {
  @ApiProperty({
    type: [GeregistreerdLidDto],
    description: 'The members, in the order of the request: no read needed to learn their ids',
  })
  leden!: GeregistreerdLidDto[];
}

export class GezinWijkDto {
  @Trim()
  @TextField('The district (wijk) the family lives in', 'Lelystad-Haven', 100)
  wijk!: string;

  @DateField('Lives there from this date')
  per!: string;
}

/**
 * A new member: either a person who is already known (a youth of two households: `persoonId`),
 * or a new person (the person fields).
 */
export class AddGezinslidDto {
  @ApiProperty({ enum: ROLLEN })
  @IsIn(ROLLEN)
  rol!: Rol;

  @ApiPropertyOptional({
    description: 'An existing person (member of another family you work with)',
    format: 'uuid',
  })
  @ValidateIf((dto: AddGezinslidDto) => dto.persoonId !== undefined)
  @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, {
    message: 'must be a UUID',
  })
  persoonId?: string;

  @ApiPropertyOptional({
    type: PersoonsgegevensDto,
    description: 'A new person; leave out with persoonId',
  })
  @ValidateIf((dto: AddGezinslidDto) => dto.persoonId === undefined || dto.persoon !== undefined)
  @IsDefined({ message: 'give either persoon (a new person) or persoonId (a known person)' })
  @ValidateNested()
  @Type(() => PersoonsgegevensDto)
  persoon?: PersoonsgegevensDto;

  @OptionalDateField('Member from this date; today when left out')
  vanaf?: string;
}

export class RemoveGezinslidDto {
  @DateField('No longer a member from this date')
  per!: string;

  @TextField('Why', 'Verhuisd naar de andere ouder', 500)
  reden!: string;
}

export class CorrectPersoonDto extends PersoonsgegevensDto {
  @TextField('Why the data is corrected', 'Geboortedatum verkeerd overgenomen', 500)
  reden!: string;
}

export class LidParams {
  @UuidField('The family')
  gezinId!: string;

  @UuidField('The person')
  persoonId!: string;
}

export class NetwerkBetrokkeneDto {
  @ApiProperty({
    enum: NETWERK_SOORTEN,
    description: 'informeel: relatives, neighbours, volunteers; formeel: professionals',
  })
  @IsIn(NETWERK_SOORTEN)
  soort!: NetwerkSoort;

  @TextField('Name', 'Oma Jansen', 100)
  naam!: string;

  @TextField('Relation or role', 'oma', 100)
  rol!: string;

  @OptionalTextField('Organisation (required for a professional)', 'GGD Flevoland', 100)
  organisatie?: string;

  @DateField('Involved from')
  vanaf!: string;

  @OptionalDateField('Involved until')
  tot?: string;
}

export class EndNetwerkBetrokkeneDto {
  @DateField('No longer involved from this date')
  tot!: string;

  @OptionalTextField('Why', 'Hulp afgerond', 500)
  reden?: string;
}

export class NetwerkParams {
  @UuidField('The family')
  gezinId!: string;

  @UuidField('The network member')
  betrokkeneId!: string;
}

export class TijdlijnQuery extends ConsistencyQuery {
  @OptionalDateField('From this date, inclusive', '2026-01-01')
  van?: string;

  @OptionalDateField('Up to this date, inclusive', '2026-12-31')
  tot?: string;

  @ApiPropertyOptional({ enum: TIJDLIJN_SOORTEN, isArray: true, description: 'Only these kinds' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    Array.isArray(value) ? (value as unknown[]) : [value],
  )
  @IsIn(TIJDLIJN_SOORTEN, { each: true })
  soort?: TijdlijnSoort[];
}

export class ContactpersoonDto {
  @UserIdField('The user id (token subject) of the contact person')
  userId!: string;

  @TextField('Name', 'Anna de Vries', 100)
  naam!: string;

  @TextField('The partner organisation', 'Wijkteam Noord', 100)
  organisatie!: string;
}

export class AssignContactpersoonDto extends ContactpersoonDto {
  @DateField('From this date')
  vanaf!: string;
}

export class HandOverDto {
  @ApiProperty({ type: ContactpersoonDto, description: 'The new contact person' })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ContactpersoonDto)
  naar!: ContactpersoonDto;

  @DateField('From this date')
  per!: string;

  @TextField('Why', 'Anna gaat met zwangerschapsverlof', 500)
  reden!: string;
}

export class EndContactpersoonDto {
  @DateField('No contact person from this date')
  per!: string;

  @TextField('Why', 'Hulp afgerond; het gezin redt het zelf', 500)
  reden!: string;
}

export class HerkenningParams {
  @UuidField('The recognised person')
  persoonId!: string;

  @UuidField('The family that recognised them (registered them as a new member)')
  gezinId!: string;
}

export class HerkenningAfwijzingDto {
  @TextField(
    'Why this is not the known person, or why their care must stay hidden from this family; ' +
      'kept with the decision, never shown to the family that registered them',
    'Andere Sanne: geboortedatum klopt, ouders niet',
    500,
  )
  reden!: string;
}
