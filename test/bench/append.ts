/**
 * Append benchmark: events/s through SqliteEventStore against raw better-sqlite3 inserts of the
 * same rows, on real files with the same pragmas (WAL, synchronous=FULL). Prints figures; it is not
 * a test and asserts nothing. See docs/benchmarks.md.
 *
 *   npm run bench:append
 *   BENCH_EVENTS=5000 npm run bench:append
 *
 * Environment (all optional):
 *   BENCH_EVENTS        events in the single-event modes (one append / one INSERT per transaction)
 *   BENCH_BATCH_EVENTS  events in the batch modes (default: 5 x BENCH_EVENTS)
 *   BENCH_BATCH_SIZE    events per append / per transaction in the batch modes
 *   BENCH_ROUNDS        timed runs of each mode; the median is reported
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventToAppend, SqliteEventStore } from '@app/event-store';
import { envInt, median, printMachine } from './support';

// Defaults are sized so that the whole run stays under about a minute on a 2-core VM, where the
// single-event modes are bound by one fsync per commit.
const SINGLE_EVENTS = envInt('BENCH_EVENTS', 10_000);
const BATCH_EVENTS = envInt('BENCH_BATCH_EVENTS', SINGLE_EVENTS * 5);
const BATCH_SIZE = envInt('BENCH_BATCH_SIZE', 100);
const ROUNDS = envInt('BENCH_ROUNDS', 3);
// Events spread over this many streams, so the adapter's per-stream revision lookup is realistic.
const STREAMS = 100;
const WARMUP_EVENTS = 500;

/** One append as the adapter receives it, and the same events as the rows the table stores. */
interface PlannedAppend {
  streamId: string;
  expected: 'no_stream' | number;
  events: EventToAppend[];
  rows: Row[];
}

/** The named parameters of the adapter's INSERT: the raw modes insert exactly these rows. */
interface Row {
  event_id: string;
  stream_id: string;
  revision: number;
  type: string;
  schema_version: number;
  data: string;
  occurred_at: string;
  recorded_at: string;
  actor_user_id: string;
  actor_role: string;
  correlation_id: string;
  causation_id: string | null;
}

type Mode = 'raw' | 'adapter';

interface Figures {
  events: number;
  seconds: number;
}

const INSERT = `INSERT INTO events (event_id, stream_id, revision, type, schema_version, data,
  occurred_at, recorded_at, actor_user_id, actor_role, correlation_id, causation_id)
  VALUES (@event_id, @stream_id, @revision, @type, @schema_version, @data, @occurred_at,
  @recorded_at, @actor_user_id, @actor_role, @correlation_id, @causation_id)`;

/**
 * Builds the appends once, before any timing, so that generating ids and payloads is not measured.
 * Every run writes to a fresh file, so the same plan (same ids) can be replayed by every run.
 */
function plan(totalEvents: number, perAppend: number): PlannedAppend[] {
  const lastRevision = new Map<string, number>();
  const appends: PlannedAppend[] = [];
  for (let written = 0, n = 0; written < totalEvents; n += 1) {
    const streamId = `bench-${n % STREAMS}`;
    const last = lastRevision.get(streamId);
    const count = Math.min(perAppend, totalEvents - written);
    const events: EventToAppend[] = [];
    const rows: Row[] = [];
    for (let i = 0; i < count; i += 1) {
      const event: EventToAppend = {
        id: randomUUID(),
        type: 'PlanStepRecorded',
        schemaVersion: 1,
        data: { step: written + i, note: 'Gesprek met gezin, afspraken vastgelegd in het plan.' },
        occurredAt: new Date(Date.UTC(2026, 0, 1) + written + i).toISOString(),
        actor: { userId: 'u-bench', role: 'contactpersoon' },
        correlationId: randomUUID(),
        causationId: null,
      };
      events.push(event);
      rows.push({
        event_id: event.id,
        stream_id: streamId,
        revision: (last ?? -1) + 1 + i,
        type: event.type,
        schema_version: event.schemaVersion,
        data: JSON.stringify(event.data),
        occurred_at: event.occurredAt,
        recorded_at: event.occurredAt,
        actor_user_id: event.actor.userId,
        actor_role: event.actor.role,
        correlation_id: event.correlationId,
        causation_id: event.causationId,
      });
    }
    appends.push({ streamId, expected: last ?? 'no_stream', events, rows });
    lastRevision.set(streamId, (last ?? -1) + count);
    written += count;
  }
  return appends;
}

async function runAdapter(file: string, appends: PlannedAppend[]): Promise<Figures> {
  const store = new SqliteEventStore(file);
  try {
    const start = process.hrtime.bigint();
    for (const a of appends) await store.append(a.streamId, a.events, a.expected);
    return figures(appends, start);
  } finally {
    await store.close();
  }
}

