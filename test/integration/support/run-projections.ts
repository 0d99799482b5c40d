/**
 * Child process for the crash test: runs every projection over DATA_DIR until it has caught up,
 * printing "caught-up" when done. The parent kills it with SIGKILL half-way through.
 */
import { join } from 'node:path';
import { SqliteEventStore } from '@app/event-store';
import { ALL_PROJECTIONS, ProjectionRunner, ReadModelDatabase } from '@app/projections';

async function main(): Promise<void> {
  const dataDir = process.env.DATA_DIR!;
  const store = new SqliteEventStore(join(dataDir, 'events.sqlite'));
  const readModels = new ReadModelDatabase(join(dataDir, 'read-models.sqlite'));
  const runner = new ProjectionRunner(store, readModels, ALL_PROJECTIONS, {
    batchSize: Number(process.env.BATCH_SIZE ?? 500),
  });
  await runner.runUntilCaughtUp();
  readModels.close();
  await store.close();
  process.stdout.write('caught-up\n');
}

void main();
