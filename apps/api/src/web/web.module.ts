import { Module } from '@nestjs/common';
import { DevTokensController } from './dev-tokens.controller';
import { IkController } from './ik.controller';
import { WebConfigController } from './web-config.controller';

/** The routes the web app needs besides the API itself: its config, "me", dev logins. */
@Module({
  controllers: [WebConfigController, IkController, DevTokensController],
})
export class WebModule {}
