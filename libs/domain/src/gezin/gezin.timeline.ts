import { assertNever } from '../decider';
import { PersoonEvent } from '../persoon/persoon';
import { GezinEvent, Rol } from './gezin.events';
import { Gezinsplan, describePlanChange } from './gezinsplan';

const ROL_WOORDEN: Record<Rol, string> = {
  jeugdige: 'jeugdige',
  ouder: 'ouder/verzorger',
  overig: 'huisgenoot',
};

export const TIJDLIJN_SOORTEN = [
  'gezin',
  'gezinslid',
  'netwerk',
  'contactpersoon',
  'plan',
  'consultatie',
  'zorg',
  'verhaal',
  'oordeel',
] as const;
export type TijdlijnSoort = (typeof TIJDLIJN_SOORTEN)[number];

export interface TijdlijnRegel {
  soort: TijdlijnSoort;
  /** In plain words a family could read (Dutch, the users' language). */
  samenvatting: string;
}

/** What the timeline needs to know beyond the event itself. */
export interface TijdlijnContext {
  /** A person's display name ("Sanne Jansen"); the timeline keeps these from person events. */
  naamVan(persoonId: string): string;
  /** The plan version before this one, to say what changed. */
  vorigPlan: Gezinsplan | null;
}

/** Kept beside the events, so that no event type can be added without its sentence. */
export function describeGezinEvent(event: GezinEvent, context: TijdlijnContext): TijdlijnRegel {
  switch (event.type) {
    case 'GezinRegistered':
      return { soort: 'gezin', samenvatting: `Gezin ${event.data.naam} is aangemeld.` };
    case 'GezinWijkSet':
      return {
        soort: 'gezin',
        samenvatting: `Het gezin woont vanaf ${event.data.per} in wijk ${event.data.wijk}.`,
      };
    case 'GezinslidAdded':
      return {
        soort: 'gezinslid',
        samenvatting: `${context.naamVan(event.data.persoonId)} (${ROL_WOORDEN[event.data.rol]}) hoort vanaf ${event.data.vanaf} bij het gezin.`,
      };
    case 'GezinslidRemoved':
      return {
        soort: 'gezinslid',
        samenvatting: `${context.naamVan(event.data.persoonId)} hoort vanaf ${event.data.per} niet meer bij het gezin: ${event.data.reden}`,
      };
    case 'NetwerkBetrokkeneAdded': {
      const { naam, rol, organisatie, soort, vanaf } = event.data;
      const wie = organisatie ? `${naam} (${rol}, ${organisatie})` : `${naam} (${rol})`;
      return {
        soort: 'netwerk',
        samenvatting: `${wie} is vanaf ${vanaf} betrokken bij het gezin (${soort} netwerk).`,
      };
    }
    case 'NetwerkBetrokkeneEnded':
      return {
        soort: 'netwerk',
        samenvatting: `Een betrokkene uit het netwerk is vanaf ${event.data.tot} niet meer betrokken${
          event.data.reden ? `: ${event.data.reden}` : '.'
        }`,
      };
    case 'ContactpersoonAssigned': {
      const { naam, organisatie } = event.data.contactpersoon;
      return {
        soort: 'contactpersoon',
        samenvatting: `${naam} (${organisatie}) is vanaf ${event.data.vanaf} de contactpersoon van het gezin.`,
      };
    }
    case 'ContactpersoonHandedOver': {
      const { van, naar, per, reden } = event.data;
      return {
        soort: 'contactpersoon',
        samenvatting: `Het gezin is vanaf ${per} overgedragen van ${van.naam} aan ${naar.naam} (${naar.organisatie}): ${reden}`,
      };
    }
    case 'ContactpersoonEnded':
      return {
        soort: 'contactpersoon',
        samenvatting: `${event.data.contactpersoon.naam} is vanaf ${event.data.per} niet meer de contactpersoon: ${event.data.reden}. Het gezin heeft nu geen contactpersoon.`,
      };
    case 'GezinsplanWritten': {
      const { versie, plan, reden } = event.data;
      if (context.vorigPlan === null) {
        return {
          soort: 'plan',
          samenvatting: `Het gezinsplan is opgesteld (versie ${versie}) met ${plan.doelen.length} ${
            plan.doelen.length === 1 ? 'doel' : 'doelen'
          } en ${plan.afspraken.length} ${plan.afspraken.length === 1 ? 'afspraak' : 'afspraken'}; evaluatie op ${plan.evaluatiedatum}.`,
        };
      }
      const changes = describePlanChange(context.vorigPlan, plan);
      return {
        soort: 'plan',
        samenvatting: `Het gezinsplan is aangepast (versie ${versie}): ${reden ?? ''}${
          changes.length > 0 ? ` (${changes.join('; ')})` : ''
        }.`,
      };
    }
    default:
      return assertNever(event);
  }
}

/** A person's events appear in the timeline of every family the person belongs to. */
export function describePersoonEvent(
  event: PersoonEvent,
  eerdereNaam: string,
): TijdlijnRegel | null {
  switch (event.type) {
    case 'PersoonRegistered':
      return null; // the family's GezinslidAdded says it
    case 'PersoonsgegevensCorrected':
      return {
        soort: 'gezinslid',
        samenvatting: `De gegevens van ${eerdereNaam} zijn verbeterd: ${event.data.reden}`,
      };
    default:
      return assertNever(event);
  }
}
