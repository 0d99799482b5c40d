import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { SingleBar } from 'cli-progress';
import Table from 'cli-table3';
import { ProcessingLog } from '@app/access';
import { loadConfig } from '@app/config';
import { DeciderStore, createEventStore } from '@app/event-store';
import { BerichtUitkomst, IjwImport } from '@app/ijw';
import {
  ALL_PROJECTIONS,
  ProjectionRunner,
  ToegangQueries,
  openReadModels,
} from '@app/projections';

/** Messages per call of the import: one processing-log entry for each. */
const PARTIJ = 500;

/** The XML files of a path: the file itself, or a folder's `*.xml` files in name order. */
export function berichtBestanden(pad: string): string[] {
  if (!statSync(pad).isDirectory()) return [pad];
  return readdirSync(pad)
    .filter((naam) => naam.toLowerCase().endsWith('.xml'))
    .sort()
    .map((naam) => join(pad, naam));
}

/**
 * `ijw import <file or folder>`: reads every message, with a progress bar, and prints a summary
 * table and every refusal with its reason and element. The read models are brought up to date
 * first: matching by BSN reads them.
 */
export async function ijwImport(
  pad: string,
  options: { user: string; quiet?: boolean },
): Promise<BerichtUitkomst[]> {
  const config = loadConfig();
  const store = createEventStore(config);
  const readModels = openReadModels(config);
  try {
    const runner = new ProjectionRunner(store, readModels, ALL_PROJECTIONS, {
      onError: (name, error) => console.error(`projection ${name}: ${error.message}`),
    });
    await runner.runUntilCaughtUp();
    const deciders = new DeciderStore(store, () => new Date());
    const importer = new IjwImport(
      deciders,
      new ToegangQueries(readModels.db),
      new ProcessingLog(deciders),
    );
    const afzender = {
      principal: {
        userId: options.user,
        roles: ['koppeling' as const],
        name: 'iJw-import (CLI)',
        teamleider: false,
        actingRole: 'koppeling' as const,
      },
      correlationId: randomUUID(),
    };
    const bestanden = berichtBestanden(pad);
    const balk = new SingleBar({
      format: 'ijw import [{bar}] {percentage}% | {value}/{total} berichten | {eta_formatted}',
      noTTYOutput: !options.quiet,
      notTTYSchedule: 2000,
      stream: process.stderr,
    });
    if (!options.quiet) balk.start(bestanden.length, 0);
    const uitkomsten: BerichtUitkomst[] = [];
    for (let i = 0; i < bestanden.length; i += PARTIJ) {
      const partij = bestanden
        .slice(i, i + PARTIJ)
        .map((bestand) => ({ bron: basename(bestand), xml: readFileSync(bestand, 'utf8') }));
      const klaar = uitkomsten.length;
      uitkomsten.push(
        ...(await importer.importeer(partij, afzender, (n) => balk.update(klaar + n))),
      );
      // The next batch matches BSNs against persons registered meanwhile.
      await runner.runUntilCaughtUp();
    }
    if (!options.quiet) balk.stop();
    return uitkomsten;
  } finally {
    readModels.close();
    await store.close();
  }
}

/** The summary: messages per kind and outcome, then each refusal with its reason and element. */
export function samenvatting(uitkomsten: BerichtUitkomst[]): string {
  const soorten = [...new Set(uitkomsten.map((u) => u.soort ?? 'onbekend'))].sort();
  const tabel = new Table({
    head: ['bericht', 'accepted', 'te koppelen', 'duplicate', 'refused', 'feiten'],
    style: { head: [], border: [] },
  });
  const tel = (lijst: BerichtUitkomst[]) => [
    lijst.filter((u) => u.uitkomst === 'accepted' && !u.teKoppelen).length,
    lijst.filter((u) => u.uitkomst === 'accepted' && u.teKoppelen).length,
    lijst.filter((u) => u.uitkomst === 'duplicate').length,
    lijst.filter((u) => u.uitkomst === 'refused').length,
    lijst.reduce((som, u) => som + u.feiten, 0),
  ];
  for (const soort of soorten) {
    tabel.push([soort, ...tel(uitkomsten.filter((u) => (u.soort ?? 'onbekend') === soort))]);
  }
  tabel.push(['totaal', ...tel(uitkomsten)]);
  const weigeringen = uitkomsten
    .filter((u) => u.uitkomst === 'refused')
    .map((u) => `refused ${u.bron}: ${u.reden} (${u.pad})`);
  return [tabel.toString(), ...weigeringen].join('\n');
}
