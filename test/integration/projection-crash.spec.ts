import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '@app/event-store';
import { ALL_PROJECTIONS, ProjectionRunner, ReadModelDatabase } from '@app/projections';
import { appendFamilies } from './support/gezin-events';

const FAMILIES = 2_000; // fifty events each: 100,000 events
const CHILD = join(__dirname, 'support', 'run-projections.ts');

function startChild(dataDir: string): ChildProcess {
  return spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', CHILD],
    { cwd: join(__dirname, '..', '..'), env: { ...process.env, DATA_DIR: dataDir }, stdio: 'pipe' },
  );
}

function checkpoints(file: string): bigint[] {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    return db
      .prepare<[], { position: string }>(
        'SELECT position FROM projection_checkpoints ORDER BY name',
      )
      .all()
      .map((row) => BigInt(row.position));
  } catch {
    return []; // the child has not created the file or the table yet
  } finally {
    db?.close();
  }
}

/** Every row of every projection table, in a fixed order, to compare two read-model files. */
function dump(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    const out: Record<string, unknown[]> = {};
    for (const table of ALL_PROJECTIONS.flatMap((p) => p.tables)) {
      const rows = db.prepare(`SELECT * FROM "${table}"`).all();
      out[table] = rows.map((row) => JSON.stringify(row)).sort();
    }
    return out;
  } finally {
    db.close();
  }
}

describe('projection runner: SIGKILL during catch-up', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'crash-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('after a kill half-way over 100k events, a restart gives the same read model as a clean rebuild', async () => {
    const store = new SqliteEventStore(join(dataDir, 'events.sqlite'));
    await appendFamilies(store, FAMILIES);
    const head = await store.headPosition();
    expect(head).toBe(100_000n);
    await store.close();
    const readModelFile = join(dataDir, 'read-models.sqlite');

    // 1. Kill the child with SIGKILL once every projection has committed some but not all batches.
    const first = startChild(dataDir);
    const killedAt = await new Promise<bigint[]>((resolve, reject) => {
      const timer = setInterval(() => {
        const seen = checkpoints(readModelFile);
        if (seen.length === ALL_PROJECTIONS.length && seen.every((p) => p > 0n)) {
          clearInterval(timer);
          first.kill('SIGKILL');
          resolve(seen);
        }
      }, 5);
      first.on('exit', () => {
        clearInterval(timer);
        reject(new Error('the child finished before it could be killed'));
      });
    });
    await new Promise((resolve) => first.once('exit', resolve));
    expect(first.signalCode).toBe('SIGKILL');
    expect(killedAt.some((p) => p < head)).toBe(true);

    // 2. Start again: it resumes from the checkpoints and catches up.
    const second = startChild(dataDir);
    let output = '';
    second.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise((resolve) => second.on('exit', resolve));
    expect(code).toBe(0);
    expect(output).toContain('caught-up');
    expect(checkpoints(readModelFile)).toEqual(ALL_PROJECTIONS.map(() => head));

    // 3. A clean rebuild into another file, in this process.
    const cleanFile = join(dataDir, 'clean.sqlite');
    const cleanStore = new SqliteEventStore(join(dataDir, 'events.sqlite'));
    const clean = new ReadModelDatabase(cleanFile);
    await new ProjectionRunner(cleanStore, clean, ALL_PROJECTIONS).runUntilCaughtUp();
    clean.close();
    await cleanStore.close();

    const recovered = dump(readModelFile);
    expect(recovered.tijdlijn).toHaveLength(100_000);
    expect(recovered.gezinnen).toHaveLength(FAMILIES);
    expect(recovered).toEqual(dump(cleanFile));
  }, 180_000);
});
