import { ApiProperty } from '@nestjs/swagger';
import { STOPLICHT_KLEUREN, StoplichtKleur } from '@app/domain';
import { Field } from '../../common/response-fields';

export class ThemaResponse {
  @Field.text('The theme', { example: 'knop-8' })
  themaId!: string;

  @Field.text('Its name', { example: 'Stoppen met hetgeen niet werkt' })
  naam!: string;

  @Field.integer('The knop it belongs to', { nullable: true, example: 8 })
  knop!: number | null;

  @Field.flag('Stories may be linked to it')
  actief!: boolean;
}

export class ActieResponse {
  @Field.text('The action', { example: 'k8-2b' })
  actieId!: string;

  @Field.text('What the action says')
  titel!: string;
}

export class KnopResponse {
  @Field.integer('The knop', { example: 8 })
  knop!: number;

  @Field.text('Its title', { example: 'Stoppen met hetgeen niet werkt' })
  titel!: string;

  @Field.list(ActieResponse, 'Its actions, in order')
  acties!: ActieResponse[];
}

export class ActieStatusResponse {
  @Field.oneOf(STOPLICHT_KLEUREN, 'The colour')
  status!: StoplichtKleur;

  @Field.text('Why this colour')
  toelichting!: string;

  @Field.date('It applies from')
  datum!: string;

  @Field.text('Who recorded it (user id)', { example: 'u-beleid' })
  door!: string;

  @Field.moment('When it was recorded')
  vastgelegdOp!: string;
}

export class ActieStoplichtResponse extends ActieResponse {
  @Field.object(ActieStatusResponse, 'The current status (the latest); null before the first', {
    nullable: true,
  })
  status!: ActieStatusResponse | null;

  @Field.list(ActieStatusResponse, 'Every status, oldest first: the history stays')
  historie!: ActieStatusResponse[];
}

export class KnopStoplichtResponse {
  @Field.integer('The knop', { example: 8 })
  knop!: number;

  @Field.text('Its title', { example: 'Stoppen met hetgeen niet werkt' })
  titel!: string;

  @Field.integer('Its actions')
  acties!: number;

  @Field.integer('Actions at groen now')
  groen!: number;

  @Field.integer('Actions at oranje now')
  oranje!: number;

  @Field.integer('Actions at rood now')
  rood!: number;

  @Field.integer('Actions without a status yet')
  zonderStatus!: number;

  @Field.date('The date of the latest status of any of its actions', { nullable: true })
  laatsteDatum!: string | null;
}

export class KnopRapportResponse extends KnopStoplichtResponse {
  @Field.text('The version of what the report holds and how', { example: 'stoplicht-1' })
  definitieVersie!: string;

  @Field.list(ActieStoplichtResponse, 'Its actions in order, each with its status and history')
  stoplicht!: ActieStoplichtResponse[];

  @Field.list(ThemaResponse, 'The themes of the knop (stories are linked to themes)')
  themas!: ThemaResponse[];

  @Field.map(
    "The council's indicators of the knop's starting point (vertrekpunt), over the period asked: " +
      'the same figures as GET /beleid/zorg/indicatoren with the same query, only the ones of ' +
      'the knop kept (vertrekpunt, indicatoren, jaren, inEnUitstroom, herhaaldeInstroom, ' +
      'nulwaarden, definitie, onderdrukt). A knop outside the starting points has none.',
  )
  indicatoren!: Record<string, unknown>;

  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    nullable: true,
    description:
      "The released stories of the knop's themes in the report's cell, as the monitoring shows " +
      'them (beleid/cijfers-en-verhalen): none in a cell of fewer than 10 persons; null when no ' +
      'monitoring provides them',
  })
  verhalen!: object[] | null;
}
