import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProcessingLog } from '@app/access';
import { REFERENTIEDATA_STREAM, referentiedataDecider } from '@app/domain';
import {
  DeciderStore,
  SqliteEventStore,
  SqliteKeyStore,
  VersleutelendeEventStore,
} from '@app/event-store';
import { IjwImport } from '@app/ijw';
import {
  ProjectionRunner,
  ReadModelDatabase,
  ToegangQueries,
  gezinnenProjection,
} from '@app/projections';
import { GezinCommands } from '../../apps/api/src/gezinnen/gezin.commands';
import { demoBsn as bsn } from '../../apps/cli/src/demo';
import { envInt, printMachine } from './support';

/**
 * iJw import throughput into the embedded store (SQLite with encrypted personal fields, as the
 * CLI and the API run it): messages per second for JW301 + JW305 + JW307 of `BENCH_CLIENTS` known
 * clients (3 messages each), then the same messages again (all duplicates). Persons and reference
 * data are written before timing. Prints; asserts nothing.
 */
const CLIENTS = envInt('BENCH_CLIENTS', 1000);
const BATCH = envInt('BENCH_BATCH', 500);
const FIXTURES = join(__dirname, '..', 'fixtures', 'ijw');

async function main() {
  printMachine();
  const dir = mkdtempSync(join(tmpdir(), 'bench-import-'));
  // As the CLI and the API run it: SQLite behind the encryption of personal fields (ADR 0015).
  const store = new VersleutelendeEventStore(
    new SqliteEventStore(join(dir, 'events.sqlite')),
    new SqliteKeyStore(join(dir, 'keys.sqlite')),
  );
  const readModels = new ReadModelDatabase(join(dir, 'read-models.sqlite'));
  try {
    const deciders = new DeciderStore(store, () => new Date('2026-03-01T10:00:00Z'));
    const toegang = new ToegangQueries(readModels.db);
    const ctx = {
      principal: {
        userId: 'bench',
        roles: ['contactpersoon' as const],
        name: 'bench',
        teamleider: false,
      },
      actor: { userId: 'bench', role: 'beheer' },
      correlationId: 'bench',
      causationId: null,
    };
    await deciders.handle(
      REFERENTIEDATA_STREAM,
      referentiedataDecider,
      {
        type: 'SetProductVersion',
        productcode: '45A01',
        geldigVanaf: '2020-01-01',
        gegevens: {
          wettelijkKader: 'jeugdwet',
          categorie: '45',
          omschrijving: 'Ambulant',
          woonvorm: null,
          maxDuurMaanden: 12,
          cbsHulpvorm: '01',
        },
      },
      ctx,
    );
    await deciders.handle(
      REFERENTIEDATA_STREAM,
      referentiedataDecider,
      {
        type: 'SetAanbiederVersion',
        aanbiederId: '12345678',
        naam: 'Jeugdhulp Flevoland',
        geldigVanaf: '2020-01-01',
      },
      ctx,
    );
    // The read model's tables exist before the first registration looks a BSN up (ADR 0016).
    const runner = new ProjectionRunner(store, readModels, [gezinnenProjection]);
    await runner.runUntilCaughtUp();
    const gezinnen = new GezinCommands(deciders, toegang, { warmeOverdrachtDagen: 0 });
    // One client more: its messages warm up before timing.
    const bsns = Array.from({ length: CLIENTS + 1 }, (_, i) => bsn(i + 1));
    for (const [i, b] of bsns.entries()) {
      await gezinnen.register(
        `g-${i}`,
        {
          naam: `Gezin ${i}`,
          wijk: null,
          leden: [
            {
              persoonId: `p-${i}`,
              rol: 'jeugdige',
              gegevens: {
                voornaam: 'Kind',
                achternaam: `Gezin ${i}`,
                geboortedatum: '2011-06-15',
                bsn: b,
              },
            },
          ],
        },
        ctx,
      );
    }
    await runner.runUntilCaughtUp();

    const sjabloon = (naam: string) => readFileSync(join(FIXTURES, naam), 'utf8');
    const [toe, start, stop] = ['jw301-toewijzing.xml', 'jw305-start.xml', 'jw307-stop.xml'].map(
      sjabloon,
    );
    const alle = bsns.flatMap((b, i) => {
      const maak = (xml: string, soort: string) => ({
        bron: `${soort}-${i}`,
        xml: xml
          .replaceAll('111222333', b)
          .replace(/(:Identificatie>)[^<]+</, `$1${soort}${i}<`)
          .replaceAll('2025-03-03', '2025-03-10'),
      });
      return [maak(toe!, 'T'), maak(start!, 'S'), maak(stop!, 'P')];
    });
    const importer = new IjwImport(deciders, toegang, new ProcessingLog(deciders));
    const afzender = {
      principal: {
        userId: 'bench-koppeling',
        roles: ['koppeling' as const],
        name: 'bench',
        teamleider: false,
      },
      correlationId: 'bench-import',
    };
    // The first message of each kind compiles its schema's validator (once per process), and the
    // JIT warms up: one client's messages, not counted.
    const berichten = alle.slice(0, -3);
    const opwarmen = process.hrtime.bigint();
    await importer.importeer(alle.slice(-3), afzender);
    console.log(
      `warm-up: 3 messages in ${(Number(process.hrtime.bigint() - opwarmen) / 1e6).toFixed(0)} ms`,
    );
    for (const ronde of ['first import', 'again (duplicates)']) {
      const started = process.hrtime.bigint();
      const cpu = process.cpuUsage();
      const tellingen: Record<string, number> = {};
      let eerste = '';
      for (let i = 0; i < berichten.length; i += BATCH) {
        for (const u of await importer.importeer(berichten.slice(i, i + BATCH), afzender)) {
          const soort = u.teKoppelen ? `${u.uitkomst} (te koppelen)` : u.uitkomst;
          tellingen[soort] = (tellingen[soort] ?? 0) + 1;
          if (u.uitkomst === 'refused' && !eerste) eerste = `${u.reden} ${u.pad}`;
        }
      }
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const { user, system } = process.cpuUsage(cpu);
      // CPU time is what a busy machine does not inflate: wall time also counts waiting for a core.
      console.log(
        `${ronde.padEnd(20)} ${berichten.length} messages in ${seconds.toFixed(2)} s: ` +
          `${Math.round(berichten.length / seconds)} messages/s, ` +
          `CPU ${((user + system) / 1000 / berichten.length).toFixed(3)} ms/message ` +
          `${JSON.stringify(tellingen)} ${eerste}`,
      );
    }
  } finally {
    readModels.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
