import { readFileSync, readdirSync, statSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStore, KeyStore } from '@app/event-store';
import { ALL_PROJECTIONS, ProjectionRunner, ReadModelDatabase } from '@app/projections';
import { TestApp, startTestApp } from '../e2e/support/test-app';

/**
 * The proof of erasure by crypto-shredding (issue 13, ADR 0015), on the real app and its real
 * files: once a request is granted, no file in DATA_DIR (event log, WAL, read models, key store)
 * holds the person's name, BSN or birth date, and a rebuild of every projection from the log
 * gives the same erased view.
 */
describe('erasure by crypto-shredding (integration, real files)', () => {
  let t: TestApp;
  let anna: string;
  let beheer: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const GEHEIM = ['Zoë', 'Verbeekhuizen', '734512004', '2011-07-19'];

  beforeAll(async () => {
    t = await startTestApp();
    anna = await t.token('contactpersoon', 'u-anna', 'Anna de Vries');
    beheer = await t.token('beheer', 'u-beheer', 'Bea Beheer');
  }, 30_000);
  afterAll(() => t.close());

  /** The secrets found in any file of DATA_DIR, as "file: secret". */
  function found(): string[] {
    const hits: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) {
          walk(path);
          continue;
        }
        const bytes = readFileSync(path);
        for (const secret of GEHEIM) {
          if (bytes.includes(Buffer.from(secret, 'utf8'))) hits.push(`${name}: ${secret}`);
        }
      }
    };
    walk(t.dataDir);
    return hits;
  }

  /** Every read-model table's rows, in order: what a rebuild must reproduce. */
  function dump(readModels: ReadModelDatabase): Record<string, unknown[]> {
    const tables = readModels.db
      .prepare<[], { name: string }>(
        `SELECT name FROM sqlite_master WHERE type = 'table'
         AND name NOT IN ('projection_checkpoints', 'sqlite_sequence') ORDER BY name`,
      )
      .all();
    return Object.fromEntries(
      tables.map(({ name }) => [
        name,
        readModels.db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all(),
      ]),
    );
  }

  it('leaves nothing of the person in any file, and a rebuild gives the same erased view', async () => {
    const registered = await t
      .http()
      .post('/api/v1/gezinnen')
      .set(auth(anna))
      .send({
        naam: 'Gezin Noord',
        leden: [
          {
            rol: 'jeugdige',
            voornaam: 'Zoë',
            achternaam: 'Verbeekhuizen',
            geboortedatum: '2011-07-19',
            bsn: '734512004',
          },
          { rol: 'ouder', voornaam: 'Mirjam', achternaam: 'Noord' },
        ],
      })
      .expect(201);
    const { gezinId, position } = registered.body as { gezinId: string; position: string };
    const gezin = await t
      .http()
      .get(`/api/v1/gezinnen/${gezinId}?minPosition=${position}`)
      .set(auth(anna))
      .expect(200);
    const zoe = (gezin.body.leden as { persoonId: string; voornaam: string }[]).find(
      (l) => l.voornaam === 'Zoë',
    )!;
    await t.http().get(`/api/v1/gezinnen/${gezinId}/tijdlijn`).set(auth(anna)).expect(200);
    // The search finds what is there: the read models hold the name until the erasure.
    expect(found()).toEqual(expect.arrayContaining(['read-models.sqlite-wal: Verbeekhuizen']));
    expect(found().filter((hit) => hit.startsWith('events.sqlite'))).toEqual([]);

    const key = await t.app.get(KeyStore).find(`persoon:${zoe.persoonId}`);
    if (key.stand !== 'actief') throw new Error('the person has a key once registered');

    const granted = await t
      .http()
      .post('/api/v1/beheer/verwijderverzoeken')
      .set(auth(beheer))
      .send({
        dossier: { soort: 'persoon', id: zoe.persoonId },
        verzoeker: 'jeugdige',
        ontvangenOp: '2026-11-20',
        besluit: 'toegewezen',
      })
      .expect(201);

    const after = await t
      .http()
      .get(`/api/v1/gezinnen/${gezinId}?minPosition=${granted.body.position as string}`)
      .set(auth(anna))
      .expect(200);
    expect(after.body.naam).toBe('Gezin Noord');
    expect(after.body.leden).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          persoonId: zoe.persoonId,
          voornaam: 'gegevens verwijderd',
          achternaam: 'gegevens verwijderd',
          geboortedatum: null,
          bsn: null,
        }),
        expect.objectContaining({ voornaam: 'Mirjam' }),
      ]),
    );
    expect(found()).toEqual([]);
    // The key itself is gone from the key store's files too: no backup of it can bring it back.
    for (const name of readdirSync(t.dataDir).filter((n) => n.startsWith('keys.sqlite'))) {
      expect([name, readFileSync(join(t.dataDir, name)).includes(key.sleutel)]).toEqual([
        name,
        false,
      ]);
    }

    // A rebuild of every projection from the log, into a fresh file, gives the same view.
    const live = t.app.get(ReadModelDatabase);
    const dir = mkdtempSync(join(tmpdir(), 'rebuild-'));
    const fresh = new ReadModelDatabase(join(dir, 'read-models.sqlite'));
    try {
      await new ProjectionRunner(t.app.get(EventStore), fresh, ALL_PROJECTIONS).runUntilCaughtUp();
      expect(dump(fresh)).toEqual(dump(live));
    } finally {
      fresh.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
