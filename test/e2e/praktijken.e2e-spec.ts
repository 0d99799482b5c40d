import { TestApp, startTestApp } from './support/test-app';

/** GP practices as reference data (functioneel beheer): register, JPH changes, linked users. */
describe('praktijken (e2e)', () => {
  let t: TestApp;
  let beheer: string;
  beforeAll(async () => {
    t = await startTestApp();
    beheer = await t.token('beheer', 'u-beheer', 'Functioneel beheer');
  });
  afterAll(() => t.close());

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  let agb = 1000;
  const praktijk = (extra: object = {}) => ({
    naam: 'Huisartsenpraktijk De Linde',
    agbCode: `0105${String(agb++).padStart(4, '0')}`,
    wijk: 'Lelystad-Haven',
    ...extra,
  });

  async function register(body: object = praktijk()) {
    return t.http().post('/api/v1/praktijken').set(auth(beheer)).send(body).expect(201);
  }
  async function read(praktijkId: string, position: string | null) {
    const query = position === null ? '' : `?minPosition=${position}`;
    return t.http().get(`/api/v1/praktijken/${praktijkId}${query}`).set(auth(beheer)).expect(200);
  }

  it('registers a practice with its JPH: 201 with Location, ETag and the log position', async () => {
    const res = await register(praktijk({ jph: { sinds: '2025-01-01', urenPerWeek: 16 } }));
    expect(res.body).toEqual({
      praktijkId: expect.any(String),
      revision: 1,
      position: expect.stringMatching(/^\d+$/),
    });
    expect(res.headers.location).toBe(`/api/v1/praktijken/${res.body.praktijkId}`);
    expect(res.headers.etag).toBe('"1"');
    expect(res.headers['x-log-position']).toBe(res.body.position);

    const detail = await read(res.body.praktijkId, res.body.position);
    expect(detail.headers.etag).toBe('"1"');
    expect(detail.body).toMatchObject({
      praktijkId: res.body.praktijkId,
      naam: 'Huisartsenpraktijk De Linde',
      wijk: 'Lelystad-Haven',
      jph: { sinds: '2025-01-01', urenPerWeek: 16 },
      jphHistorie: [{ per: '2025-01-01', urenPerWeek: 16 }],
      medewerkers: [],
    });
    const list = await t.http().get('/api/v1/praktijken').set(auth(beheer)).expect(200);
    expect(list.body.items).toContainEqual(
      expect.objectContaining({ praktijkId: res.body.praktijkId, jph: expect.any(Object) }),
    );
  });

  it('registers a practice without a JPH (jph left out or null)', async () => {
    const zonder = await register();
    expect((await read(zonder.body.praktijkId, zonder.body.position)).body.jph).toBeNull();
    const metNull = await register(praktijk({ jph: null }));
    expect(metNull.body.revision).toBe(0);
  });

  it('refuses an AGB code another practice has (422)', async () => {
    const body = praktijk();
    const first = await register(body);
    await read(first.body.praktijkId, first.body.position);
    const res = await t
      .http()
      .post('/api/v1/praktijken')
      .set(auth(beheer))
      .send({ ...body, naam: 'Andere praktijk' })
      .expect(422);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body.detail).toMatch(/AGB-code .* is al van praktijk Huisartsenpraktijk De Linde/);
  });

  it.each([
    ['agbCode', { agbCode: '1234' }],
    ['naam', { naam: '' }],
    ['jph.urenPerWeek', { jph: { sinds: '2025-01-01', urenPerWeek: 41 } }],
    ['jph.urenPerWeek', { jph: { sinds: '2025-01-01', urenPerWeek: 0 } }],
    ['jph.sinds', { jph: { sinds: '2025-02-30', urenPerWeek: 8 } }],
    ['jph', { jph: 'ja' }],
  ])('refuses bad input with 400 naming %s', async (field, extra) => {
    const res = await t
      .http()
      .post('/api/v1/praktijken')
      .set(auth(beheer))
      .send(praktijk(extra))
      .expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('changes the JPH from a date and keeps the history; never back before the last change', async () => {
    const { body: created } = await register(
      praktijk({ jph: { sinds: '2025-01-01', urenPerWeek: 16 } }),
    );
    const url = `/api/v1/praktijken/${created.praktijkId}`;
    const hours = await t
      .http()
      .post(`${url}/jph`)
      .set(auth(beheer))
      .set('If-Match', '"1"')
      .send({ per: '2025-07-01', urenPerWeek: 24 })
      .expect(200);
    expect(hours.body).toMatchObject({ praktijkId: created.praktijkId, revision: 2 });

    const back = await t
      .http()
      .post(`${url}/jph`)
      .set(auth(beheer))
      .send({ per: '2025-06-30', urenPerWeek: 8 })
      .expect(422);
    expect(back.body.detail).toMatch(/niet eerder ingaan/);

    const stale = await t
      .http()
      .post(`${url}/jph/einde`)
      .set(auth(beheer))
      .set('If-Match', '"1"')
      .send({ per: '2026-01-01' })
      .expect(409);
    expect(stale.body.currentRevision).toBe(2);

    const ended = await t
      .http()
      .post(`${url}/jph/einde`)
      .set(auth(beheer))
      .send({ per: '2026-01-01' })
      .expect(200);
    const again = await t
      .http()
      .post(`${url}/jph/einde`)
      .set(auth(beheer))
      .send({ per: '2026-02-01' })
      .expect(422);
    expect(again.body.detail).toMatch(/geen JPH om te stoppen/);

    const detail = await read(created.praktijkId, ended.body.position);
    expect(detail.body.jph).toBeNull();
    expect(detail.body.jphHistorie).toEqual([
      { per: '2025-01-01', urenPerWeek: 16 },
      { per: '2025-07-01', urenPerWeek: 24 },
      { per: '2026-01-01', urenPerWeek: null },
    ]);
  });

  it('links users to one practice at a time, and unlinks them', async () => {
    const { body: linde } = await register();
    const { body: anker } = await register(praktijk({ naam: 'Het Anker' }));
    const link = (praktijkId: string, userId = 'u-jph-anna') =>
      t
        .http()
        .post(`/api/v1/praktijken/${praktijkId}/medewerkers`)
        .set(auth(beheer))
        .send({ userId, rol: 'jph' });

    const linked = await link(linde.praktijkId).expect(201);
    expect(linked.body).toMatchObject({ praktijkId: linde.praktijkId, userId: 'u-jph-anna' });
    await read(linde.praktijkId, linked.body.position);

    const twice = await link(linde.praktijkId).expect(422);
    expect(twice.body.detail).toMatch(/al als jph/);
    const elsewhere = await link(anker.praktijkId).expect(422);
    expect(elsewhere.body.detail).toMatch(/gekoppeld aan praktijk Huisartsenpraktijk De Linde/);

    const unlinked = await t
      .http()
      .post(`/api/v1/praktijken/${linde.praktijkId}/medewerkers/u-jph-anna/einde`)
      .set(auth(beheer))
      .expect(200);
    expect((await read(linde.praktijkId, unlinked.body.position)).body.medewerkers).toEqual([]);
    await t
      .http()
      .post(`/api/v1/praktijken/${linde.praktijkId}/medewerkers/u-jph-anna/einde`)
      .set(auth(beheer))
      .expect(404);

    const moved = await link(anker.praktijkId).expect(201);
    expect((await read(anker.praktijkId, moved.body.position)).body.medewerkers).toEqual([
      { userId: 'u-jph-anna', rol: 'jph', gekoppeldOp: expect.any(String) },
    ]);
  });

  it('refuses a link with a role other than jph or huisarts (400), a bad user id (400)', async () => {
    const { body: created } = await register();
    const url = `/api/v1/praktijken/${created.praktijkId}/medewerkers`;
    const rol = await t
      .http()
      .post(url)
      .set(auth(beheer))
      .send({ userId: 'u-x', rol: 'beleid' })
      .expect(400);
    expect(rol.body.errors[0].field).toBe('rol');
    const user = await t
      .http()
      .post(url)
      .set(auth(beheer))
      .send({ userId: 'iemand met spaties', rol: 'jph' })
      .expect(400);
    expect(user.body.errors[0].field).toBe('userId');
  });

  it('answers 404 for a practice that does not exist', async () => {
    const url = '/api/v1/praktijken/4b8e3c56-9f7e-4c1c-9a43-6a8a0e4b7d11';
    await t.http().get(url).set(auth(beheer)).expect(404);
    const res = await t
      .http()
      .post(`${url}/jph`)
      .set(auth(beheer))
      .send({ per: '2026-01-01', urenPerWeek: 8 })
      .expect(404);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    await t
      .http()
      .post(`${url}/medewerkers`)
      .set(auth(beheer))
      .send({ userId: 'u-x', rol: 'huisarts' })
      .expect(404);
  });

  it('is for functioneel beheer only: 401 without a token, 403 for other roles, on every route', async () => {
    const { body: created } = await register();
    const url = `/api/v1/praktijken/${created.praktijkId}`;
    const routes: [string, string, object][] = [
      ['get', '/api/v1/praktijken', {}],
      ['post', '/api/v1/praktijken', praktijk()],
      ['get', url, {}],
      ['post', `${url}/jph`, { per: '2026-01-01', urenPerWeek: 8 }],
      ['post', `${url}/jph/einde`, { per: '2026-01-01' }],
      ['post', `${url}/medewerkers`, { userId: 'u-x', rol: 'jph' }],
      ['post', `${url}/medewerkers/u-x/einde`, {}],
    ];
    const call = (method: string, path: string, body: object) =>
      method === 'get' ? t.http().get(path) : t.http().post(path).send(body);
    for (const [method, path, body] of routes) {
      const res = await call(method, path, body);
      expect([path, res.status]).toEqual([path, 401]);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
    }
    for (const role of ['jph', 'huisarts', 'beleid', 'contactpersoon'] as const) {
      const token = await t.token(role, `u-${role}`);
      for (const [method, path, body] of routes) {
        const res = await call(method, path, body).set(auth(token));
        expect([role, path, res.status]).toEqual([role, path, 403]);
      }
    }
  });

  it('names the field of bad path, query and body input (400)', async () => {
    const { body: created } = await register();
    const url = `/api/v1/praktijken/${created.praktijkId}`;
    for (const [res, field] of [
      [await t.http().get('/api/v1/praktijken/De-Linde').set(auth(beheer)), 'praktijkId'],
      [
        await t.http().get('/api/v1/praktijken?minPosition=gisteren').set(auth(beheer)),
        'minPosition',
      ],
      [
        await t
          .http()
          .post(`${url}/jph`)
          .set(auth(beheer))
          .send({ per: '2026-01-01', urenPerWeek: 'veel' }),
        'urenPerWeek',
      ],
      [await t.http().post(`${url}/jph/einde`).set(auth(beheer)).send({}), 'per'],
      [await t.http().post(`${url}/medewerkers/iemand%20anders/einde`).set(auth(beheer)), 'userId'],
    ] as const) {
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });

  it('a retried registration with the same Idempotency-Key is carried out once', async () => {
    const body = praktijk();
    const send = () =>
      t
        .http()
        .post('/api/v1/praktijken')
        .set(auth(beheer))
        .set('Idempotency-Key', 'praktijk-retry-0001')
        .send(body);
    const first = await send().expect(201);
    const second = await send().expect(201);
    expect(second.body).toEqual(first.body);
  });
});
