import type { RecordedEvent } from './event-store';

/**
 * Event types renamed after events of them were stored: the old name as it is in the log, and
 * the name the code knows now. Names follow one rule (docs/glossary.md): Dutch nouns of the users'
 * domain, English verbs, so `ZorgGestart` became `ZorgStarted`. The log is never rewritten; events
 * are read under their new name.
 */
export const RENAMED_EVENT_TYPES: Readonly<Record<string, string>> = {
  ZorgGestart: 'ZorgStarted',
  ZorgGestopt: 'ZorgStopped',
  BevolkingVastgesteld: 'BevolkingSet',
  GezinsgegevensIngezien: 'GezinsgegevensViewed',
};

type Data = RecordedEvent['data'];

/**
 * Events whose data gained a field after events of them were stored: per (current) type, how an
 * old event's data reads now. Each returns new data only when the field is missing, so an event
 * written now passes unchanged.
 */
export const DATA_UPCASTERS: Readonly<Record<string, (data: Data) => Data>> = {
  // Issue 14: every product is under a law; before it, all were Jeugdwet products.
  ProductVersionSet: (data) =>
    data.wettelijkKader !== undefined ? data : { ...data, wettelijkKader: 'jeugdwet' },
  // Issue 14: the population of the municipality as a whole; before it, the sum of the districts.
  BevolkingSet: (data) =>
    data.totaal !== undefined
      ? data
      : {
          ...data,
          totaal: ((data.wijken ?? []) as { aantal: number }[]).reduce(
            (som, w) => som + w.aantal,
            0,
          ),
        },
};

/** An event as the code of this version reads it: every adapter passes what it reads through here. */
export function upcast(stored: RecordedEvent): RecordedEvent {
  const type = RENAMED_EVENT_TYPES[stored.type];
  const event = type === undefined ? stored : { ...stored, type };
  const upcaster = DATA_UPCASTERS[event.type];
  return upcaster === undefined ? event : { ...event, data: upcaster(event.data) };
}