async function runRaw(file: string, appends: PlannedAppend[]): Promise<Figures> {
  // The adapter creates the table, so the raw modes insert into exactly the same schema and
  // indexes; its constructor sets the pragmas on its own connection only, so set them again here.
  await new SqliteEventStore(file).close();
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    const insert = db.prepare<Row>(INSERT);
    const insertAll = db.transaction((rows: Row[]) => {
      for (const row of rows) insert.run(row);
    });
    const start = process.hrtime.bigint();
    for (const a of appends) {
      // A lone INSERT outside a transaction is its own (autocommit) transaction: the raw floor.
      if (a.rows.length === 1) insert.run(a.rows[0]!);
      else insertAll(a.rows);
    }
    return figures(appends, start);
  } finally {
    db.close();
  }
}

function figures(appends: PlannedAppend[], start: bigint): Figures {
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { events: appends.reduce((sum, a) => sum + a.rows.length, 0), seconds };
}

let fileCounter = 0;

/** Each run gets a fresh file, so no run inherits a bigger table or a fuller WAL from another. */
async function runOnFreshFile(dir: string, mode: Mode, appends: PlannedAppend[]): Promise<Figures> {
  fileCounter += 1;
  const file = join(dir, `${mode}-${fileCounter}.db`);
  try {
    return await (mode === 'raw' ? runRaw(file, appends) : runAdapter(file, appends));
  } finally {
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  }
}

interface ModeResult {
  label: string;
  runs: Figures[];
}

/**
 * Runs raw and adapter in turn, ROUNDS times, and swaps which goes first every round (raw,
 * adapter, adapter, raw, ...): the page cache, the disk's write cache and CPU frequency drift then
 * favour neither side. The ratio is taken per round (adapter/raw of the same round) and the median
 * of those is reported, so a slow moment of the machine hits both sides of a pair.
 */
async function compare(
  dir: string,
  name: string,
  appends: PlannedAppend[],
): Promise<{ raw: ModeResult; adapter: ModeResult; ratio: number }> {
  const raw: ModeResult = { label: `raw ${name}`, runs: [] };
  const adapter: ModeResult = { label: `adapter ${name}`, runs: [] };
  const ratios: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    let rawRun: Figures;
    let adapterRun: Figures;
    if (round % 2 === 0) {
      rawRun = await runOnFreshFile(dir, 'raw', appends);
      adapterRun = await runOnFreshFile(dir, 'adapter', appends);
    } else {
      adapterRun = await runOnFreshFile(dir, 'adapter', appends);
      rawRun = await runOnFreshFile(dir, 'raw', appends);
    }
    raw.runs.push(rawRun);
    adapter.runs.push(adapterRun);
    ratios.push(rate(adapterRun) / rate(rawRun));
  }
  return { raw, adapter, ratio: median(ratios) };
}

function rate(f: Figures): number {
  return f.events / f.seconds;
}

function printTable(results: ModeResult[]): void {
  const header = ['mode', 'events', 'seconds', 'events/s', `events/s of the ${ROUNDS} runs`];
  const rows = results.map((r) => [
    r.label,
    String(r.runs[0]?.events ?? 0),
    median(r.runs.map((f) => f.seconds)).toFixed(3),
    Math.round(median(r.runs.map(rate))).toString(),
    r.runs.map((f) => Math.round(rate(f))).join(' '),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : i === 4 ? c : c.padStart(widths[i]!)))
      .join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

function printEnvironment(dir: string): void {
  const probe = new Database(':memory:');
  const sqlite = probe.prepare<[], { v: string }>('SELECT sqlite_version() AS v').get()?.v;
  probe.close();
  printMachine(`, SQLite ${sqlite ?? '?'}`);
  console.log(`files in ${dir} (journal_mode=WAL, synchronous=FULL)`);
  console.log(
    `single: ${SINGLE_EVENTS} events, 1 per transaction; batch: ${BATCH_EVENTS} events, ` +
      `${BATCH_SIZE} per transaction; ${STREAMS} streams; median of ${ROUNDS} interleaved runs`,
  );
  console.log();
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-append-'));
  try {
    printEnvironment(dir);
    const single = plan(SINGLE_EVENTS, 1);
    const batch = plan(BATCH_EVENTS, BATCH_SIZE);

    // Warm-up, not timed: loads the native module, JIT-compiles both paths, touches the disk.
    for (const mode of ['raw', 'adapter'] as const) {
      await runOnFreshFile(dir, mode, single.slice(0, WARMUP_EVENTS));
      await runOnFreshFile(dir, mode, batch.slice(0, Math.ceil(WARMUP_EVENTS / BATCH_SIZE) * 2));
    }

    const singleResult = await compare(dir, 'single', single);
    const batchResult = await compare(dir, `batch of ${BATCH_SIZE}`, batch);
    printTable([singleResult.raw, singleResult.adapter, batchResult.raw, batchResult.adapter]);
    console.log();
    console.log(`adapter/raw single: ${singleResult.ratio.toFixed(2)}`);
    console.log(`adapter/raw batch:  ${batchResult.ratio.toFixed(2)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
