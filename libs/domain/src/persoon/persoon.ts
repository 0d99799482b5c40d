import { kalenderdatum } from '../datum';
import { Decider, DomainEvent, RuleViolation, assertNever } from '../decider';
import { isValidBsn } from './bsn';

/**
 * A person, apart from the families they belong to: a youth of divorced parents belongs to two
 * households but is one person. Personal data lives here, in one stream per person.
 */
export interface Persoonsgegevens {
  voornaam: string;
  achternaam: string;
  /** YYYY-MM-DD; required for a youth (checked where the person joins a family as one). */
  geboortedatum: string | null;
  bsn: string | null;
}

export type PersoonRegistered = DomainEvent<
  'PersoonRegistered',
  { persoonId: string } & Persoonsgegevens
>;
export type PersoonsgegevensCorrected = DomainEvent<
  'PersoonsgegevensCorrected',
  { persoonId: string; reden: string } & Persoonsgegevens
>;
export type PersoonEvent = PersoonRegistered | PersoonsgegevensCorrected;

export interface PersoonState {
  registered: boolean;
  persoonId: string;
  gegevens: Persoonsgegevens | null;
}

export type RegisterPersoon = {
  type: 'RegisterPersoon';
  persoonId: string;
  gegevens: Persoonsgegevens;
};
export type CorrectPersoonsgegevens = {
  type: 'CorrectPersoonsgegevens';
  gegevens: Persoonsgegevens;
  reden: string;
  /** The person is a youth in a family: a youth keeps a birth date. */
  isJeugdige: boolean;
};
export type PersoonCommand = RegisterPersoon | CorrectPersoonsgegevens;

export const persoonStreamId = (persoonId: string): string => `persoon-${persoonId}`;

const PERSOON_EVENT_TYPES: ReadonlySet<string> = new Set<PersoonEvent['type']>([
  'PersoonRegistered',
  'PersoonsgegevensCorrected',
]);
export const isPersoonEvent = (event: DomainEvent): event is PersoonEvent =>
  PERSOON_EVENT_TYPES.has(event.type);

export const persoonDecider: Decider<PersoonCommand, PersoonEvent, PersoonState> = {
  initialState: () => ({ registered: false, persoonId: '', gegevens: null }),
  evolve(state, event) {
    switch (event.type) {
      case 'PersoonRegistered':
      case 'PersoonsgegevensCorrected': {
        const { persoonId, voornaam, achternaam, geboortedatum, bsn } = event.data;
        return {
          registered: true,
          persoonId,
          gegevens: { voornaam, achternaam, geboortedatum, bsn },
        };
      }
      default:
        return assertNever(event);
    }
  },
  decide(command, state, now) {
    checkGegevens(command.gegevens, now);
    switch (command.type) {
      case 'RegisterPersoon':
        if (state.registered) throw new RuleViolation('Deze persoon is al geregistreerd.');
        return [
          {
            type: 'PersoonRegistered',
            data: { persoonId: command.persoonId, ...command.gegevens },
          },
        ];
      case 'CorrectPersoonsgegevens':
        if (!state.registered) throw new RuleViolation('Deze persoon bestaat niet.');
        if (command.isJeugdige && command.gegevens.geboortedatum === null) {
          throw new RuleViolation(
            `De geboortedatum van ${command.gegevens.voornaam} kan niet weg: die is nodig voor een jeugdige.`,
          );
        }
        return [
          {
            type: 'PersoonsgegevensCorrected',
            data: { persoonId: state.persoonId, reden: command.reden, ...command.gegevens },
          },
        ];
      default:
        return assertNever(command);
    }
  },
};

export function checkGegevens(gegevens: Persoonsgegevens, now: Date): void {
  if (gegevens.geboortedatum !== null && gegevens.geboortedatum > kalenderdatum(now)) {
    throw new RuleViolation(`De geboortedatum van ${gegevens.voornaam} ligt in de toekomst.`);
  }
  if (gegevens.bsn !== null && !isValidBsn(gegevens.bsn)) {
    throw new RuleViolation(`Het BSN van ${gegevens.voornaam} is geen geldig BSN (elfproef).`);
  }
}
