import { JWTPayload, SignJWT, createRemoteJWKSet, jwtVerify } from 'jose';
import { AppConfig, secretInDataDir } from '@app/config';
import { Principal, Role, isRole } from './roles';

export const DEV_ISSUER = 'gezinsplan-dev';
export const DEV_AUDIENCE = 'gezinsplan-api';

/**
 * A token that is refused. Its message says why, for the log; the client only hears that the
 * token is not valid (the verifier's reasons would tell an attacker what it checks, and how).
 */
export class InvalidTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidTokenError';
  }
}

/**
 * The local signing key of AUTH_MODE=dev: created once in DATA_DIR, so the API and
 * `npm run token` agree. Never used when NODE_ENV=production (config refuses to start).
 */
export function devSigningKey(dataDir: string): Uint8Array {
  return secretInDataDir(dataDir, 'dev-signing-key');
}

export async function signDevToken(
  dataDir: string,
  claims: { userId: string; roles: Role[]; name?: string; teamleider?: boolean },
  expiresIn = '8h',
): Promise<string> {
  return new SignJWT({
    roles: claims.roles,
    name: claims.name ?? claims.userId,
    ...(claims.teamleider ? { teamleider: true } : {}),
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.userId)
    .setIssuer(DEV_ISSUER)
    .setAudience(DEV_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(devSigningKey(dataDir));
}

/** Verifies bearer tokens: locally signed ones in dev mode, an OIDC issuer's (JWKS) otherwise. */
export class TokenVerifier {
  private readonly verifyJwt: (token: string) => Promise<JWTPayload>;

  constructor(private readonly config: AppConfig) {
    // A token without an expiry would be valid for ever: `exp` is required.
    if (config.auth.mode === 'dev') {
      const key = devSigningKey(config.dataDir);
      this.verifyJwt = async (token) =>
        (
          await jwtVerify(token, key, {
            issuer: DEV_ISSUER,
            audience: DEV_AUDIENCE,
            algorithms: ['HS256'],
            requiredClaims: ['exp'],
          })
        ).payload;
    } else {
      const jwks = createRemoteJWKSet(new URL(config.auth.jwksUri!));
      this.verifyJwt = async (token) =>
        (
          await jwtVerify(token, jwks, {
            issuer: config.auth.issuer!,
            audience: config.auth.audience ?? undefined,
            requiredClaims: ['exp'],
          })
        ).payload;
    }
  }

  async verify(token: string): Promise<Principal> {
    let payload: JWTPayload;
    try {
      payload = await this.verifyJwt(token);
    } catch (error) {
      throw new InvalidTokenError(error instanceof Error ? error.message : 'invalid token');
    }
    this.checkLifetime(payload);
    if (!payload.sub) throw new InvalidTokenError('the token has no subject (sub)');
    const rawRoles = claimAt(payload, this.config.auth.rolesClaim);
    const roles = Array.isArray(rawRoles) ? rawRoles.filter(isRole) : [];
    const name = typeof payload.name === 'string' ? payload.name : payload.sub;
    return { userId: payload.sub, roles, name, teamleider: payload.teamleider === true };
  }

  /**
   * A stolen token is useful until it expires, so none may live longer than the configured
   * maximum: not from its issue (`iat`), and not from now (for a token without `iat`).
   */
  private checkLifetime(payload: JWTPayload): void {
    const max = this.config.auth.maxTokenLifetimeSeconds;
    const exp = payload.exp!; // required, and checked to be a number, by jwtVerify
    const now = Math.floor(Date.now() / 1000);
    if (payload.iat !== undefined && exp - payload.iat > max) {
      throw new InvalidTokenError(`the token lives ${exp - payload.iat} s, more than ${max} s`);
    }
    if (exp - now > max) {
      throw new InvalidTokenError(`the token expires in ${exp - now} s, more than ${max} s`);
    }
  }
}

function claimAt(payload: JWTPayload, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (value, key) =>
        value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined,
      payload,
    );
}
