import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { Role, signDevToken } from '@app/access';
import { loadConfig } from '@app/config';
import { createApp } from '../../../apps/api/src/bootstrap';

/**
 * The day every e2e test starts on, whatever the date the tests run: dates in the tests are fixed
 * dates, never ones counted from the real today, so a test passes the same next year.
 */
export const TEST_START = new Date('2026-12-04T09:00:00+01:00');

/**
 * The application's clock in a test: from TEST_START on, moving as the wall clock does, so time
 * moves on as usual while a test can put "today" on another day (the embedded store records
 * events with it).
 */
export class TestClock {
  private offset = TEST_START.getTime() - Date.now();
  readonly now = (): Date => new Date(Date.now() + this.offset);
  /** From now on the clock reads `moment`, and moves on from there. */
  set(moment: Date | string): void {
    this.offset = new Date(moment).getTime() - Date.now();
  }
}

export interface TestApp {
  app: INestApplication;
  /** supertest bound to the real HTTP server on a random local port. */
  http: () => ReturnType<typeof request>;
  url: string;
  dataDir: string;
  clock: TestClock;
  token(role: Role | Role[], userId: string, name?: string): Promise<string>;
  close(): Promise<void>;
}

/** The real application on a real SQLite file in a fresh temp DATA_DIR, listening on localhost. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gezinsplan-e2e-'));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env });
  const clock = new TestClock();
  const app = await createApp(config, clock.now);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    app,
    http: () => request(url),
    url,
    dataDir,
    clock,
    token: (role, userId, name) =>
      signDevToken(dataDir, { userId, roles: Array.isArray(role) ? role : [role], name }),
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
