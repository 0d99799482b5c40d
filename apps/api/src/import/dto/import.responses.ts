import { BERICHTSOORTEN, BerichtUitkomst } from '@app/ijw';
import { TeKoppelenBericht } from '@app/projections';
import { ApiProperty } from '@nestjs/swagger';
import { Field } from '../../common/response-fields';

const SOORTEN = Object.keys(BERICHTSOORTEN);

export class BerichtUitkomstResponse implements BerichtUitkomst {
  @Field.text('Where the message came from: `bron` as sent, or "bericht N"')
  bron!: string;

  @ApiProperty({ enum: SOORTEN, nullable: true, description: 'The message type, when readable' })
  soort!: BerichtUitkomst['soort'];

  @Field.text('Kind, sender, identification and date of the message, when readable', {
    nullable: true,
  })
  sleutel!: string | null;

  @Field.oneOf(['accepted', 'duplicate', 'refused'], 'What became of the message')
  uitkomst!: BerichtUitkomst['uitkomst'];

  @Field.text('Why it was refused', { nullable: true })
  reden!: string | null;

  @Field.text('The element the refusal is about, e.g. Bericht/Client/Bsn', { nullable: true })
  pad!: string | null;

  @Field.flag('The BSN matched nobody: the message waits on the worklist "te koppelen"')
  teKoppelen!: boolean;

  @Field.integer('How many events the message wrote')
  feiten!: number;

  @Field.text('Log position of its last event, for ?minPosition=', { nullable: true })
  positie!: string | null;
}

export class IjwImportResponse {
  @ApiProperty({
    type: [BerichtUitkomstResponse],
    description: 'One outcome per message, in order',
  })
  uitkomsten!: BerichtUitkomstResponse[];
}

export class TeKoppelenItem implements TeKoppelenBericht {
  @Field.id('The waiting message')
  berichtId!: string;

  @ApiProperty({ enum: SOORTEN, description: 'The message type' })
  soort!: TeKoppelenBericht['soort'];

  @Field.moment('When it was received')
  ontvangenOp!: string;

  @Field.text('The BSN the message names')
  bsn!: string;

  @Field.text('The name the message gives', { nullable: true })
  naam!: string | null;

  @Field.date('The birth date the message gives', { nullable: true })
  geboortedatum!: string | null;
}

export class KoppelingResponse {
  @Field.id('The message linked')
  berichtId!: string;

  @Field.text('Log position of the last event written, for ?minPosition=', { nullable: true })
  position!: string | null;

  @ApiProperty({ type: BerichtUitkomstResponse, description: 'The outcome of applying its facts' })
  toegepast!: BerichtUitkomstResponse;
}
