import { ROLES } from '@app/access';
import { TestApp, startTestApp } from './support/test-app';

interface Response {
  description: string;
  content?: Record<string, { schema?: { $ref?: string; allOf?: unknown[]; type?: string } }>;
}
interface Operation {
  description?: string;
  'x-roles'?: string[];
  'x-public'?: true;
  responses: Record<string, Response>;
}

/** The routes anyone may call: a new one is a decision, so it is named here. */
const PUBLIC = [
  'GET /health',
  'GET /health/live',
  'GET /api/v1/web/config',
  'GET /api/v1/dev/gebruikers',
  'POST /api/v1/dev/tokens',
];

/** Not a write to the event store: it signs a development token. */
const NOT_A_WRITE = ['POST /api/v1/dev/tokens'];

/**
 * Writes that answer with an outcome per iJw message instead of one stream's new version: the
 * import (many messages, many dossiers) and linking a waiting message (it applies its facts).
 */
const OWN_ANSWER = [
  'POST /api/v1/import/ijw',
  'POST /api/v1/import/ijw/te-koppelen/{berichtId}/koppeling',
];

/**
 * The writes no rule refuses beyond 404 (so no 422): ending a practice link (not linked is 404),
 * and the iJw import (a message's refusal is its outcome, in the 200).
 */
const NO_RULE_REFUSES = [
  'POST /api/v1/import/ijw',
  'POST /api/v1/praktijken/{praktijkId}/medewerkers/{userId}/einde',
];

/**
 * The OpenAPI document says what docs/api.md leaves to it: every operation names the roles that
 * may call it (from @Roles(...), so it cannot drift from what the guard enforces), every answer
 * has a schema, and every write describes how it can be refused.
 */
describe('the OpenAPI document (e2e)', () => {
  let t: TestApp;
  let operations: { name: string; method: string; operation: Operation }[];
  let schemas: Record<string, unknown>;

  beforeAll(async () => {
    t = await startTestApp();
    const document = (await t.http().get('/api/v1/openapi.json').expect(200)).body as {
      paths: Record<string, Record<string, Operation>>;
      components: { schemas: Record<string, unknown> };
    };
    schemas = document.components.schemas;
    operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        name: `${method.toUpperCase()} ${path}`,
        method,
        operation,
      })),
    );
  });
  afterAll(() => t.close());

  const writes = () =>
    operations.filter(
      ({ name, method }) => (method === 'post' || method === 'put') && !NOT_A_WRITE.includes(name),
    );

  /** The JSON schema of a response, with its $ref (or those in allOf) resolved to a component. */
  function jsonSchemaOf(response: Response | undefined): unknown {
    const schema = response?.content?.['application/json']?.schema;
    if (!schema) return undefined;
    const refs = [schema.$ref, ...((schema.allOf ?? []) as { $ref?: string }[]).map((s) => s.$ref)];
    for (const ref of refs.filter((r): r is string => r !== undefined)) {
      expect(schemas[ref.split('/').pop()!]).toBeDefined();
    }
    return schema;
  }

  it('covers every route of the API', () => {
    expect(operations.length).toBeGreaterThan(60);
  });

  it('names the roles of every operation, in x-roles and in the description', () => {
    const unnamed = operations.filter(({ operation }) => {
      if (operation['x-public']) {
        return !operation.description?.startsWith('**Roles:** none; no token needed.');
      }
      const roles = operation['x-roles'] ?? [];
      return (
        roles.length === 0 ||
        roles.some((role) => !(ROLES as readonly string[]).includes(role)) ||
        !operation.description?.startsWith(`**Roles:** ${roles.map((r) => `\`${r}\``).join(', ')}.`)
      );
    });
    expect(unnamed.map(({ name }) => name)).toEqual([]);
  });

  it('has no public route but health, the web app’s configuration and its dev logins', () => {
    const open = operations.filter(({ operation }) => operation['x-public']);
    expect(open.map(({ name }) => name).sort()).toEqual(PUBLIC.slice().sort());
  });

  it('gives every 2xx answer a schema', () => {
    const without = operations.flatMap(({ name, operation }) =>
      Object.entries(operation.responses)
        .filter(([status]) => status.startsWith('2'))
        .filter(([, response]) => jsonSchemaOf(response) === undefined)
        .map(([status]) => `${name} ${status}`),
    );
    expect(without).toEqual([]);
  });

  it('gives every write (POST/PUT 200 or 201) the write answer: ids, revision, position', () => {
    expect(writes().length).toBeGreaterThan(30);
    const without = writes().filter(({ name, operation }) => {
      if (OWN_ANSWER.includes(name)) return jsonSchemaOf(operation.responses['200']) === undefined;
      const schema = jsonSchemaOf(operation.responses['201'] ?? operation.responses['200']) as
        { allOf?: { $ref?: string }[] } | undefined;
      return !schema?.allOf?.some((part) => part.$ref === '#/components/schemas/WriteResponse');
    });
    expect(without.map(({ name }) => name)).toEqual([]);
  });

  it('describes the refusals of every write: 400, 401, 403, 409, and its own rules as 422', () => {
    const incomplete = writes().filter(({ operation }) =>
      ['400', '401', '403', '409'].some((status) => !operation.responses[status]?.description),
    );
    expect(incomplete.map(({ name }) => name)).toEqual([]);
    // A 422 names the rules of that write, never "a rule refused it" for all of them.
    const generic = writes().filter(({ operation }) =>
      /a rule refused it/i.test(operation.responses['422']?.description ?? ''),
    );
    expect(generic.map(({ name }) => name)).toEqual([]);
    const without422 = writes().filter(({ operation }) => !operation.responses['422']);
    expect(without422.map(({ name }) => name).sort()).toEqual(NO_RULE_REFUSES.slice().sort());
  });
});
