import { MonitoringFeit, bouwDataset } from '@app/statistics';
import { gezinslid, persoon, toewijzing, wijk } from '@app/statistics/monitoring/testing/feiten';
import { ReadModelDatabase } from '../read-model-database';
import { monitoringProjection } from './monitoring.projection';
import { MonitoringQueries } from './monitoring.queries';

/** Facts straight into the projection's table, each with the moment it was recorded. */
function schrijf(db: ReadModelDatabase['db'], vastgelegd: string, feiten: MonitoringFeit[]): void {
  const insert = db.prepare('INSERT INTO monitoring_feiten (vastgelegd, feit) VALUES (?, ?)');
  for (const feit of feiten) insert.run(vastgelegd, JSON.stringify(feit));
}

describe('MonitoringQueries: as known now follows the log', () => {
  let readModels: ReadModelDatabase;
  beforeEach(() => {
    readModels = new ReadModelDatabase(':memory:');
    monitoringProjection.open(readModels.db);
  });
  afterEach(() => readModels.close());

  const eerst = [
    persoon('p1', '2012-05-01'),
    gezinslid('g1', 'p1'),
    wijk('g1', 'Noord'),
    ...toewijzing({ id: 't1', persoon: 'p1', begin: '2025-01-01', eind: '2025-12-31' }),
  ];
  const daarna = [
    ...toewijzing({ id: 't2', persoon: 'p1', begin: '2026-01-01', eind: '2026-06-30' }),
    wijk('g1', 'Zuid', '2026-01-01'),
  ];

  it('applies new facts to the data set it folded, which then equals a full fold', () => {
    const queries = new MonitoringQueries(readModels.db);
    schrijf(readModels.db, '2026-01-05T10:00:00.000Z', eerst);
    const nu = queries.dataset(null);
    expect(nu).toEqual(bouwDataset(eerst));

    schrijf(readModels.db, '2026-02-05T10:00:00.000Z', daarna);
    expect(queries.dataset(null)).toBe(nu);
    expect(nu).toEqual(bouwDataset([...eerst, ...daarna]));
  });

  it('folds a past moment from the start, without what was recorded later', () => {
    const queries = new MonitoringQueries(readModels.db);
    schrijf(readModels.db, '2026-01-05T10:00:00.000Z', eerst);
    queries.dataset(null);
    schrijf(readModels.db, '2026-02-05T10:00:00.000Z', daarna);
    expect(queries.dataset('2026-01-31T23:59:59.999Z')).toEqual(bouwDataset(eerst));
  });

  it('folds afresh when the projection was rebuilt with fewer facts', () => {
    const queries = new MonitoringQueries(readModels.db);
    schrijf(readModels.db, '2026-01-05T10:00:00.000Z', [...eerst, ...daarna]);
    queries.dataset(null);
    readModels.db.exec(
      "DELETE FROM monitoring_feiten; DELETE FROM sqlite_sequence WHERE name = 'monitoring_feiten'",
    );
    schrijf(readModels.db, '2026-01-05T10:00:00.000Z', eerst);
    expect(queries.dataset(null)).toEqual(bouwDataset(eerst));
  });
});
