import { Decider, NotFound, RuleViolation, assertNever } from '../decider';
import {
  Contactpersoon,
  GezinEvent,
  GezinState,
  Gezinslid,
  evolveGezin,
  initialGezinState,
} from './gezin.events';

export type RegisterGezin = {
  type: 'RegisterGezin';
  gezinId: string;
  naam: string;
  leden: Gezinslid[];
  registeredBy: string;
};
export type AddGezinslid = { type: 'AddGezinslid'; lid: Gezinslid };
export type AssignContactpersoon = {
  type: 'AssignContactpersoon';
  contactpersoon: Contactpersoon;
  /** YYYY-MM-DD */
  vanaf: string;
};
export type GezinCommand = RegisterGezin | AddGezinslid | AssignContactpersoon;

export const gezinDecider: Decider<GezinCommand, GezinEvent, GezinState> = {
  initialState: initialGezinState,
  evolve: evolveGezin,
  decide(command, state, now) {
    switch (command.type) {
      case 'RegisterGezin':
        return registerGezin(command, state, now);
      case 'AddGezinslid':
        return addGezinslid(command, state, now);
      case 'AssignContactpersoon':
        return assignContactpersoon(command, state);
      default:
        return assertNever(command);
    }
  },
};

function registerGezin(command: RegisterGezin, state: GezinState, now: Date): GezinEvent[] {
  if (state.registered) throw new RuleViolation('Dit gezin is al geregistreerd.');
  if (!command.leden.some((lid) => lid.rol === 'jeugdige')) {
    throw new RuleViolation('Een gezin heeft ten minste één jeugdige.');
  }
  const ids = new Set<string>();
  for (const lid of command.leden) {
    checkLid(lid, now);
    if (ids.has(lid.persoonId))
      throw new RuleViolation('Een persoon staat twee keer in het gezin.');
    ids.add(lid.persoonId);
  }
  return [
    {
      type: 'GezinRegistered',
      data: {
        gezinId: command.gezinId,
        naam: command.naam,
        leden: command.leden,
        registeredBy: command.registeredBy,
      },
    },
  ];
}

function addGezinslid(command: AddGezinslid, state: GezinState, now: Date): GezinEvent[] {
  const gezinId = requireRegistered(state);
  checkLid(command.lid, now);
  if (state.leden.some((lid) => lid.persoonId === command.lid.persoonId)) {
    throw new RuleViolation('Deze persoon hoort al bij het gezin.');
  }
  return [{ type: 'GezinslidAdded', data: { gezinId, lid: command.lid } }];
}

function assignContactpersoon(command: AssignContactpersoon, state: GezinState): GezinEvent[] {
  const gezinId = requireRegistered(state);
  const active = state.contactpersoon;
  if (active) {
    throw new RuleViolation(
      `Gezin ${state.naam} heeft al een contactpersoon (${active.naam}, ${active.organisatie}, ` +
        `sinds ${active.vanaf}). Eén gezin heeft één contactpersoon: draag het gezin over in plaats ` +
        `van een tweede toe te wijzen.`,
    );
  }
  return [
    {
      type: 'ContactpersoonAssigned',
      data: { gezinId, contactpersoon: command.contactpersoon, vanaf: command.vanaf },
    },
  ];
}

function requireRegistered(state: GezinState): string {
  if (!state.registered) throw new NotFound('Dit gezin bestaat niet.');
  return state.gezinId;
}

function checkLid(lid: Gezinslid, now: Date): void {
  if (lid.rol === 'jeugdige' && lid.geboortedatum === null) {
    throw new RuleViolation(
      `De geboortedatum van ${lid.voornaam} ontbreekt; die is nodig voor een jeugdige.`,
    );
  }
  if (lid.geboortedatum !== null && lid.geboortedatum > now.toISOString().slice(0, 10)) {
    throw new RuleViolation(`De geboortedatum van ${lid.voornaam} ligt in de toekomst.`);
  }
}
