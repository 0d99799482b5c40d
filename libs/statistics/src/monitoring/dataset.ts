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
import { MonitoringFeit, OordelenFeit, VerhaalFeit } from './feiten';

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
  /** The released stories whose consent allows the monitoring, per story. */
  verhalen: Map<string, VerhaalFeit>;
  oordelen: OordelenFeit[];
  /** Theme names per theme id. */
  themas: Map<string, string>;
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
    verhalen: new Map(),
    oordelen: [],
    themas: new Map(),
  };
}

/** Folds facts, in log order, into a data set. */
export function bouwDataset(feiten: Iterable<MonitoringFeit>): MonitoringDataset {
  const d = legeDataset();
  for (const feit of feiten) voegToe(d, feit);
  return d;
}

/**
 * What new facts touched: the persons and families whose part of the figures may differ, or
 * everything (reference data: products, providers, population).
 */
export interface Wijziging {
  personen: Set<string>;
  gezinnen: Set<string>;
  alles: boolean;
}

/**
 * Applies facts recorded after those already folded into `d`, in log order, to `d` itself: the
 * data set "as known now" follows the log without folding it again. The result equals
 * `bouwDataset` of all the facts. What each call touched is kept beside the data set (see
 * `wijzigingenSinds`), so the caches of the figures redo only those persons and families.
 */
export function voegFeitenToe(d: MonitoringDataset, feiten: Iterable<MonitoringFeit>): void {
  const stap: Wijziging = { personen: new Set(), gezinnen: new Set(), alles: false };
  for (const feit of feiten) {
    raakt(d, feit, stap); // before: a fact can move a record from one person to another
    voegToe(d, feit);
    raakt(d, feit, stap); // after: the family's members now include a new one
    const index = toewijzingIndex.get(d);
    if (index && feit.type === 'Zorg' && feit.event.type === 'ToewijzingRegistered') {
      const { persoonId, toewijzingId } = feit.event.data;
      index.set(persoonId, (index.get(persoonId) ?? new Set()).add(toewijzingId));
    }
    const leden = gezinIndex.get(d);
    if (leden && feit.type === 'Gezinslid') {
      leden.set(feit.persoonId, (leden.get(feit.persoonId) ?? new Set()).add(feit.gezinId));
    }
  }
  const log = wijzigingslogs.get(d) ?? [];
  log.push(stap);
  wijzigingslogs.set(d, log);
}

/**
 * How often facts were applied to `d` after it was built: a cache of a figure computed at one
 * version is stale at a later one, for what `wijzigingenSinds` says.
 */
export function datasetVersie(d: MonitoringDataset): number {
  return wijzigingslogs.get(d)?.length ?? 0;
}

/** Everything touched by the facts applied to `d` after version `versie`. */
export function wijzigingenSinds(d: MonitoringDataset, versie: number): Wijziging {
  const samen: Wijziging = { personen: new Set(), gezinnen: new Set(), alles: false };
  for (const stap of (wijzigingslogs.get(d) ?? []).slice(versie)) {
    for (const p of stap.personen) samen.personen.add(p);
    for (const g of stap.gezinnen) samen.gezinnen.add(g);
    samen.alles ||= stap.alles;
  }
  return samen;
}

/**
 * The assignments of a person (possibly with one since registered for someone else: check its
 * `persoonId`), so a cache can redo one person without going through them all.
 */
export function toewijzingenVan(d: MonitoringDataset, persoonId: string): ToewijzingFeit[] {
  let index = toewijzingIndex.get(d);
  if (!index) {
    index = new Map();
    for (const t of d.toewijzingen.values()) {
      const ids = index.get(t.persoonId) ?? new Set<string>();
      ids.add(t.toewijzingId);
      index.set(t.persoonId, ids);
    }
    toewijzingIndex.set(d, index);
  }
  return [...(index.get(persoonId) ?? [])]
    .map((id) => d.toewijzingen.get(id))
    .filter((t): t is ToewijzingFeit => t !== undefined && t.persoonId === persoonId);
}

