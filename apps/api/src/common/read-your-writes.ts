import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@app/config';
import { ProjectionRunner } from '@app/projections';
import { APP_CONFIG } from '../infrastructure/tokens';
import { PROBLEM_TYPE_BASE, ProblemException } from './problem';

/** Lets a query wait until the read models include a write the client just made. */
@Injectable()
export class ReadYourWrites {
  constructor(
    private readonly runner: ProjectionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async waitFor(minPosition: string | undefined): Promise<void> {
    if (minPosition === undefined) return;
    const reached = await this.runner.waitFor(
      BigInt(minPosition),
      this.config.maxWaitForPositionMs,
    );
    if (!reached) {
      throw new ProblemException({
        type: `${PROBLEM_TYPE_BASE}not-yet-projected`,
        title: 'Not yet up to date',
        status: HttpStatus.SERVICE_UNAVAILABLE,
        detail: `The read models have not reached position ${minPosition} yet; try again shortly.`,
      });
    }
  }
}
