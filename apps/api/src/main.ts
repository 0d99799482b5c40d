import { Logger } from '@nestjs/common';
import { loadConfig } from '@app/config';
import { createApp } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  const logger = new Logger('Main');
  if (config.auth.mode === 'dev') {
    logger.warn(
      'AUTH_MODE=dev: tokens are signed with a local key (npm run token). Never use this in production.',
    );
  }
  await app.listen(config.port);
  logger.log(
    `Listening on http://localhost:${config.port} (event store: ${config.eventStore}, data: ${config.dataDir})`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
