import { DomainEvent, assertNever } from '../decider';
import { Bestemming, RedenEindeZorg, VerwijzerType, WettelijkKader, Woonvorm } from './codes';

/** An assignment (toewijzing): a provision for a person under a law, from a provider. */
export interface Toewijzing {
  toewijzingId: string;
  wettelijkKader: WettelijkKader;
  productcode: string;
  /** iJW category of a Jeugdwet product; null for a product under another law. */
  productcategorie: string | null;
  /** Residential care (category 43/44 or product 90002). */
  verblijf: boolean;
  aanbiederId: string;
  aanbiederNaam: string;
  verwijzer: { type: VerwijzerType; naam: string | null };
  toewijzingsnummer: string;
  begindatum: string;
  einddatum: string;
  omvang: { hoeveelheid: number; eenheid: string; frequentie: string } | null;
  /** The contracted maximum duration of the product when it was assigned, in months. */
  maxDuurMaanden: number | null;
  /** The extension request this assignment continues, if any. */
  verlengingVan: string | null;
}

export interface ZorgStop {
  datum: string;
  reden: RedenEindeZorg;
}

type Data<T> = { persoonId: string } & T;

export type ToewijzingRegistered = DomainEvent<'ToewijzingRegistered', Data<Toewijzing>>;
/** JW305: care started. */
export type ZorgStarted = DomainEvent<'ZorgStarted', Data<{ toewijzingId: string; datum: string }>>;
/** JW307: care stopped, with the iJW reason. */
export type ZorgStopped = DomainEvent<'ZorgStopped', Data<{ toewijzingId: string } & ZorgStop>>;
/** A correction of a start or stop: a new date, or null to delete it (iJW StatusAanlevering 3). */
export type ZorgStartCorrected = DomainEvent<
  'ZorgStartCorrected',
  Data<{ toewijzingId: string; datum: string | null; reden: string }>
>;
export type ZorgStopCorrected = DomainEvent<
  'ZorgStopCorrected',
  Data<{ toewijzingId: string; stop: ZorgStop | null; reden: string }>
>;
export type VerlengingRequested = DomainEvent<
  'VerlengingRequested',
  Data<{
    verlengingId: string;
    toewijzingId: string;
    aangevraagdOp: string;
    aanvrager: string;
    reden: string;
    gevraagdTot: string;
    /** Asked after the assignment had ended. */
    telaat: boolean;
  }>
>;
export type VerlengingGranted = DomainEvent<
  'VerlengingGranted',
  Data<{ verlengingId: string; besluitdatum: string; nieuweToewijzingId: string }>
>;
/** Refused under "nee, tenzij": always with an explanation and the alternatives offered. */
export type VerlengingRefused = DomainEvent<
  'VerlengingRefused',
  Data<{ verlengingId: string; besluitdatum: string; toelichting: string; alternatieven: string[] }>
>;
export type VerblijfStarted = DomainEvent<
  'VerblijfStarted',
  Data<{
    verblijfId: string;
    toewijzingId: string | null;
    woonvorm: Woonvorm;
    startdatum: string;
    indicatieEinddatum: string;
    uitstroomperspectief: string | null;
  }>
>;
export type WoonvormChanged = DomainEvent<
  'WoonvormChanged',
  Data<{
    verblijfId: string;
    datum: string;
    van: Woonvorm;
    naar: Woonvorm;
    richting: 'afschaling' | 'opschaling';
  }>
>;
export type UitstroomperspectiefSet = DomainEvent<
  'UitstroomperspectiefSet',
  Data<{ verblijfId: string; datum: string; perspectief: string }>
>;
export type VerblijfEnded = DomainEvent<
  'VerblijfEnded',
  Data<{ verblijfId: string; datum: string; bestemming: Bestemming; vervolghulp: boolean }>
>;
export type PerspectiefgesprekHeld = DomainEvent<
  'PerspectiefgesprekHeld',
  Data<{
    gesprekId: string;
    datum: string;
    door: string;
    perspectief: string;
    behoeften: string;
    zorgNa18Verwacht: boolean;
  }>
>;
export type VerlengdeJeugdhulpRequested = DomainEvent<
  'VerlengdeJeugdhulpRequested',
  Data<{ aanvraagId: string; datum: string; reden: string }>
>;
export type VerlengdeJeugdhulpDecided = DomainEvent<
  'VerlengdeJeugdhulpDecided',
  Data<{
    aanvraagId: string;
    datum: string;
    besluit: 'toegekend' | 'afgewezen';
    toelichting: string | null;
  }>
>;

