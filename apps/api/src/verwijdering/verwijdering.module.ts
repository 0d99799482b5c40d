import {
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import type { AppConfig } from '@app/config';
import { KeyStore } from '@app/event-store';
import { ProjectionRunner, ReadModelDatabase, Shredder } from '@app/projections';
import { APP_CONFIG } from '../infrastructure/tokens';
import { VerwijderingCommands } from './verwijdering.commands';
import { VerwijderverzoekenController } from './verwijderverzoeken.controller';

/** The retention job on a schedule (RETENTIE_INTERVAL_UREN; 0: off, as under jest). */
@Injectable()
class RetentieSchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Retentie');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly commands: VerwijderingCommands,
  ) {}

  onApplicationBootstrap(): void {
    const { intervalUren, jaren } = this.config.retentie;
    if (intervalUren === 0) return;
    this.timer = setInterval(() => void this.run(jaren), intervalUren * 3_600_000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async run(jaren: number): Promise<void> {
    try {
      const verlopen = await this.commands.retentie(jaren, false);
      if (verlopen.length > 0)
        this.logger.log(`shredded ${verlopen.length} files past ${jaren} years`);
    } catch (error) {
      this.logger.error(`retention run failed: ${(error as Error).message}`);
    }
  }
}

/** Erasure requests (beheer) and retention: crypto-shredding, ADR 0015. */
@Module({
  controllers: [VerwijderverzoekenController],
  providers: [
    {
      provide: Shredder,
      inject: [KeyStore, ProjectionRunner, ReadModelDatabase],
      useFactory: (keys: KeyStore, runner: ProjectionRunner, readModels: ReadModelDatabase) =>
        new Shredder(keys, runner, readModels, true),
    },
    VerwijderingCommands,
    RetentieSchedule,
  ],
})
export class VerwijderingModule {}
