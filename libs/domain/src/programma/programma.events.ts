import { DomainEvent } from '../decider';

/**
 * The programme "Samen voor de Jeugd 2025-2028" (seed 002) as reference data: its knoppen (the
 * measures) with their actions, and the themes stories are linked to (seeded with the knoppen);
 * kept by application management. Policy staff record each action's progress on a stoplight.
 */

export type KnopSet = DomainEvent<
  'KnopSet',
  { knop: number; titel: string; acties: { actieId: string; titel: string }[] }
>;

export type ThemaSet = DomainEvent<
  'ThemaSet',
  { themaId: string; naam: string; knop: number | null; actief: boolean }
>;

export const STOPLICHT_KLEUREN = ['groen', 'oranje', 'rood'] as const;
export type StoplichtKleur = (typeof STOPLICHT_KLEUREN)[number];

/** A status of an action on a date, with why; the history stays. */
export type ActieStatusRecorded = DomainEvent<
  'ActieStatusRecorded',
  { actieId: string; status: StoplichtKleur; toelichting: string; datum: string; door: string }
>;

export type ProgrammaEvent = KnopSet | ThemaSet | ActieStatusRecorded;

export const PROGRAMMA_STREAM = 'programma';

const PROGRAMMA_EVENT_TYPES: ReadonlySet<string> = new Set<ProgrammaEvent['type']>([
  'KnopSet',
  'ThemaSet',
  'ActieStatusRecorded',
]);

export const isProgrammaEvent = (event: DomainEvent): event is ProgrammaEvent =>
  PROGRAMMA_EVENT_TYPES.has(event.type);
