import { DomainEvent, assertNever } from '../decider';

/** The roles a user can have at a GP practice: youth professional (JPH) or GP/practice staff. */
export const PRAKTIJK_ROLLEN = ['jph', 'huisarts'] as const;
export type PraktijkRol = (typeof PRAKTIJK_ROLLEN)[number];

/**
 * One dated change of the practice's JPH: from `per` the JPH works `urenPerWeek` hours, or there
 * is no JPH (`null`). A change never rewrites an earlier one; the history says what held when.
 */
export interface JphWijziging {
  /** YYYY-MM-DD */
  per: string;
  urenPerWeek: number | null;
}

export interface Medewerker {
  userId: string;
  rol: PraktijkRol;
}

type Data<T> = { praktijkId: string } & T;

export type PraktijkRegistered = DomainEvent<
  'PraktijkRegistered',
  Data<{ naam: string; agbCode: string; wijk: string }>
>;
export type PraktijkJphStarted = DomainEvent<
  'PraktijkJphStarted',
  Data<{ per: string; urenPerWeek: number }>
>;
export type PraktijkJphHoursChanged = DomainEvent<
  'PraktijkJphHoursChanged',
  Data<{ per: string; urenPerWeek: number }>
>;
export type PraktijkJphEnded = DomainEvent<'PraktijkJphEnded', Data<{ per: string }>>;
export type PraktijkMedewerkerLinked = DomainEvent<'PraktijkMedewerkerLinked', Data<Medewerker>>;
export type PraktijkMedewerkerUnlinked = DomainEvent<
  'PraktijkMedewerkerUnlinked',
  Data<{ userId: string }>
>;

export type PraktijkEvent =
  | PraktijkRegistered
  | PraktijkJphStarted
  | PraktijkJphHoursChanged
  | PraktijkJphEnded
  | PraktijkMedewerkerLinked
  | PraktijkMedewerkerUnlinked;

export interface PraktijkState {
  registered: boolean;
  praktijkId: string;
  naam: string;
  agbCode: string;
  wijk: string;
  /** Every JPH change, in the order they were recorded (their dates never go back). */
  jph: JphWijziging[];
  medewerkers: Medewerker[];
}

export const initialPraktijkState = (): PraktijkState => ({
  registered: false,
  praktijkId: '',
  naam: '',
  agbCode: '',
  wijk: '',
  jph: [],
  medewerkers: [],
});

export function evolvePraktijk(state: PraktijkState, event: PraktijkEvent): PraktijkState {
  switch (event.type) {
    case 'PraktijkRegistered': {
      const { praktijkId, naam, agbCode, wijk } = event.data;
      return { ...state, registered: true, praktijkId, naam, agbCode, wijk };
    }
    case 'PraktijkJphStarted':
    case 'PraktijkJphHoursChanged':
      return {
        ...state,
        jph: [...state.jph, { per: event.data.per, urenPerWeek: event.data.urenPerWeek }],
      };
    case 'PraktijkJphEnded':
      return { ...state, jph: [...state.jph, { per: event.data.per, urenPerWeek: null }] };
    case 'PraktijkMedewerkerLinked':
      return {
        ...state,
        medewerkers: [...state.medewerkers, { userId: event.data.userId, rol: event.data.rol }],
      };
    case 'PraktijkMedewerkerUnlinked':
      return {
        ...state,
        medewerkers: state.medewerkers.filter((m) => m.userId !== event.data.userId),
      };
    default:
      return assertNever(event);
  }
}

/**
 * The JPH hours per week on a date: the last change dated on or before it (a later change with the
 * same date supersedes an earlier one); `null` when the practice had no JPH that day.
 */
export function jphOp(historie: readonly JphWijziging[], datum: string): number | null {
  let uren: number | null = null;
  for (const wijziging of historie) if (wijziging.per <= datum) uren = wijziging.urenPerWeek;
  return uren;
}

/** Whether the practice has a JPH on a date, since when without a break, and for how many hours. */
export function jphSindsOp(
  historie: readonly JphWijziging[],
  datum: string,
): { sinds: string; urenPerWeek: number } | null {
  let sinds: string | null = null;
  let uren: number | null = null;
  for (const { per, urenPerWeek } of historie) {
    if (per > datum) break;
    if (uren === null) sinds = per; // a JPH (re)starts here, or there still is none
    uren = urenPerWeek;
  }
  return sinds !== null && uren !== null ? { sinds, urenPerWeek: uren } : null;
}

/** The JPH as it stands after every recorded change (including ones dated in the future). */
export function laatsteJph(historie: readonly JphWijziging[]): JphWijziging | null {
  return historie[historie.length - 1] ?? null;
}

export const praktijkStreamId = (praktijkId: string): string => `praktijk-${praktijkId}`;

const PRAKTIJK_EVENT_TYPES: ReadonlySet<string> = new Set<PraktijkEvent['type']>([
  'PraktijkRegistered',
  'PraktijkJphStarted',
  'PraktijkJphHoursChanged',
  'PraktijkJphEnded',
  'PraktijkMedewerkerLinked',
  'PraktijkMedewerkerUnlinked',
]);

export const isPraktijkEvent = (event: DomainEvent): event is PraktijkEvent =>
  PRAKTIJK_EVENT_TYPES.has(event.type);
