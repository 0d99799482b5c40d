import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@app/event-store';
import {
  ALL_PROJECTIONS,
  MonitoringQueries,
  ProjectionRunner,
  ReadModelDatabase,
} from '@app/projections';
import { indicatorCijfers } from '@app/statistics';
import { BASISLIJN, DemoVerslag, demo } from '../../apps/cli/src/demo';

/**
 * `npm run cli -- demo` at a small size (2,000 youths): the council's figures, as the monitoring
 * API publishes them (under disclosure control), land near the seed's baselines for every whole
 * year. Tolerances: without residence 12.7% +/- 2 points (about 250 youths a year at this size:
 * chance alone moves that by about 16, 0.8 points, and publication rounds to 5); with residence
 * 1.8% +/- 0.8 points (about 36 youths a year: chance about 6, 0.3 points, and one step of 5 is
 * 0.25 points). At the default size (19,000) the same arrivals give about a third of that spread.
 */
describe('demo municipality', () => {
  let dir: string;
  let store: SqliteEventStore;
  let readModels: ReadModelDatabase;
  let verslag: DemoVerslag;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'demo-'));
    store = new SqliteEventStore(join(dir, 'events.sqlite'));
    readModels = new ReadModelDatabase(join(dir, 'read-models.sqlite'));
    verslag = await demo(store, readModels, { jeugdigen: 2000, seed: 11, tot: '2025-12' });
    await new ProjectionRunner(store, readModels, ALL_PROJECTIONS).runUntilCaughtUp();
  }, 120_000);
  afterAll(async () => {
    readModels.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lands near the baselines of the seed in every whole year 2020-2025', () => {
    const d = new MonitoringQueries(readModels.db).dataset(null);
    const cijfers = indicatorCijfers(d, {
      van: '2020-01-01',
      tot: '2025-12-31',
      bekendOp: '2026-01-31',
      filter: {},
    });
    expect(cijfers.jaren).toHaveLength(6);
    for (const j of cijfers.jaren) {
      expect(j.bevolking).toBeGreaterThan(1900);
      expect(j.zonderVerblijf.percentage).not.toBeNull();
      expect(
        Math.abs(j.zonderVerblijf.percentage! - 100 * BASISLIJN.zonderVerblijf),
      ).toBeLessThanOrEqual(2);
      expect(j.metVerblijf.percentage).not.toBeNull();
      expect(Math.abs(j.metVerblijf.percentage! - 100 * BASISLIJN.metVerblijf)).toBeLessThanOrEqual(
        0.8,
      );
    }
  });

  it("writes the youths' care as iJw messages through the import, and the practices' consultations", async () => {
    const types = new Map<string, number>();
    let viaImport = 0;
    for (let after = 0n; ;) {
      const page = await store.readAll(after, 5000);
      if (page.length === 0) break;
      for (const e of page) {
        types.set(e.type, (types.get(e.type) ?? 0) + 1);
        if (
          e.type === 'ZorgStarted' &&
          e.actor.role === 'koppeling' &&
          /^JW305:/.test(e.causationId ?? '')
        ) {
          viaImport++;
        }
      }
      after = page[page.length - 1]!.position;
    }
    expect(verslag.berichten).toBeGreaterThan(verslag.jeugdigenInZorg * 2);
    // Every youth's care started by a JW305 (the parents' other support by command).
    expect(viaImport).toBeGreaterThanOrEqual(verslag.jeugdigenInZorg);
    expect(types.get('VerlengingGranted')).toBe(verslag.verlengingen);
    expect(verslag.consultaties).toBeGreaterThan(500);
    expect(types.get('ConsultatieLogged')).toBe(verslag.consultaties);
    expect(types.get('PraktijkJphStarted')).toBe(9);
  });

  it('refuses a store that is not empty', async () => {
    await expect(
      demo(store, readModels, { jeugdigen: 2000, seed: 1, tot: '2025-12' }),
    ).rejects.toThrow(/empty store only/);
  });
});
