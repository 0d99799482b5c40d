import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, DiscoveryModule } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { AuthGuard, RouteDeclarationCheck } from '@app/access';
import type { AppConfig } from '@app/config';
import { HttpResults } from './common/http-results';
import { ProblemFilter } from './common/problem';
import { ConsultatiesModule } from './consultaties/consultaties.module';
import { GezinnenModule } from './gezinnen/gezinnen.module';
import { HealthController } from './health/health.controller';
import { ImportModule } from './import/import.module';
import { InfrastructureModule } from './infrastructure/infrastructure.module';
import { MonitoringModule } from './monitoring/monitoring.module';
import { ProgrammaModule } from './programma/programma.module';
import { VerhalenModule } from './verhalen/verhalen.module';
import { VerwijderingModule } from './verwijdering/verwijdering.module';
import { WebModule } from './web/web.module';
import { ZorgModule } from './zorg/zorg.module';
import { Clock } from './infrastructure/tokens';

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** A client's X-Correlation-Id is kept (when well-formed) so its logs and ours line up. */
function correlationId(request: IncomingMessage, response: ServerResponse): string {
  const given = request.headers['x-correlation-id'];
  const id = typeof given === 'string' && CORRELATION_ID.test(given) ? given : randomUUID();
  response.setHeader('X-Correlation-Id', id);
  return id;
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        InfrastructureModule.forRoot(config, clock),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            genReqId: correlationId,
            redact: ['req.headers.authorization', 'req.headers.cookie'],
          },
        }),
        TerminusModule,
        DiscoveryModule,
        GezinnenModule,
        ZorgModule,
        ConsultatiesModule,
        MonitoringModule,
        ProgrammaModule,
        VerwijderingModule,
        ImportModule,
        VerhalenModule,
        WebModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_INTERCEPTOR, useClass: HttpResults },
        RouteDeclarationCheck,
      ],
    };
  }
}
