import {
  DynamicModule,
  Global,
  Injectable,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { AppConfig, idSecret } from '@app/config';
import { ProcessingLog, TokenVerifier } from '@app/access';
import {
  DeciderStore,
  EventStore,
  KeyStore,
  VersleutelendeEventStore,
  createEventStore,
} from '@app/event-store';
import type { Database } from 'better-sqlite3';
import {
  ALL_PROJECTIONS,
  BsnOpvragingenQueries,
  TeKoppelenQueries,
  VerhalenQueries,
  ConsultatiesQueries,
  GezinnenQueries,
  PraktijkenQueries,
  ProgrammaQueries,
  ProjectionRunner,
  ReadModelDatabase,
  MonitoringQueries,
  TijdlijnQueries,
  ToegangQueries,
  VerwerkingslogQueries,
  ZorgQueries,
  openReadModels,
} from '@app/projections';
import { PersonalDataReads } from '../common/personal-data-reads';
import { ReadYourWrites } from '../common/read-your-writes';
import { Ids } from '../common/command-context';
import { APP_CONFIG, CLOCK, Clock, ID_SECRET } from './tokens';

/**
 * The queries of every slice (each lives beside its projection in libs/projections), over this
 * instance's read models.
 */
const QUERIES: (new (db: Database, now: Clock) => object)[] = [
  ToegangQueries,
  ZorgQueries,
  GezinnenQueries,
  TijdlijnQueries,
  VerwerkingslogQueries,
  MonitoringQueries,
  PraktijkenQueries,
  ConsultatiesQueries,
  BsnOpvragingenQueries,
  TeKoppelenQueries,
  ProgrammaQueries,
  VerhalenQueries,
];
const queryProviders = QUERIES.map((Queries) => ({
  provide: Queries,
  inject: [ReadModelDatabase, CLOCK],
  useFactory: (readModels: ReadModelDatabase, now: Clock) => new Queries(readModels.db, now),
}));

/** Starts the projections when the app starts and closes the stores, in order, when it stops. */
@Injectable()
class Lifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Projections');

  constructor(
    private readonly runner: ProjectionRunner,
    private readonly store: EventStore,
    private readonly readModels: ReadModelDatabase,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const ahead = await this.store.headPosition().then(
      (head) => this.runner.rebuildIfAheadOf(head),
      (error: Error) => {
        // The store may be down at start (a cluster restarting): start anyway, health says so.
        this.logger.error(`event store not reachable at start: ${error.message}`);
        return [];
      },
    );
    if (ahead.length > 0) {
      this.logger.warn(
        `read models ahead of the event log (restored backup?): rebuilding ${ahead.join(', ')}`,
      );
    }
    this.runner.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop();
    await this.store.close();
    this.readModels.close();
  }
}

@Global()
@Module({})
export class InfrastructureModule {
  static forRoot(config: AppConfig, clock: Clock = () => new Date()): DynamicModule {
    const logger = new Logger('Projections');
    return {
      module: InfrastructureModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: CLOCK, useValue: clock },
        { provide: EventStore, useFactory: () => createEventStore(config, clock) },
        // The data keys of the encryption of personal fields (ADR 0015); closed with the store.
        {
          provide: KeyStore,
          inject: [EventStore],
          useFactory: (store: VersleutelendeEventStore) => store.keys,
        },
        { provide: ReadModelDatabase, useFactory: () => openReadModels(config) },
        {
          provide: ProjectionRunner,
          inject: [EventStore, ReadModelDatabase],
          useFactory: (store: EventStore, readModels: ReadModelDatabase) =>
            new ProjectionRunner(store, readModels, ALL_PROJECTIONS, {
              onError: (name, error) =>
                logger.error(`projection ${name} stopped: ${error.message}`),
            }),
        },
        { provide: ID_SECRET, useFactory: () => idSecret(config) },
        {
          provide: DeciderStore,
          inject: [EventStore, CLOCK, ID_SECRET],
          useFactory: (store: EventStore, now: Clock, secret: Uint8Array) =>
            new DeciderStore(store, now, secret),
        },
        Ids,
        { provide: TokenVerifier, useFactory: () => new TokenVerifier(config) },
        {
          provide: ProcessingLog,
          inject: [DeciderStore],
          useFactory: (deciders: DeciderStore) => new ProcessingLog(deciders),
        },
        ReadYourWrites,
        PersonalDataReads,
        ...queryProviders,
        Lifecycle,
      ],
      exports: [
        APP_CONFIG,
        CLOCK,
        EventStore,
        KeyStore,
        ReadModelDatabase,
        ProjectionRunner,
        DeciderStore,
        Ids,
        TokenVerifier,
        ProcessingLog,
        ReadYourWrites,
        PersonalDataReads,
        ...QUERIES,
      ],
    };
  }
}
