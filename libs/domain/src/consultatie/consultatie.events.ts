import { DomainEvent, assertNever } from '../decider';
import { PraktijkRol } from '../praktijk/praktijk.events';

/** Age band of the youth the consultation was about: counted, never a birth date. */
export const LEEFTIJDSGROEPEN = ['0-3', '4-11', '12-17', '18-22'] as const;
export type Leeftijdsgroep = (typeof LEEFTIJDSGROEPEN)[number];

/** The short list of topics a consultation can be about (one or more). */
export const ONDERWERPEN = [
  'opvoeding',
  'gedrag',
  'angst-somberheid',
  'slapen',
  'school',
  'middelengebruik',
  'gezinssituatie',
  'ontwikkeling',
  'overig',
] as const;
export type Onderwerp = (typeof ONDERWERPEN)[number];

/**
 * How a consultation ended (002:905-1040, 1577-1654): handled by the JPH, advice only, or a
 * referral to a general/free provision (welzijn op recept, Lisa, MDF), to light care or basic
 * youth mental health (BGGZ), to specialist youth mental health (SGGZ), or via the municipality.
 */
export const UITKOMSTEN = [
  'afgehandeld-door-jph',
  'alleen-advies',
  'verwezen-algemene-voorziening',
  'verwezen-lichte-zorg-bggz',
  'verwezen-specialistische-zorg-sggz',
  'verwezen-via-gemeente',
] as const;
export type Uitkomst = (typeof UITKOMSTEN)[number];

/**
 * Only with consent: the known person a consultation may be about, found by the BSN the practice
 * sent. Consultations logged before issue 10 may be linked to a family instead (by id).
 */
export type Koppeling = { persoonId: string; gezinId: null } | { persoonId: null; gezinId: string };

/**
 * A link is proposed when the BSN matched; the family's contact person confirms or rejects it.
 * Only a confirmed link shows in the family's timeline. The practice never sees any of it.
 */
export const KOPPELING_STATUSSEN = ['voorgesteld', 'bevestigd', 'afgewezen'] as const;
export type KoppelingStatus = (typeof KOPPELING_STATUSSEN)[number];

/** What a consultation records. A correction replaces all of it. */
export interface ConsultatieInhoud {
  /** YYYY-MM-DD */
  datum: string;
  leeftijdsgroep: Leeftijdsgroep;
  onderwerpen: Onderwerp[];
  toelichting: string | null;
  aantalContacten: number;
  uitkomst: Uitkomst;
  /** YYYY-MM-DD: when the practice sees the youth or parent again. */
  vervolgdatum: string | null;
  /** Whether the youth or parent agreed that the consultation is linked to them. */
  toestemming: boolean;
}

export interface Professional {
  userId: string;
  rol: PraktijkRol;
}

type Data<T> = { consultatieId: string; praktijkId: string } & T;

/** What the practice asked for, and what the municipality made of it (hidden from the practice). */
interface Koppelingsdata {
  /**
   * The practice sent a BSN with consent: a link was asked for, whether or not the BSN belongs
   * to a known person. This is all the practice is shown of the link.
   */
  koppelingGevraagd: boolean;
  /** The link after this event: the person the BSN matched (proposed), the one kept, or null. */
  koppeling: Koppeling | null;
}

export type ConsultatieLogged = DomainEvent<
  'ConsultatieLogged',
  Data<{ professional: Professional; inhoud: ConsultatieInhoud } & Koppelingsdata>
>;
export type ConsultatieCorrected = DomainEvent<
  'ConsultatieCorrected',
  Data<{ inhoud: ConsultatieInhoud; reden: string } & Koppelingsdata>
>;
export type ConsultatieWithdrawn = DomainEvent<'ConsultatieWithdrawn', Data<{ reden: string }>>;
/** The family's contact person confirmed that the consultation is about this person (or family). */
export type ConsultatieLinkConfirmed = DomainEvent<
  'ConsultatieLinkConfirmed',
  Data<{ koppeling: Koppeling }>
>;
/** The family's contact person rejected the link: the consultation is not about them. */
export type ConsultatieLinkRejected = DomainEvent<
  'ConsultatieLinkRejected',
  Data<{ koppeling: Koppeling; reden: string | null }>
>;
/**
 * A random unsigned 32-bit key for the monitoring's statistical disclosure control; never derived
 * from an id, never shown in a response.
 */
export type ConsultatieRecordKeyAssigned = DomainEvent<
  'ConsultatieRecordKeyAssigned',
  Data<{ recordKey: number }>
>;

export type ConsultatieEvent =
  | ConsultatieLogged
  | ConsultatieCorrected
  | ConsultatieWithdrawn
  | ConsultatieLinkConfirmed
  | ConsultatieLinkRejected
  | ConsultatieRecordKeyAssigned;

