import {
  DomainEvent,
  GEGEVENS_VERWIJDERD,
  OordelenRecorded,
  ToewijzingOpname,
  VerhaalConsentChanged,
  VerhaalRecorded,
  VerhaalReleased,
  VerhaalToestemming,
} from '@app/domain';
import type { MonitoringFeit, ToewijzingKenmerken, VerhaalFeit } from '@app/statistics';

/**
 * Stories and judgements into monitoring facts. A story enters the monitoring only when a second
 * person released it and its teller's consent allows it (`gepseudonimiseerd` or `citeerbaar`); a
 * narrower consent (withdrawn, or no longer quotable) takes it out of every view at once: the fact
 * `VerhaalIngetrokken`, on which the projection also deletes the story's earlier facts, so a figure
 * asked "as known on" a day before the withdrawal does not show it either (ADR 0014).
 */

/** The consents that allow a story in the monitoring. */
const IN_MONITORING: readonly VerhaalToestemming[] = ['gepseudonimiseerd', 'citeerbaar'];

/** What the monitoring remembers of a story between its events: never its unchecked text. */
export interface VerhaalStand {
  opname: Omit<VerhaalFeit, 'citeerbaar' | 'tekst'>;
  toestemming: VerhaalToestemming;
  /** The text as released by a second person; null until then. */
  tekst: string | null;
}

/** The monitoring projection's memory of stories (a table of its own; a Map in tests). */
export interface VerhalenGeheugen {
  get(verhaalId: string): VerhaalStand | undefined;
  set(verhaalId: string, stand: VerhaalStand): void;
}

/** The assignment a story or judgement is about: its id and person only (the data set has the rest). */
export function toewijzingKenmerken(t: ToewijzingOpname | null): ToewijzingKenmerken | null {
  return t && { toewijzingId: t.toewijzingId, persoonId: t.persoonId };
}

/** YYYY-MM of a date: stories and judgements are dated to the month in the monitoring. */
const maandVan = (datum: string): string => datum.slice(0, 7);

/** The story as it may be shown, or null while its consent or release does not allow it. */
function zichtbaar(stand: VerhaalStand): VerhaalFeit | null {
  if (!IN_MONITORING.includes(stand.toestemming)) return null;
  // An erased family's text reads as "gegevens verwijderd": nothing to show.
  if (stand.tekst === null || stand.tekst === GEGEVENS_VERWIJDERD) return null;
  return { ...stand.opname, citeerbaar: stand.toestemming === 'citeerbaar', tekst: stand.tekst };
}

const verhaalFeit = (v: VerhaalFeit): MonitoringFeit => ({ type: 'Verhaal', ...v });

/** The facts of a story or judgement event (none for other events). */
export function verhaalFeiten(event: DomainEvent, geheugen: VerhalenGeheugen): MonitoringFeit[] {
  switch (event.type) {
    case 'VerhaalRecorded': {
      const { verhaalId, gezinId, toewijzing, verteller, datum, themaIds, toestemming } = (
        event as VerhaalRecorded
      ).data;
      geheugen.set(verhaalId, {
        opname: {
          verhaalId,
          gezinId,
          toewijzing: toewijzingKenmerken(toewijzing),
          verteller: verteller.soort,
          maand: maandVan(datum),
          themaIds,
        },
        toestemming,
        tekst: null,
      });
      return [];
    }
    case 'VerhaalReleased': {
      const { verhaalId, tekst } = (event as VerhaalReleased).data;
      const stand = geheugen.get(verhaalId);
      if (!stand) return [];
      const voor = zichtbaar(stand);
      const na = { ...stand, tekst };
      geheugen.set(verhaalId, na);
      return wissel(voor, zichtbaar(na));
    }
    case 'VerhaalConsentChanged': {
      const { verhaalId, toestemming } = (event as VerhaalConsentChanged).data;
      const stand = geheugen.get(verhaalId);
      if (!stand) return [];
      const voor = zichtbaar(stand);
      // A withdrawal ends the release (as in the story's decider): the checked text is forgotten,
      // and a story consented again enters only with a new release.
      const na = { ...stand, toestemming, tekst: toestemming === 'dossier' ? null : stand.tekst };
      geheugen.set(verhaalId, na);
      return wissel(voor, zichtbaar(na));
    }
    case 'OordelenRecorded': {
      const { gezinId, aanleiding, datum, oordelen } = (event as OordelenRecorded).data;
      return [
        {
          type: 'Oordelen',
          gezinId,
          aanleiding: aanleiding.soort,
          toewijzing:
            aanleiding.soort === 'einde-toewijzing'
              ? toewijzingKenmerken(aanleiding.toewijzing)
              : null,
          maand: maandVan(datum),
          oordelen: oordelen.map(({ door, hulpvraagBeantwoord, regie, voortgang }) => ({
            door,
            hulpvraagBeantwoord,
            regie,
            voortgang: voortgang.map((v) => v.score),
          })),
        },
      ];
    }
    default:
      return [];
  }
}

/**
 * From what a story showed to what it shows now: nothing when it is the same; out when it no longer
 * shows, or shows less (no longer quotable: the past views lose it too); in when it shows more, or
 * for the first time (the past views keep what they showed).
 */
function wissel(voor: VerhaalFeit | null, na: VerhaalFeit | null): MonitoringFeit[] {
  if (JSON.stringify(voor) === JSON.stringify(na)) return [];
  if (na === null) return [{ type: 'VerhaalIngetrokken', verhaalId: voor!.verhaalId }];
  if (voor !== null && ((voor.citeerbaar && !na.citeerbaar) || voor.tekst !== na.tekst)) {
    return [{ type: 'VerhaalIngetrokken', verhaalId: voor.verhaalId }, verhaalFeit(na)];
  }
  return [verhaalFeit(na)];
}
