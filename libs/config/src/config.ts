import { join, resolve } from 'node:path';

export type EventStoreKind = 'sqlite' | 'eventstoredb';
export type AuthMode = 'dev' | 'oidc';

export interface AppConfig {
  nodeEnv: string;
  /** NODE_ENV is `production`, in any case and without surrounding spaces. */
  production: boolean;
  port: number;
  /** Holds the SQLite event log (when EVENT_STORE=sqlite), the read models and the dev signing key. */
  dataDir: string;
  eventStore: EventStoreKind;
  esdbConnectionString: string | null;
  auth: {
    mode: AuthMode;
    issuer: string | null;
    jwksUri: string | null;
    audience: string | null;
    /** The claim that holds the user's roles (an array of strings); dotted for nested claims. */
    rolesClaim: string;
    /** The longest a token may be valid (`exp` after `iat`, and after now), in seconds. */
    maxTokenLifetimeSeconds: number;
    /**
     * The web app's client id at the identity provider (a public client: authorization code with
     * PKCE, no secret); null when neither OIDC_CLIENT_ID nor OIDC_AUDIENCE is set.
     */
    clientId: string | null;
    /** The scopes the web app asks for; always includes `openid`. */
    scope: string;
  };
  /** The built web app (index.html and its assets), served at `/`; not served when absent. */
  webDir: string;
  logLevel: string;
  /** How long a query waits at most for projections to reach a requested position (ms). */
  maxWaitForPositionMs: number;
  /** Readiness fails when projections are further behind the log than this (positions). */
  maxProjectionLag: number;
  /** How many BSN lookups one user may do in any 60 minutes (a consultation with consent). */
  bsnOpvragingenPerUur: number;
  /** The data keys (crypto-shredding, ADR 0015): apart from the log, backed up apart from it. */
  keysFile: string;
  /**
   * Retention (Jeugdwet 7.3.8): files whose last change is older than `jaren` are shredded by a
   * run every `intervalUren` hours in the service (0: no scheduled run; the default under jest).
   */
  retentie: { jaren: number; intervalUren: number };
  /**
   * How many days a former contact person may still read the family after a handover (a warm
   * handover); 0, the default: access ends at the handover.
   */
  warmeOverdrachtDagen: number;
  /**
   * The server secret (ID_SECRET) under which ids derived from an Idempotency-Key are made (an
   * HMAC), so no one can predict them; null: the one kept in `DATA_DIR/id-secret` (see `idSecret`).
   */
  idSecret: string | null;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Reads the configuration from the environment; every variable is documented in the README. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const nodeEnv = env.NODE_ENV ?? 'development';
  // `Production` or `PRODUCTION ` must not slip past the checks that `production` meets.
  const production = nodeEnv.trim().toLowerCase() === 'production';
  const eventStore = oneOf(env, 'EVENT_STORE', ['sqlite', 'eventstoredb'], 'sqlite');
  const esdbConnectionString = env.ESDB_CONNECTION_STRING ?? null;
  if (eventStore === 'eventstoredb' && !esdbConnectionString) {
    throw new ConfigError('EVENT_STORE=eventstoredb needs ESDB_CONNECTION_STRING');
  }
  const mode = oneOf(env, 'AUTH_MODE', ['dev', 'oidc'], 'dev');
  const auth = {
    mode,
    issuer: env.OIDC_ISSUER ?? null,
    jwksUri: env.OIDC_JWKS_URI ?? null,
    audience: env.OIDC_AUDIENCE ?? null,
    rolesClaim: env.OIDC_ROLES_CLAIM ?? 'roles',
    maxTokenLifetimeSeconds: maxTokenLifetimeMinutes(env) * 60,
    clientId: env.OIDC_CLIENT_ID || env.OIDC_AUDIENCE || null,
    scope: oidcScope(env),
  };
  if (mode === 'dev' && production) {
    throw new ConfigError(
      'AUTH_MODE=dev signs tokens with a local key and is refused when NODE_ENV=production; ' +
        'set AUTH_MODE=oidc with OIDC_ISSUER and OIDC_JWKS_URI',
    );
  }
  if (mode === 'oidc' && (!auth.issuer || !auth.jwksUri)) {
    throw new ConfigError('AUTH_MODE=oidc needs OIDC_ISSUER and OIDC_JWKS_URI');
  }
  if (mode === 'oidc' && production && !auth.audience) {
    // Without it, tokens the same issuer made for other applications would be accepted.
    throw new ConfigError("NODE_ENV=production needs OIDC_AUDIENCE (this API's client id)");
  }
  const idSecret = idSecretOf(env);
  if (eventStore === 'eventstoredb' && production && idSecret === null) {
    // Each instance would keep an id-secret of its own, and a retry sent to another instance
    // would not be recognised.
    throw new ConfigError(
      'NODE_ENV=production with EVENT_STORE=eventstoredb needs ID_SECRET, the same on every instance',
    );
  }
  return {
    nodeEnv,
    production,
    port: integer(env, 'PORT', 3000),
    dataDir: resolve(env.DATA_DIR ?? join(process.cwd(), 'data')),
    eventStore,
    esdbConnectionString,
    auth,
    webDir: resolve(env.WEB_DIR || join(process.cwd(), 'dist', 'web')),
    logLevel: env.LOG_LEVEL ?? 'info',
    maxWaitForPositionMs: integer(env, 'MAX_WAIT_FOR_POSITION_MS', 5000),
    maxProjectionLag: integer(env, 'MAX_PROJECTION_LAG', 10000),
    bsnOpvragingenPerUur: bsnOpvragingenPerUur(env),
    keysFile: resolve(
      env.KEYS_FILE || join(resolve(env.DATA_DIR ?? join(process.cwd(), 'data')), 'keys.sqlite'),
    ),
    retentie: {
      jaren: integer(env, 'RETENTIE_JAREN', 20),
      intervalUren: integer(env, 'RETENTIE_INTERVAL_UREN', nodeEnv === 'test' ? 0 : 24),
    },
    warmeOverdrachtDagen: integer(env, 'WARME_OVERDRACHT_DAGEN', 0),
    idSecret,
  };
}

