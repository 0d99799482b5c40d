import { cpus } from 'node:os';

/** What the benchmark scripts share: their settings from the environment, medians, the machine. */

/** A positive integer from the environment, or the fallback when unset. */
export function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${name} must be a positive integer, got ${JSON.stringify(raw)}`);
  }
  return value;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Node, better-sqlite3 and the CPU, printed above the figures. */
export function printMachine(extra = ''): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const betterSqlite = (require('better-sqlite3/package.json') as { version: string }).version;
  const cpu = cpus();
  console.log(`node ${process.version}, better-sqlite3 ${betterSqlite}${extra}`);
  console.log(
    `cpu: ${cpu[0]?.model ?? 'unknown'} x ${cpu.length}, ${process.platform}/${process.arch}`,
  );
}
