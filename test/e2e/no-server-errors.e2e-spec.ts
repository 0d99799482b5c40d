import fc from 'fast-check';
import { signDevToken } from '@app/access';
import { TestApp, startTestApp } from './support/test-app';

type Method = 'get' | 'post' | 'put';
interface RequestShape {
  body: unknown;
  segment: string;
  ifMatch: string | undefined;
  idempotencyKey: string | undefined;
  query: string | undefined;
}
interface Route {
  method: Method;
  path: string;
  schema: Schema | undefined;
}

/**
 * No request can produce a 500 by its shape: every route in the OpenAPI document gets bodies made
 * from its own schema with fields dropped or replaced by odd values, plus any JSON at all, odd
 * path segments, headers and query strings, from a caller who may use it, against a real family.
 */
describe('no 5xx for any request shape (e2e, property)', () => {
  let t: TestApp;
  let token: string;
  let ids: { gezinId: string; persoonId: string };
  let routes: Route[];
  let schemas: Record<string, Schema>;

  beforeAll(async () => {
    t = await startTestApp();
    token = await signDevToken(t.dataDir, {
      userId: 'u-anna',
      roles: ['contactpersoon', 'beheer'],
      teamleider: true,
    });
    const created = await t
      .http()
      .post('/api/v1/gezinnen')
      .set('Authorization', `Bearer ${token}`)
      .send({
        naam: 'Jansen',
        leden: [
          { rol: 'jeugdige', voornaam: 'Sanne', achternaam: 'Jansen', geboortedatum: '2012-05-04' },
        ],
      })
      .expect(201);
    const gezin = await t
      .http()
      .get(`/api/v1/gezinnen/${created.body.gezinId}?minPosition=${created.body.position}`)
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    ids = { gezinId: created.body.gezinId, persoonId: gezin.body.leden[0].persoonId };
    const openapi = await t.http().get('/api/v1/openapi.json').expect(200);
    schemas = openapi.body.components.schemas;
    type Operation = { requestBody?: { content: { 'application/json': { schema: Schema } } } };
    const paths = openapi.body.paths as Record<string, Record<string, Operation>>;
    routes = Object.entries(paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([method]) => ['get', 'post', 'put'].includes(method))
        .map(([method, operation]) => ({
          method: method as Method,
          path,
          schema: operation.requestBody?.content['application/json'].schema,
        })),
    );
  });
  afterAll(() => t.close());

  const segment = fc.oneof(
    { weight: 6, arbitrary: fc.constant('real') },
    fc.string({ maxLength: 40 }),
    fc.uuid(),
    fc.constantFrom('0', '-1', '1', '99999999999999999999'),
  );
  /** Mostly absent, so most requests get past the header checks into the handlers. */
  const sometimes = <T>(value: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
    fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: value });
  const header = sometimes(
    fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('"0"', '"1"', 'W/"99"', '"abc"')),
  );
  const request = fc.record({
    body: fc.oneof(
      { weight: 5, arbitrary: fc.integer().map((seed) => ({ seed })) },
      fc.jsonValue(),
    ),
    segment,
    ifMatch: header,
    idempotencyKey: header,
    query: sometimes(fc.string({ maxLength: 20 })),
  });

  async function send(route: Route, r: RequestShape): Promise<void> {
    const odd = encodeURIComponent(r.segment) || 'x';
    const path = route.path
      .replace('{gezinId}', r.segment === 'real' ? ids.gezinId : odd)
      .replace('{persoonId}', r.segment === 'real' ? ids.persoonId : odd)
      .replace('{betrokkeneId}', odd)
      .replace('{versie}', r.segment === 'real' ? '1' : odd);
    const query =
      r.query === undefined
        ? ''
        : `?minPosition=${encodeURIComponent(r.query)}&soort=${encodeURIComponent(r.query)}`;
    let call = t
      .http()
      [route.method](path + query)
      .set('Authorization', `Bearer ${token}`);
    if (r.ifMatch !== undefined) call = call.set('If-Match', r.ifMatch);
    if (r.idempotencyKey !== undefined) call = call.set('Idempotency-Key', r.idempotencyKey);
    const body =
      route.schema && typeof r.body === 'object' && r.body !== null && 'seed' in r.body
        ? sample(route.schema, schemas, random(Number(r.body.seed)), ids)
        : r.body;
    const res =
      route.method === 'get'
        ? await call
        : await call.set('Content-Type', 'application/json').send(JSON.stringify(body));
    if (res.status >= 500) {
      throw new Error(
        `${route.method.toUpperCase()} ${path} ${JSON.stringify(body)} → ${res.status}`,
      );
    }
    if (res.status >= 400) expect(res.headers['content-type']).toMatch(/problem\+json/);
  }

  it('covers the routes of the API', () => {
    expect(routes.length).toBeGreaterThan(15);
  });

  /** Objects and arrays nested `depth` deep, at random, with `inner` at the bottom. */
  const nesting = (depth: number, kinds: boolean[], inner: string): string => {
    let text = inner;
    for (let i = 0; i < depth; i++) text = kinds[i % kinds.length] ? `{"a":${text}}` : `[${text}]`;
    return text;
  };

  it('answers a body nested 3,000 deep with 400 on every route, before the token is checked', async () => {
    for (const route of routes.filter((r) => r.method !== 'get')) {
      const path = route.path.replace(/\{[^}]+\}/g, (name) =>
        name === '{persoonId}' ? ids.persoonId : ids.gezinId,
      );
      const res = await t
        .http()
        [route.method](path)
        .set('Content-Type', 'application/json')
        .send(nesting(3000, [false], '1'));
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body.detail).toBe(
        'The request body nests objects and arrays deeper than 400 levels.',
      );
    }
  });

  it('answers any nesting, at most 400 deep or far deeper, in any field, with a status below 500', async () => {
    const deep = fc.record({
      depth: fc.oneof(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 401, max: 5000 })),
      kinds: fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }),
      field: fc.constantFrom('naam', 'leden', 'plan', 'onbekend', 'bsn'),
      route: fc.nat(),
    });
    await fc.assert(
      fc.asyncProperty(deep, async ({ depth, kinds, field, route: index }) => {
        const writes = routes.filter((r) => r.method !== 'get');
        const route = writes[index % writes.length]!;
        const path = route.path.replace(/\{[^}]+\}/g, (name) =>
          name === '{persoonId}' ? ids.persoonId : ids.gezinId,
        );
        // Nested one level into the body object, so the whole body is one deeper.
        const body = `{"${field}":${nesting(depth - 1, kinds, '"x"')}}`;
        const res = await t
          .http()
          [route.method](path)
          .set('Authorization', `Bearer ${token}`)
          .set('Content-Type', 'application/json')
          .send(body);
        if (res.status >= 500) throw new Error(`${route.method} ${path} depth ${depth} → 500`);
        expect(res.headers['content-type']).toMatch(/problem\+json/);
        if (depth > 400) expect(res.status).toBe(400);
      }),
      { numRuns: 150, seed: Number(process.env.FUZZ_SEED ?? 20261125) },
    );
  }, 60_000);

  it('answers every route with a status below 500, as problem+json when it is an error', async () => {
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(request, (r) => send(route, r)),
        { numRuns: 60, seed: Number(process.env.FUZZ_SEED ?? 20261125) },
      );
    }
  }, 120_000);
});

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  items?: Schema;
  properties?: Record<string, Schema>;
  allOf?: Schema[];
  required?: string[];
}

