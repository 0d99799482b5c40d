import { randomUUID } from 'node:crypto';
import { Argument, Command, Option } from 'commander';
import { decodeJwt } from 'jose';
import { ROLES, Role, signDevToken } from '@app/access';
import { loadConfig } from '@app/config';
import { DeciderStore, createEventStore } from '@app/event-store';
import { VERZOEKERS, Verzoeker, kalenderdatum } from '@app/domain';
import { ALL_PROJECTIONS, ProjectionRunner, Shredder, openReadModels } from '@app/projections';
import { ijwImport, samenvatting } from './ijw-import';
import { assignRecordKeys } from './record-keys';
import { versleutelBestaande } from './versleutel-bestaande';
import { VerwijderingCommands } from '../../api/src/verwijdering/verwijdering.commands';
import { ProgrammaCommands } from '../../api/src/programma/programma.commands';
import { demo } from './demo';

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

/** Erasure and retention with the store, the read models and the shredder of this environment. */
async function withVerwijdering<T>(
  run: (commands: VerwijderingCommands) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const store = createEventStore(config);
  const readModels = openReadModels(config);
  try {
    const runner = new ProjectionRunner(store, readModels, ALL_PROJECTIONS, {
      onError: (name, error) => console.error(`projection ${name}: ${error.message}`),
    });
    const shredder = new Shredder(store.keys, runner, readModels, false);
    return await run(
      new VerwijderingCommands(new DeciderStore(store, () => new Date()), store, shredder),
    );
  } finally {
    readModels.close();
    await store.close();
  }
}

program
  .command('erase')
  .description(
    "Grant a request to destroy a person's or a family's data (Jeugdwet 7.3.9, AVG art. 17): " +
      'destroys its key and rebuilds the read models (a refusal: POST /api/v1/beheer/verwijderverzoeken)',
  )
  .addArgument(new Argument('<soort>', 'whose data').choices(['persoon', 'gezin']))
  .argument('<id>', 'the persoonId or gezinId')
  .addOption(new Option('--verzoeker <wie>', 'who asked').choices(VERZOEKERS).makeOptionMandatory())
  .requiredOption('--ontvangen <datum>', 'when the request came in (YYYY-MM-DD)')
  .option('--door <userId>', 'who decided (user id)', 'beheer-cli')
  .action(
    async (
      soort: 'persoon' | 'gezin',
      id: string,
      options: { verzoeker: Verzoeker; ontvangen: string; door: string },
    ) => {
      await withVerwijdering(async (commands) => {
        const verzoekId = randomUUID();
        await commands.decide(
          {
            verzoekId,
            dossier: { soort, id },
            verzoeker: options.verzoeker,
            ontvangenOp: options.ontvangen,
            datum: kalenderdatum(new Date()),
            besluit: { soort: 'toegewezen' },
            door: options.door,
          },
          {
            actor: { userId: options.door, role: 'beheer' },
            correlationId: `erase-${verzoekId}`,
            causationId: null,
          },
        );
        console.log(`erased ${soort} ${id} (verzoek ${verzoekId})`);
      });
    },
  );

program
  .command('retention')
  .description(
    'List and shred the files (persons, families, consultations) whose last change is older ' +
      'than the retention term (Jeugdwet 7.3.8)',
  )
  .option('--dry-run', 'only list them')
  .option('--years <n>', 'the term in years (default: RETENTIE_JAREN, 20)')
  .action(async (options: { dryRun?: boolean; years?: string }) => {
    const jaren = options.years === undefined ? loadConfig().retentie.jaren : Number(options.years);
    if (!Number.isInteger(jaren) || jaren < 1)
      throw new Error('--years must be a whole number >= 1');
    const dryRun = options.dryRun ?? false;
    const verlopen = await withVerwijdering((commands) => commands.retentie(jaren, dryRun));
    for (const { dossier, laatsteWijziging } of verlopen) {
      console.log(`${dossier.soort} ${dossier.id}  last change ${laatsteWijziging}`);
    }
    console.log(
      `${verlopen.length} files older than ${jaren} years${dryRun ? ' (dry run: nothing shredded)' : ' shredded'}`,
    );
  });

