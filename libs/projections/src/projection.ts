import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '@app/event-store';

/**
 * A read model built from the event log. The runner feeds it every event in log order; it ignores
 * what it does not need. Bump `version` when its tables or its logic change: the runner then
 * drops its tables and rebuilds it from the start.
 */
export interface Projection {
  readonly name: string;
  readonly version: number;
  /** The tables this projection owns; dropped on a rebuild. */
  readonly tables: readonly string[];
  /** Creates its tables if missing and returns the function that applies one event (synchronously). */
  open(db: Database): (event: RecordedEvent) => void;
}
