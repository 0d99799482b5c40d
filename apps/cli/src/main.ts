import { Command, Option } from 'commander';
import { decodeJwt } from 'jose';
import { ROLES, Role, signDevToken } from '@app/access';
import { loadConfig } from '@app/config';
import { createEventStore } from '@app/event-store';
import { ALL_PROJECTIONS, ProjectionRunner, openReadModels } from '@app/projections';
import { assignRecordKeys } from './record-keys';

/** Operator commands: `npm run cli -- --help`. Configured by the same environment as the API. */
const program = new Command('gezinsplan-cli').description(
  'Operator commands for the gezinsplan API (same environment variables as the API)',
);

const projections = program
  .command('projections')
  .description('Read models built from the event log');

projections
  .command('status')
  .description('Each projection: version, checkpoint, and how far it is behind the log')
  .action(async () => {
    const config = loadConfig();
    const store = createEventStore(config);
    const readModels = openReadModels(config);
    try {
      const head = await store.headPosition();
      const runner = new ProjectionRunner(store, readModels, ALL_PROJECTIONS);
      console.log(`log head: ${head}`);
      for (const p of runner.storedStatus()) {
        const lag = p.position === null ? 'not built' : `lag ${head - p.position}`;
        console.log(`${p.name.padEnd(16)} v${p.version}  checkpoint ${p.position ?? '-'}  ${lag}`);
      }
    } finally {
      readModels.close();
      await store.close();
    }
  });

projections
  .command('rebuild')
  .description('Drop and rebuild projections from the start of the log (all when none named)')
  .argument('[names...]', `projection names: ${ALL_PROJECTIONS.map((p) => p.name).join(', ')}`)
  .action(async (names: string[]) => {
    const config = loadConfig();
    const store = createEventStore(config);
    const readModels = openReadModels(config);
    try {
      const runner = new ProjectionRunner(store, readModels, ALL_PROJECTIONS, {
        onError: (name, error) => console.error(`projection ${name}: ${error.message}`),
      });
      const started = Date.now();
      await runner.rebuild(names);
      await runner.runUntilCaughtUp();
      const rebuilt = names.length > 0 ? names.join(', ') : 'all projections';
      console.log(
        `rebuilt ${rebuilt} up to position ${runner.position()} in ${Date.now() - started} ms`,
      );
    } finally {
      readModels.close();
      await store.close();
    }
  });

program
  .command('record-keys')
  .description(
    'One-off migration: give every person and consultation registered before record keys ' +
      'existed a random record key (the disclosure control of the policy figures needs one each)',
  )
  .option('--dry-run', 'only count them')
  .action(async (options: { dryRun?: boolean }) => {
    const store = createEventStore(loadConfig());
    try {
      const dryRun = options.dryRun ?? false;
      const { personen } = await assignRecordKeys(store, { dryRun });
      console.log(
        dryRun
          ? `${personen} persons without a record key`
          : `record keys given to ${personen} persons`,
      );
    } finally {
      await store.close();
    }
  });

program
  .command('token')
  .description('Print a bearer token signed with the local dev key (AUTH_MODE=dev only)')
  .addOption(
    new Option('--role <roles...>', 'one or more roles').choices(ROLES).makeOptionMandatory(),
  )
  .requiredOption('--user <id>', 'user id (the token subject)')
  .option('--name <name>', 'display name')
  .option('--teamleider', 'a team lead: assigns and hands over contact persons')
  .option('--expires <duration>', 'lifetime, e.g. 8h or 30m', '8h')
  .action(
    async (options: {
      role: Role[];
      user: string;
      name?: string;
      teamleider?: boolean;
      expires: string;
    }) => {
      const config = loadConfig();
      if (config.auth.mode !== 'dev') {
        throw new Error(
          'token signs with the local dev key; with AUTH_MODE=oidc ask your identity provider',
        );
      }
      const token = await signDevToken(
        config.dataDir,
        {
          userId: options.user,
          roles: options.role,
          name: options.name,
          teamleider: options.teamleider,
        },
        options.expires,
      );
      // The API refuses a token that lives longer than MAX_TOKEN_LIFETIME_MINUTES: say so here.
      const { iat, exp } = decodeJwt(token);
      if (exp! - iat! > config.auth.maxTokenLifetimeSeconds) {
        throw new Error(
          `--expires ${options.expires} is longer than the API accepts ` +
            `(MAX_TOKEN_LIFETIME_MINUTES=${config.auth.maxTokenLifetimeSeconds / 60})`,
        );
      }
      console.log(token);
    },
  );

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
