import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorResult,
  HealthIndicatorService,
} from '@nestjs/terminus';
import { Public } from '@app/access';
import type { AppConfig } from '@app/config';
import { EventStore } from '@app/event-store';
import { ProjectionRunner } from '@app/projections';
import { APP_CONFIG } from '../infrastructure/tokens';

/**
 * /health: liveness and readiness together (event store reachable, projections caught up and not
 * too far behind the log); /health/live: the process answers at all.
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly store: EventStore,
    private readonly runner: ProjectionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness: event store and projection lag (503 when not ready)' })
  check() {
    return this.health.check([() => this.eventStore(), () => this.projections()]);
  }

  @Get('live')
  @Public()
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @ApiOkResponse({
    description: 'The process answers',
    schema: { type: 'object', properties: { status: { type: 'string', enum: ['ok'] } } },
  })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  private async eventStore(): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check('eventStore');
    try {
      await this.store.checkHealth();
      return indicator.up({ kind: this.config.eventStore });
    } catch (error) {
      return indicator.down({
        kind: this.config.eventStore,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }

  private async projections(): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check('projections');
    let head: bigint;
    try {
      head = await this.store.headPosition();
    } catch (error) {
      return indicator.down({
        message: `log head unknown: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
    const projections = this.runner.status().map((p) => ({
      name: p.name,
      version: p.version,
      position: p.position.toString(),
      lag: (head > p.position ? head - p.position : 0n).toString(),
      caughtUp: p.caughtUp,
      failure: p.failure,
    }));
    const notReady = projections.filter(
      (p) => p.failure !== null || BigInt(p.lag) > this.config.maxProjectionLag,
    );
    const details = { head: head.toString(), maxLag: this.config.maxProjectionLag, projections };
    return notReady.length === 0 ? indicator.up(details) : indicator.down(details);
  }
}
