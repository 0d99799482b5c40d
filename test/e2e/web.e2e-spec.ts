import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestApp, startTestApp } from './support/test-app';

/**
 * What the web app needs of the API: its configuration, "me", development logins (dev mode only),
 * and the built app served at `/` beside the API.
 */
describe('web app routes (e2e)', () => {
  const webDir = mkdtempSync(join(tmpdir(), 'gezinsplan-web-'));
  let t: TestApp;
  const API = '/api/v1';

  beforeAll(async () => {
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Gezinsplan</title>');
    writeFileSync(join(webDir, 'assets', 'app-abc123.js'), 'console.log(1);');
    t = await startTestApp({ WEB_DIR: webDir });
  });
  afterAll(async () => {
    await t.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('tells the web app to offer development users in AUTH_MODE=dev', async () => {
    const res = await t.http().get(`${API}/web/config`).expect(200);
    expect(res.body).toEqual({ authMode: 'dev', oidc: null });
    const gebruikers = await t.http().get(`${API}/dev/gebruikers`).expect(200);
    expect(gebruikers.body.items).toContainEqual(
      expect.objectContaining({
        userId: 'u-anna',
        naam: 'Anna de Vries',
        rollen: ['contactpersoon'],
      }),
    );
    expect(gebruikers.body.items.map((g: { rollen: string[] }) => g.rollen[0])).toEqual(
      expect.arrayContaining(['contactpersoon', 'jph', 'huisarts', 'beleid', 'beheer']),
    );
  });

  it('signs a development token for a demo user, and only for one', async () => {
    const res = await t.http().post(`${API}/dev/tokens`).send({ userId: 'u-lisa' }).expect(200);
    expect(res.body).toMatchObject({
      token: expect.any(String),
      verlooptOver: 28800,
      gebruiker: { userId: 'u-lisa', teamleider: true },
    });
    const ik = await t.http().get(`${API}/ik`).set('Authorization', `Bearer ${res.body.token}`);
    expect(ik.status).toBe(200);
    expect(ik.body).toEqual({
      userId: 'u-lisa',
      naam: 'Lisa Smit',
      rollen: ['contactpersoon'],
      teamleider: true,
      vandaag: '2026-12-04',
      praktijk: null,
    });
    const unknown = await t.http().post(`${API}/dev/tokens`).send({ userId: 'u-mallory' });
    expect(unknown.status).toBe(400);
    expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
    await t.http().get(`${API}/ik`).expect(401);
  });

  it('names the practice of a JPH in /ik', async () => {
    const beheer = await t.token('beheer', 'u-fatima');
    const praktijk = await t
      .http()
      .post(`${API}/praktijken`)
      .set('Authorization', `Bearer ${beheer}`)
      .send({ naam: 'Huisartsenpraktijk De Linde', agbCode: '01051234', wijk: 'Noord' })
      .expect(201);
    const koppeling = await t
      .http()
      .post(`${API}/praktijken/${praktijk.body.praktijkId}/medewerkers`)
      .set('Authorization', `Bearer ${beheer}`)
      .send({ userId: 'u-joke', rol: 'jph' })
      .expect(201);
    const { token } = (await t.http().post(`${API}/dev/tokens`).send({ userId: 'u-joke' })).body;
    const ik = await t
      .http()
      .get(`${API}/ik?minPosition=${koppeling.body.position}`)
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(ik.body).toMatchObject({
      rollen: ['jph'],
      praktijk: { praktijkId: praktijk.body.praktijkId, naam: 'Huisartsenpraktijk De Linde' },
    });
  });

  it('serves the web app at / and at its own paths, with a content security policy', async () => {
    for (const path of ['/', '/gezinnen/9b6ad56e-0d0e-4059-9ab9-b2250b4eef5a', '/inloggen']) {
      const res = await t.http().get(path).expect(200);
      expect(res.text).toContain('<title>Gezinsplan</title>');
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['cache-control']).toBe('no-store');
    }
    const asset = await t.http().get('/assets/app-abc123.js').expect(200);
    expect(asset.headers['cache-control']).toContain('immutable');
  });

  it('keeps the API its own: unknown API paths are problems, never the app; no answer is cached', async () => {
    const missing = await t.http().get(`${API}/bestaat-niet`).expect(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    const health = await t.http().get('/health').expect(200);
    expect(health.body.status).toBe('ok');
    const config = await t.http().get(`${API}/web/config`).expect(200);
    expect(config.headers['cache-control']).toBe('no-store');
  });

  describe('in AUTH_MODE=oidc', () => {
    let oidc: TestApp;
    beforeAll(async () => {
      oidc = await startTestApp({
        AUTH_MODE: 'oidc',
        OIDC_ISSUER: 'https://login.example.nl/realms/gemeente',
        OIDC_JWKS_URI: 'https://login.example.nl/realms/gemeente/protocol/openid-connect/certs',
        OIDC_CLIENT_ID: 'gezinsplan-web',
        WEB_DIR: webDir,
      });
    });
    afterAll(() => oidc.close());

    it('gives the web app the issuer, its client and scopes, and has no development logins (404)', async () => {
      const res = await oidc.http().get(`${API}/web/config`).expect(200);
      expect(res.body).toEqual({
        authMode: 'oidc',
        oidc: {
          authority: 'https://login.example.nl/realms/gemeente',
          clientId: 'gezinsplan-web',
          scope: 'openid profile',
        },
      });
      await oidc.http().get(`${API}/dev/gebruikers`).expect(404);
      const token = await oidc.http().post(`${API}/dev/tokens`).send({ userId: 'u-anna' });
      expect(token.status).toBe(404);
      expect(token.headers['content-type']).toMatch(/^application\/problem\+json/);
      // The browser may talk to the identity provider, and to nothing else outside.
      const page = await oidc.http().get('/').expect(200);
      expect(page.headers['content-security-policy']).toContain(
        "connect-src 'self' https://login.example.nl",
      );
    });
  });
});