export interface ConsultatieState {
  logged: boolean;
  consultatieId: string;
  praktijkId: string;
  professional: Professional | null;
  inhoud: ConsultatieInhoud | null;
  ingetrokken: boolean;
  koppelingGevraagd: boolean;
  koppeling: Koppeling | null;
  /** Null exactly when `koppeling` is. */
  koppelingStatus: KoppelingStatus | null;
  recordKey: number | null;
  /**
   * The version the practice sees: 0 when logged, one more for each correction or withdrawal. A
   * contact person's decision on the link and a record key leave it as it is, so the practice
   * cannot tell from its ETag that its BSN was known.
   */
  versie: number;
}

export const initialConsultatieState = (): ConsultatieState => ({
  logged: false,
  consultatieId: '',
  praktijkId: '',
  professional: null,
  inhoud: null,
  ingetrokken: false,
  koppelingGevraagd: false,
  koppeling: null,
  koppelingStatus: null,
  recordKey: null,
  versie: -1,
});

export function sameKoppeling(a: Koppeling | null, b: Koppeling | null): boolean {
  return a === null || b === null
    ? a === b
    : a.persoonId === b.persoonId && a.gezinId === b.gezinId;
}

/**
 * The status of the link after a practice's event: the same link keeps its status (a confirmed
 * one stays confirmed, a rejected one rejected); another one is proposed anew.
 */
export function koppelingStatusNa(
  vorige: { koppeling: Koppeling | null; koppelingStatus: KoppelingStatus | null },
  koppeling: Koppeling | null,
): KoppelingStatus | null {
  if (koppeling === null) return null;
  return sameKoppeling(vorige.koppeling, koppeling) ? vorige.koppelingStatus : 'voorgesteld';
}

export function evolveConsultatie(
  state: ConsultatieState,
  stored: ConsultatieEvent,
): ConsultatieState {
  const event = upcastConsultatieEvent(stored);
  switch (event.type) {
    case 'ConsultatieLogged': {
      const { consultatieId, praktijkId, professional, inhoud, koppelingGevraagd, koppeling } =
        event.data;
      return {
        ...state,
        logged: true,
        consultatieId,
        praktijkId,
        professional,
        inhoud,
        koppelingGevraagd,
        koppeling,
        koppelingStatus: koppeling === null ? null : 'voorgesteld',
        versie: 0,
      };
    }
    case 'ConsultatieCorrected': {
      const { inhoud, koppelingGevraagd, koppeling } = event.data;
      return {
        ...state,
        inhoud,
        koppelingGevraagd,
        koppeling,
        koppelingStatus: koppelingStatusNa(state, koppeling),
        versie: state.versie + 1,
      };
    }
    case 'ConsultatieWithdrawn':
      return { ...state, ingetrokken: true, versie: state.versie + 1 };
    case 'ConsultatieLinkConfirmed':
      return { ...state, koppelingStatus: 'bevestigd' };
    case 'ConsultatieLinkRejected':
      return { ...state, koppelingStatus: 'afgewezen' };
    case 'ConsultatieRecordKeyAssigned':
      return { ...state, recordKey: event.data.recordKey };
    default:
      return assertNever(event);
  }
}

/**
 * Before issue 10 the practice linked a consultation itself, by id, inside its content
 * (`inhoud.koppeling`). Such a link reads as asked for and proposed: a contact person confirms it
 * before it shows in the family's timeline, and the practice no longer sees it.
 */
export function upcastConsultatieEvent(event: ConsultatieEvent): ConsultatieEvent {
  if (event.type !== 'ConsultatieLogged' && event.type !== 'ConsultatieCorrected') return event;
  const stored: {
    inhoud: ConsultatieInhoud & { koppeling?: Koppeling | null };
    koppelingGevraagd?: boolean;
  } = event.data;
  if (stored.koppelingGevraagd !== undefined) return event;
  const { koppeling = null, ...inhoud } = stored.inhoud;
  return {
    ...event,
    data: { ...event.data, inhoud, koppelingGevraagd: koppeling !== null, koppeling },
  } as ConsultatieEvent;
}

export const consultatieStreamId = (consultatieId: string): string =>
  `consultatie-${consultatieId}`;

const CONSULTATIE_EVENT_TYPES: ReadonlySet<string> = new Set<ConsultatieEvent['type']>([
  'ConsultatieLogged',
  'ConsultatieCorrected',
  'ConsultatieWithdrawn',
  'ConsultatieLinkConfirmed',
  'ConsultatieLinkRejected',
  'ConsultatieRecordKeyAssigned',
]);

export const isConsultatieEvent = (event: DomainEvent): event is ConsultatieEvent =>
  CONSULTATIE_EVENT_TYPES.has(event.type);
