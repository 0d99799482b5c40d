import { Decider, DomainEvent, NotFound, RuleViolation, assertNever } from '../decider';
import { PERSOON_NIET_GEVONDEN, Toegang, magSchrijven } from '../toegang';

/**
 * An iJw/iWmo message the municipality received that is not (yet) a care fact of a known person,
 * in a stream of its own (`ijw-bericht-<id>`, the id from the message's identity):
 * - a message about a client whose BSN matches nobody: parked on the worklist "te koppelen" until
 *   a contact person links it to a person (then its facts are applied to that person's dossier);
 * - a request for assignment (JW315): the provider's request and its referrer, answered later by
 *   the municipality's assignment (JW301).
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
      verwijzer: { type: string; naam: string | null };
    }[];
  }
>;
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
export type IjwBerichtCommand = ParkIjwBericht | RecordIjwVerzoek | LinkIjwBericht;

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
      case 'RecordIjwVerzoek': {
        if (state.berichtId !== null) return [];
        const { type: _type, ...data } = command;
        return [{ type: 'IjwVerzoekReceived', data }];
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