/** A small seeded generator (mulberry32), so a failing case replays from its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let r = Math.imul(a ^ (a >>> 15), 1 | a);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

const ODD_VALUES: unknown[] = [
  null,
  '',
  0,
  -1,
  1e308,
  true,
  [],
  {},
  'x'.repeat(5000),
  '2026-02-30',
  '<script>',
  '__proto__',
];

function sample(
  schema: Schema,
  schemas: Record<string, Schema>,
  next: () => number,
  ids: { gezinId: string; persoonId: string },
  depth = 0,
): unknown {
  if (schema.$ref)
    return sample(schemas[schema.$ref.split('/').pop()!]!, schemas, next, ids, depth);
  if (schema.allOf)
    return Object.assign({}, ...schema.allOf.map((s) => sample(s, schemas, next, ids, depth)));
  if (next() < 0.08) return ODD_VALUES[Math.floor(next() * ODD_VALUES.length)];
  if (schema.enum) return schema.enum[Math.floor(next() * schema.enum.length)];
  if (schema.example !== undefined && next() < 0.7) return schema.example;
  switch (schema.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, property] of Object.entries(schema.properties ?? {})) {
        // Leave out optional fields often and required ones now and then.
        if (next() < (schema.required?.includes(key) ? 0.1 : 0.5)) continue;
        out[key] = sample(property, schemas, next, ids, depth + 1);
      }
      if (next() < 0.05) out.onbekend = 'veld';
      return out;
    }
    case 'array':
      return depth > 4 || !schema.items
        ? []
        : Array.from({ length: Math.floor(next() * 3) }, () =>
            sample(schema.items!, schemas, next, ids, depth + 1),
          );
    case 'string':
      if (schema.format === 'uuid') return next() < 0.5 ? ids.persoonId : ids.gezinId;
      if (schema.format === 'date') return next() < 0.5 ? '2026-03-01' : '1999-12-31';
      return 'tekst';
    case 'boolean':
      return next() < 0.5;
    case 'integer':
    case 'number':
      return Math.floor(next() * 5);
    default:
      return schema.type === undefined && schema.properties
        ? sample({ ...schema, type: 'object' }, schemas, next, ids, depth)
        : 'tekst';
  }
}
