import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { consultatieStreamId, persoonDecider, persoonStreamId } from '@app/domain';
import { DeciderStore, SqliteEventStore } from '@app/event-store';
import { assignRecordKeys } from '../../apps/cli/src/record-keys';

/**
 * The one-off migration of record keys (`npm run cli -- record-keys`) against a real SQLite log:
 * persons registered before record keys existed get one, once; persons with one keep theirs.
 */
describe('record-key migration', () => {
  let dir: string;
  let store: SqliteEventStore;
  const context = {
    actor: { userId: 'test', role: 'beheer' },
    correlationId: 'c',
    causationId: null,
  };
  const gegevens = { voornaam: 'A', achternaam: 'B', geboortedatum: '2012-01-01', bsn: null };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'record-keys-'));
    store = new SqliteEventStore(join(dir, 'events.sqlite'));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function oudePersoon(persoonId: string) {
    // As written before record keys: the registration alone.
    await store.append(
      persoonStreamId(persoonId),
      [
        {
          id: randomUUID(),
          type: 'PersoonRegistered',
          schemaVersion: 1,
          data: { persoonId, ...gegevens },
          occurredAt: '2025-01-01T10:00:00.000Z',
          actor: context.actor,
          correlationId: 'c',
          causationId: null,
        },
      ],
      'no_stream',
    );
  }

  const sleutels = async (persoonId: string) =>
    (await store.readStream(persoonStreamId(persoonId)))
      .filter((e) => e.type === 'PersoonRecordKeyAssigned')
      .map((e) => (e.data as { recordKey: number }).recordKey);

  /** A consultation as logged before record keys: anonymous, the logging alone. */
  async function oudeConsultatie(consultatieId: string) {
    await store.append(
      consultatieStreamId(consultatieId),
      [
        {
          id: randomUUID(),
          type: 'ConsultatieLogged',
          schemaVersion: 1,
          data: {
            consultatieId,
            praktijkId: 'pr-1',
            professional: { userId: 'u-jph', rol: 'jph' },
            inhoud: {
              datum: '2025-03-01',
              leeftijdsgroep: '12-17',
              onderwerpen: ['school'],
              toelichting: null,
              aantalContacten: 1,
              uitkomst: 'alleen-advies',
              vervolgdatum: null,
              toestemming: false,
            },
            koppelingGevraagd: false,
            koppeling: null,
          },
          occurredAt: '2025-03-01T10:00:00.000Z',
          actor: { userId: 'u-jph', role: 'jph' },
          correlationId: 'c',
          causationId: null,
        },
      ],
      'no_stream',
    );
  }
  const consultatieSleutels = async (consultatieId: string) =>
    (await store.readStream(consultatieStreamId(consultatieId)))
      .filter((e) => e.type === 'ConsultatieRecordKeyAssigned')
      .map((e) => (e.data as { recordKey: number }).recordKey);

  it('gives each person and consultation without a record key one, once; a dry run only counts', async () => {
    await oudePersoon('p-oud-1');
    await oudePersoon('p-oud-2');
    await oudeConsultatie('c-oud');
    await new DeciderStore(store, () => new Date()).handle(
      persoonStreamId('p-nieuw'),
      persoonDecider,
      { type: 'RegisterPersoon', persoonId: 'p-nieuw', gegevens, recordKey: 42 },
      context,
    );

    expect(await assignRecordKeys(store, { dryRun: true })).toEqual({
      personen: 2,
      consultaties: 1,
    });
    expect(await sleutels('p-oud-1')).toEqual([]);

    expect(await assignRecordKeys(store, { dryRun: false })).toEqual({
      personen: 2,
      consultaties: 1,
    });
    expect(await consultatieSleutels('c-oud')).toHaveLength(1);
    const [a] = await sleutels('p-oud-1');
    const [b] = await sleutels('p-oud-2');
    expect(Number.isInteger(a) && a! >= 0 && a! < 2 ** 32).toBe(true);
    expect(b).not.toBe(a);
    expect(await sleutels('p-nieuw')).toEqual([42]);

    expect(await assignRecordKeys(store, { dryRun: false })).toEqual({
      personen: 0,
      consultaties: 0,
    });
    expect(await sleutels('p-oud-1')).toEqual([a]);
  });
});
