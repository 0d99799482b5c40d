import { execFile, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROLES, Role, signDevToken } from '@app/access';
import { TestApp, startTestApp } from './support/test-app';

/**
 * docs/tutorial.md stays runnable: its ```sh blocks run in order, in one bash session with
 * `set -euo pipefail`, against the real application, and what each block prints must match the
 * ```text block that follows it in the tutorial.
 *
 * How the output is compared: each line of the shown output must be found in what the block
 * printed, in order, ignoring whitespace (the tutorial wraps long JSON lines); `...` in a shown
 * line stands for anything; UUIDs (also shortened as `9b6ad56e-...`) and ISO timestamps match any
 * UUID or timestamp. Lines the tutorial leaves out (headers, fields) may be printed in between.
 *
 * Tokens: the tutorial runs `npm run --silent token -- ...`, which takes seconds per token. Here a
 * shell function `npm` sends those arguments to a small local endpoint that signs with the same
 * function and the same key (the test app's DATA_DIR); one test runs the real command once.
 *
 * To refresh the tutorial's outputs, run this test with TUTORIAL_OUTPUT=<file>: it writes what
 * every block printed to that file. The clock is set to the day the outputs were recorded.
 */
const TUTORIAL = join(__dirname, '..', '..', 'docs', 'tutorial.md');
const RECORDED_AT = '2026-11-25T12:00:00.000Z';

interface Step {
  /** 1-based number of the ```sh block, for messages. */
  block: number;
  script: string;
  /** The ```text block right after it: what it prints. */
  shown: string | null;
}

