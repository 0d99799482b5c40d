import { DomainEvent, assertNever } from '../decider';
import { Toegang } from '../toegang';
import { Gezinsplan } from './gezinsplan';

/** Youth, parent or carer, or another member of the household. */
export const ROLLEN = ['jeugdige', 'ouder', 'overig'] as const;
export type Rol = (typeof ROLLEN)[number];

/** Informal network (relatives, neighbours, volunteers) or formal (professionals, organisations). */
export const NETWERK_SOORTEN = ['informeel', 'formeel'] as const;
export type NetwerkSoort = (typeof NETWERK_SOORTEN)[number];

export interface Contactpersoon {
  userId: string;
  naam: string;
  /** The partner organisation the contact person works for. */
  organisatie: string;
}

export interface NetwerkBetrokkene {
  betrokkeneId: string;
  soort: NetwerkSoort;
  naam: string;
  /** Their relation or role: "oma", "buurvrouw", "jeugdarts", "schuldhulpverlener". */
  rol: string;
  organisatie: string | null;
  /** YYYY-MM-DD */
  vanaf: string;
  tot: string | null;
}

type Data<T> = { gezinId: string } & T;

export type GezinRegistered = DomainEvent<
  'GezinRegistered',
  Data<{ naam: string; registeredBy: string }>
>;
/**
 * The district (wijk) the family lives in, from a date (YYYY-MM-DD). The latest one is the
 * current one; policy statistics relate families to the population per district.
 */
export type GezinWijkSet = DomainEvent<'GezinWijkSet', Data<{ wijk: string; per: string }>>;
export type GezinslidAdded = DomainEvent<
  'GezinslidAdded',
  Data<{ persoonId: string; rol: Rol; vanaf: string }>
>;
export type GezinslidRemoved = DomainEvent<
  'GezinslidRemoved',
  Data<{ persoonId: string; per: string; reden: string }>
>;
export type NetwerkBetrokkeneAdded = DomainEvent<'NetwerkBetrokkeneAdded', Data<NetwerkBetrokkene>>;
export type NetwerkBetrokkeneEnded = DomainEvent<
  'NetwerkBetrokkeneEnded',
  Data<{ betrokkeneId: string; tot: string; reden: string | null }>
>;
export type ContactpersoonAssigned = DomainEvent<
  'ContactpersoonAssigned',
  Data<{ contactpersoon: Contactpersoon; vanaf: string }>
>;
/**
 * Until when a former contact person may still read the family (a warm handover): the first day
 * (YYYY-MM-DD) without access. Null, or absent in events written before there was a warm
 * handover: access ends at the handover.
 */
type LeestMee = { leestMeeTot?: string | null };
/** One event for a handover: from whom, to whom, from when, and why. */
export type ContactpersoonHandedOver = DomainEvent<
  'ContactpersoonHandedOver',
  Data<{ van: Contactpersoon; naar: Contactpersoon; per: string; reden: string } & LeestMee>
>;
/** The contact person stops without a successor: the family is then without one. */
export type ContactpersoonEnded = DomainEvent<
  'ContactpersoonEnded',
  Data<{ contactpersoon: Contactpersoon; per: string; reden: string } & LeestMee>
>;
/** A version of the plan, whole. Version 1 is the first; later ones carry why they changed. */
export type GezinsplanWritten = DomainEvent<
  'GezinsplanWritten',
  Data<{ versie: number; plan: Gezinsplan; reden: string | null }>
>;

export type GezinEvent =
  | GezinRegistered
  | GezinWijkSet
  | GezinslidAdded
  | GezinslidRemoved
  | NetwerkBetrokkeneAdded
  | NetwerkBetrokkeneEnded
  | ContactpersoonAssigned
  | ContactpersoonHandedOver
  | ContactpersoonEnded
  | GezinsplanWritten;

export interface ActiefContactpersoon extends Contactpersoon {
  vanaf: string;
}

/** A former contact person during a warm handover: reads, until (not including) `tot`. */
export interface Meelezer {
  userId: string;
  tot: string;
}

export interface GezinState {
  registered: boolean;
  gezinId: string;
  naam: string;
  registeredBy: string;
  /** The district the family lives in now; null until one is set. */
  wijk: string | null;
  /** Current members. */
  leden: { persoonId: string; rol: Rol }[];
  netwerk: NetwerkBetrokkene[];
  contactpersoon: ActiefContactpersoon | null;
  /** Former contact persons who may still read the family, each until (not including) `tot`. */
  meelezers: Meelezer[];
  everAssigned: boolean;
  plan: Gezinsplan | null;
  planVersie: number;
}

export const initialGezinState = (): GezinState => ({
  registered: false,
  gezinId: '',
  naam: '',
  registeredBy: '',
  wijk: null,
  leden: [],
  netwerk: [],
  contactpersoon: null,
  meelezers: [],
  everAssigned: false,
  plan: null,
  planVersie: 0,
});

