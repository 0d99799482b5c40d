import { randomInt, randomUUID } from 'node:crypto';
import { persoonDecider, persoonStreamId } from '@app/domain';
import { DeciderStore, EventStore, START } from '@app/event-store';

/** What the migration found, and (unless a dry run) gave a record key. */
export interface RecordKeyMigration {
  personen: number;
}

const BATCH = 1000;

/**
 * One-off migration: every person registered before record keys existed gets one, drawn at
 * random, through the person's own decider (a person with a key is left alone, so running it
 * twice changes nothing). The policy figures need a key per person for their disclosure control.
 */
export async function assignRecordKeys(
  store: EventStore,
  options: { dryRun: boolean; now?: () => Date },
): Promise<RecordKeyMigration> {
  const zonder = new Set<string>();
  for (let after = START; ;) {
    const events = await store.readAll(after, BATCH);
    if (events.length === 0) break;
    for (const event of events) {
      const persoonId = (event.data as { persoonId?: string }).persoonId;
      if (event.type === 'PersoonRegistered' && persoonId) zonder.add(persoonId);
      if (event.type === 'PersoonRecordKeyAssigned' && persoonId) zonder.delete(persoonId);
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
    for (const persoonId of zonder) {
      await deciders.handle(
        persoonStreamId(persoonId),
        persoonDecider,
        { type: 'AssignPersoonRecordKey', recordKey: randomInt(2 ** 32) },
        context,
      );
    }
  }
  return { personen: zonder.size };
}
