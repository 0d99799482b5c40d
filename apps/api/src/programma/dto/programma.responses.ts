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
