import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Principal, ProcessingLog } from '@app/access';
import { DeciderStore, SqliteEventStore } from '@app/event-store';
import {
  ProjectionRunner,
  ReadModelDatabase,
  VerwerkingslogQueries,
  verwerkingslogProjection,
} from '@app/projections';

const anna: Principal = {
  userId: 'u-anna',
  roles: ['contactpersoon'],
  name: 'Naam van u-anna',
  teamleider: false,
  actingRole: 'contactpersoon',
};

/**
 * The processing log against a real SQLite log: each read of a family's data is an event on the
 * one command path, in the reader's stream of the day, and the projection shows a family every
 * read of its data, also those logged before in one stream per reader under the old name.
 */
describe('ProcessingLog', () => {
  let dir: string;
  let store: SqliteEventStore;
  let readModels: ReadModelDatabase;
  let now: Date;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'processing-log-'));
    store = new SqliteEventStore(join(dir, 'events.sqlite'));
    readModels = new ReadModelDatabase(join(dir, 'read-models.sqlite'));
    now = new Date('2026-03-01T10:00:00Z');
  });
  afterEach(async () => {
    readModels.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const project = () =>
    new ProjectionRunner(store, readModels, [verwerkingslogProjection]).runUntilCaughtUp();
  const typesIn = async (streamId: string) =>
    (await store.readStream(streamId)).map((event) => event.type);

  const lees = (gezinIds: string[], what = 'gezin') => ({
    principal: anna,
    correlationId: 'c-read',
    gezinIds,
    what,
  });

  it("appends each read to the reader's stream of the day, through the command path", async () => {
    const log = new ProcessingLog(new DeciderStore(store, () => now));
    await log.recordRead(lees(['g-1', 'g-2'], 'werklijst mijn-gezinnen'));
    await log.recordRead(lees(['g-1']));
    now = new Date('2026-03-02T10:00:00Z');
    await log.recordRead(lees(['g-2'], 'tijdlijn'));

    const eersteDag = await store.readStream('verwerkingslog-u-anna-2026-03-01');
    expect(eersteDag.map((e) => [e.type, e.data])).toEqual([
      [
        'GezinsgegevensViewed',
        {
          gezinIds: ['g-1', 'g-2'],
          wat: 'werklijst mijn-gezinnen',
          door: 'u-anna',
          naam: 'Naam van u-anna',
        },
      ],
      [
        'GezinsgegevensViewed',
        { gezinIds: ['g-1'], wat: 'gezin', door: 'u-anna', naam: 'Naam van u-anna' },
      ],
    ]);
    expect(eersteDag[0]).toMatchObject({
      actor: { userId: 'u-anna', role: 'contactpersoon' },
      correlationId: 'c-read',
    });
    expect(await typesIn('verwerkingslog-u-anna-2026-03-02')).toEqual(['GezinsgegevensViewed']);
  });

  it('logs nothing for a read that showed no family', async () => {
    const before = await store.headPosition();
    await new ProcessingLog(new DeciderStore(store, () => now)).recordRead(lees([]));
    expect(await store.headPosition()).toBe(before);
  });

  it('shows a family its reads, those logged before (one stream per reader, the old name) and now', async () => {
    await store.append(
      'verwerkingslog-u-anna',
      [
        {
          id: '00000000-0000-4000-8000-000000000001',
          type: 'GezinsgegevensIngezien',
          schemaVersion: 1,
          data: { gezinIds: ['g-1'], wat: 'tijdlijn', door: 'u-anna', naam: 'Anna' },
          occurredAt: '2026-02-01T09:00:00.000Z',
          actor: { userId: 'u-anna', role: 'contactpersoon' },
          correlationId: 'c-old',
          causationId: 'c-old',
        },
      ],
      'any',
    );
    await new ProcessingLog(new DeciderStore(store, () => now)).recordRead(lees(['g-1']));
    await project();
    expect(new VerwerkingslogQueries(readModels.db).inzages('g-1')).toEqual([
      {
        wanneer: '2026-02-01T09:00:00.000Z',
        wat: 'tijdlijn',
        door: 'u-anna',
        naam: 'Anna',
        rol: 'contactpersoon',
      },
      {
        wanneer: '2026-03-01T10:00:00.000Z',
        wat: 'gezin',
        door: 'u-anna',
        naam: 'Naam van u-anna',
        rol: 'contactpersoon',
      },
    ]);
  });

  it('logs many reads of one reader at the same moment without a conflict: a log is only appended to', async () => {
    const log = new ProcessingLog(new DeciderStore(store, () => now));
    await Promise.all(Array.from({ length: 40 }, (_, i) => log.recordRead(lees([`g-${i}`]))));
    expect(await typesIn('verwerkingslog-u-anna-2026-03-01')).toHaveLength(40);
  });
});
