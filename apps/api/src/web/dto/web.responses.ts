import { ROLES, Role } from '@app/access';
import { Field } from '../../common/response-fields';
import type { DevGebruiker as DevGebruikerView } from '../dev-gebruikers';
import type { Ik as IkView } from '../ik.controller';
import type { WebConfig as WebConfigView } from '../web-config.controller';

/** The answers of the web app's own routes, as OpenAPI schemas. */

export class OidcInstellingen {
  @Field.text('The issuer the web app signs in at', { example: 'https://login.example.nl' })
  authority!: string;

  @Field.text('The web app’s client id there (OIDC_CLIENT_ID)', { nullable: true })
  clientId!: string | null;

  @Field.text('The scopes it asks for (OIDC_SCOPE)', { example: 'openid profile' })
  scope!: string;
}

export class WebConfig implements WebConfigView {
  @Field.oneOf(['dev', 'oidc'], 'dev: pick a demo user; oidc: sign in at the issuer')
  authMode!: WebConfigView['authMode'];

  @Field.object(OidcInstellingen, 'With oidc: where and as whom to sign in', { nullable: true })
  oidc!: OidcInstellingen | null;
}

export class MijnPraktijk {
  @Field.id('The practice')
  praktijkId!: string;

  @Field.text('Its name today')
  naam!: string;
}

export class Ik implements IkView {
  @Field.text('The user id (token subject)', { example: 'u-anna' })
  userId!: string;

  @Field.text('Name, from the token')
  naam!: string;

  @Field.someOf(ROLES, 'The roles in the token')
  rollen!: Role[];

  @Field.flag('Team lead (teamleider in the token)')
  teamleider!: boolean;

  @Field.date('Today on the server; the web app’s default dates follow it')
  vandaag!: string;

  @Field.object(MijnPraktijk, 'For JPH and GP staff: the practice linked now', { nullable: true })
  praktijk!: MijnPraktijk | null;
}

export class DevGebruiker implements DevGebruikerView {
  @Field.text('The user id', { example: 'u-anna' })
  userId!: string;

  @Field.text('Name')
  naam!: string;

  @Field.someOf(ROLES, 'The roles their token carries')
  rollen!: Role[];

  @Field.flag('Team lead')
  teamleider!: boolean;

  @Field.text('What this user does, for the login page')
  omschrijving!: string;
}

export class DevGebruikers {
  @Field.list(DevGebruiker, 'The fixed demo users')
  items!: DevGebruiker[];
}

export class DevToken {
  @Field.text('The bearer token, signed with the key in DATA_DIR')
  token!: string;

  @Field.integer('Seconds until it expires', { example: 28800 })
  verlooptOver!: number;

  @Field.object(DevGebruiker, 'The user it is for')
  gebruiker!: DevGebruiker;
}
