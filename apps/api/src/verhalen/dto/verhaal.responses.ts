import {
  GEEN_ANTWOORD,
  HULPVRAAG_ANTWOORDEN,
  VERHAAL_TOESTEMMINGEN,
  VERTELLERS,
  WETTELIJKE_KADERS,
  WOONVORMEN,
} from '@app/domain';
import type { OordelenView, VerhaalView } from '@app/projections';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Field } from '../../common/response-fields';
import { AANLEIDINGEN } from './verhaal.dto';

export class VertellerResponse {
  @Field.oneOf(VERTELLERS, 'Who told it')
  soort!: string;

  @Field.text('The organisation of a professional', { nullable: true })
  organisatie!: string | null;
}

export class ToewijzingOpnameResponse {
  @Field.id('The assignment')
  toewijzingId!: string;

  @Field.id('The member it is for')
  persoonId!: string;

  @Field.oneOf(WETTELIJKE_KADERS, 'The law')
  wettelijkKader!: string;

  @Field.text('The provider (AGB code, kvk: or gemeente:)')
  aanbiederId!: string;

  @Field.text('The product code')
  productcode!: string;

  @Field.text('The iJW category; null for a product classified by its law only', {
    nullable: true,
  })
  productcategorie!: string | null;

  @Field.oneOf(WOONVORMEN, 'The form of residence of its stay, if residential', {
    nullable: true,
  })
  woonvorm!: string | null;
}

export class VrijgaveResponse {
  @Field.text('The text as checked, the only one the monitoring shows')
  tekst!: string;

  @Field.text('Who released it (user id): never the one who recorded it')
  door!: string;

  @Field.date('When')
  op!: string;
}

export class VerhaalResponse implements VerhaalView {
  @Field.id('The story')
  verhaalId!: string;

  @Field.id('The family')
  gezinId!: string;

  @Field.id('The member it is about', { nullable: true })
  persoonId!: string | null;

  @Field.object(ToewijzingOpnameResponse, 'The assignment it is about, as it was then', {
    nullable: true,
  })
  toewijzing!: VerhaalView['toewijzing'];

  @Field.object(VertellerResponse, 'Who told it')
  verteller!: VerhaalView['verteller'];

  @Field.date('When it was told')
  datum!: string;

  @Field.text("In the teller's own words")
  tekst!: string;

  @Field.texts("The programme's themes")
  themaIds!: string[];

  @Field.oneOf(VERHAAL_TOESTEMMINGEN, 'The consent now')
  toestemming!: VerhaalView['toestemming'];

  @Field.date('Since when this consent holds')
  toestemmingSinds!: string;

  @Field.text('Who recorded it (user id)')
  vastgelegdDoor!: string;

  @Field.moment('When it was recorded')
  vastgelegdOp!: string;

  @Field.object(VrijgaveResponse, 'Its release for the monitoring since the last withdrawal', {
    nullable: true,
  })
  vrijgave!: VerhaalView['vrijgave'];

  @Field.integer("The story's version: send it as If-Match to change its consent")
  revision!: number;
}

const SCORE_OF_GEEN = (scale: { minimum: number; maximum: number }) =>
  ApiProperty({
    oneOf: [
      { type: 'integer', ...scale },
      { type: 'string', enum: [...GEEN_ANTWOORD] },
    ],
    description: `${scale.minimum} to ${scale.maximum}, or why there is no answer`,
  });

export class VoortgangResponse {
  @Field.text('The goal of the plan')
  doelId!: string;

  @SCORE_OF_GEEN({ minimum: -2, maximum: 2 })
  score!: number | string;
}

export class OordeelResponse {
  @Field.oneOf(VERTELLERS, 'Whose judgement')
  door!: string;

  @Field.oneOf(HULPVRAAG_ANTWOORDEN, 'Was the help request answered')
  hulpvraagBeantwoord!: string;

  @SCORE_OF_GEEN({ minimum: 1, maximum: 5 })
  regie!: number | string;

  @Field.list(VoortgangResponse, 'Progress per goal')
  voortgang!: VoortgangResponse[];
}

export class AanleidingResponse {
  @Field.oneOf(AANLEIDINGEN, 'A plan evaluation, or the end of an assignment')
  soort!: string;

  @ApiPropertyOptional({
    type: 'integer',
    description: 'The plan version evaluated (evaluatie only)',
  })
  planVersie?: number;

  @ApiPropertyOptional({
    type: ToewijzingOpnameResponse,
    description: 'The assignment that ended (einde-toewijzing only)',
  })
  toewijzing?: ToewijzingOpnameResponse;
}

export class OordelenResponse implements OordelenView {
  @Field.id('This round of judgements')
  oordeelId!: string;

  @Field.object(AanleidingResponse, 'When they were asked for')
  aanleiding!: OordelenView['aanleiding'];

  @Field.date('When they were asked')
  datum!: string;

  @Field.list(OordeelResponse, 'The judgements, one per teller')
  oordelen!: OordelenView['oordelen'];

  @Field.text('Who recorded them (user id)')
  vastgelegdDoor!: string;

  @Field.moment('When they were recorded')
  vastgelegdOp!: string;
}
