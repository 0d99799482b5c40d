import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@app/access';
import type { AppConfig, AuthMode } from '@app/config';
import { APP_CONFIG } from '../infrastructure/tokens';

export interface WebConfig {
  authMode: AuthMode;
  /** With AUTH_MODE=oidc: where and as whom the web app signs in (authorization code + PKCE). */
  oidc: { authority: string; clientId: string | null; scope: string } | null;
}

/** What the web app needs to know before anyone is signed in. Public: it holds no secret. */
@ApiTags('web')
@Controller('web')
export class WebConfigController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get('config')
  @Public()
  @ApiOperation({ summary: 'How the web app signs in: development users or OpenID Connect' })
  @ApiOkResponse({
    description: 'The authentication mode and, with oidc, issuer, client and scopes',
  })
  get(): WebConfig {
    const { auth } = this.config;
    return {
      authMode: auth.mode,
      oidc:
        auth.mode === 'oidc'
          ? { authority: auth.issuer!, clientId: auth.clientId, scope: auth.scope }
          : null,
    };
  }
}
