import { Decider, DomainEvent, NotFound, RuleViolation, assertNever } from '../decider';
import { PERSOON_NIET_GEVONDEN, Toegang, magSchrijven } from '../toegang';
import type { VerwijzerType } from '../zorg/codes';

/**
 * An iJw/iWmo message the municipality received that is not (yet) a care fact of a known person,
 * in a stream of its own (`ijw-bericht-<id>`, the id from the message's identity):
 * - a message about a client whose BSN matches nobody: parked on the worklist "te koppelen" until
 *   a contact person links it to a person (then its facts are applied to that person's dossier);
 *
 * A request for assignment (JW315) of a known person is kept apart, per person (`ijw-verzoeken-<persoonId>`,
 * `ijwVerzoekenDecider` below), so that the assignment (JW301) that answers it finds its referrer.
 */
export type IjwBerichtParked = DomainEvent<
  'IjwBerichtParked',
  {
    berichtId: string;
    sleutel: string;
    soort: string;
    ontvangenOp: string;
    bsn: string;
    /** The client's name as the message gives it, for the contact person who links it. */
    naam: string | null;
    geboortedatum: string | null;
    /** The message itself: its facts are applied once it is linked. */
    xml: string;
  }
>;
export type IjwBerichtLinked = DomainEvent<
  'IjwBerichtLinked',
  { berichtId: string; persoonId: string; door: string }
>;
export type IjwVerzoekReceived = DomainEvent<
  'IjwVerzoekReceived',
  {
    berichtId: string;
    sleutel: string;
    soort: string;
    persoonId: string;
    aanbiederId: string;
    ontvangenOp: string;
    producten: {
      referentie: string;
      productcode: string | null;
      ingangsdatum: string;
      einddatum: string | null;
      verwijzer: { type: VerwijzerType; naam: string | null };
    }[];
  }
>;
/** `IjwVerzoekReceived` was written here before it had a stream per person; still read. */
export type IjwBerichtEvent = IjwBerichtParked | IjwBerichtLinked | IjwVerzoekReceived;

export type ParkIjwBericht = { type: 'ParkIjwBericht' } & IjwBerichtParked['data'];
export type RecordIjwVerzoek = { type: 'RecordIjwVerzoek' } & IjwVerzoekReceived['data'];
/** A contact person links a parked message to a person of a family they coordinate. */
export type LinkIjwBericht = {
  type: 'LinkIjwBericht';
  persoonId: string;
  /** The sender's access to the person's families. */
  toegang: Toegang;
  /** The person's BSN as known; a different BSN is another person. */
  bsnVanPersoon: string | null;
  door: string;
};
export type IjwBerichtCommand = ParkIjwBericht | LinkIjwBericht;

export interface IjwBerichtState {
  berichtId: string | null;
  geparkeerd: { bsn: string; xml: string } | null;
  gekoppeldAan: string | null;
  verzoek: boolean;
}

export const ijwBerichtStreamId = (berichtId: string): string => `ijw-bericht-${berichtId}`;
export const BERICHT_NIET_GEVONDEN = 'Dit bericht bestaat niet of wacht niet op koppeling.';

export const ijwBerichtDecider: Decider<IjwBerichtCommand, IjwBerichtEvent, IjwBerichtState> = {
  initialState: () => ({ berichtId: null, geparkeerd: null, gekoppeldAan: null, verzoek: false }),
  evolve(state, event) {
    switch (event.type) {
      case 'IjwBerichtParked':
        return {
          ...state,
          berichtId: event.data.berichtId,
          geparkeerd: { bsn: event.data.bsn, xml: event.data.xml },
        };
      case 'IjwBerichtLinked':
        return { ...state, gekoppeldAan: event.data.persoonId };
      case 'IjwVerzoekReceived':
        return { ...state, berichtId: event.data.berichtId, verzoek: true };
      default:
        return assertNever(event);
    }
  },
  decide(command, state) {
    switch (command.type) {
      case 'ParkIjwBericht': {
        // The same message again: it is already there.
        if (state.berichtId !== null) return [];
        const { type: _type, ...data } = command;
        return [{ type: 'IjwBerichtParked', data }];
      }
      case 'LinkIjwBericht': {
        if (state.geparkeerd === null || state.berichtId === null) {
          throw new NotFound(BERICHT_NIET_GEVONDEN);
        }
        magSchrijven(command.toegang, PERSOON_NIET_GEVONDEN);
        if (state.gekoppeldAan !== null) {
          throw new RuleViolation('Dit bericht is al gekoppeld.');
        }
        if (command.bsnVanPersoon !== null && command.bsnVanPersoon !== state.geparkeerd.bsn) {
          throw new RuleViolation(
            'Deze persoon heeft een ander BSN dan de cliënt in het bericht; koppel aan de juiste persoon.',
          );
        }
        return [
          {
            type: 'IjwBerichtLinked',
            data: { berichtId: state.berichtId, persoonId: command.persoonId, door: command.door },
          },
        ];
      }
      default:
        return assertNever(command);
    }
  },
};

export type Verwijzer = IjwVerzoekReceived['data']['producten'][number]['verwijzer'];

/** A person's requests for assignment: which messages came, and each requested product's referrer. */
export interface IjwVerzoekenState {
  berichtIds: string[];
  /** Per provider and the provider's reference of the product (`aanbiederId|referentie`). */
  verwijzers: Record<string, Verwijzer>;
}

export const ijwVerzoekenStreamId = (persoonId: string): string => `ijw-verzoeken-${persoonId}`;

const verzoekSleutel = (aanbiederId: string, referentie: string) => `${aanbiederId}|${referentie}`;

/**
 * The referrer of the product a provider asked for under this reference (JW315), which the
 * municipality's assignment (JW301) names in its `ReferentieAanbieder`; null without such a request.
 */
export function verwijzerVanVerzoek(
  state: IjwVerzoekenState,
  aanbiederId: string,
  referentie: string | undefined,
): Verwijzer | null {
  if (referentie === undefined) return null;
  return state.verwijzers[verzoekSleutel(aanbiederId, referentie)] ?? null;
}

export const ijwVerzoekenDecider: Decider<RecordIjwVerzoek, IjwVerzoekReceived, IjwVerzoekenState> =
  {
    initialState: () => ({ berichtIds: [], verwijzers: {} }),
    evolve(state, event) {
      const verwijzers = { ...state.verwijzers };
      for (const product of event.data.producten) {
        verwijzers[verzoekSleutel(event.data.aanbiederId, product.referentie)] = product.verwijzer;
      }
      return { berichtIds: [...state.berichtIds, event.data.berichtId], verwijzers };
    },
    decide(command, state) {
      // The same message again: it is already there.
      if (state.berichtIds.includes(command.berichtId)) return [];
      const { type: _type, ...data } = command;
      return [{ type: 'IjwVerzoekReceived', data }];
    },
  };
