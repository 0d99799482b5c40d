import { assertNever } from '../decider';
import { GezinEvent, Gezinslid, Rol } from './gezin.events';

const ROL_WOORDEN: Record<Rol, string> = {
  jeugdige: 'jeugdige',
  ouder: 'ouder/verzorger',
  overig: 'huisgenoot',
};

export type TimelineKind = 'gezin' | 'gezinslid' | 'contactpersoon';

/**
 * What an event means in plain words a family could read (Dutch, the users' language).
 * Kept beside the events so a new event type cannot be added without its sentence.
 */
export function describeGezinEvent(event: GezinEvent): { kind: TimelineKind; summary: string } {
  switch (event.type) {
    case 'GezinRegistered':
      return {
        kind: 'gezin',
        summary: `Gezin ${event.data.naam} is aangemeld met ${event.data.leden.length} ${
          event.data.leden.length === 1 ? 'lid' : 'leden'
        }: ${event.data.leden.map(describeLid).join(', ')}.`,
      };
    case 'GezinslidAdded':
      return {
        kind: 'gezinslid',
        summary: `${describeLid(event.data.lid)} hoort nu bij het gezin.`,
      };
    case 'ContactpersoonAssigned': {
      const { naam, organisatie } = event.data.contactpersoon;
      return {
        kind: 'contactpersoon',
        summary: `${naam} (${organisatie}) is vanaf ${event.data.vanaf} de contactpersoon van het gezin.`,
      };
    }
    default:
      return assertNever(event);
  }
}

function describeLid(lid: Gezinslid): string {
  return `${lid.voornaam} ${lid.achternaam} (${ROL_WOORDEN[lid.rol]})`;
}