function idSecretOf(env: NodeJS.ProcessEnv): string | null {
  const value = env.ID_SECRET;
  if (value === undefined || value === '') return null;
  // 32 characters of a random string carry enough chance to make the ids unguessable.
  if (value.length < 32) throw new ConfigError('ID_SECRET must be at least 32 characters');
  return value;
}

function maxTokenLifetimeMinutes(env: NodeJS.ProcessEnv): number {
  const value = integer(env, 'MAX_TOKEN_LIFETIME_MINUTES', 12 * 60);
  if (value < 1) throw new ConfigError('MAX_TOKEN_LIFETIME_MINUTES must be at least 1');
  return value;
}

function oidcScope(env: NodeJS.ProcessEnv): string {
  const scope = (env.OIDC_SCOPE ?? 'openid profile').trim().split(/\s+/).join(' ');
  if (!scope.split(' ').includes('openid')) {
    throw new ConfigError(`OIDC_SCOPE must include openid; got "${env.OIDC_SCOPE}"`);
  }
  return scope;
}

function bsnOpvragingenPerUur(env: NodeJS.ProcessEnv): number {
  const value = integer(env, 'BSN_OPVRAGINGEN_PER_UUR', 30);
  if (value < 1) throw new ConfigError('BSN_OPVRAGINGEN_PER_UUR must be at least 1');
  return value;
}

function oneOf<T extends string>(
  env: NodeJS.ProcessEnv,
  name: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const value = env[name] ?? fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')}; got "${value}"`);
  }
  return value as T;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(`${name} must be a whole number; got "${raw}"`);
  return Number(raw);
}