export type ZorgEvent =
  | ToewijzingRegistered
  | ZorgStarted
  | ZorgStopped
  | ZorgStartCorrected
  | ZorgStopCorrected
  | VerlengingRequested
  | VerlengingGranted
  | VerlengingRefused
  | VerblijfStarted
  | WoonvormChanged
  | UitstroomperspectiefSet
  | VerblijfEnded
  | PerspectiefgesprekHeld
  | VerlengdeJeugdhulpRequested
  | VerlengdeJeugdhulpDecided;

export interface ToewijzingState extends Toewijzing {
  zorgStart: string | null;
  zorgStop: ZorgStop | null;
}

export interface VerlengingState {
  verlengingId: string;
  toewijzingId: string;
  aangevraagdOp: string;
  gevraagdTot: string;
  besluit: 'toegekend' | 'afgewezen' | null;
}

export interface VerblijfState {
  verblijfId: string;
  woonvorm: Woonvorm;
  startdatum: string;
  /** The last date something changed in the stay (start or a change of form). */
  laatsteWijziging: string;
  indicatieEinddatum: string;
  einde: string | null;
}

export interface ZorgdossierState {
  persoonId: string;
  toewijzingen: Record<string, ToewijzingState>;
  verlengingen: Record<string, VerlengingState>;
  verblijven: Record<string, VerblijfState>;
  gesprekken: { gesprekId: string; datum: string }[];
  /** Each request for care after 18: the day it was made, and the decision on it. */
  verlengdeJeugdhulp: Record<string, { datum: string; besluit: 'toegekend' | 'afgewezen' | null }>;
}

export const initialZorgdossierState = (): ZorgdossierState => ({
  persoonId: '',
  toewijzingen: {},
  verlengingen: {},
  verblijven: {},
  gesprekken: [],
  verlengdeJeugdhulp: {},
});

export const zorgdossierStreamId = (persoonId: string): string => `zorgdossier-${persoonId}`;

export function evolveZorgdossier(state: ZorgdossierState, event: ZorgEvent): ZorgdossierState {
  const s = { ...state, persoonId: event.data.persoonId };
  const patchToewijzing = (id: string, patch: Partial<ToewijzingState>) => ({
    ...s,
    toewijzingen: { ...s.toewijzingen, [id]: { ...s.toewijzingen[id]!, ...patch } },
  });
  const patchVerblijf = (id: string, patch: Partial<VerblijfState>) => ({
    ...s,
    verblijven: { ...s.verblijven, [id]: { ...s.verblijven[id]!, ...patch } },
  });
  const patchVerlenging = (id: string, patch: Partial<VerlengingState>) => ({
    ...s,
    verlengingen: { ...s.verlengingen, [id]: { ...s.verlengingen[id]!, ...patch } },
  });
  switch (event.type) {
    case 'ToewijzingRegistered': {
      const { persoonId: _persoonId, ...toewijzing } = event.data;
      return {
        ...s,
        toewijzingen: {
          ...s.toewijzingen,
          [toewijzing.toewijzingId]: { ...toewijzing, zorgStart: null, zorgStop: null },
        },
      };
    }
    case 'ZorgStarted':
      return patchToewijzing(event.data.toewijzingId, { zorgStart: event.data.datum });
    case 'ZorgStopped':
      return patchToewijzing(event.data.toewijzingId, {
        zorgStop: { datum: event.data.datum, reden: event.data.reden },
      });
    case 'ZorgStartCorrected':
      return patchToewijzing(event.data.toewijzingId, { zorgStart: event.data.datum });
    case 'ZorgStopCorrected':
      return patchToewijzing(event.data.toewijzingId, { zorgStop: event.data.stop });
    case 'VerlengingRequested': {
      const { verlengingId, toewijzingId, aangevraagdOp, gevraagdTot } = event.data;
      return {
        ...s,
        verlengingen: {
          ...s.verlengingen,
          [verlengingId]: { verlengingId, toewijzingId, aangevraagdOp, gevraagdTot, besluit: null },
        },
      };
    }
    case 'VerlengingGranted':
      return patchVerlenging(event.data.verlengingId, { besluit: 'toegekend' });
    case 'VerlengingRefused':
      return patchVerlenging(event.data.verlengingId, { besluit: 'afgewezen' });
    case 'VerblijfStarted': {
      const { verblijfId, woonvorm, startdatum, indicatieEinddatum } = event.data;
      return {
        ...s,
        verblijven: {
          ...s.verblijven,
          [verblijfId]: {
            verblijfId,
            woonvorm,
            startdatum,
            laatsteWijziging: startdatum,
            indicatieEinddatum,
            einde: null,
          },
        },
      };
    }
    case 'WoonvormChanged':
      return patchVerblijf(event.data.verblijfId, {
        woonvorm: event.data.naar,
        laatsteWijziging: event.data.datum,
      });
    case 'UitstroomperspectiefSet':
      return s;
    case 'VerblijfEnded':
      return patchVerblijf(event.data.verblijfId, { einde: event.data.datum });
    case 'PerspectiefgesprekHeld':
      return {
        ...s,
        gesprekken: [...s.gesprekken, { gesprekId: event.data.gesprekId, datum: event.data.datum }],
      };
    case 'VerlengdeJeugdhulpRequested':
      return {
        ...s,
        verlengdeJeugdhulp: {
          ...s.verlengdeJeugdhulp,
          [event.data.aanvraagId]: { datum: event.data.datum, besluit: null },
        },
      };
    case 'VerlengdeJeugdhulpDecided':
      return {
        ...s,
        verlengdeJeugdhulp: {
          ...s.verlengdeJeugdhulp,
          [event.data.aanvraagId]: {
            ...s.verlengdeJeugdhulp[event.data.aanvraagId]!,
            besluit: event.data.besluit,
          },
        },
      };
    default:
      return assertNever(event);
  }
}

