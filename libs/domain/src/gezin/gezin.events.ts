import { DomainEvent, assertNever } from '../decider';

/** Youth, parent or carer, or another member of the household. */
export const ROLLEN = ['jeugdige', 'ouder', 'overig'] as const;
export type Rol = (typeof ROLLEN)[number];

export interface Gezinslid {
  persoonId: string;
  rol: Rol;
  voornaam: string;
  achternaam: string;
  /** YYYY-MM-DD; required for a youth. */
  geboortedatum: string | null;
}

export interface Contactpersoon {
  userId: string;
  naam: string;
  organisatie: string;
}

export type GezinRegistered = DomainEvent<
  'GezinRegistered',
  { gezinId: string; naam: string; leden: Gezinslid[]; registeredBy: string }
>;
export type GezinslidAdded = DomainEvent<'GezinslidAdded', { gezinId: string; lid: Gezinslid }>;
export type ContactpersoonAssigned = DomainEvent<
  'ContactpersoonAssigned',
  { gezinId: string; contactpersoon: Contactpersoon; vanaf: string }
>;

export type GezinEvent = GezinRegistered | GezinslidAdded | ContactpersoonAssigned;

export interface GezinState {
  registered: boolean;
  gezinId: string;
  naam: string;
  leden: Gezinslid[];
  contactpersoon: (Contactpersoon & { vanaf: string }) | null;
  /** Everyone who works or worked with this family: they may know it exists. */
  involvedUserIds: string[];
}

export const initialGezinState = (): GezinState => ({
  registered: false,
  gezinId: '',
  naam: '',
  leden: [],
  contactpersoon: null,
  involvedUserIds: [],
});

export function evolveGezin(state: GezinState, event: GezinEvent): GezinState {
  switch (event.type) {
    case 'GezinRegistered':
      return {
        ...state,
        registered: true,
        gezinId: event.data.gezinId,
        naam: event.data.naam,
        leden: event.data.leden,
        involvedUserIds: addOnce(state.involvedUserIds, event.data.registeredBy),
      };
    case 'GezinslidAdded':
      return { ...state, leden: [...state.leden, event.data.lid] };
    case 'ContactpersoonAssigned':
      return {
        ...state,
        contactpersoon: { ...event.data.contactpersoon, vanaf: event.data.vanaf },
        involvedUserIds: addOnce(state.involvedUserIds, event.data.contactpersoon.userId),
      };
    default:
      return assertNever(event);
  }
}

export const gezinStreamId = (gezinId: string): string => `gezin-${gezinId}`;

function addOnce(list: string[], item: string): string[] {
  return list.includes(item) ? list : [...list, item];
}

const GEZIN_EVENT_TYPES: ReadonlySet<string> = new Set<GezinEvent['type']>([
  'GezinRegistered',
  'GezinslidAdded',
  'ContactpersoonAssigned',
]);

export function isGezinEvent(event: DomainEvent): event is GezinEvent {
  return GEZIN_EVENT_TYPES.has(event.type);
}
