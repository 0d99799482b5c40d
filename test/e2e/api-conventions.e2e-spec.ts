import { SignJWT, UnsecuredJWT } from 'jose';
import { DEV_AUDIENCE, DEV_ISSUER, INVALID_TOKEN, devSigningKey } from '@app/access';
import { TestApp, startTestApp } from './support/test-app';

/** Base path, OpenAPI, health, problem+json for every kind of bad request, authentication. */
describe('API conventions (e2e)', () => {
  let t: TestApp;
  let contactpersoon: string;
  beforeAll(async () => {
    t = await startTestApp();
    contactpersoon = await t.token('contactpersoon', 'u-anna', 'Anna de Vries');
  });
  afterAll(() => t.close());

  const validGezin = {
    naam: 'Jansen',
    leden: [
      { rol: 'jeugdige', voornaam: 'Sanne', achternaam: 'Jansen', geboortedatum: '2012-05-04' },
    ],
  };

  function expectProblem(
    res: { status: number; headers: Record<string, string>; body: unknown },
    status: number,
  ) {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      status,
      type: expect.any(String),
      title: expect.any(String),
      detail: expect.any(String),
    });
  }

  it('GET /health answers 200 with the event store and projection lag', async () => {
    const res = await t.http().get('/health').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.info.eventStore).toMatchObject({ status: 'up', kind: 'sqlite' });
    expect(res.body.info.projections.projections.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['gezinnen', 'tijdlijn']),
    );
    await t.http().get('/health/live').expect(200, { status: 'ok' });
  });

  it('serves OpenAPI 3 JSON listing the family routes, and Swagger UI', async () => {
    const res = await t.http().get('/api/v1/openapi.json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/gezinnen',
        '/api/v1/gezinnen/{gezinId}',
        '/api/v1/gezinnen/{gezinId}/leden',
        '/api/v1/gezinnen/{gezinId}/contactpersoon',
        '/api/v1/gezinnen/{gezinId}/tijdlijn',
      ]),
    );
    await t.http().get('/api/v1/docs').expect(200);
  });

  it('echoes a well-formed X-Correlation-Id and makes one otherwise', async () => {
    const given = await t.http().get('/health/live').set('X-Correlation-Id', 'abc-123').expect(200);
    expect(given.headers['x-correlation-id']).toBe('abc-123');
    const made = await t.http().get('/health/live').set('X-Correlation-Id', 'bad id!').expect(200);
    expect(made.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('every answer says no-store, has helmet’s security headers and no X-Powered-By: reads, writes, errors', async () => {
    const auth = `Bearer ${contactpersoon}`;
    const created = await t
      .http()
      .post('/api/v1/gezinnen')
      .set('Authorization', auth)
      .send(validGezin);
    const answers = [
      created,
      await t
        .http()
        .get(`/api/v1/gezinnen/${created.body.gezinId}?minPosition=${created.body.position}`)
        .set('Authorization', auth),
      await t.http().get('/api/v1/werklijsten/mijn-gezinnen').set('Authorization', auth),
      await t
        .http()
        .get('/api/v1/gezinnen/4b8e3c56-9f7e-4c1c-9a43-6a8a0e4b7d11')
        .set('Authorization', auth),
      await t.http().get('/api/v1/werklijsten/mijn-gezinnen'),
      await t.http().post('/api/v1/gezinnen').set('Content-Type', 'application/json').send('{'),
      await t.http().get('/api/v1/openapi.json'),
      await t.http().get('/health'),
    ];
    expect(answers.map((res) => res.status)).toEqual([201, 200, 200, 404, 401, 400, 200, 200]);
    for (const res of answers) {
      expect(res.headers['cache-control']).toMatch(/\bno-store\b/);
      expect(res.headers['x-powered-by']).toBeUndefined();
      expect(res.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'strict-transport-security': expect.stringMatching(/max-age=\d+/),
        'content-security-policy': expect.stringContaining("default-src 'self'"),
        'referrer-policy': 'no-referrer',
        'x-frame-options': 'DENY',
      });
    }
  });

  describe('authentication and roles', () => {
    it('401 without a token', async () => {
      expectProblem(await t.http().post('/api/v1/gezinnen').send(validGezin), 401);
    });

    it('401 with a token that is not ours', async () => {
      const res = await t
        .http()
        .get('/api/v1/gezinnen/4b8e3c56-9f7e-4c1c-9a43-6a8a0e4b7d11')
        .set('Authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl');
      expectProblem(res, 401);
    });

    /** A token signed with the API's own dev key, with what `shape` makes of it. */
    const signed = (shape: (jwt: SignJWT) => SignJWT) =>
      shape(
        new SignJWT({ roles: ['contactpersoon'] })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject('u-anna')
          .setIssuer(DEV_ISSUER)
          .setAudience(DEV_AUDIENCE),
      ).sign(devSigningKey(t.dataDir));
    const mijnGezinnen = (token: string) =>
      t.http().get('/api/v1/werklijsten/mijn-gezinnen').set('Authorization', `Bearer ${token}`);

    it('a token with an expiry within 12 hours of its issue is accepted', async () => {
      await mijnGezinnen(await signed((jwt) => jwt.setIssuedAt().setExpirationTime('12h'))).expect(
        200,
      );
      await mijnGezinnen(await signed((jwt) => jwt.setExpirationTime('1h'))).expect(200);
    });

    it.each([
      ['without an expiry (exp)', (jwt: SignJWT) => jwt.setIssuedAt()],
      ['living longer than 12 hours', (jwt: SignJWT) => jwt.setIssuedAt().setExpirationTime('13h')],
      [
        'without iat, expiring in more than 12 hours',
        (jwt: SignJWT) => jwt.setExpirationTime('2d'),
      ],
      ['expired', (jwt: SignJWT) => jwt.setIssuedAt('2h ago').setExpirationTime('1h ago')],
      ['for another audience', (jwt: SignJWT) => jwt.setExpirationTime('1h').setAudience('x')],
    ])('401 for a token %s, with the same generic detail', async (_case, shape) => {
      const res = await mijnGezinnen(await signed(shape));
      expectProblem(res, 401);
      expect(res.body.detail).toBe(INVALID_TOKEN);
    });

    it('401 for an unsigned token (alg "none"), without saying what the verifier checks', async () => {
      const unsigned = new UnsecuredJWT({ roles: ['contactpersoon'] })
        .setSubject('u-anna')
        .setIssuer(DEV_ISSUER)
        .setAudience(DEV_AUDIENCE)
        .setExpirationTime('1h')
        .encode();
      const res = await mijnGezinnen(unsigned);
      expectProblem(res, 401);
      expect(res.body.detail).toBe(INVALID_TOKEN);
      expect(JSON.stringify(res.body)).not.toMatch(/none|unsecured|alg/i);
    });

    it('403 for a role the route does not allow', async () => {
      const beleid = await t.token('beleid', 'u-beleid');
      const res = await t
        .http()
        .post('/api/v1/gezinnen')
        .set('Authorization', `Bearer ${beleid}`)
        .send(validGezin);
      expectProblem(res, 403);
      expect(res.body.detail).toMatch(/contactpersoon/);
    });
  });

  describe('bad input gets a 4xx problem naming the field, never a 500', () => {
    const post = (body: string | object, contentType = 'application/json') =>
      t
        .http()
        .post('/api/v1/gezinnen')
        .set('Authorization', `Bearer ${contactpersoon}`)
        .set('Content-Type', contentType)
        .send(typeof body === 'string' ? body : JSON.stringify(body));

    it('malformed JSON', async () => {
      const res = await post('{"naam": "Jansen",');
      expectProblem(res, 400);
      expect(res.body.detail).toMatch(/not valid JSON/);
    });

    it('an unknown field', async () => {
      const res = await post({ ...validGezin, bsn: '123456782' });
      expectProblem(res, 400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'bsn', in: 'body' })]);
    });

    it('a wrong type, deep in the body', async () => {
      const res = await post({ naam: 'Jansen', leden: [{ ...validGezin.leden[0], voornaam: 42 }] });
      expectProblem(res, 400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('leden[0].voornaam');
    });

    it('an impossible date', async () => {
      const res = await post({
        naam: 'Jansen',
        leden: [{ ...validGezin.leden[0], geboortedatum: '2012-02-30' }],
      });
      expectProblem(res, 400);
      expect(res.body.errors[0].field).toBe('leden[0].geboortedatum');
    });

    it.each([
      ['an array body', '[]'],
      ['a null body', 'null'],
      ['a string body', '"gezin"'],
      ['an empty object', '{}'],
      ['leden as an object', '{"naam":"J","leden":{"0":{}}}'],
      ['a nested null', '{"naam":"J","leden":[null]}'],
      ['a prototype key', '{"naam":"J","leden":[],"__proto__":{"x":1}}'],
    ])('%s', async (_name, body) => {
      const res = await post(body);
      expectProblem(res, 400);
    });

    it('a body that is not JSON at all is not taken as a family', async () => {
      expectProblem(await post('naam=Jansen', 'application/x-www-form-urlencoded'), 400);
    });

    it('a body over the limit', async () => {
      expectProblem(await post({ naam: 'x'.repeat(300_000), leden: [] }), 413);
    });

    it('a path parameter that is not a UUID', async () => {
      const res = await t
        .http()
        .get('/api/v1/gezinnen/not-a-uuid')
        .set('Authorization', `Bearer ${contactpersoon}`);
      expectProblem(res, 400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'gezinId', in: 'path' })]);
    });

    it('a malformed If-Match header', async () => {
      const res = await t
        .http()
        .post('/api/v1/gezinnen/4b8e3c56-9f7e-4c1c-9a43-6a8a0e4b7d11/leden')
        .set('Authorization', `Bearer ${contactpersoon}`)
        .set('If-Match', 'version 3')
        .send(validGezin.leden[0]);
      expectProblem(res, 400);
      expect(res.body.errors).toEqual([
        expect.objectContaining({ field: 'If-Match', in: 'header' }),
      ]);
    });

    it('a malformed query parameter', async () => {
      const res = await t
        .http()
        .get(
          '/api/v1/gezinnen/4b8e3c56-9f7e-4c1c-9a43-6a8a0e4b7d11/tijdlijn?soort=roddel&van=gisteren',
        )
        .set('Authorization', `Bearer ${contactpersoon}`);
      expectProblem(res, 400);
      expect(res.body.errors.map((e: { field: string; in: string }) => [e.field, e.in])).toEqual(
        expect.arrayContaining([
          ['soort', 'query'],
          ['van', 'query'],
        ]),
      );
    });

    it('an unknown route', async () => {
      expectProblem(
        await t.http().get('/api/v1/nergens').set('Authorization', `Bearer ${contactpersoon}`),
        404,
      );
    });
  });
});

describe('health when the event store is down (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      EVENT_STORE: 'eventstoredb',
      ESDB_CONNECTION_STRING: 'esdb://127.0.0.1:1?tls=false',
    });
  }, 60_000);
  afterAll(() => t.close(), 60_000);

  it('starts anyway, stays live, and reports not ready (503) saying which check failed', async () => {
    await t.http().get('/health/live').expect(200);
    const res = await t.http().get('/health').expect(503);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body.checks.error.eventStore).toMatchObject({
      status: 'down',
      kind: 'eventstoredb',
    });
    expect(res.body.checks.error.projections.status).toBe('down');
  }, 60_000);
});
