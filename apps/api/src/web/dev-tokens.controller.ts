import { Body, Controller, Get, HttpCode, Inject, NotFoundException, Post } from '@nestjs/common';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { IsIn, IsString } from 'class-validator';
import { Public, signDevToken } from '@app/access';
import type { AppConfig } from '@app/config';
import { APP_CONFIG } from '../infrastructure/tokens';
import { DEV_GEBRUIKERS, DevGebruiker } from './dev-gebruikers';

const DEV_USER_IDS = DEV_GEBRUIKERS.map((gebruiker) => gebruiker.userId);

export class DevTokenDto {
  @ApiProperty({ enum: DEV_USER_IDS, description: 'One of the development users' })
  @IsString()
  @IsIn(DEV_USER_IDS)
  userId!: string;
}

/**
 * The web app's login in AUTH_MODE=dev: pick one of a fixed list of demo users and get a token
 * signed with the local key. In AUTH_MODE=oidc these routes do not exist (404).
 */
@ApiTags('dev')
@Public()
@ApiNotFoundResponse({ description: 'Not in AUTH_MODE=dev' })
@Controller('dev')
export class DevTokensController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get('gebruikers')
  @ApiOperation({ summary: 'The development users (AUTH_MODE=dev only; 404 otherwise)' })
  @ApiOkResponse({ description: 'The fixed list of demo users and their roles' })
  gebruikers(): { items: readonly DevGebruiker[] } {
    this.onlyInDevMode();
    return { items: DEV_GEBRUIKERS };
  }

  @Post('tokens')
  @HttpCode(200)
  @ApiOperation({
    summary: 'A development token for one of the demo users (AUTH_MODE=dev only; 404 otherwise)',
    description: 'Valid for 8 hours, signed with the key in DATA_DIR, as `npm run token` does.',
  })
  @ApiOkResponse({ description: 'The bearer token and the user it is for' })
  async token(
    @Body() { userId }: DevTokenDto,
  ): Promise<{ token: string; verlooptOver: number; gebruiker: DevGebruiker }> {
    this.onlyInDevMode();
    const gebruiker = DEV_GEBRUIKERS.find((candidate) => candidate.userId === userId)!;
    const token = await signDevToken(this.config.dataDir, {
      userId,
      roles: gebruiker.rollen,
      name: gebruiker.naam,
      teamleider: gebruiker.teamleider,
    });
    return { token, verlooptOver: 8 * 3600, gebruiker };
  }

  private onlyInDevMode(): void {
    if (this.config.auth.mode !== 'dev') {
      throw new NotFoundException('Ontwikkeltokens bestaan alleen met AUTH_MODE=dev.');
    }
  }
}