/** Per data set, the assignment ids per person; `voegFeitenToe` adds new ones. */
const toewijzingIndex = new WeakMap<MonitoringDataset, Map<string, Set<string>>>();

/**
 * The families a person is or ever was a member of (a member who left stays in `leden`), so a
 * cache kept per family can redo the families of a person a new fact touched.
 */
export function gezinnenVan(d: MonitoringDataset, persoonId: string): ReadonlySet<string> {
  let index = gezinIndex.get(d);
  if (!index) {
    index = new Map();
    for (const gezin of d.gezinnen.values()) {
      for (const lid of gezin.leden) {
        index.set(lid.persoonId, (index.get(lid.persoonId) ?? new Set()).add(gezin.gezinId));
      }
    }
    gezinIndex.set(d, index);
  }
  return index.get(persoonId) ?? GEEN_GEZINNEN;
}

/** Per data set, the family ids per person; `voegFeitenToe` adds new members. */
const gezinIndex = new WeakMap<MonitoringDataset, Map<string, Set<string>>>();
const GEEN_GEZINNEN: ReadonlySet<string> = new Set();

/** Per data set, what each application of facts touched, in order. */
const wijzigingslogs = new WeakMap<MonitoringDataset, Wijziging[]>();

/**
 * A cache of something computed from a data set, per key (a question, a family), kept up to date
 * as facts are applied: `bij` hands the entries for the data set's current version, after
 * `bijwerken` has dropped or redone what the new facts touched. Touching everything starts afresh.
 */
export class DatasetCache<K, V> {
  private readonly perDataset = new WeakMap<
    MonitoringDataset,
    { versie: number; map: Map<K, V> }
  >();

  constructor(
    private readonly bijwerken: (map: Map<K, V>, w: Wijziging, d: MonitoringDataset) => void,
  ) {}

  bij(d: MonitoringDataset): Map<K, V> {
    const versie = datasetVersie(d);
    let cache = this.perDataset.get(d);
    if (cache && cache.versie !== versie) {
      const w = wijzigingenSinds(d, cache.versie);
      if (w.alles) cache.map.clear();
      else this.bijwerken(cache.map, w, d);
      cache.versie = versie;
    }
    if (!cache) {
      cache = { versie, map: new Map() };
      this.perDataset.set(d, cache);
    }
    return cache.map;
  }
}

/**
 * Values computed from a data set per question (a key the caller makes of it), each kept with the
 * data set version it is of: asked again after new facts, a value is brought up to date from what
 * they touched (`bijwerken`), or made again when they touched everything. Only the most recent
 * questions are kept, so memory stays bounded.
 */
export class VraagCache<V> {
  private readonly perDataset = new WeakMap<
    MonitoringDataset,
    Map<string, { versie: number; waarde: V }>
  >();

  constructor(private readonly maxVragen = 32) {}

  bij(
    d: MonitoringDataset,
    sleutel: string,
    maak: () => V,
    bijwerken: (oud: V, w: Wijziging) => V,
  ): V {
    let perVraag = this.perDataset.get(d);
    if (!perVraag) {
      perVraag = new Map();
      this.perDataset.set(d, perVraag);
    }
    const versie = datasetVersie(d);
    const gecacht = perVraag.get(sleutel);
    if (gecacht && gecacht.versie === versie) return gecacht.waarde;
    let waarde: V;
    if (gecacht) {
      const w = wijzigingenSinds(d, gecacht.versie);
      waarde = w.alles ? maak() : bijwerken(gecacht.waarde, w);
    } else {
      waarde = maak();
      if (perVraag.size >= this.maxVragen) perVraag.delete(perVraag.keys().next().value!);
    }
    perVraag.set(sleutel, { versie, waarde });
    return waarde;
  }
}

/**
 * A figure function whose answers are kept per data set version and question (its arguments after
 * the data set): asked again with nothing new, it gives the answer it gave before; after new facts
 * it computes again, from caches that catch up. An answer is shared by everyone who asks, so it
 * is frozen: changing one throws instead of changing what the next caller gets.
 */
