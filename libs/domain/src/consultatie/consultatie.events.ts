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

/** Only with consent: the known person or family the consultation was about, by id alone. */
export type Koppeling = { persoonId: string; gezinId: null } | { persoonId: null; gezinId: string };

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
  /** Null without consent: then nothing in the consultation leads back to a person. */
  koppeling: Koppeling | null;
}

export interface Professional {
  userId: string;
  rol: PraktijkRol;
}

type Data<T> = { consultatieId: string; praktijkId: string } & T;

export type ConsultatieLogged = DomainEvent<
  'ConsultatieLogged',
  Data<{ professional: Professional; inhoud: ConsultatieInhoud }>
>;
export type ConsultatieCorrected = DomainEvent<
  'ConsultatieCorrected',
  Data<{ inhoud: ConsultatieInhoud; reden: string }>
>;
export type ConsultatieWithdrawn = DomainEvent<'ConsultatieWithdrawn', Data<{ reden: string }>>;

export type ConsultatieEvent = ConsultatieLogged | ConsultatieCorrected | ConsultatieWithdrawn;

export interface ConsultatieState {
  logged: boolean;
  consultatieId: string;
  praktijkId: string;
  professional: Professional | null;
  inhoud: ConsultatieInhoud | null;
  ingetrokken: boolean;
}

export const initialConsultatieState = (): ConsultatieState => ({
  logged: false,
  consultatieId: '',
  praktijkId: '',
  professional: null,
  inhoud: null,
  ingetrokken: false,
});

export function evolveConsultatie(
  state: ConsultatieState,
  event: ConsultatieEvent,
): ConsultatieState {
  switch (event.type) {
    case 'ConsultatieLogged': {
      const { consultatieId, praktijkId, professional, inhoud } = event.data;
      return { ...state, logged: true, consultatieId, praktijkId, professional, inhoud };
    }
    case 'ConsultatieCorrected':
      return { ...state, inhoud: event.data.inhoud };
    case 'ConsultatieWithdrawn':
      return { ...state, ingetrokken: true };
    default:
      return assertNever(event);
  }
}

export const consultatieStreamId = (consultatieId: string): string =>
  `consultatie-${consultatieId}`;

const CONSULTATIE_EVENT_TYPES: ReadonlySet<string> = new Set<ConsultatieEvent['type']>([
  'ConsultatieLogged',
  'ConsultatieCorrected',
  'ConsultatieWithdrawn',
]);

export const isConsultatieEvent = (event: DomainEvent): event is ConsultatieEvent =>
  CONSULTATIE_EVENT_TYPES.has(event.type);
