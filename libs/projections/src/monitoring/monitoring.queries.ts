import type { Database } from 'better-sqlite3';
import { MonitoringDataset, MonitoringFeit, bouwDataset, voegFeitenToe } from '@app/statistics';

/**
 * The facts of the `monitoring` projection (monitoring.projection.ts, beside this file) folded into
 * a data set, as known at a moment. "As known now" is folded once and then follows the log: new
 * facts (a higher volgnummer) are applied to it, and the caches of the figures redo only the
 * persons and families they touch. A past moment is folded from the start; the last one is kept,
 * so the figures of one report asked for the same day fold the facts once.
 */
export class MonitoringQueries {
  private nu: { tot: number; dataset: MonitoringDataset } | null = null;
  private laatste: { sleutel: string; dataset: MonitoringDataset } | null = null;

  constructor(private readonly db: Database) {}

  /**
   * The facts recorded up to and including `bekendTot` (an ISO 8601 UTC instant); all of them
   * when null (as known now: the same data set, brought up to date with the facts since).
   */
  dataset(bekendTot: string | null): MonitoringDataset {
    const { tot } = this.db
      .prepare('SELECT COALESCE(MAX(volgnummer), 0) AS tot FROM monitoring_feiten')
      .get() as { tot: number };
    if (bekendTot === null) {
      // Fewer facts than before: the projection was rebuilt, fold it afresh.
      if (!this.nu || tot < this.nu.tot) {
        this.nu = { tot, dataset: bouwDataset(this.feiten('9999-12-31T23:59:59.999Z', 0, tot)) };
      } else if (tot > this.nu.tot) {
        voegFeitenToe(this.nu.dataset, this.feiten('9999-12-31T23:59:59.999Z', this.nu.tot, tot));
        this.nu.tot = tot;
      }
      return this.nu.dataset;
    }
    const sleutel = `${bekendTot}:${tot}`;
    if (this.laatste?.sleutel === sleutel) return this.laatste.dataset;
    const dataset = bouwDataset(this.feiten(bekendTot, 0, tot));
    this.laatste = { sleutel, dataset };
    return dataset;
  }

  /** The facts after volgnummer `na` up to `tot`, recorded by `bekendTot`, in log order. */
  private *feiten(bekendTot: string, na: number, tot: number): Generator<MonitoringFeit> {
    const rows = this.db
      .prepare(
        `SELECT feit FROM monitoring_feiten
         WHERE vastgelegd <= ? AND volgnummer > ? AND volgnummer <= ? ORDER BY volgnummer`,
      )
      .iterate(bekendTot, na, tot) as IterableIterator<{ feit: string }>;
    for (const row of rows) yield JSON.parse(row.feit) as MonitoringFeit;
  }
}