export function evolveGezin(state: GezinState, event: GezinEvent): GezinState {
  switch (event.type) {
    case 'GezinRegistered':
      return {
        ...state,
        registered: true,
        gezinId: event.data.gezinId,
        naam: event.data.naam,
        registeredBy: event.data.registeredBy,
      };
    case 'GezinWijkSet':
      return { ...state, wijk: event.data.wijk };
    case 'GezinslidAdded':
      return {
        ...state,
        leden: [...state.leden, { persoonId: event.data.persoonId, rol: event.data.rol }],
      };
    case 'GezinslidRemoved':
      return { ...state, leden: state.leden.filter((l) => l.persoonId !== event.data.persoonId) };
    case 'NetwerkBetrokkeneAdded': {
      const { betrokkeneId, soort, naam, rol, organisatie, vanaf, tot } = event.data;
      const betrokkene = { betrokkeneId, soort, naam, rol, organisatie, vanaf, tot };
      return { ...state, netwerk: [...state.netwerk, betrokkene] };
    }
    case 'NetwerkBetrokkeneEnded':
      return {
        ...state,
        netwerk: state.netwerk.map((b) =>
          b.betrokkeneId === event.data.betrokkeneId ? { ...b, tot: event.data.tot } : b,
        ),
      };
    case 'ContactpersoonAssigned':
      return {
        ...state,
        contactpersoon: { ...event.data.contactpersoon, vanaf: event.data.vanaf },
        meelezers: zonder(state.meelezers, event.data.contactpersoon.userId),
        everAssigned: true,
      };
    case 'ContactpersoonHandedOver':
      return {
        ...state,
        contactpersoon: { ...event.data.naar, vanaf: event.data.per },
        meelezers: leestMee(
          zonder(state.meelezers, event.data.naar.userId),
          event.data.van.userId,
          event.data.leestMeeTot,
        ),
      };
    case 'ContactpersoonEnded':
      return {
        ...state,
        contactpersoon: null,
        meelezers: leestMee(
          state.meelezers,
          event.data.contactpersoon.userId,
          event.data.leestMeeTot,
        ),
      };
    case 'GezinsplanWritten':
      return { ...state, plan: event.data.plan, planVersie: event.data.versie };
    default:
      return assertNever(event);
  }
}

export const gezinStreamId = (gezinId: string): string => `gezin-${gezinId}`;

const GEZIN_EVENT_TYPES: ReadonlySet<string> = new Set<GezinEvent['type']>([
  'GezinRegistered',
  'GezinWijkSet',
  'GezinslidAdded',
  'GezinslidRemoved',
  'NetwerkBetrokkeneAdded',
  'NetwerkBetrokkeneEnded',
  'ContactpersoonAssigned',
  'ContactpersoonHandedOver',
  'ContactpersoonEnded',
  'GezinsplanWritten',
]);

export function isGezinEvent(event: DomainEvent): event is GezinEvent {
  return GEZIN_EVENT_TYPES.has(event.type);
}

/**
 * What someone may do with a family on a day (YYYY-MM-DD): need-to-know, from the family's own
 * history. The contact person writes; whoever registers a family prepares it until its first
 * contact person is assigned. A former contact person's access ends at the handover, or reads on
 * until the end of a warm handover; so does the registrant's at the first assignment.
 */
export function toegangVan(state: GezinState, userId: string, vandaag: string): Toegang {
  const toegang = toegangen(state).find((t) => t.userId === userId);
  if (!toegang || (toegang.tot !== null && vandaag >= toegang.tot)) return 'geen';
  return toegang.toegang;
}

/** Everyone with access to the family, and until when (`tot`, not included; null: no end). */
export function toegangen(
  state: GezinState,
): { userId: string; toegang: Exclude<Toegang, 'geen'>; tot: string | null }[] {
  if (!state.registered) return [];
  const schrijver =
    state.contactpersoon?.userId ?? (state.everAssigned ? null : state.registeredBy);
  return [
    ...(schrijver === null
      ? []
      : [{ userId: schrijver, toegang: 'schrijven' as const, tot: null }]),
    ...state.meelezers
      .filter((m) => m.userId !== schrijver)
      .map((m) => ({ userId: m.userId, toegang: 'lezen' as const, tot: m.tot })),
  ];
}

function zonder(meelezers: Meelezer[], userId: string): Meelezer[] {
  return meelezers.filter((m) => m.userId !== userId);
}

function leestMee(
  meelezers: Meelezer[],
  userId: string,
  tot: string | null | undefined,
): Meelezer[] {
  return tot ? [...zonder(meelezers, userId), { userId, tot }] : zonder(meelezers, userId);
}
