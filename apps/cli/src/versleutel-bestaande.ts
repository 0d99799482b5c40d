import { PERSOONLIJKE_VELDEN } from '@app/domain';
import {
  GegevensVerwijderdError,
  RecordedEvent,
  START,
  SqliteEventStore,
  VersleutelendeEventStore,
  gewisteWaarde,
  mapAt,
  sleutelVan,
} from '@app/event-store';

const PAGE = 1000;

/**
 * One-off migration (ADR 0015): personal fields written before they were encrypted are rewritten
 * in place, encrypted with their subject's key; a subject erased before this ran gets the erased
 * value instead. Only the `data` of those events changes (ids, positions, revisions, types stay),
 * then the file is compacted so that no copy of the plain text stays in it or its WAL. Safe to run
 * again: encrypted fields are left as they are. SQLite only: EventStoreDB cannot rewrite events.
 */
export async function versleutelBestaande(
  store: VersleutelendeEventStore,
  options: { dryRun: boolean },
): Promise<{ events: number }> {
  const log = store.ruw;
  if (!(log instanceof SqliteEventStore)) {
    throw new Error(
      'encrypt-existing rewrites the SQLite log; an EventStoreDB log cannot be rewritten (ADR 0015)',
    );
  }
  let events = 0;
  let position = START;
  for (;;) {
    const page = await log.readAll(position, PAGE);
    const updates: { position: bigint; data: Record<string, unknown> }[] = [];
    for (const event of page) {
      position = event.position;
      const data = await versleuteld(store, event);
      if (data) updates.push({ position: event.position, data });
    }
    events += updates.length;
    if (!options.dryRun && updates.length > 0) log.replaceData(updates);
    if (page.length < PAGE) break;
  }
  if (!options.dryRun && events > 0) log.compact();
  return { events };
}

/** The event's data with its plain personal fields encrypted (or erased); null when none were. */
async function versleuteld(
  store: VersleutelendeEventStore,
  event: RecordedEvent,
): Promise<Record<string, unknown> | null> {
  const definitie = PERSOONLIJKE_VELDEN[event.type];
  if (!definitie || sleutelVan(event.data, definitie) === null) return null;
  let data: Record<string, unknown>;
  try {
    data = (await store.versleutel(event)).data;
  } catch (error) {
    if (!(error instanceof GegevensVerwijderdError)) throw error;
    data = structuredClone(event.data);
    for (const [pad, gewist] of Object.entries(definitie.velden)) {
      await mapAt(data, pad, () => Promise.resolve(gewisteWaarde(gewist)));
    }
  }
  return JSON.stringify(data) === JSON.stringify(event.data) ? null : data;
}
