import {
  AanbiederVersie,
  Bestemming,
  ProductVersie,
  ToewijzingState,
  Woonvorm,
  assertNever,
  isVerblijfsproduct,
} from '@app/domain';
import { SLEUTELRUIMTE } from '../disclosure';
import { compareText } from '../intervals';
import { MonitoringFeit } from './feiten';

/** An assignment with its care dates as known, and the person it is for. */
export interface ToewijzingFeit extends ToewijzingState {
  persoonId: string;
}

export interface VerlengingFeit {
  verlengingId: string;
  persoonId: string;
  toewijzingId: string;
  aangevraagdOp: string;
  gevraagdTot: string;
  telaat: boolean;
  reden: string;
  besluit: 'toegekend' | 'afgewezen' | null;
  besluitdatum: string | null;
}

export interface VerblijfFeit {
  verblijfId: string;
  persoonId: string;
  toewijzingId: string | null;
  startdatum: string;
  /** The form of residence from each date on, in order; the first is the form at the start. */
  woonvormen: { vanaf: string; woonvorm: Woonvorm }[];
  /** Step-downs and step-ups within the stay. */
  wijzigingen: { datum: string; richting: 'afschaling' | 'opschaling' }[];
  einde: { datum: string; bestemming: Bestemming; vervolghulp: boolean } | null;
}

export interface Lidmaatschap {
  persoonId: string;
  vanaf: string;
  /** The day the person left the family; null while a member. */
  tot: string | null;
}

/** A professional working with the family: a formal network member or a contact person. */
export interface Betrokkenheid {
  sleutel: string;
  vanaf: string;
  tot: string | null;
}

export interface GezinFeit {
  gezinId: string;
  /** The districts the family lived in, each from its date, in the order they were recorded. */
  wijken: { per: string; wijk: string }[];
  leden: Lidmaatschap[];
  professionals: Betrokkenheid[];
}

/**
 * Everything the monitoring figures are computed from, as known at one moment: the facts folded in
 * log order. Corrections of care dates are applied; reference data keeps its dated versions.
 */
export interface MonitoringDataset {
  geboortedata: Map<string, string | null>;
  /** Per person the record key of the disclosure control (see `recordsleutel`). */
  recordsleutels: Map<string, number>;
  gezinnen: Map<string, GezinFeit>;
  toewijzingen: Map<string, ToewijzingFeit>;
  verlengingen: Map<string, VerlengingFeit>;
  verblijven: Map<string, VerblijfFeit>;
  perspectiefgesprekken: { persoonId: string; datum: string }[];
  verlengdeJeugdhulp: Map<
    string,
    { persoonId: string; datum: string; besluit: 'toegekend' | 'afgewezen' | null }
  >;
  producten: Map<string, ProductVersie[]>;
  aanbieders: Map<string, AanbiederVersie[]>;
  /** Youths 0-17 on 31 December of the year, per district. */
  bevolking: Map<number, { totaal: number; wijken: { wijk: string; aantal: number }[] }>;
}

export function legeDataset(): MonitoringDataset {
  return {
    geboortedata: new Map(),
    recordsleutels: new Map(),
    gezinnen: new Map(),
    toewijzingen: new Map(),
    verlengingen: new Map(),
    verblijven: new Map(),
    perspectiefgesprekken: [],
    verlengdeJeugdhulp: new Map(),
    producten: new Map(),
    aanbieders: new Map(),
    bevolking: new Map(),
  };
}

/** Folds facts, in log order, into a data set. */
export function bouwDataset(feiten: Iterable<MonitoringFeit>): MonitoringDataset {
  const d = legeDataset();
  for (const feit of feiten) voegToe(d, feit);
  return d;
}

function gezin(d: MonitoringDataset, gezinId: string): GezinFeit {
  let found = d.gezinnen.get(gezinId);
  if (!found) {
    found = { gezinId, wijken: [], leden: [], professionals: [] };
    d.gezinnen.set(gezinId, found);
  }
  return found;
}

