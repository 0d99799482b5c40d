import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults to SQLite in ./data with dev tokens', () => {
    const config = loadConfig({});
    expect(config.eventStore).toBe('sqlite');
    expect(config.auth.mode).toBe('dev');
    expect(config.dataDir).toMatch(/data$/);
    expect(config.port).toBe(3000);
  });

  it('refuses dev tokens in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production', AUTH_MODE: 'dev' })).toThrow(/refused/);
  });

  it.each(['Production', 'PRODUCTION', ' production ', 'pRoDuCtIoN'])(
    'refuses dev tokens with NODE_ENV=%j too, as with production',
    (nodeEnv) => {
      expect(() => loadConfig({ NODE_ENV: nodeEnv })).toThrow(/refused/);
      expect(() => loadConfig({ NODE_ENV: nodeEnv, AUTH_MODE: 'dev' })).toThrow(/refused/);
      expect(() =>
        loadConfig({ NODE_ENV: nodeEnv, AUTH_MODE: 'oidc', OIDC_ISSUER: 'i', OIDC_JWKS_URI: 'j' }),
      ).toThrow(/OIDC_AUDIENCE/);
      expect(loadConfig({ NODE_ENV: 'productie' }).production).toBe(false);
    },
  );

  it('limits a token to 12 hours unless MAX_TOKEN_LIFETIME_MINUTES says otherwise', () => {
    expect(loadConfig({}).auth.maxTokenLifetimeSeconds).toBe(12 * 3600);
    expect(loadConfig({ MAX_TOKEN_LIFETIME_MINUTES: '60' }).auth.maxTokenLifetimeSeconds).toBe(
      3600,
    );
    expect(() => loadConfig({ MAX_TOKEN_LIFETIME_MINUTES: '0' })).toThrow(/at least 1/);
    expect(() => loadConfig({ MAX_TOKEN_LIFETIME_MINUTES: '12h' })).toThrow(/whole number/);
  });

  it('needs an issuer and JWKS for OIDC', () => {
    expect(() => loadConfig({ AUTH_MODE: 'oidc' })).toThrow(/OIDC_ISSUER/);
    const config = loadConfig({
      NODE_ENV: 'production',
      AUTH_MODE: 'oidc',
      OIDC_ISSUER: 'https://login.example.nl/realms/gemeente',
      OIDC_JWKS_URI: 'https://login.example.nl/realms/gemeente/protocol/openid-connect/certs',
      OIDC_AUDIENCE: 'gezinsplan-api',
    });
    expect(config.auth.mode).toBe('oidc');
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        AUTH_MODE: 'oidc',
        OIDC_ISSUER: 'i',
        OIDC_JWKS_URI: 'j',
      }),
    ).toThrow(/OIDC_AUDIENCE/);
  });

  it('needs a connection string for EventStoreDB and rejects unknown values', () => {
    expect(() => loadConfig({ EVENT_STORE: 'eventstoredb' })).toThrow(/ESDB_CONNECTION_STRING/);
    expect(() => loadConfig({ EVENT_STORE: 'postgres' })).toThrow(/must be one of/);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT must be a whole number/);
  });

  it('limits BSN lookups to 30 per user per hour unless BSN_OPVRAGINGEN_PER_UUR says otherwise', () => {
    expect(loadConfig({}).bsnOpvragingenPerUur).toBe(30);
    expect(loadConfig({ BSN_OPVRAGINGEN_PER_UUR: '5' }).bsnOpvragingenPerUur).toBe(5);
    expect(() => loadConfig({ BSN_OPVRAGINGEN_PER_UUR: '0' })).toThrow(/at least 1/);
    expect(() => loadConfig({ BSN_OPVRAGINGEN_PER_UUR: 'veel' })).toThrow(/whole number/);
  });

  it('gives the web app its OIDC client: OIDC_CLIENT_ID, else the audience, and the scopes', () => {
    const oidc = {
      AUTH_MODE: 'oidc',
      OIDC_ISSUER: 'https://login.example.nl/realms/gemeente',
      OIDC_JWKS_URI: 'https://login.example.nl/realms/gemeente/protocol/openid-connect/certs',
    };
    expect(loadConfig(oidc).auth).toMatchObject({ clientId: null, scope: 'openid profile' });
    expect(loadConfig({ ...oidc, OIDC_AUDIENCE: 'gezinsplan-api' }).auth.clientId).toBe(
      'gezinsplan-api',
    );
    expect(
      loadConfig({ ...oidc, OIDC_AUDIENCE: 'gezinsplan-api', OIDC_CLIENT_ID: 'gezinsplan-web' })
        .auth.clientId,
    ).toBe('gezinsplan-web');
    expect(loadConfig({ ...oidc, OIDC_SCOPE: '  openid   profile email ' }).auth.scope).toBe(
      'openid profile email',
    );
    expect(() => loadConfig({ ...oidc, OIDC_SCOPE: 'profile' })).toThrow(/OIDC_SCOPE/);
  });

  it('serves the web app from dist/web unless WEB_DIR says otherwise', () => {
    expect(loadConfig({}).webDir).toMatch(/dist[\\/]web$/);
    expect(loadConfig({ WEB_DIR: '/srv/web' }).webDir).toBe('/srv/web');
  });
});
