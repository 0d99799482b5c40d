import { Dossier, sleutelId } from '@app/domain';
import type { KeyStore } from '@app/event-store';
import { ProjectionRunner } from './projection-runner';
import { ReadModelDatabase } from './read-model-database';

/**
 * Erasure by crypto-shredding (ADR 0015): destroys the files' data keys, then rebuilds every read
 * model from the log (where their fields now read "gegevens verwijderd") and compacts the
 * read-model file, so no copy of the old rows stays in it. Used by the API after a granted request
 * and by the CLI (`erase`, `retention`); `live`: the runner keeps running afterwards (the API).
 */
export class Shredder {
  constructor(
    private readonly keys: KeyStore,
    private readonly runner: ProjectionRunner,
    private readonly readModels: ReadModelDatabase,
    private readonly live: boolean,
  ) {}

  /** How many keys were destroyed now (a file erased before counts 0). */
  async shred(dossiers: readonly Dossier[], op: Date): Promise<number> {
    let destroyed = 0;
    for (const dossier of dossiers) {
      if (await this.keys.destroy(sleutelId(dossier), op.toISOString())) destroyed++;
    }
    await this.runner.rebuild();
    if (this.live) {
      this.runner.start();
      await this.runner.caughtUp();
    } else {
      await this.runner.runUntilCaughtUp();
    }
    this.readModels.compact();
    return destroyed;
  }
}