const ZORG_EVENT_TYPES: ReadonlySet<string> = new Set<ZorgEvent['type']>([
  'ToewijzingRegistered',
  'ZorgStarted',
  'ZorgStopped',
  'ZorgStartCorrected',
  'ZorgStopCorrected',
  'VerlengingRequested',
  'VerlengingGranted',
  'VerlengingRefused',
  'VerblijfStarted',
  'WoonvormChanged',
  'UitstroomperspectiefSet',
  'VerblijfEnded',
  'PerspectiefgesprekHeld',
  'VerlengdeJeugdhulpRequested',
  'VerlengdeJeugdhulpDecided',
]);

export const isZorgEvent = (event: DomainEvent): event is ZorgEvent =>
  ZORG_EVENT_TYPES.has(event.type);

/**
 * The care record an event belongs to (`hoortBij`: an assignment for its starts, stops and
 * extension requests and the assignments continuing it, a stay for its changes, a request for
 * care after 18 for its decision) and the record it makes (`maakt`). A record that belongs to
 * nothing older starts where it was made. Through a recognised membership not yet confirmed, care
 * shows only from the recognition on (ADR 0016): a record by where its oldest record was made.
 */
export function zorgRecord(event: ZorgEvent): { hoortBij: string | null; maakt: string | null } {
  switch (event.type) {
    case 'ToewijzingRegistered':
      return { hoortBij: event.data.verlengingVan, maakt: event.data.toewijzingId };
    case 'ZorgStarted':
    case 'ZorgStopped':
    case 'ZorgStartCorrected':
    case 'ZorgStopCorrected':
      return { hoortBij: event.data.toewijzingId, maakt: null };
    case 'VerlengingRequested':
      return { hoortBij: event.data.toewijzingId, maakt: event.data.verlengingId };
    case 'VerlengingGranted':
    case 'VerlengingRefused':
      return { hoortBij: event.data.verlengingId, maakt: null };
    case 'VerblijfStarted':
      return { hoortBij: event.data.toewijzingId, maakt: event.data.verblijfId };
    case 'WoonvormChanged':
    case 'UitstroomperspectiefSet':
    case 'VerblijfEnded':
      return { hoortBij: event.data.verblijfId, maakt: null };
    case 'PerspectiefgesprekHeld':
      return { hoortBij: null, maakt: event.data.gesprekId };
    case 'VerlengdeJeugdhulpRequested':
      return { hoortBij: null, maakt: event.data.aanvraagId };
    case 'VerlengdeJeugdhulpDecided':
      return { hoortBij: event.data.aanvraagId, maakt: null };
    default:
      return assertNever(event);
  }
}

/**
 * The dossier's version as shown from the log position `vanaf` on (ADR 0016): its events whose
 * record started there or later, counted as a dossier that began there would count them (-1:
 * none). The `zorg` projection keeps the same count for reads.
 */
export function getoondeVersie(
  events: readonly { event: ZorgEvent; positie: number }[],
  vanaf: number,
): number {
  const bronnen = new Map<string, number>();
  let getoond = 0;
  for (const { event, positie } of events) {
    const { hoortBij, maakt } = zorgRecord(event);
    const bron = (hoortBij === null ? undefined : bronnen.get(hoortBij)) ?? positie;
    if (maakt !== null) bronnen.set(maakt, bron);
    if (bron >= vanaf) getoond++;
  }
  return getoond - 1;
}