export function antwoordPerVersie<A extends unknown[], T>(
  bereken: (d: MonitoringDataset, ...vraag: A) => T,
): (d: MonitoringDataset, ...vraag: A) => T {
  const antwoorden = new VraagCache<T>();
  return (d, ...vraag) => {
    const nieuw = () => bevries(bereken(d, ...vraag));
    return antwoorden.bij(d, JSON.stringify(vraag), nieuw, nieuw);
  };
}

function bevries<T>(waarde: T): T {
  if (typeof waarde === 'object' && waarde !== null && !Object.isFrozen(waarde)) {
    Object.freeze(waarde);
    for (const deel of Object.values(waarde)) bevries(deel);
  }
  return waarde;
}

/**
 * Marks what a fact touches. A new kind of fact must say here whom it is about, or the figures
 * asked "as known now" keep what they computed before it: a fact about a person names the person,
 * one about a family the family (its members follow), and one that is about no one in particular
 * touches everything (the caches then start again).
 */
function raakt(d: MonitoringDataset, feit: MonitoringFeit, w: Wijziging): void {
  const gezinMetLeden = (gezinId: string) => {
    w.gezinnen.add(gezinId);
    for (const lid of d.gezinnen.get(gezinId)?.leden ?? []) w.personen.add(lid.persoonId);
  };
  switch (feit.type) {
    case 'Persoon':
    case 'Recordsleutel':
      w.personen.add(feit.persoonId);
      // A family's key is the sum of its members' keys.
      for (const gezinId of gezinnenVan(d, feit.persoonId)) w.gezinnen.add(gezinId);
      return;
    case 'Gezinslid':
    case 'GeenGezinslid':
      w.personen.add(feit.persoonId);
      return gezinMetLeden(feit.gezinId);
    case 'Wijk':
    case 'Professional':
    case 'GeenProfessional':
      return gezinMetLeden(feit.gezinId);
    case 'Bevolking':
    case 'Product':
    case 'Aanbieder':
      w.alles = true;
      return;
    case 'Zorg': {
      const data = feit.event.data;
      w.personen.add(data.persoonId);
      // A record keeps the person it was registered for; an event about it touches them too.
      const eigenaar = (r: { persoonId: string } | undefined) => r && w.personen.add(r.persoonId);
      if ('toewijzingId' in data && data.toewijzingId !== null) {
        eigenaar(d.toewijzingen.get(data.toewijzingId));
      }
      if ('verlengingId' in data) eigenaar(d.verlengingen.get(data.verlengingId));
      if ('verblijfId' in data) eigenaar(d.verblijven.get(data.verblijfId));
      if ('aanvraagId' in data) eigenaar(d.verlengdeJeugdhulp.get(data.aanvraagId));
      return;
    }
    case 'Oordelen':
      // The judgements of a cell are kept per family (cijfers-en-verhalen.ts).
      w.gezinnen.add(feit.gezinId);
      return;
    case 'Verhaal':
    case 'VerhaalIngetrokken':
    case 'Thema':
      // No cached figure reads them: stories are selected afresh.
      return;
    default:
      return assertNever(feit);
  }
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
    case 'Verhaal': {
      const { type: _type, ...verhaal } = feit;
      d.verhalen.set(verhaal.verhaalId, verhaal);
      return;
    }
    case 'VerhaalIngetrokken':
      d.verhalen.delete(feit.verhaalId);
      return;
    case 'Oordelen': {
      const { type: _type, ...oordelen } = feit;
      d.oordelen.push(oordelen);
      return;
    }
    case 'Thema':
      d.themas.set(feit.themaId, feit.naam);
      return;
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
  const perGezin = gezinssleutels.bij(d);
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

/** Family keys per data set, asked once each until a new fact touches the family. */
const gezinssleutels = new DatasetCache<string, number>((perGezin, w) => {
  for (const gezinId of w.gezinnen) perGezin.delete(gezinId);
});

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