function voegToe(d: MonitoringDataset, feit: MonitoringFeit): void {
  switch (feit.type) {
    case 'Persoon':
      d.geboortedata.set(feit.persoonId, feit.geboortedatum);
      return;
    case 'Recordsleutel':
      d.recordsleutels.set(feit.persoonId, feit.sleutel);
      return;
    case 'Gezinslid':
      gezin(d, feit.gezinId).leden.push({
        persoonId: feit.persoonId,
        vanaf: feit.vanaf,
        tot: null,
      });
      return;
    case 'GeenGezinslid': {
      const lid = gezin(d, feit.gezinId).leden.find(
        (l) => l.persoonId === feit.persoonId && l.tot === null,
      );
      if (lid) lid.tot = feit.per;
      return;
    }
    case 'Wijk':
      gezin(d, feit.gezinId).wijken.push({ per: feit.per, wijk: feit.wijk });
      return;
    case 'Professional':
      gezin(d, feit.gezinId).professionals.push({
        sleutel: feit.sleutel,
        vanaf: feit.vanaf,
        tot: null,
      });
      return;
    case 'GeenProfessional': {
      const betrokken = d.gezinnen
        .get(feit.gezinId)
        ?.professionals.find((p) => p.sleutel === feit.sleutel && p.tot === null);
      if (betrokken) betrokken.tot = feit.per;
      return;
    }
    case 'Bevolking':
      d.bevolking.set(feit.jaar, { totaal: feit.totaal, wijken: feit.wijken });
      return;
    case 'Product': {
      const { productcode, geldigVanaf, ...gegevens } = feit.data;
      const versies = d.producten.get(productcode) ?? [];
      versies.push({
        productcode,
        geldigVanaf,
        ...gegevens,
        verblijf: isVerblijfsproduct(gegevens.categorie, productcode, gegevens.wettelijkKader),
      });
      d.producten.set(productcode, versies);
      return;
    }
    case 'Aanbieder': {
      const versies = d.aanbieders.get(feit.data.aanbiederId) ?? [];
      versies.push(feit.data);
      d.aanbieders.set(feit.data.aanbiederId, versies);
      return;
    }
    case 'Zorg':
      return voegZorgToe(d, feit.event);
    default:
      return assertNever(feit);
  }
}

function voegZorgToe(
  d: MonitoringDataset,
  event: Extract<MonitoringFeit, { type: 'Zorg' }>['event'],
): void {
  const toewijzing = (id: string) => d.toewijzingen.get(id);
  const verblijf = (id: string) => d.verblijven.get(id);
  switch (event.type) {
    case 'ToewijzingRegistered':
      d.toewijzingen.set(event.data.toewijzingId, {
        ...event.data,
        zorgStart: null,
        zorgStop: null,
      });
      return;
    case 'ZorgStarted':
    case 'ZorgStartCorrected': {
      const t = toewijzing(event.data.toewijzingId);
      if (t) t.zorgStart = event.data.datum;
      return;
    }
    case 'ZorgStopped': {
      const t = toewijzing(event.data.toewijzingId);
      if (t) t.zorgStop = { datum: event.data.datum, reden: event.data.reden };
      return;
    }
    case 'ZorgStopCorrected': {
      const t = toewijzing(event.data.toewijzingId);
      if (t) t.zorgStop = event.data.stop;
      return;
    }
    case 'VerlengingRequested': {
      const { persoonId, verlengingId, toewijzingId, aangevraagdOp, gevraagdTot, telaat, reden } =
        event.data;
      d.verlengingen.set(verlengingId, {
        verlengingId,
        persoonId,
        toewijzingId,
        aangevraagdOp,
        gevraagdTot,
        telaat,
        reden,
        besluit: null,
        besluitdatum: null,
      });
      return;
    }
    case 'VerlengingGranted':
    case 'VerlengingRefused': {
      const v = d.verlengingen.get(event.data.verlengingId);
      if (!v) return;
      v.besluit = event.type === 'VerlengingGranted' ? 'toegekend' : 'afgewezen';
      v.besluitdatum = event.data.besluitdatum;
      return;
    }
    case 'VerblijfStarted': {
      const { verblijfId, persoonId, toewijzingId, woonvorm, startdatum } = event.data;
      d.verblijven.set(verblijfId, {
        verblijfId,
        persoonId,
        toewijzingId,
        startdatum,
        woonvormen: [{ vanaf: startdatum, woonvorm }],
        wijzigingen: [],
        einde: null,
      });
      return;
    }
    case 'WoonvormChanged': {
      const v = verblijf(event.data.verblijfId);
      if (!v) return;
      v.woonvormen.push({ vanaf: event.data.datum, woonvorm: event.data.naar });
      v.wijzigingen.push({ datum: event.data.datum, richting: event.data.richting });
      return;
    }
    case 'VerblijfEnded': {
      const v = verblijf(event.data.verblijfId);
      if (!v) return;
      const { datum, bestemming, vervolghulp } = event.data;
      v.einde = { datum, bestemming, vervolghulp };
      return;
    }
    case 'UitstroomperspectiefSet':
      return;
    case 'PerspectiefgesprekHeld':
      d.perspectiefgesprekken.push({ persoonId: event.data.persoonId, datum: event.data.datum });
      return;
    case 'VerlengdeJeugdhulpRequested':
      d.verlengdeJeugdhulp.set(event.data.aanvraagId, {
        persoonId: event.data.persoonId,
        datum: event.data.datum,
        besluit: null,
      });
      return;
    case 'VerlengdeJeugdhulpDecided': {
      const a = d.verlengdeJeugdhulp.get(event.data.aanvraagId);
      if (a) a.besluit = event.data.besluit;
      return;
    }
    default:
      return assertNever(event);
  }
}

