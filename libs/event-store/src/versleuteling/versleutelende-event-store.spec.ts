import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GEGEVENS_VERWIJDERD } from '@app/domain';
import { EventToAppend } from '../event-store';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { GegevensVerwijderdError, SqliteKeyStore } from './key-store';
import { VersleutelendeEventStore } from './versleutelende-event-store';

const event = (type: string, data: Record<string, unknown>): EventToAppend => ({
  id: crypto.randomUUID(),
  type,
  schemaVersion: 1,
  data,
  occurredAt: '2026-03-01T10:00:00.000Z',
  actor: { userId: 'u-anna', role: 'contactpersoon' },
  correlationId: 'c',
  causationId: null,
});

const persoon = {
  persoonId: 'p-1',
  voornaam: 'Sanne',
  achternaam: 'Verbeek',
  geboortedatum: '2011-02-03',
  bsn: '111222333',
};
const plan = {
  gezinId: 'g-1',
  versie: 1,
  reden: null,
  plan: {
    hulpvraag: 'Rust thuis voor Sanne',
    doelen: [{ doelId: 'd-1', leefgebied: 'wonen', persoonId: 'p-1', omschrijving: 'Eigen kamer' }],
    afspraken: [
      { afspraakId: 'a-1', wie: 'Oma Verbeek', wat: 'Haalt op', uiterlijk: '2026-04-01' },
    ],
    evaluatiedatum: '2026-06-01',
    toestemming: { delen: true, vastgelegdOp: '2026-03-01', toelichting: null },
  },
};

describe('VersleutelendeEventStore', () => {
  let dir: string;
  let store: VersleutelendeEventStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'versleuteling-'));
    store = new VersleutelendeEventStore(
      new SqliteEventStore(join(dir, 'events.sqlite')),
      new SqliteKeyStore(join(dir, 'keys.sqlite')),
    );
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores personal fields encrypted and reads them back plain', async () => {
    await store.append('persoon-p-1', [event('PersoonRegistered', persoon)], 'no_stream');
    await store.append('gezin-g-1', [event('GezinsplanWritten', plan)], 'no_stream');

    const [stored] = await store.ruw.readStream('persoon-p-1');
    expect(stored!.data.persoonId).toBe('p-1');
    expect(stored!.data.voornaam).toEqual({
      $sleutel: 'persoon:p-1',
      $versleuteld: expect.any(String),
    });
    expect(JSON.stringify(stored!.data)).not.toMatch(/Sanne|Verbeek|111222333|2011-02-03/);
    const [storedPlan] = await store.ruw.readStream('gezin-g-1');
    expect(JSON.stringify(storedPlan!.data)).not.toMatch(/Rust thuis|Eigen kamer|Oma|Haalt op/);
    expect(storedPlan!.data.plan).toMatchObject({ evaluatiedatum: '2026-06-01' });

    expect((await store.readStream('persoon-p-1'))[0]!.data).toEqual(persoon);
    expect((await store.readAll(0n, 10)).map((e) => e.data)).toEqual([persoon, plan]);
    const file = readFileSync(join(dir, 'events.sqlite')).toString('latin1');
    expect(file).not.toContain('Verbeek');
  });

  it('leaves events without personal fields as they are', async () => {
    const data = { gezinId: 'g-1', wijk: 'Haven', per: '2026-01-01' };
    await store.append('gezin-g-1', [event('GezinWijkSet', data)], 'no_stream');
    expect((await store.ruw.readStream('gezin-g-1'))[0]!.data).toEqual(data);
  });

  it('reads erased fields as "gegevens verwijderd" or null once the key is destroyed', async () => {
    await store.append('persoon-p-1', [event('PersoonRegistered', persoon)], 'no_stream');
    await store.append('gezin-g-1', [event('GezinsplanWritten', plan)], 'no_stream');
    expect(await store.keys.destroy('persoon:p-1', '2026-03-02T10:00:00.000Z')).toBe(true);
    expect(await store.keys.destroy('persoon:p-1', '2026-03-03T10:00:00.000Z')).toBe(false);

    expect((await store.readStream('persoon-p-1'))[0]!.data).toEqual({
      persoonId: 'p-1',
      voornaam: GEGEVENS_VERWIJDERD,
      achternaam: GEGEVENS_VERWIJDERD,
      geboortedatum: null,
      bsn: null,
    });
    // The family's texts are under the family's key: they stay.
    expect((await store.readStream('gezin-g-1'))[0]!.data).toEqual(plan);

    await store.keys.destroy('gezin:g-1', '2026-03-02T10:00:00.000Z');
    const erased = (await store.readStream('gezin-g-1'))[0]!.data as typeof plan;
    expect(erased.plan.hulpvraag).toBe(GEGEVENS_VERWIJDERD);
    expect(erased.plan.afspraken[0]).toMatchObject({
      wie: GEGEVENS_VERWIJDERD,
      wat: GEGEVENS_VERWIJDERD,
    });
    expect(erased.plan.evaluatiedatum).toBe('2026-06-01');
  });

  it('writes nothing new under a destroyed key', async () => {
    await store.append('persoon-p-1', [event('PersoonRegistered', persoon)], 'no_stream');
    await store.keys.destroy('persoon:p-1', '2026-03-02T10:00:00.000Z');
    await expect(
      store.append(
        'persoon-p-1',
        [event('PersoonsgegevensCorrected', { ...persoon, reden: 'x' })],
        0,
      ),
    ).rejects.toThrow(GegevensVerwijderdError);
  });

  it('refuses to read a field whose key it never had (another key file)', async () => {
    await store.append('persoon-p-1', [event('PersoonRegistered', persoon)], 'no_stream');
    const other = new VersleutelendeEventStore(store.ruw, new SqliteKeyStore(':memory:'));
    await expect(other.readStream('persoon-p-1')).rejects.toThrow(/no key persoon:p-1/);
  });
});
