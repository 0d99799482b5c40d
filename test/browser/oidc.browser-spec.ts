import { Browser } from 'playwright-core';
import { TestApp, startTestApp } from '../e2e/support/test-app';
import { axe, launch } from './support/browser';
import { MockIdp, startMockIdp } from './support/mock-idp';

jest.setTimeout(60_000);

/**
 * AUTH_MODE=oidc in a real browser: the web app signs in with the authorization code flow and
 * PKCE (oidc-client-ts) at an identity provider (here a small stand-in), the API accepts the
 * access token it got, and logout ends the session at the provider and leaves nothing behind.
 */
describe('web app with OpenID Connect (browser)', () => {
  let idp: MockIdp;
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    idp = await startMockIdp({
      sub: 'u-anna',
      name: 'Anna de Vries',
      roles: ['contactpersoon'],
      clientId: 'gezinsplan-web',
    });
    [t, browser] = await Promise.all([
      startTestApp({
        WEB_DIR: 'dist/web',
        AUTH_MODE: 'oidc',
        OIDC_ISSUER: idp.issuer,
        OIDC_JWKS_URI: idp.jwksUri,
        OIDC_AUDIENCE: 'gezinsplan-web',
      }),
      launch(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await idp?.close();
  });

  it('signs in with the authorization code and PKCE, calls the API with the token, and signs out', async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(t.url);
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    expect({ violations: await axe(page, 'inloggen (oidc)') }).toEqual({ violations: [] });
    // No development users in this mode.
    expect(await page.getByRole('button', { name: /Anna de Vries/ }).count()).toBe(0);

    await page.getByRole('button', { name: 'Inloggen met uw organisatieaccount' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn gezinnen' }).waitFor();
    await page.getByText('Anna de Vries').first().waitFor();

    const [authorize] = idp.authorizeRequests;
    expect(authorize?.get('code_challenge_method')).toBe('S256');
    expect(authorize?.get('scope')).toBe('openid profile');
    expect(authorize?.get('redirect_uri')).toBe(`${t.url}/auth/callback`);
    const [token] = idp.tokenRequests;
    expect(token?.get('code_verifier')).toMatch(/^[A-Za-z0-9._~-]{43,128}$/);
    expect(token?.has('client_secret')).toBe(false);
    // Only the access token stays, in this tab's session; the PKCE state is gone.
    expect(await page.evaluate(() => Object.keys(sessionStorage))).toEqual(['gezinsplan.token']);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);

    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    expect(page.url()).toBe(`${t.url}/inloggen`);
    expect(await page.evaluate(() => [sessionStorage.length, localStorage.length])).toEqual([0, 0]);
    await page.close();
  });
});
