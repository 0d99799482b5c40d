import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GEGEVENS_VERWIJDERD } from '@app/domain';
import {
  DeciderStore,
  EventToAppend,
  SqliteEventStore,
  SqliteKeyStore,
  VersleutelendeEventStore,
} from '@app/event-store';
import { ALL_PROJECTIONS, ProjectionRunner, ReadModelDatabase, Shredder } from '@app/projections';
import { versleutelBestaande } from '../../apps/cli/src/versleutel-bestaande';
import { VerwijderingCommands } from '../../apps/api/src/verwijdering/verwijdering.commands';

const registered = (persoonId: string, voornaam: string): EventToAppend => ({
  id: randomUUID(),
  type: 'PersoonRegistered',
  schemaVersion: 1,
  data: { persoonId, voornaam, achternaam: 'Oudeboom', geboortedatum: '2001-01-01', bsn: null },
  occurredAt: '2026-01-01T00:00:00.000Z',
  actor: { userId: 'u-anna', role: 'contactpersoon' },
  correlationId: 'c',
  causationId: null,
});

describe('encryption of existing events, and retention (integration)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'migratie-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const filesContain = (text: string): string[] =>
    readdirSync(dir).filter((name) => readFileSync(join(dir, name)).includes(Buffer.from(text)));

  it('encrypt-existing rewrites plain personal fields in place, leaves no plain copy, and is safe to run again', async () => {
    const plain = new SqliteEventStore(join(dir, 'events.sqlite'));
    await plain.append('persoon-p-1', [registered('p-1', 'Wietske')], 'no_stream');
    await plain.append('persoon-p-2', [registered('p-2', 'Jelmer')], 'no_stream');
    await plain.close();
    const store = new VersleutelendeEventStore(
      new SqliteEventStore(join(dir, 'events.sqlite')),
      new SqliteKeyStore(join(dir, 'keys.sqlite')),
    );
    try {
      // Jelmer's erasure was granted before the migration: his fields become the erased value.
      await store.keys.destroy('persoon:p-2', '2026-02-01T00:00:00.000Z');
      expect(await versleutelBestaande(store, { dryRun: true })).toEqual({ events: 2 });
      expect(filesContain('Wietske')).toEqual(['events.sqlite']);

      expect(await versleutelBestaande(store, { dryRun: false })).toEqual({ events: 2 });
      expect(filesContain('Wietske')).toEqual([]);
      expect(filesContain('Jelmer')).toEqual([]);
      expect(filesContain('Oudeboom')).toEqual([]);
      expect((await store.readStream('persoon-p-1'))[0]!.data.voornaam).toBe('Wietske');
      expect((await store.readStream('persoon-p-2'))[0]!.data).toMatchObject({
        voornaam: GEGEVENS_VERWIJDERD,
        geboortedatum: null,
      });
      expect(await versleutelBestaande(store, { dryRun: false })).toEqual({ events: 0 });
    } finally {
      await store.close();
    }
  });

  it('retention lists, then shreds, the files last changed more than 20 years ago', async () => {
    let today = new Date('2026-01-01T10:00:00.000Z');
    const store = new VersleutelendeEventStore(
      new SqliteEventStore(join(dir, 'events.sqlite'), { now: () => today }),
      new SqliteKeyStore(join(dir, 'keys.sqlite')),
    );
    const readModels = new ReadModelDatabase(join(dir, 'read-models.sqlite'));
    try {
      await store.append('persoon-p-1', [registered('p-1', 'Wietske')], 'no_stream');
      today = new Date('2030-01-01T10:00:00.000Z');
      await store.append('persoon-p-2', [registered('p-2', 'Jelmer')], 'no_stream');
      today = new Date('2046-06-01T10:00:00.000Z');
      const runner = new ProjectionRunner(store, readModels, ALL_PROJECTIONS);
      const commands = new VerwijderingCommands(
        new DeciderStore(store, () => today),
        store,
        new Shredder(store.keys, runner, readModels, false),
      );

      const listed = await commands.retentie(20, true);
      expect(listed).toEqual([
        { dossier: { soort: 'persoon', id: 'p-1' }, laatsteWijziging: '2026-01-01T10:00:00.000Z' },
      ]);
      expect((await store.readStream('persoon-p-1'))[0]!.data.voornaam).toBe('Wietske');

      expect(await commands.retentie(20, false)).toEqual(listed);
      expect((await store.readStream('persoon-p-1'))[0]!.data.voornaam).toBe(GEGEVENS_VERWIJDERD);
      expect((await store.readStream('persoon-p-2'))[0]!.data.voornaam).toBe('Jelmer');
      expect((await store.readStream('bewaartermijn-persoon-p-1')).map((e) => e.type)).toEqual([
        'BewaartermijnExpired',
      ]);
      expect(await commands.retentie(20, true)).toEqual([]);
    } finally {
      readModels.close();
      await store.close();
    }
  });
});
