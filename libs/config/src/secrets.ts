import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from './config';

/**
 * A secret of this installation kept in DATA_DIR: 32 random bytes, written once (mode 0600) by the
 * first process that needs it and read by every later one, so the API and the CLI agree.
 */
export function secretInDataDir(dataDir: string, fileName: string): Buffer {
  const file = join(dataDir, fileName);
  mkdirSync(dataDir, { recursive: true });
  try {
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Already there (from an earlier start, or another process a moment ago): keep it.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
}

/**
 * The secret under which ids are derived from an Idempotency-Key: ID_SECRET, else the one in
 * `DATA_DIR/id-secret`. Instances that share an event log must share it (set ID_SECRET).
 */
export function idSecret(config: Pick<AppConfig, 'idSecret' | 'dataDir'>): Buffer {
  return config.idSecret !== null
    ? Buffer.from(config.idSecret, 'utf8')
    : secretInDataDir(config.dataDir, 'id-secret');
}
