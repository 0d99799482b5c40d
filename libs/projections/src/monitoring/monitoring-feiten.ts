import {
  AanbiederVersionSet,
  BevolkingSet,
  ContactpersoonAssigned,
  ContactpersoonEnded,
  ContactpersoonHandedOver,
  DomainEvent,
  GezinslidAdded,
  GezinWijkSet,
  GezinslidRemoved,
  NetwerkBetrokkeneAdded,
  NetwerkBetrokkeneEnded,
  PersoonEvent,
  PersoonRecordKeyAssigned,
  ProductVersionSet,
  ThemaSet,
  ZorgEvent,
  isPersoonEvent,
  isZorgEvent,
} from '@app/domain';
import type { MonitoringFeit } from '@app/statistics';

/**
 * Events into the facts of the monitoring figures (`MonitoringFeit`): the projection's job, so
 * everything the figures may ever see passes here, stripped of what they may not (names, BSN,
 * free text, who did what).
 */

const contactpersoonSleutel = (c: { userId: string }) => `contactpersoon:${c.userId}`;

/** The facts an event contributes (none when the figures do not need it). */
export function monitoringFeiten(event: DomainEvent): MonitoringFeit[] {
  switch (event.type) {
    case 'NetwerkBetrokkeneAdded': {
      // A member recorded afterwards comes with their end date already.
      const { gezinId, betrokkeneId, soort, vanaf, tot } = (event as NetwerkBetrokkeneAdded).data;
      if (soort !== 'formeel') return [];
      const sleutel = `netwerk:${betrokkeneId}`;
      return [
        { type: 'Professional', gezinId, sleutel, vanaf },
        ...(tot === null
          ? []
          : [{ type: 'GeenProfessional', gezinId, sleutel, per: tot } as const]),
      ];
    }
    case 'ContactpersoonHandedOver': {
      const { gezinId, van, naar, per } = (event as ContactpersoonHandedOver).data;
      return [
        { type: 'GeenProfessional', gezinId, sleutel: contactpersoonSleutel(van), per },
        { type: 'Professional', gezinId, sleutel: contactpersoonSleutel(naar), vanaf: per },
      ];
    }
    case 'ContactpersoonEnded': {
      const { gezinId, contactpersoon, per } = (event as ContactpersoonEnded).data;
      return [
        { type: 'GeenProfessional', gezinId, sleutel: contactpersoonSleutel(contactpersoon), per },
      ];
    }
    default: {
      const feit = eenFeit(event);
      return feit ? [feit] : [];
    }
  }
}

/** The one fact of an event that contributes at most one. */
function eenFeit(event: DomainEvent): MonitoringFeit | null {
  if (isPersoonEvent(event)) return persoon(event);
  if (isZorgEvent(event)) {
    const zorg = minimalZorgEvent(event);
    return zorg && { type: 'Zorg', event: zorg };
  }
  switch (event.type) {
    case 'PersoonRecordKeyAssigned': {
      const { persoonId, recordKey } = (event as PersoonRecordKeyAssigned).data;
      return { type: 'Recordsleutel', persoonId, sleutel: recordKey };
    }
    case 'ProductVersionSet':
      return { type: 'Product', data: (event as ProductVersionSet).data };
    case 'AanbiederVersionSet':
      return { type: 'Aanbieder', data: (event as AanbiederVersionSet).data };
    case 'GezinslidAdded': {
      const { gezinId, persoonId, vanaf } = (event as GezinslidAdded).data;
      return { type: 'Gezinslid', gezinId, persoonId, vanaf };
    }
    case 'GezinslidRemoved': {
      const { gezinId, persoonId, per } = (event as GezinslidRemoved).data;
      return { type: 'GeenGezinslid', gezinId, persoonId, per };
    }
    case 'NetwerkBetrokkeneEnded': {
      // An informal member's end matches no professional: the fold ignores it.
      const { gezinId, betrokkeneId, tot } = (event as NetwerkBetrokkeneEnded).data;
      return { type: 'GeenProfessional', gezinId, sleutel: `netwerk:${betrokkeneId}`, per: tot };
    }
    case 'ContactpersoonAssigned': {
      const { gezinId, contactpersoon, vanaf } = (event as ContactpersoonAssigned).data;
      return {
        type: 'Professional',
        gezinId,
        sleutel: contactpersoonSleutel(contactpersoon),
        vanaf,
      };
    }
    case 'NetwerkBetrokkeneAdded':
    case 'ContactpersoonHandedOver':
    case 'ContactpersoonEnded':
      return null; // see monitoringFeiten: one event, two facts
    case 'GezinWijkSet': {
      const { gezinId, wijk, per } = (event as GezinWijkSet).data;
      return { type: 'Wijk', gezinId, wijk, per };
    }
    case 'ThemaSet': {
      const { themaId, naam } = (event as ThemaSet).data;
      return { type: 'Thema', themaId, naam };
    }
    case 'BevolkingSet': {
      const { jaar, wijken, totaal } = (event as BevolkingSet).data;
      return { type: 'Bevolking', jaar, totaal, wijken };
    }
    default:
      return null;
  }
}

function persoon(event: PersoonEvent): MonitoringFeit {
  return {
    type: 'Persoon',
    persoonId: event.data.persoonId,
    geboortedatum: event.data.geboortedatum,
  };
}

/**
 * A care event without its free text. Only the reason of an extension request stays: the figures
 * publish a reason only when at least 10 requests give it word for word.
 */
function minimalZorgEvent(event: ZorgEvent): ZorgEvent | null {
  switch (event.type) {
    case 'ToewijzingRegistered': {
      const data = { ...event.data, verwijzer: { type: event.data.verwijzer.type, naam: null } };
      return { type: event.type, data };
    }
    case 'ZorgStartCorrected':
    case 'ZorgStopCorrected':
      return { type: event.type, data: { ...event.data, reden: '' } } as ZorgEvent;
    case 'VerlengingRequested':
      return { type: event.type, data: { ...event.data, aanvrager: '' } };
    case 'VerlengingRefused':
      return {
        type: event.type,
        data: { ...event.data, toelichting: '', alternatieven: [] },
      };
    case 'VerblijfStarted':
      return { type: event.type, data: { ...event.data, uitstroomperspectief: null } };
    case 'UitstroomperspectiefSet':
      return null;
    case 'PerspectiefgesprekHeld':
      return {
        type: event.type,
        data: { ...event.data, door: '', perspectief: '', behoeften: '' },
      };
    case 'VerlengdeJeugdhulpRequested':
      return { type: event.type, data: { ...event.data, reden: '' } };
    case 'VerlengdeJeugdhulpDecided':
      return { type: event.type, data: { ...event.data, toelichting: null } };
    default:
      return event;
  }
}
