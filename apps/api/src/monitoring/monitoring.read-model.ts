import { Injectable } from '@nestjs/common';
import { ReadModelDatabase } from '@app/projections';
import { MonitoringDataset, MonitoringFeit, bouwDataset } from '@app/statistics';

/**
 * The facts of the `monitoring` read model folded into a data set, as known at a moment. The last
 * data set is kept: asking several figures for the same day folds the facts once, and a new fact
 * (a higher volgnummer) makes it stale.
 */
@Injectable()
export class MonitoringReadModel {
  private laatste: { sleutel: string; dataset: MonitoringDataset } | null = null;

  constructor(private readonly readModels: ReadModelDatabase) {}

  /**
   * The facts recorded up to and including `bekendTot` (an ISO 8601 UTC instant); all of them
   * when null (as known now: one cached data set until a new fact arrives).
   */
  dataset(bekendTot: string | null): MonitoringDataset {
    const db = this.readModels.db;
    const { tot } = db
      .prepare('SELECT COALESCE(MAX(volgnummer), 0) AS tot FROM monitoring_feiten')
      .get() as { tot: number };
    const sleutel = `${bekendTot ?? 'alles'}:${tot}`;
    if (this.laatste?.sleutel === sleutel) return this.laatste.dataset;
    const rows = db
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
