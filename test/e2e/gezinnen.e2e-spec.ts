import { EventStore, SqliteEventStore } from '@app/event-store';
import { processingLogStreamId } from '@app/access';
import { join } from 'node:path';
import { TestApp, startTestApp } from './support/test-app';

/** The first slice: register a family, assign its contact person, read it and its timeline. */
describe('gezinnen (e2e)', () => {
  let t: TestApp;
  let anna: string;
  let bram: string;
  beforeAll(async () => {
    t = await startTestApp();
    anna = await t.token('contactpersoon', 'u-anna', 'Anna de Vries');
    bram = await t.token('contactpersoon', 'u-bram', 'Bram Bakker');
  });
  afterAll(() => t.close());

  const jansen = {
    naam: 'Jansen',
    leden: [
      { rol: 'jeugdige', voornaam: 'Sanne', achternaam: 'Jansen', geboortedatum: '2012-05-04' },
      { rol: 'jeugdige', voornaam: 'Daan', achternaam: 'Jansen', geboortedatum: '2015-01-31' },
      { rol: 'ouder', voornaam: 'Mark', achternaam: 'Jansen' },
    ],
  };
  const asAnna = {
    userId: 'u-anna',
    naam: 'Anna de Vries',
    organisatie: 'Wijkteam Noord',
    vanaf: '2026-03-01',
  };

  async function register(token = anna, body: object = jansen) {
    const res = await t
      .http()
      .post('/api/v1/gezinnen')
      .set('Authorization', `Bearer ${token}`)
      .send(body)
      .expect(201);
    return res;
  }

  it('registers a family: 201 with Location, ETag and the log position', async () => {
    const res = await register();
    expect(res.body).toEqual({
      gezinId: expect.any(String),
      revision: 0,
      position: expect.stringMatching(/^\d+$/),
    });
    expect(res.headers.location).toBe(`/api/v1/gezinnen/${res.body.gezinId}`);
    expect(res.headers.etag).toBe('"0"');
    expect(res.headers['x-log-position']).toBe(res.body.position);

    const gezin = await t
      .http()
      .get(`${res.headers.location}?minPosition=${res.body.position}`)
      .set('Authorization', `Bearer ${anna}`)
      .expect(200);
    expect(gezin.headers.etag).toBe('"0"');
    expect(gezin.body).toMatchObject({
      gezinId: res.body.gezinId,
      naam: 'Jansen',
      contactpersoon: null,
    });
    expect(
      gezin.body.leden.map((l: { voornaam: string; rol: string }) => [l.voornaam, l.rol]),
    ).toEqual([
      ['Sanne', 'jeugdige'],
      ['Daan', 'jeugdige'],
      ['Mark', 'ouder'],
    ]);
  });

  it('refuses a family without a youth with 422 and a reason', async () => {
    const res = await t
      .http()
      .post('/api/v1/gezinnen')
      .set('Authorization', `Bearer ${anna}`)
      .send({ naam: 'Alleen', leden: [{ rol: 'ouder', voornaam: 'Mark', achternaam: 'Alleen' }] })
      .expect(422);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body.detail).toMatch(/ten minste één jeugdige/);
  });

  it('assigns a contact person, refuses a second one with 422, and shows it all on the timeline', async () => {
    const { body: created } = await register();
    const url = `/api/v1/gezinnen/${created.gezinId}`;
    const assigned = await t
      .http()
      .post(`${url}/contactpersoon`)
      .set('Authorization', `Bearer ${anna}`)
      .set('If-Match', '"0"')
      .send(asAnna)
      .expect(200);
    expect(assigned.headers.etag).toBe('"1"');

    const second = await t
      .http()
      .post(`${url}/contactpersoon`)
      .set('Authorization', `Bearer ${anna}`)
      .send({ ...asAnna, userId: 'u-bram', naam: 'Bram Bakker' })
      .expect(422);
    expect(second.body.detail).toMatch(
      /al een contactpersoon \(Anna de Vries, Wijkteam Noord, sinds 2026-03-01\)/,
    );

    const timeline = await t
      .http()
      .get(`${url}/tijdlijn?minPosition=${assigned.body.position}`)
      .set('Authorization', `Bearer ${anna}`)
      .expect(200);
    expect(
      timeline.body.items.map((i: { soort: string; wat: string }) => [i.soort, i.wat]),
    ).toEqual([
      [
        'gezin',
        'Gezin Jansen is aangemeld met 3 leden: Sanne Jansen (jeugdige), Daan Jansen (jeugdige), Mark Jansen (ouder/verzorger).',
      ],
      [
        'contactpersoon',
        'Anna de Vries (Wijkteam Noord) is vanaf 2026-03-01 de contactpersoon van het gezin.',
      ],
    ]);
    expect(timeline.body.items[0].wie).toEqual({ userId: 'u-anna', rol: 'contactpersoon' });
    expect(Date.parse(timeline.body.items[0].wanneer)).not.toBeNaN();

    const onlyContact = await t
      .http()
      .get(`${url}/tijdlijn?soort=contactpersoon`)
      .set('Authorization', `Bearer ${anna}`)
      .expect(200);
    expect(onlyContact.body.items).toHaveLength(1);
    const future = await t
      .http()
      .get(`${url}/tijdlijn?van=2999-01-01`)
      .set('Authorization', `Bearer ${anna}`)
      .expect(200);
    expect(future.body.items).toEqual([]);
  });

  it('gives 404, not 403, to a contact person who does not work with the family', async () => {
    const { body: created } = await register();
    const url = `/api/v1/gezinnen/${created.gezinId}`;
    await t
      .http()
      .get(`${url}?minPosition=${created.position}`)
      .set('Authorization', `Bearer ${anna}`)
      .expect(200);
    for (const res of [
      await t.http().get(url).set('Authorization', `Bearer ${bram}`),
      await t.http().get(`${url}/tijdlijn`).set('Authorization', `Bearer ${bram}`),
      await t
        .http()
        .post(`${url}/leden`)
        .set('Authorization', `Bearer ${bram}`)
        .send(jansen.leden[2]),
      await t
        .http()
        .post(`${url}/contactpersoon`)
        .set('Authorization', `Bearer ${bram}`)
        .send(asAnna),
    ]) {
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
    }
    // Same answer as for a family that does not exist at all.
    await t
      .http()
      .get('/api/v1/gezinnen/4b8e3c56-9f7e-4c1c-9a43-6a8a0e4b7d11')
      .set('Authorization', `Bearer ${bram}`)
      .expect(404);
  });

  it('gives policy staff and administrators no family routes (403)', async () => {
    const { body: created } = await register();
    for (const role of ['beleid', 'beheer', 'jph', 'huisarts'] as const) {
      const token = await t.token(role, `u-${role}`);
      await t
        .http()
        .get(`/api/v1/gezinnen/${created.gezinId}`)
        .set('Authorization', `Bearer ${token}`)
        .expect(403);
      await t
        .http()
        .get(`/api/v1/gezinnen/${created.gezinId}/tijdlijn`)
        .set('Authorization', `Bearer ${token}`)
        .expect(403);
    }
  });

  it('two concurrent updates with the same If-Match: one succeeds, one gets 409, nothing merged', async () => {
    const { body: created } = await register();
    const url = `/api/v1/gezinnen/${created.gezinId}/leden`;
    const add = (voornaam: string) =>
      t
        .http()
        .post(url)
        .set('Authorization', `Bearer ${anna}`)
        .set('If-Match', '"0"')
        .send({ rol: 'jeugdige', voornaam, achternaam: 'Jansen', geboortedatum: '2019-07-01' });
    const results = await Promise.all([add('Noor'), add('Luuk')]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const conflict = results.find((r) => r.status === 409)!;
    expect(conflict.headers['content-type']).toMatch(/problem\+json/);
    expect(conflict.body.currentRevision).toBe(1);

    const winner = results.find((r) => r.status === 201)!;
    const gezin = await t
      .http()
      .get(`/api/v1/gezinnen/${created.gezinId}?minPosition=${winner.body.position}`)
      .set('Authorization', `Bearer ${anna}`)
      .expect(200);
    expect(gezin.body.leden).toHaveLength(4);
    expect(gezin.headers.etag).toBe('"1"');
  });

  it('a stale If-Match is refused with 409 and the current version', async () => {
    const { body: created } = await register();
    const res = await t
      .http()
      .post(`/api/v1/gezinnen/${created.gezinId}/contactpersoon`)
      .set('Authorization', `Bearer ${anna}`)
      .set('If-Match', '"7"')
      .send(asAnna)
      .expect(409);
    expect(res.body.currentRevision).toBe(0);
  });

  it('a retried request with the same Idempotency-Key is carried out once', async () => {
    const send = () =>
      t
        .http()
        .post('/api/v1/gezinnen')
        .set('Authorization', `Bearer ${anna}`)
        .set('Idempotency-Key', 'retry-test-0001')
        .send(jansen);
    const first = await send().expect(201);
    const second = await send().expect(201);
    expect(second.body).toEqual(first.body);

    const store = t.app.get(EventStore);
    expect(await store.readStream(`gezin-${first.body.gezinId}`)).toHaveLength(1);
  });

  it('answers 503 when the read models cannot reach the requested position in time', async () => {
    const { body: created } = await register();
    const res = await t
      .http()
      .get(`/api/v1/gezinnen/${created.gezinId}?minPosition=99999999999`)
      .set('Authorization', `Bearer ${anna}`);
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  }, 15_000);

  it('logs every read of a family (who, what), durably, in the family’s processing log', async () => {
    const { body: created } = await register();
    await t
      .http()
      .get(`/api/v1/gezinnen/${created.gezinId}/tijdlijn?minPosition=${created.position}`)
      .set('Authorization', `Bearer ${anna}`)
      .expect(200);
    await t
      .http()
      .get(`/api/v1/gezinnen/${created.gezinId}`)
      .set('Authorization', `Bearer ${anna}`)
      .expect(200);
    // A refused read is not a read of the family's data.
    await t
      .http()
      .get(`/api/v1/gezinnen/${created.gezinId}`)
      .set('Authorization', `Bearer ${bram}`)
      .expect(404);

    const reopened: EventStore = new SqliteEventStore(join(t.dataDir, 'events.sqlite'));
    const log = await reopened.readStream(processingLogStreamId(created.gezinId));
    await reopened.close();
    expect(log.map((e) => [e.type, e.data.wat, e.data.door])).toEqual([
      ['GezinsgegevensIngezien', 'tijdlijn', 'u-anna'],
      ['GezinsgegevensIngezien', 'gezin', 'u-anna'],
    ]);
  });
});