/**
 * A person's record key. A person registered before record keys existed has none until the
 * migration (`npm run cli -- record-keys`) gave them one; until then they count with key 0.
 */
export function recordsleutel(d: MonitoringDataset, persoonId: string): number {
  return d.recordsleutels.get(persoonId) ?? 0;
}

/**
 * A family's record key: the sum of its members' keys (everyone who was ever a member), so it is
 * as random as theirs and changes when its members do.
 */
export function gezinssleutel(d: MonitoringDataset, gezin: GezinFeit): number {
  let perGezin = gezinssleutels.get(d);
  if (!perGezin) {
    perGezin = new Map();
    gezinssleutels.set(d, perGezin);
  }
  let sleutel = perGezin.get(gezin.gezinId);
  if (sleutel === undefined) {
    sleutel = 0;
    for (const lid of new Set(gezin.leden.map((l) => l.persoonId))) {
      sleutel = (sleutel + recordsleutel(d, lid)) % SLEUTELRUIMTE;
    }
    perGezin.set(gezin.gezinId, sleutel);
  }
  return sleutel;
}

/** Family keys per data set (a data set is not changed after it is built), asked once each. */
const gezinssleutels = new WeakMap<MonitoringDataset, Map<string, number>>();

/** The form of residence of a stay on a date (null outside the stay). */
export function woonvormOp(verblijf: VerblijfFeit, datum: string): Woonvorm | null {
  if (datum < verblijf.startdatum || (verblijf.einde && datum > verblijf.einde.datum)) return null;
  let vorm: Woonvorm | null = null;
  for (const w of verblijf.woonvormen) if (w.vanaf <= datum) vorm = w.woonvorm;
  return vorm;
}

/**
 * The district a family lived in on a date: the one set last with a date on or before it. Before
 * the first date, the first district known: a family is registered (and its district recorded) when
 * it asks for help, often after its care began. Null when no district was ever recorded.
 */
export function wijkOp(gezin: GezinFeit, datum: string): string | null {
  let wijk: string | null = null;
  let vanaf = '';
  for (const w of gezin.wijken) {
    if (w.per <= datum && w.per >= vanaf) {
      wijk = w.wijk;
      vanaf = w.per;
    }
  }
  if (wijk !== null) return wijk;
  const eerste = [...gezin.wijken].sort((a, b) => compareText(a.per, b.per))[0];
  return eerste?.wijk ?? null;
}
