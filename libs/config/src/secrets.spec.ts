import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config';
import { idSecret, secretInDataDir } from './secrets';

describe('idSecret', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'gezinsplan-secret-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('is ID_SECRET when it is set, and writes no file', () => {
    const config = loadConfig({ DATA_DIR: dataDir, ID_SECRET: 'x'.repeat(32) });
    expect(idSecret(config).toString('utf8')).toBe('x'.repeat(32));
    expect(() => statSync(join(dataDir, 'id-secret'))).toThrow();
  });

  it('else is made once in DATA_DIR/id-secret (mode 0600) and kept across starts', () => {
    const config = loadConfig({ DATA_DIR: join(dataDir, 'nieuw') });
    const first = idSecret(config);
    expect(first).toHaveLength(32);
    expect(statSync(join(dataDir, 'nieuw', 'id-secret')).mode & 0o777).toBe(0o600);
    expect(idSecret(loadConfig({ DATA_DIR: join(dataDir, 'nieuw') }))).toEqual(first);
    expect(secretInDataDir(join(dataDir, 'ander'), 'id-secret')).not.toEqual(first);
  });

  it('refuses a short ID_SECRET, and a cluster in production without one', () => {
    expect(() => loadConfig({ ID_SECRET: 'kort' })).toThrow(/at least 32/);
    const cluster = {
      NODE_ENV: 'production',
      EVENT_STORE: 'eventstoredb',
      ESDB_CONNECTION_STRING: 'esdb://localhost:2113',
      AUTH_MODE: 'oidc',
      OIDC_ISSUER: 'i',
      OIDC_JWKS_URI: 'j',
      OIDC_AUDIENCE: 'a',
    };
    expect(() => loadConfig(cluster)).toThrow(ConfigError);
    expect(() => loadConfig(cluster)).toThrow(/ID_SECRET/);
    expect(loadConfig({ ...cluster, ID_SECRET: 'y'.repeat(40) }).idSecret).toBe('y'.repeat(40));
  });
});
