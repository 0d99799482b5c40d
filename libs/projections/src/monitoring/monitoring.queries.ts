import type { Database } from 'better-sqlite3';
import { MonitoringDataset, MonitoringFeit, bouwDataset } from '@app/statistics';

/**
 * The facts of the `monitoring` projection (monitoring.projection.ts, beside this file) folded into
 * a data set, as known at a moment. The last data set is kept: asking several figures for the same
 * day folds the facts once, and a new fact (a higher volgnummer) makes it stale.
 */
export class MonitoringQueries {
  private laatste: { sleutel: string; dataset: MonitoringDataset } | null = null;

  constructor(private readonly db: Database) {}

  /**
   * The facts recorded up to and including `bekendTot` (an ISO 8601 UTC instant); all of them
   * when null (as known now: one cached data set until a new fact arrives).
   */
  dataset(bekendTot: string | null): MonitoringDataset {
    const { tot } = this.db
      .prepare('SELECT COALESCE(MAX(volgnummer), 0) AS tot FROM monitoring_feiten')
      .get() as { tot: number };
    const sleutel = `${bekendTot ?? 'alles'}:${tot}`;
    if (this.laatste?.sleutel === sleutel) return this.laatste.dataset;
    const rows = this.db
      .prepare(
        'SELECT feit FROM monitoring_feiten WHERE vastgelegd <= ? AND volgnummer <= ? ORDER BY volgnummer',
      )
      .iterate(bekendTot ?? '9999-12-31T23:59:59.999Z', tot) as IterableIterator<{ feit: string }>;
    const dataset = bouwDataset(
      (function* () {
        for (const row of rows) yield JSON.parse(row.feit) as MonitoringFeit;
      })(),
    );
    this.laatste = { sleutel, dataset };
    return dataset;
  }
}