/** The ```sh blocks of the tutorial in order, each with the ```text block that follows it. */
function tutorialSteps(markdown: string): Step[] {
  const fences = [...markdown.matchAll(/^```(\w*)\n([\s\S]*?)^```[ \t]*$/gm)];
  const steps: Step[] = [];
  fences.forEach((fence, i) => {
    if (fence[1] !== 'sh') return;
    const next = fences[i + 1];
    const between = next
      ? markdown.slice(fence.index + fence[0].length, next.index).trim()
      : undefined;
    const shown = next && next[1] === 'text' && between === '' ? (next[2] ?? '') : null;
    steps.push({ block: steps.length + 1, script: fence[2] ?? '', shown });
  });
  return steps;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const SHORT_UUID = /\b[0-9a-f]{8}-\.\.\./g;
const TIMESTAMP = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g;

function normalise(text: string): string {
  return text.replace(UUID, '<id>').replace(TIMESTAMP, '<ts>').replace(/\s+/g, '');
}

/** The first shown line (or part of one) not found in order in the actual output, if any. */
function firstMismatch(shown: string, actual: string): string | null {
  const printed = normalise(actual);
  let from = 0;
  for (const line of shown.split('\n')) {
    const parts = line.replace(UUID, '<id>').replace(SHORT_UUID, '<id>').split('...');
    for (const part of parts.map(normalise).filter((p) => p !== '')) {
      const at = printed.indexOf(part, from);
      if (at < 0) return `${line.trim()}\n  (not found: ${part})`;
      from = at + part.length;
    }
  }
  return null;
}

/** Parses the arguments of `npm run token --` (see apps/cli/src/main.ts). */
function tokenClaims(args: string[]) {
  const claims: { userId?: string; roles: Role[]; name?: string; teamleider?: boolean } = {
    roles: [],
  };
  let expires = '8h';
  for (let i = 0; i < args.length; i++) {
    const option = args[i];
    if (option === '--role') {
      while (args[i + 1] !== undefined && !args[i + 1]!.startsWith('--')) {
        const role = args[++i]!;
        if (!(ROLES as readonly string[]).includes(role)) throw new Error(`unknown role ${role}`);
        claims.roles.push(role as Role);
      }
    } else if (option === '--user') claims.userId = args[++i];
    else if (option === '--name') claims.name = args[++i];
    else if (option === '--expires') expires = args[++i]!;
    else if (option === '--teamleider') claims.teamleider = true;
    else throw new Error(`unknown option ${option}`);
  }
  if (!claims.userId || claims.roles.length === 0) throw new Error('needs --role and --user');
  return { claims: { ...claims, userId: claims.userId }, expires };
}

/** POST arg=...&arg=...: answers a token signed as `npm run token` would sign it. */
function tokenEndpoint(dataDir: string): Promise<Server> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      try {
        const { claims, expires } = tokenClaims(new URLSearchParams(body).getAll('arg'));
        signDevToken(dataDir, claims, expires).then(
          (token) => res.end(token),
          (error: Error) => res.writeHead(500).end(error.message),
        );
      } catch (error) {
        res.writeHead(400).end((error as Error).message);
      }
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const PREAMBLE = `set -euo pipefail
npm() {
  if [ "$#" -ge 4 ] && [ "$1 $2 $3 $4" = "run --silent token --" ]; then
    shift 4
    local args=()
    for arg in "$@"; do args+=(--data-urlencode "arg=$arg"); done
    curl -sS --fail-with-body "$TOKEN_URL" "\${args[@]}"
    echo
  else
    command npm "$@"
  fi
}
`;

const marker = (block: number) => `@@@ tutorial block ${block} @@@`;

function runBash(script: string, env: NodeJS.ProcessEnv, timeoutMs: number) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn('bash', ['-c', script], { env, cwd: join(__dirname, '..', '..') });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('docs/tutorial.md (e2e)', () => {
  let t: TestApp;
  let tokens: Server;
  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set(RECORDED_AT);
    tokens = await tokenEndpoint(t.dataDir);
  });
  afterAll(async () => {
    await new Promise((resolve) => tokens.close(resolve));
    await t.close();
  });

  const steps = tutorialSteps(readFileSync(TUTORIAL, 'utf8'));

  it('has shell steps, most of them with their output', () => {
    expect(steps.length).toBeGreaterThan(20);
    expect(steps.filter((s) => s.shown !== null).length).toBeGreaterThan(steps.length / 2);
  });

  it('runs every shell step in order, each printing what the tutorial shows', async () => {
    const script =
      PREAMBLE + steps.map((s) => `printf '\\n%s\\n' '${marker(s.block)}'\n${s.script}`).join('\n');
    const { port } = tokens.address() as AddressInfo;
    const { code, stdout, stderr } = await runBash(
      script,
      { ...process.env, BASE: t.url, TOKEN_URL: `http://127.0.0.1:${port}/` },
      50_000,
    );
    const printed = new Map<number, string>();
    const parts = stdout.split(/^@@@ tutorial block (\d+) @@@$/m);
    for (let i = 1; i < parts.length; i += 2) printed.set(Number(parts[i]), parts[i + 1]!);
    if (process.env.TUTORIAL_OUTPUT) {
      writeFileSync(
        process.env.TUTORIAL_OUTPUT,
        steps
          .map((s) => `${marker(s.block)} ${s.script.split('\n')[0]}${printed.get(s.block) ?? ''}`)
          .join('\n'),
      );
    }

    const last = steps[printed.size - 1];
    if (code !== 0) {
      throw new Error(
        `the tutorial's shell step ${last?.block} failed (exit ${code}):\n${last?.script}\n` +
          `stderr:\n${stderr.slice(-2000)}`,
      );
    }
    expect(printed.size).toBe(steps.length);
    for (const step of steps) {
      if (step.shown === null) continue;
      const actual = printed.get(step.block) ?? '';
      const mismatch = firstMismatch(step.shown, actual);
      if (mismatch !== null) {
        throw new Error(
          `shell step ${step.block} of docs/tutorial.md does not print what the tutorial shows:\n` +
            `${step.script}\nshown, but not printed:\n  ${mismatch}\nprinted:\n${actual.slice(0, 4000)}`,
        );
      }
    }
  }, 60_000);

  it('the real `npm run token` makes a token the API accepts', async () => {
    const { stdout } = await promisify(execFile)(
      'npm',
      ['run', '--silent', 'token', '--', '--role', 'contactpersoon', '--user', 'u-cli'],
      { cwd: join(__dirname, '..', '..'), env: { ...process.env, DATA_DIR: t.dataDir } },
    );
    await t
      .http()
      .get('/api/v1/werklijsten/mijn-gezinnen')
      .set('Authorization', `Bearer ${stdout.trim()}`)
      .expect(200);
  }, 30_000);
});
