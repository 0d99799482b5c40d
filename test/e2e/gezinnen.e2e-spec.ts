import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { EventStore, deterministicUuid, keyedUuid } from '@app/event-store';
import { TestApp, startTestApp } from './support/test-app';

/** Families: register, read, members (persons of their own), network, timeline, need-to-know. */
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
      {
        rol: 'jeugdige',
        voornaam: 'Sanne',
        achternaam: 'Jansen',
        geboortedatum: '2012-05-04',
        bsn: '111222333',
      },
      { rol: 'jeugdige', voornaam: 'Daan', achternaam: 'Jansen', geboortedatum: '2015-01-31' },
      { rol: 'ouder', voornaam: 'Mark', achternaam: 'Jansen' },
    ],
  };
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  async function register(token = anna, body: object = jansen) {
    return t.http().post('/api/v1/gezinnen').set(auth(token)).send(body).expect(201);
  }
  async function read(gezinId: string, position: string, token = anna) {
    return t
      .http()
      .get(`/api/v1/gezinnen/${gezinId}?minPosition=${position}`)
      .set(auth(token))
      .expect(200);
  }

  it('registers a family with its members: 201 with Location, ETag and the log position', async () => {
    const res = await register();
    expect(res.body).toEqual({
      gezinId: expect.any(String),
      leden: [
        { persoonId: expect.any(String), rol: 'jeugdige' },
        { persoonId: expect.any(String), rol: 'jeugdige' },
        { persoonId: expect.any(String), rol: 'ouder' },
      ],
      revision: 3,
      position: expect.stringMatching(/^\d+$/),
    });
    expect(res.headers.location).toBe(`/api/v1/gezinnen/${res.body.gezinId}`);
    expect(res.headers.etag).toBe('"3"');
    expect(res.headers['x-log-position']).toBe(res.body.position);

    const gezin = await read(res.body.gezinId, res.body.position);
    expect(gezin.headers.etag).toBe('"3"');
    expect(gezin.body).toMatchObject({
      naam: 'Jansen',
      toegang: 'schrijven',
      contactpersoon: null,
      plan: null,
      netwerk: [],
    });
    // The answer named each member in the order sent: no read needed to learn their ids.
    expect(gezin.body.leden.map((l: { persoonId: string }) => l.persoonId)).toEqual(
      res.body.leden.map((l: { persoonId: string }) => l.persoonId),
    );
    expect(
      gezin.body.leden.map((l: { voornaam: string; rol: string; bsn: string | null }) => [
        l.voornaam,
        l.rol,
        l.bsn,
      ]),
    ).toEqual([
      ['Sanne', 'jeugdige', '111222333'],
      ['Daan', 'jeugdige', null],
      ['Mark', 'ouder', null],
    ]);
  });

  it('declares the registration answer, with the members, in OpenAPI', async () => {
    const doc = (await t.http().get('/api/v1/openapi.json').expect(200)).body;
    const created = doc.paths['/api/v1/gezinnen'].post.responses['201'];
    // The answer is the write answer (ids, revision, position) with the members' ids beside it.
    const parts: { $ref?: string; required?: string[]; properties?: object }[] =
      created.content['application/json'].schema.allOf;
    const resolved = parts.map((part) =>
      part.$ref ? doc.components.schemas[part.$ref.split('/').pop()!] : part,
    );
    const required = resolved.flatMap((part) => part.required ?? []);
    expect(required).toEqual(expect.arrayContaining(['gezinId', 'leden', 'revision']));
    const leden = resolved.find((part) => part.properties?.leden)?.properties.leden;
    expect(leden.type).toBe('array');
  });

  it('refuses a family without a youth (422) and stores no person', async () => {
    const store = t.app.get(EventStore);
    const before = await store.headPosition();
    const res = await t
      .http()
      .post('/api/v1/gezinnen')
      .set(auth(anna))
      .send({ naam: 'Alleen', leden: [{ rol: 'ouder', voornaam: 'Mark', achternaam: 'Alleen' }] })
      .expect(422);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body.detail).toMatch(/ten minste één jeugdige/);
    expect(await store.headPosition()).toBe(before);
  });

  it('refuses a BSN that fails the eleven-test with 400 naming the field', async () => {
    const res = await t
      .http()
      .post('/api/v1/gezinnen')
      .set(auth(anna))
      .send({ naam: 'X', leden: [{ ...jansen.leden[0], bsn: '123456789' }] })
      .expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'leden[0].bsn' })]);
  });

  describe('members', () => {
    it('adds a new person, corrects their data with a reason, and removes them; the timeline says so', async () => {
      const { body: created } = await register();
      const url = `/api/v1/gezinnen/${created.gezinId}`;
      const added = await t
        .http()
        .post(`${url}/leden`)
        .set(auth(anna))
        .set('If-Match', '"3"')
        .send({
          rol: 'overig',
          persoon: { voornaam: 'Opa', achternaam: 'Jansen' },
          vanaf: '2026-02-01',
        })
        .expect(201);
      expect(added.body).toMatchObject({ revision: 4, persoonId: expect.any(String) });

      const corrected = await t
        .http()
        .put(`${url}/leden/${added.body.persoonId}/gegevens`)
        .set(auth(anna))
        .send({ voornaam: 'Opa Kees', achternaam: 'Jansen', reden: 'Voornaam aangevuld' })
        .expect(200);
      const gezin = await read(created.gezinId, corrected.body.position);
      expect(gezin.body.leden.map((l: { voornaam: string }) => l.voornaam)).toContain('Opa Kees');

      const removed = await t
        .http()
        .post(`${url}/leden/${added.body.persoonId}/einde`)
        .set(auth(anna))
        .send({ per: '2026-03-01', reden: 'Verhuisd naar een verzorgingshuis' })
        .expect(201);
      const after = await read(created.gezinId, removed.body.position);
      expect(after.body.leden).toHaveLength(3);

      const timeline = await t
        .http()
        .get(`${url}/tijdlijn?soort=gezinslid`)
        .set(auth(anna))
        .expect(200);
      expect(timeline.body.items.map((i: { wat: string }) => i.wat)).toEqual([
        'Sanne Jansen (jeugdige) hoort vanaf ' + after.body.leden[0].vanaf + ' bij het gezin.',
        'Daan Jansen (jeugdige) hoort vanaf ' + after.body.leden[1].vanaf + ' bij het gezin.',
        'Mark Jansen (ouder/verzorger) hoort vanaf ' +
          after.body.leden[2].vanaf +
          ' bij het gezin.',
        'Opa Jansen (huisgenoot) hoort vanaf 2026-02-01 bij het gezin.',
        'De gegevens van Opa Jansen zijn verbeterd: Voornaam aangevuld',
        'Opa Kees Jansen hoort vanaf 2026-03-01 niet meer bij het gezin: Verhuisd naar een verzorgingshuis',
      ]);
    });

    it('lets a youth belong to two households as one person', async () => {
      const { body: first } = await register();
      const eerste = await read(first.gezinId, first.position);
      const sanne = eerste.body.leden[0];
      const { body: second } = await register(anna, {
        naam: 'De Boer',
        leden: [
          { rol: 'ouder', voornaam: 'Ilse', achternaam: 'de Boer' },
          { rol: 'jeugdige', voornaam: 'Tim', achternaam: 'de Boer', geboortedatum: '2016-08-31' },
        ],
      });
      const added = await t
        .http()
        .post(`/api/v1/gezinnen/${second.gezinId}/leden`)
        .set(auth(anna))
        .send({ rol: 'jeugdige', persoonId: sanne.persoonId })
        .expect(201);
      expect(added.body.persoonId).toBe(sanne.persoonId);
      const tweede = await read(second.gezinId, added.body.position);
      expect(
        tweede.body.leden.find((l: { persoonId: string }) => l.persoonId === sanne.persoonId),
      ).toMatchObject({
        voornaam: 'Sanne',
        geboortedatum: '2012-05-04',
      });
      // Adding her again is refused; someone who knows none of her families cannot add her.
      await t
        .http()
        .post(`/api/v1/gezinnen/${second.gezinId}/leden`)
        .set(auth(anna))
        .send({ rol: 'jeugdige', persoonId: sanne.persoonId })
        .expect(422);
      const { body: brams } = await register(bram);
      await t
        .http()
        .post(`/api/v1/gezinnen/${brams.gezinId}/leden`)
        .set(auth(bram))
        .send({ rol: 'jeugdige', persoonId: sanne.persoonId })
        .expect(404);
    });

    it('refuses a member body with neither a person nor a persoonId', async () => {
      const { body: created } = await register();
      const res = await t
        .http()
        .post(`/api/v1/gezinnen/${created.gezinId}/leden`)
        .set(auth(anna))
        .send({ rol: 'jeugdige' })
        .expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('persoon');
    });

    it('refuses removing the last youth (422)', async () => {
      const { body: created } = await register(anna, {
        naam: 'Klein',
        leden: [
          { rol: 'jeugdige', voornaam: 'Ben', achternaam: 'Klein', geboortedatum: '2019-02-28' },
        ],
      });
      const gezin = await read(created.gezinId, created.position);
      const res = await t
        .http()
        .post(`/api/v1/gezinnen/${created.gezinId}/leden/${gezin.body.leden[0].persoonId}/einde`)
        .set(auth(anna))
        .send({ per: '2026-03-01', reden: 'x' })
        .expect(422);
      expect(res.body.detail).toMatch(/laatste jeugdige/);
    });
  });

  describe('network', () => {
    it('adds informal and formal network members and ends one', async () => {
      const { body: created } = await register();
      const url = `/api/v1/gezinnen/${created.gezinId}/netwerk`;
      const oma = await t
        .http()
        .post(url)
        .set(auth(anna))
        .send({ soort: 'informeel', naam: 'Oma Jansen', rol: 'oma', vanaf: '2026-01-01' })
        .expect(201);
      await t
        .http()
        .post(url)
        .set(auth(anna))
        .send({
          soort: 'formeel',
          naam: 'Fatima El Amrani',
          rol: 'jeugdarts',
          organisatie: 'GGD Flevoland',
          vanaf: '2026-02-01',
        })
        .expect(201);
      const ended = await t
        .http()
        .post(`${url}/${oma.body.betrokkeneId}/einde`)
        .set(auth(anna))
        .send({ tot: '2026-04-01', reden: 'Verhuisd' })
        .expect(201);
      const gezin = await read(created.gezinId, ended.body.position);
      expect(
        gezin.body.netwerk.map((b: { naam: string; tot: string | null }) => [b.naam, b.tot]),
      ).toEqual([
        ['Oma Jansen', '2026-04-01'],
        ['Fatima El Amrani', null],
      ]);
    });

    it('refuses a professional without organisation (422) and an unknown soort (400)', async () => {
      const { body: created } = await register();
      const url = `/api/v1/gezinnen/${created.gezinId}/netwerk`;
      const res = await t
        .http()
        .post(url)
        .set(auth(anna))
        .send({ soort: 'formeel', naam: 'X', rol: 'jeugdarts', vanaf: '2026-01-01' })
        .expect(422);
      expect(res.body.detail).toMatch(/organisatie/);
      const bad = await t
        .http()
        .post(url)
        .set(auth(anna))
        .send({ soort: 'buur', naam: 'X', rol: 'y', vanaf: '2026-01-01' })
        .expect(400);
      expect(bad.body.errors[0].field).toBe('soort');
    });
  });

  describe('need-to-know', () => {
    it('gives 404, not 403, to a contact person who does not work with the family, on every route', async () => {
      const { body: created } = await register();
      const url = `/api/v1/gezinnen/${created.gezinId}`;
      await read(created.gezinId, created.position);
      const persoonId = (await read(created.gezinId, created.position)).body.leden[0].persoonId;
      for (const res of [
        await t.http().get(url).set(auth(bram)),
        await t.http().get(`${url}/tijdlijn`).set(auth(bram)),
        await t
          .http()
          .post(`${url}/leden`)
          .set(auth(bram))
          .send({ rol: 'ouder', persoon: { voornaam: 'X', achternaam: 'Y' } }),
        await t
          .http()
          .post(`${url}/leden/${persoonId}/einde`)
          .set(auth(bram))
          .send({ per: '2026-03-01', reden: 'x' }),
        await t
          .http()
          .put(`${url}/leden/${persoonId}/gegevens`)
          .set(auth(bram))
          .send({ voornaam: 'X', achternaam: 'Y', reden: 'z' }),
        await t
          .http()
          .post(`${url}/netwerk`)
          .set(auth(bram))
          .send({ soort: 'informeel', naam: 'X', rol: 'y', vanaf: '2026-01-01' }),
      ]) {
        expect(res.status).toBe(404);
        expect(res.headers['content-type']).toMatch(/problem\+json/);
      }
      await t
        .http()
        .get('/api/v1/gezinnen/4b8e3c56-9f7e-4c1c-9a43-6a8a0e4b7d11')
        .set(auth(bram))
        .expect(404);
    });

    it('gives policy staff, administrators and GP staff no family routes (403)', async () => {
      const { body: created } = await register();
      for (const role of ['beleid', 'beheer', 'jph', 'huisarts'] as const) {
        const token = await t.token(role, `u-${role}`);
        await t.http().get(`/api/v1/gezinnen/${created.gezinId}`).set(auth(token)).expect(403);
        await t
          .http()
          .get(`/api/v1/gezinnen/${created.gezinId}/tijdlijn`)
          .set(auth(token))
          .expect(403);
        await t.http().post('/api/v1/gezinnen').set(auth(token)).send(jansen).expect(403);
      }
    });

    it('never shows another family’s events in a timeline', async () => {
      const { body: a } = await register();
      const { body: b } = await register(anna, { ...jansen, naam: 'Pietersen' });
      const timeline = await t
        .http()
        .get(`/api/v1/gezinnen/${a.gezinId}/tijdlijn?minPosition=${b.position}`)
        .set(auth(anna))
        .expect(200);
      expect(timeline.body.items).toHaveLength(4);
      expect(JSON.stringify(timeline.body)).not.toContain('Pietersen');
    });
  });

  it('filters the timeline by period and kind', async () => {
    const { body: created } = await register();
    const url = `/api/v1/gezinnen/${created.gezinId}/tijdlijn?minPosition=${created.position}`;
    const all = await t.http().get(url).set(auth(anna)).expect(200);
    expect(all.body.items.map((i: { soort: string }) => i.soort)).toEqual([
      'gezin',
      'gezinslid',
      'gezinslid',
      'gezinslid',
    ]);
    expect(all.body.items[0]).toMatchObject({
      wat: 'Gezin Jansen is aangemeld.',
      wie: { userId: 'u-anna', rol: 'contactpersoon' },
    });
    const onlyGezin = await t.http().get(`${url}&soort=gezin`).set(auth(anna)).expect(200);
    expect(onlyGezin.body.items).toHaveLength(1);
    const future = await t.http().get(`${url}&van=2999-01-01`).set(auth(anna)).expect(200);
    expect(future.body.items).toEqual([]);
    const past = await t.http().get(`${url}&tot=2000-01-01`).set(auth(anna)).expect(200);
    expect(past.body.items).toEqual([]);
  });

  it('two concurrent updates with the same If-Match: one succeeds, one gets 409, nothing merged', async () => {
    const { body: created } = await register();
    const add = (voornaam: string) =>
      t
        .http()
        .post(`/api/v1/gezinnen/${created.gezinId}/leden`)
        .set(auth(anna))
        .set('If-Match', '"3"')
        .send({
          rol: 'jeugdige',
          persoon: { voornaam, achternaam: 'Jansen', geboortedatum: '2019-07-01' },
        });
    const results = await Promise.all([add('Noor'), add('Luuk')]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const conflict = results.find((r) => r.status === 409)!;
    expect(conflict.headers['content-type']).toMatch(/problem\+json/);
    expect(conflict.body.currentRevision).toBe(4);
    const winner = results.find((r) => r.status === 201)!;
    const gezin = await read(created.gezinId, winner.body.position);
    expect(gezin.body.leden).toHaveLength(4);
    expect(gezin.headers.etag).toBe('"4"');
  });

  it('a retried registration with the same Idempotency-Key is carried out once', async () => {
    const send = () =>
      t
        .http()
        .post('/api/v1/gezinnen')
        .set(auth(anna))
        .set('Idempotency-Key', 'retry-test-0001')
        .send(jansen);
    const first = await send().expect(201);
    const second = await send().expect(201);
    expect(second.body).toEqual(first.body);
    const store = t.app.get(EventStore);
    expect(await store.readStream(`gezin-${first.body.gezinId}`)).toHaveLength(4);
    const gezin = await read(first.body.gezinId, first.body.position);
    expect(gezin.body.leden).toHaveLength(3);
    // The id follows from the key under the server's secret, kept in DATA_DIR, not from the key
    // alone: the client cannot work it out beforehand.
    const file = join(t.dataDir, 'id-secret');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const secret = Buffer.from(readFileSync(file, 'utf8'), 'base64');
    const name = 'gezin::u-anna:retry-test-0001';
    expect(first.body.gezinId).toBe(keyedUuid(secret, name));
    expect(first.body.gezinId).not.toBe(deterministicUuid(name));
  });

  it('a retried "add member" with the same Idempotency-Key answers as the first time', async () => {
    const { body: created } = await register();
    const send = () =>
      t
        .http()
        .post(`/api/v1/gezinnen/${created.gezinId}/leden`)
        .set(auth(anna))
        .set('Idempotency-Key', 'add-member-0001')
        .send({ rol: 'ouder', persoon: { voornaam: 'Petra', achternaam: 'Bos' } });
    const first = await send().expect(201);
    const second = await send().expect(201);
    expect(second.body).toEqual(first.body);
    const gezin = await read(created.gezinId, second.body.position);
    expect(
      gezin.body.leden.filter((l: { voornaam: string }) => l.voornaam === 'Petra'),
    ).toHaveLength(1);
  });

  it('a stale If-Match or a refused rule stores no person', async () => {
    const { body: created } = await register();
    const store = t.app.get(EventStore);
    const before = await store.headPosition();
    await t
      .http()
      .post(`/api/v1/gezinnen/${created.gezinId}/leden`)
      .set(auth(anna))
      .set('If-Match', '"0"')
      .send({ rol: 'ouder', persoon: { voornaam: 'Petra', achternaam: 'Bos' } })
      .expect(409);
    await t
      .http()
      .post(`/api/v1/gezinnen/${created.gezinId}/leden`)
      .set(auth(anna))
      .send({ rol: 'jeugdige', persoon: { voornaam: 'Geen', achternaam: 'Datum' } })
      .expect(422);
    expect(await store.headPosition()).toBe(before);
  });

  it('refuses erasing the birth date of a youth (422)', async () => {
    const { body: created } = await register();
    const gezin = await read(created.gezinId, created.position);
    const res = await t
      .http()
      .put(`/api/v1/gezinnen/${created.gezinId}/leden/${gezin.body.leden[0].persoonId}/gegevens`)
      .set(auth(anna))
      .send({ voornaam: 'Sanne', achternaam: 'Jansen', reden: 'typo' })
      .expect(422);
    expect(res.body.detail).toMatch(/nodig voor een jeugdige/);
  });

  it('answers 503 when the read models cannot reach the requested position in time', async () => {
    const { body: created } = await register();
    const res = await t
      .http()
      .get(`/api/v1/gezinnen/${created.gezinId}?minPosition=99999999999`)
      .set(auth(anna));
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  }, 15_000);

  it('logs every read of a family; functioneel beheer can show the family that log', async () => {
    const { body: created } = await register();
    await t
      .http()
      .get(`/api/v1/gezinnen/${created.gezinId}/tijdlijn?minPosition=${created.position}`)
      .set(auth(anna))
      .expect(200);
    await t.http().get(`/api/v1/gezinnen/${created.gezinId}`).set(auth(anna)).expect(200);
    await t.http().get(`/api/v1/gezinnen/${created.gezinId}`).set(auth(bram)).expect(404); // refused: not a read
    const head = await t.app.get(EventStore).headPosition();

    const beheer = await t.token('beheer', 'u-beheer', 'Functioneel beheer');
    const log = await t
      .http()
      .get(`/api/v1/verwerkingslog/${created.gezinId}?minPosition=${head}`)
      .set(auth(beheer))
      .expect(200);
    expect(
      log.body.inzages.map((i: { wat: string; door: string; naam: string }) => [
        i.wat,
        i.door,
        i.naam,
      ]),
    ).toEqual([
      ['tijdlijn', 'u-anna', 'Anna de Vries'],
      ['gezin', 'u-anna', 'Anna de Vries'],
    ]);
    await t.http().get(`/api/v1/verwerkingslog/${created.gezinId}`).set(auth(anna)).expect(403);
  });

  describe('one person per BSN (ADR 0016)', () => {
    /** A family De Boer with these members, registered by `token`; the answer as it came. */
    const registerLeden = (token: string, leden: object[]) =>
      t
        .http()
        .post('/api/v1/gezinnen')
        .set(auth(token))
        .send({ naam: 'De Boer', leden: leden.map((lid) => ({ achternaam: 'de Boer', ...lid })) });
    /** A family of one youth and a parent. */
    const registerKind = (token: string, kind: object) =>
      registerLeden(token, [
        { rol: 'jeugdige', ...kind },
        { rol: 'ouder', voornaam: 'Eva' },
      ]);
    const noor = { voornaam: 'Noor', geboortedatum: '2014-02-02', bsn: '213456783' };
    const fenna = { voornaam: 'Fenna', geboortedatum: '2014-02-02', bsn: '213456795' };
    /** Everything of an answer but its values that differ anyway (ids, positions, lengths). */
    const vorm = (res: Response) => ({
      status: res.status,
      headers: Object.keys(res.headers)
        .filter((h) => !['date', 'x-correlation-id'].includes(h))
        .sort(),
      contentType: res.headers['content-type'],
      etag: res.headers.etag,
      location: res.headers.location?.replace(/[0-9a-f-]{36}/, '{id}'),
      body: {
        keys: Object.keys(res.body).sort(),
        revision: res.body.revision,
        leden: res.body.leden.map((l: { persoonId: string; rol: string }) => ({
          uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(l.persoonId),
          rol: l.rol,
        })),
      },
    });

    it('a second family registering a known child gets the known person, in an answer like any other', async () => {
      const eerste = await registerKind(anna, noor).expect(201);
      await read(eerste.body.gezinId, eerste.body.position); // the read models know her now

      const bekend = await registerKind(bram, noor);
      const onbekend = await registerKind(bram, fenna);
      expect(vorm(bekend)).toEqual(vorm(onbekend));
      expect(vorm(bekend).status).toBe(201);

      // What Bram reads of each family has the same shape: his own members, as he sent them.
      const lees = async (created: { body: { gezinId: string; position: string } }) =>
        (await read(created.body.gezinId, created.body.position, bram)).body;
      const [gezinB, gezinC] = [await lees(bekend), await lees(onbekend)];
      const lid = (gezin: { leden: Record<string, unknown>[] }) => {
        const { persoonId: _id, ...rest } = gezin.leden.find((l) => l.rol === 'jeugdige')!;
        return rest;
      };
      expect(lid(gezinB)).toEqual({ ...lid(gezinC), ...noor });
      expect(Object.keys(gezinB).sort()).toEqual(Object.keys(gezinC).sort());
      const soorten = async (created: { body: { gezinId: string; position: string } }) =>
        (
          await t
            .http()
            .get(
              `/api/v1/gezinnen/${created.body.gezinId}/tijdlijn?minPosition=${created.body.position}`,
            )
            .set(auth(bram))
            .expect(200)
        ).body.items.map((i: { soort: string; wat: string }) => [i.soort, i.wat]);
      expect(await soorten(bekend)).toEqual(
        (await soorten(onbekend)).map(([soort, wat]: [string, string]) => [
          soort,
          wat.replace('Fenna', 'Noor'),
        ]),
      );

      // Yet it is one person: the same id in both families (one person in the log).
      const jeugdigeVan = (gezin: { leden: { rol: string; persoonId: string }[] }) =>
        gezin.leden.find((l) => l.rol === 'jeugdige')!.persoonId;
      const gezinA = (await read(eerste.body.gezinId, bekend.body.position)).body;
      expect(jeugdigeVan(gezinB)).toBe(jeugdigeVan(gezinA));
      expect(bekend.body.leden[0].persoonId).toBe(jeugdigeVan(gezinA));
      expect(jeugdigeVan(gezinC)).not.toBe(jeugdigeVan(gezinA));
      const store = t.app.get(EventStore);
      const geregistreerd = (await store.readAll(0n, 100000)).filter(
        (e) => e.type === 'PersoonRegistered' && e.data.bsn === noor.bsn,
      );
      expect(geregistreerd.map((e) => e.data.persoonId)).toEqual([jeugdigeVan(gezinA)]);
    });

    it('refuses one BSN for two members alike, for a known and an unknown BSN', async () => {
      const tweeKeer = (kind: object) =>
        registerLeden(bram, [
          { rol: 'jeugdige', ...kind },
          { rol: 'jeugdige', ...kind },
        ]);
      const eerste = await registerKind(anna, { ...noor, bsn: '213456813' }).expect(201);
      await read(eerste.body.gezinId, eerste.body.position);
      const bekend = await tweeKeer({ ...noor, bsn: '213456813' });
      const onbekend = await tweeKeer({ ...noor, bsn: '213456825' });
      expect(bekend.status).toBe(422);
      const zonderId = ({ correlationId: _id, ...problem }: { correlationId: string }) => problem;
      expect(zonderId(bekend.body)).toEqual(zonderId(onbekend.body));
      expect(bekend.body.detail).toMatch(/Twee leden hebben hetzelfde BSN/);
    });
  });
});
