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

/** An event as the code of this version reads it: every adapter passes what it reads through here. */
export function upcast(event: RecordedEvent): RecordedEvent {
  const type = RENAMED_EVENT_TYPES[event.type];
  return type === undefined ? event : { ...event, type };
}
