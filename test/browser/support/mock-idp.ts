import { createHash, randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';

/**
 * A minimal OpenID Connect provider for the browser test of AUTH_MODE=oidc: discovery, an
 * authorization endpoint that signs the user in at once, a token endpoint that insists on PKCE
 * (S256), the signing keys, and an end-session endpoint. It records what it was asked.
 */
export interface MockIdp {
  issuer: string;
  jwksUri: string;
  /** Every authorization request's query, and every token request's form. */
  authorizeRequests: URLSearchParams[];
  tokenRequests: URLSearchParams[];
  close(): Promise<void>;
}

export async function startMockIdp(user: {
  sub: string;
  name: string;
  roles: string[];
  clientId: string;
}): Promise<MockIdp> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test', alg: 'RS256', use: 'sig' };
  const codes = new Map<string, { challenge: string; nonce: string | null; redirectUri: string }>();
  const authorizeRequests: URLSearchParams[] = [];
  const tokenRequests: URLSearchParams[] = [];
  let issuer = '';

  const sign = (claims: Record<string, unknown>) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'test' })
      .setIssuer(issuer)
      .setSubject(user.sub)
      .setAudience(user.clientId)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);

  const body = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let text = '';
      req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      req.on('end', () => resolve(text));
    });

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', issuer);
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.setHeader('Access-Control-Allow-Headers', '*');
      const json = (status: number, value: unknown) => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      if (req.method === 'OPTIONS') return void res.writeHead(204).end();
      if (url.pathname === '/.well-known/openid-configuration') {
        return json(200, {
          issuer,
          authorization_endpoint: `${issuer}/authorize`,
          token_endpoint: `${issuer}/token`,
          jwks_uri: `${issuer}/jwks`,
          end_session_endpoint: `${issuer}/logout`,
          response_types_supported: ['code'],
          code_challenge_methods_supported: ['S256'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256'],
        });
      }
      if (url.pathname === '/jwks') return json(200, { keys: [jwk] });
      if (url.pathname === '/authorize') {
        const query = url.searchParams;
        authorizeRequests.push(query);
        const redirectUri = query.get('redirect_uri') ?? '';
        const challenge = query.get('code_challenge');
        if (
          query.get('response_type') !== 'code' ||
          query.get('client_id') !== user.clientId ||
          query.get('code_challenge_method') !== 'S256' ||
          !challenge
        ) {
          return json(400, { error: 'invalid_request' });
        }
        const code = randomUUID();
        codes.set(code, { challenge, nonce: query.get('nonce'), redirectUri });
        const back = new URL(redirectUri);
        back.searchParams.set('code', code);
        back.searchParams.set('state', query.get('state') ?? '');
        res.writeHead(302, { Location: back.toString() });
        return void res.end();
      }
      if (url.pathname === '/token' && req.method === 'POST') {
        const form = new URLSearchParams(await body(req));
        tokenRequests.push(form);
        const issued = codes.get(form.get('code') ?? '');
        const verifier = form.get('code_verifier') ?? '';
        const challenge = createHash('sha256').update(verifier).digest('base64url');
        if (
          form.get('grant_type') !== 'authorization_code' ||
          !issued ||
          issued.challenge !== challenge ||
          issued.redirectUri !== form.get('redirect_uri')
        ) {
          return json(400, { error: 'invalid_grant' });
        }
        codes.delete(form.get('code')!);
        return json(200, {
          token_type: 'Bearer',
          expires_in: 3600,
          access_token: await sign({ roles: user.roles, name: user.name }),
          id_token: await sign({
            name: user.name,
            ...(issued.nonce ? { nonce: issued.nonce } : {}),
          }),
        });
      }
      if (url.pathname === '/logout') {
        const back = url.searchParams.get('post_logout_redirect_uri');
        res.writeHead(back ? 302 : 200, back ? { Location: back } : {});
        return void res.end('Uitgelogd');
      }
      json(404, { error: 'not_found' });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    jwksUri: `${issuer}/jwks`,
    authorizeRequests,
    tokenRequests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
