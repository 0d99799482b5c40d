import { randomInt, randomUUID } from 'node:crypto';
import {
  RECORD_KEY_GRENS,
  consultatieDecider,
  consultatieStreamId,
  persoonDecider,
  persoonStreamId,
} from '@app/domain';
import { DeciderStore, EventStore, START } from '@app/event-store';

/** What the migration found, and (unless a dry run) gave a record key. */
export interface RecordKeyMigration {
  personen: number;
  consultaties: number;
}

const BATCH = 1000;

/**
 * One-off migration: every person and consultation registered before record keys existed gets
 * one, drawn at random, through its own decider (one with a key is left alone, so running it
 * twice changes nothing). The policy figures need a key per person and per consultation for their
 * disclosure control (ADR 0011).
 */
export async function assignRecordKeys(
  store: EventStore,
  options: { dryRun: boolean; now?: () => Date },
): Promise<RecordKeyMigration> {
  const personen = new Set<string>();
  const consultaties = new Set<string>();
  for (let after = START; ;) {
    const events = await store.readAll(after, BATCH);
    if (events.length === 0) break;
    for (const { type, data } of events) {
      const { persoonId, consultatieId } = data as { persoonId?: string; consultatieId?: string };
      if (type === 'PersoonRegistered' && persoonId) personen.add(persoonId);
      if (type === 'PersoonRecordKeyAssigned' && persoonId) personen.delete(persoonId);
      if (type === 'ConsultatieLogged' && consultatieId) consultaties.add(consultatieId);
      if (type === 'ConsultatieRecordKeyAssigned' && consultatieId) {
        consultaties.delete(consultatieId);
      }
    }
    after = events[events.length - 1]!.position;
  }
  if (!options.dryRun) {
    const deciders = new DeciderStore(store, options.now ?? (() => new Date()));
    const context = {
      actor: { userId: 'cli:record-keys', role: 'beheer' },
      correlationId: randomUUID(),
      causationId: null,
    };
    const recordKey = () => randomInt(RECORD_KEY_GRENS);
    for (const persoonId of personen) {
      await deciders.handle(
        persoonStreamId(persoonId),
        persoonDecider,
        { type: 'AssignPersoonRecordKey', recordKey: recordKey() },
        context,
      );
    }
    for (const consultatieId of consultaties) {
      await deciders.handle(
        consultatieStreamId(consultatieId),
        consultatieDecider,
        { type: 'AssignConsultatieRecordKey', door: 'systeem', recordKey: recordKey() },
        context,
      );
    }
  }
  return { personen: personen.size, consultaties: consultaties.size };
}