program
  .command('encrypt-existing')
  .description(
    'One-off migration: encrypt the personal fields of events written before encryption ' +
      '(SQLite log; rewrites those fields in place and compacts the file; see ADR 0015)',
  )
  .option('--dry-run', 'only count them')
  .action(async (options: { dryRun?: boolean }) => {
    const dryRun = options.dryRun ?? false;
    const store = createEventStore(loadConfig());
    try {
      const { events } = await versleutelBestaande(store, { dryRun });
      console.log(
        dryRun ? `${events} events with plain personal fields` : `${events} events encrypted`,
      );
    } finally {
      await store.close();
    }
  });

program
  .command('ijw')
  .description('iJw and iWmo messages (release 3.x)')
  .command('import')
  .description(
    'Import JW301/305/307/315/317 and WMO301/305/307/315/317 messages: a file, or every .xml ' +
      'file of a folder; prints a summary and every refusal with its reason and element',
  )
  .argument('<path>', 'an XML file or a folder of them')
  .option('--user <id>', 'who imports, in the events and the processing log', 'cli:ijw-import')
  .action(async (path: string, options: { user: string }) => {
    const uitkomsten = await ijwImport(path, options);
    console.log(samenvatting(uitkomsten));
  });

program
  .command('programma')
  .description('The programme Samen voor de Jeugd 2025-2028: knoppen, actions, themes')
  .command('seed')
  .description(
    'Set the knoppen with their actions and one theme per knop, as published (seed 002), ' +
      'that are not set yet; what application management changed stays',
  )
  .option('--door <userId>', 'who sets them (user id)', 'beheer-cli')
  .action(async (options: { door: string }) => {
    const store = createEventStore(loadConfig());
    try {
      const { knoppen, themas } = await new ProgrammaCommands(
        new DeciderStore(store, () => new Date()),
      ).seed({
        actor: { userId: options.door, role: 'beheer' },
        correlationId: `programma-seed-${randomUUID()}`,
        causationId: null,
      });
      console.log(`programma: ${knoppen} knoppen and ${themas} themes set`);
    } finally {
      await store.close();
    }
  });

program
  .command('demo')
  .description(
    'Fill an EMPTY store with a demo municipality (Lelystad scale by default): reference data, ' +
      "population, families with contact persons, plans and handovers, the youths' care as iJw " +
      'messages through the import, residential stays and exits, perspective conversations, ' +
      'judgements and stories, and GP practices with their consultations, 2020 to --tot',
  )
  .option('--jeugdigen <n>', 'youths aged 0-17 in the municipality', '19000')
  .option('--seed <s>', 'seed of the random choices: the same seed gives the same town', '1')
  .option('--tot <YYYY-MM>', 'the last month written (default: last month)')
  .action(async (options: { jeugdigen: string; seed: string; tot?: string }) => {
    const jeugdigen = Number(options.jeugdigen);
    const seed = Number(options.seed);
    const vorigeMaand = new Date();
    vorigeMaand.setUTCDate(0);
    const tot = options.tot ?? vorigeMaand.toISOString().slice(0, 7);
    if (!Number.isInteger(jeugdigen) || jeugdigen < 100)
      throw new Error('--jeugdigen: 100 or more');
    if (!Number.isInteger(seed)) throw new Error('--seed: a whole number');
    if (!/^20[2-9]\d-(0[1-9]|1[0-2])$/.test(tot)) throw new Error('--tot: YYYY-MM, 2020 or later');
    const config = loadConfig();
    const store = createEventStore(config);
    const readModels = openReadModels(config);
    try {
      const started = Date.now();
      const verslag = await demo(store, readModels, { jeugdigen, seed, tot, meld: console.log });
      console.log(
        `demo municipality: ${verslag.gezinnen} families, ${verslag.toewijzingen} assignments, ` +
          `${verslag.verlengingen} extensions, ${verslag.overdrachten} handovers, ` +
          `${verslag.berichten} iJw messages, ${verslag.consultaties} consultations, ` +
          `${verslag.verblijven} residential stays (${verslag.uitstroom} exits), ` +
          `${verslag.perspectiefgesprekken} perspective conversations, ` +
          `${verslag.oordelen} rounds of judgements, ${verslag.verhalen} stories ` +
          `(${verslag.vrijgegeven} released), ` +
          `${verslag.gebeurtenissen} events in ${((Date.now() - started) / 1000).toFixed(0)} s`,
      );
      // The read models catch up now, so the API answers at once.
      await new ProjectionRunner(store, readModels, ALL_PROJECTIONS).runUntilCaughtUp();
    } finally {
      readModels.close();
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
