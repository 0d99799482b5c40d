import { VerwijzerType, WettelijkKader, versieOp } from '@app/domain';
import { Episode, ageAtStart, compareText, mergeEpisodes } from '../intervals';
import { Telling, publiceerAantal, tel } from '../disclosure';
import { ondergrens } from '../gesorteerd';
import {
  DatasetCache,
  MonitoringDataset,
  ToewijzingFeit,
  VerblijfFeit,
  VraagCache,
  gezinnenVan,
  gezinssleutel,
  recordsleutel,
  toewijzingenVan,
  wijkOp,
} from './dataset';

/** What every monitoring figure is asked with. Dates are calendar dates (YYYY-MM-DD). */
export interface MonitoringVraag {
  van: string;
  tot: string;
  /** Facts recorded after this day are ignored ("as known on"). */
  bekendOp: string;
  /** When asked as known at a moment (ISO 8601 UTC): facts recorded after it are ignored. */
  bekendTot?: string;
  filter: MonitoringFilter;
}

/** How the district filter reads a family's district; every figure's definition carries it. */
export const WIJK_DEFINITIE =
  'het filter wijk kiest personen (of gezinnen) naar de wijk waar hun gezin op de peildatum ' +
  'woonde: de laatst vastgelegde wijk met een datum op of voor de peildatum, en vóór de eerste ' +
  'datum de eerst vastgelegde wijk (een gezin wordt ingeschreven als het om hulp vraagt, vaak ' +
  'nadat de zorg begon); een persoon in twee gezinnen telt in de wijk van elk';

/** Selects assignments; episodes are merged from the selected ones. */
export interface MonitoringFilter {
  kader?: WettelijkKader;
  categorie?: string;
  product?: string;
  aanbieder?: string;
  verwijzer?: VerwijzerType;
  /** Residential care (a product with residence) or care without residence. */
  zorgvorm?: Zorgvorm;
  /** Persons in a family that lived in this district on the peildatum. */
  wijk?: string;
}

export const ZORGVORMEN = ['verblijf', 'zonder-verblijf'] as const;
export type Zorgvorm = (typeof ZORGVORMEN)[number];

/**
 * The date running care is cut off at: the end of the period, or the day it is known on when that
 * is earlier (what happens after it is not known yet).
 */
export function peildatum(vraag: Pick<MonitoringVraag, 'tot' | 'bekendOp'>): string {
  return vraag.tot < vraag.bekendOp ? vraag.tot : vraag.bekendOp;
}

/** The category key of an episode whose product has none: a product under another law. */
export const GEEN_CATEGORIE = 'geen';

/** An episode with what the figures group and filter on. */
export interface ZorgEpisode extends Episode {
  /**
   * Product category (JZ020) of its first assignment; GEEN_CATEGORIE for a product outside the
   * Jeugdwet, which its law (`wettelijkKader`) classifies.
   */
  categorie: string;
  verblijf: boolean;
  /** Referrer type of its first assignment. */
  verwijzer: VerwijzerType;
  /** Contracted maximum duration of its first assignment, in months. */
  maxDuurMaanden: number | null;
  /** Age in whole years at its start; null without a birth date. */
  leeftijd: number | null;
  /** Its person's record key, looked up once: every count of it carries the key. */
  recordsleutel: number;
}

/**
 * Per date, per person, the districts of the families they are or were a member of, as on that
 * date: built once per data set and date, so a district filter costs one lookup per person. A new
 * fact about a family (its district, its members) redoes its members; one about a person does not.
 */
const wijkIndex = new DatasetCache<string, Map<string, Set<string>>>((perDatum, w, d) => {
  const leden = new Set(
    [...w.gezinnen].flatMap((g) => (d.gezinnen.get(g)?.leden ?? []).map((l) => l.persoonId)),
  );
  for (const [datum, index] of perDatum) {
    for (const persoonId of leden) {
      const wijken = new Set<string>();
      for (const gezinId of gezinnenVan(d, persoonId)) {
        const wijk = wijkOp(d.gezinnen.get(gezinId)!, datum);
        if (wijk !== null) wijken.add(wijk);
      }
      if (wijken.size > 0) index.set(persoonId, wijken);
      else index.delete(persoonId);
    }
  }
});

/** The districts of the families a person is or was a member of, as they lived on `datum`. */
export function wijkenVan(
  d: MonitoringDataset,
  persoonId: string,
  datum: string,
): ReadonlySet<string> {
  const perDatum = wijkIndex.bij(d);
  let index = perDatum.get(datum);
  if (!index) {
    index = new Map();
    for (const gezin of d.gezinnen.values()) {
      const wijk = wijkOp(gezin, datum);
      if (wijk === null) continue;
      for (const lid of gezin.leden) {
        const wijken = index.get(lid.persoonId) ?? new Set<string>();
        wijken.add(wijk);
        index.set(lid.persoonId, wijken);
      }
    }
    perDatum.set(datum, index);
  }
  return index.get(persoonId) ?? GEEN_WIJKEN;
}

const GEEN_WIJKEN: ReadonlySet<string> = new Set();

/** Whether the filter selects an assignment; the district is the one families lived in on `peil`. */
export function selecteert(
  d: MonitoringDataset,
  filter: MonitoringFilter,
  peil: string,
): (t: ToewijzingFeit) => boolean {
  return (t) =>
    (filter.kader === undefined || t.wettelijkKader === filter.kader) &&
    (filter.categorie === undefined || t.productcategorie === filter.categorie) &&
    (filter.product === undefined || t.productcode === filter.product) &&
    (filter.aanbieder === undefined || t.aanbiederId === filter.aanbieder) &&
    (filter.verwijzer === undefined || t.verwijzer.type === filter.verwijzer) &&
    (filter.zorgvorm === undefined || t.verblijf === (filter.zorgvorm === 'verblijf')) &&
    (filter.wijk === undefined || wijkenVan(d, t.persoonId, peil).has(filter.wijk));
}

/** The assignments the filter selects; the district is the one families lived in on `peil`. */
export function geselecteerdeToewijzingen(
  d: MonitoringDataset,
  filter: MonitoringFilter,
  peil: string,
): ToewijzingFeit[] {
  return [...d.toewijzingen.values()].filter(selecteert(d, filter, peil));
}

/**
 * The selected assignments merged into episodes as seen on `peil` (see EPISODES_DEFINITIE), each
 * with its category, referrer, contracted maximum and age at start. Merging uses everything known
 * on `bekendOp`: an episode that goes on the day after `peil` (a consecutive assignment known by
 * then) is running on `peil`, not ended there. Episodes are cut off at `peil`.
 */
export function zorgEpisodes(
  d: MonitoringDataset,
  filter: MonitoringFilter,
  peil: string,
  bekendOp: string = peil,
): ZorgEpisode[] {
  // Several figures (and the indicator set, per year) ask the same episodes of one data set.
  return [...gedeeldeZorgEpisodes(d, filter, peil, bekendOp)];
}

/**
 * The episodes of `zorgEpisodes` without a copy: the list is shared by everyone who asks the same
 * question of the same data set, so a caller must not change it.
 */
export function gedeeldeZorgEpisodes(
  d: MonitoringDataset,
  filter: MonitoringFilter,
  peil: string,
  bekendOp: string = peil,
): readonly ZorgEpisode[] {
  const tot = bekendOp > peil ? bekendOp : peil;
  return episodeCache.bij(
    d,
    JSON.stringify([filter, peil, tot]),
    () => mergeZorgEpisodes(d, geselecteerdeToewijzingen(d, filter, peil), peil, tot),
    // New facts since: redo the persons they touched, keep everyone else's episodes.
    (episodes, w) => vervangPersonen(d, episodes, w.personen, filter, peil, tot),
  );
}

/**
 * The episodes of one person in a list of `gedeeldeZorgEpisodes`, in the list's order: the list is
 * sorted by person, so they are found by bisection, without going through the list.
 */
export function episodesVan(
  episodes: readonly ZorgEpisode[],
  persoonId: string,
): readonly ZorgEpisode[] {
  const van = eersteVanaf(episodes, persoonId);
  let tot = van;
  while (tot < episodes.length && episodes[tot]!.persoonId === persoonId) tot++;
  return episodes.slice(van, tot);
}

/** The position of the first episode of `persoonId` or a person after them in the order. */
function eersteVanaf(episodes: readonly ZorgEpisode[], persoonId: string): number {
  return ondergrens(episodes, persoonId, (e) => e.persoonId);
}

/** Per data set and question, the episodes. */
const episodeCache = new VraagCache<readonly ZorgEpisode[]>();

/**
 * `episodes` (sorted by person, as `mergeEpisodes` sorts them) with the episodes of `personen`
 * merged again from their assignments as they are now: an episode only ever depends on its own
 * person's assignments, birth date, record key and families.
 */
function vervangPersonen(
  d: MonitoringDataset,
  episodes: readonly ZorgEpisode[],
  personen: ReadonlySet<string>,
  filter: MonitoringFilter,
  peil: string,
  tot: string,
): readonly ZorgEpisode[] {
  if (personen.size === 0) return episodes;
  const gekozen = selecteert(d, filter, peil);
  const toewijzingen = [...personen].flatMap((p) => toewijzingenVan(d, p).filter(gekozen));
  const nieuw = mergeZorgEpisodes(d, toewijzingen, peil, tot);
  // Both lists are sorted by person: everyone else's episodes are copied a stretch at a time,
  // each person redone has their stretch replaced by their new episodes.
  const samen: ZorgEpisode[] = [];
  let i = 0;
  let j = 0;
  for (const persoonId of [...personen].sort(compareText)) {
    const van = eersteVanaf(episodes, persoonId);
    for (; i < van; i++) samen.push(episodes[i]!);
    while (i < episodes.length && episodes[i]!.persoonId === persoonId) i++;
    while (j < nieuw.length && nieuw[j]!.persoonId === persoonId) samen.push(nieuw[j++]!);
  }
  for (; i < episodes.length; i++) samen.push(episodes[i]!);
  return samen;
}

function mergeZorgEpisodes(
  d: MonitoringDataset,
  toewijzingen: readonly ToewijzingFeit[],
  peil: string,
  tot: string,
): ZorgEpisode[] {
  const byId = new Map(toewijzingen.map((t) => [t.toewijzingId, t]));
  const merged = mergeEpisodes(toewijzingen, tot);
  return merged.flatMap((episode) => {
    if (episode.start > peil) return [];
    const gezien = episode.end > peil ? { ...episode, end: peil, running: true } : episode;
    const first = gezien.assignmentIds
      .map((id) => byId.get(id)!)
      .sort((a, b) => compareText(a.zorgStart ?? a.begindatum, b.zorgStart ?? b.begindatum))[0]!;
    const geboortedatum = d.geboortedata.get(gezien.persoonId) ?? null;
    return [
      {
        ...gezien,
        categorie: first.productcategorie ?? GEEN_CATEGORIE,
        verblijf: first.verblijf,
        verwijzer: first.verwijzer.type,
        maxDuurMaanden: first.maxDuurMaanden,
        leeftijd: geboortedatum === null ? null : ageAtStart(gezien, geboortedatum),
        recordsleutel: recordsleutel(d, gezien.persoonId),
      },
    ];
  });
}

/** The name of a provider on a date (its latest version when it had none yet), or its id. */
export function aanbiederNaam(d: MonitoringDataset, aanbiederId: string, datum: string): string {
  const versies = d.aanbieders.get(aanbiederId);
  return (versieOp(versies, datum) ?? versies?.[versies.length - 1])?.naam ?? aanbiederId;
}

/** The description of a product on a date (its latest version when it had none yet), or its code. */
export function productOmschrijving(
  d: MonitoringDataset,
  productcode: string,
  datum: string,
): string {
  const versies = d.producten.get(productcode);
  return (versieOp(versies, datum) ?? versies?.[versies.length - 1])?.omschrijving ?? productcode;
}

/** A table as CSV and spreadsheets want it: a header and rows of cells (null: withheld or empty). */
export interface Tabel {
  kolommen: string[];
  rijen: (string | number | null)[][];
}

/** What every published monitoring figure carries beside its numbers. */
export interface MonitoringKop {
  definitieVersie: string;
  van: string;
  tot: string;
  bekendOp: string;
  bekendTot?: string;
  peildatum: string;
  filter: MonitoringFilter;
}

export function kop(versie: string, vraag: MonitoringVraag): MonitoringKop {
  return {
    definitieVersie: versie,
    van: vraag.van,
    tot: vraag.tot,
    bekendOp: vraag.bekendOp,
    ...(vraag.bekendTot === undefined ? {} : { bekendTot: vraag.bekendTot }),
    peildatum: peildatum(vraag),
    // A copy: an answer is kept (and frozen) for whoever asks again, the question stays the caller's.
    filter: { ...vraag.filter },
  };
}

/**
 * The residential stays the filter selects: the district through the person's families; product,
 * category, provider, referrer and framework through the stay's assignment (a stay without one is
 * only selected when the filter asks none of those).
 */
export function geselecteerdeVerblijven(
  d: MonitoringDataset,
  filter: MonitoringFilter,
  peil: string,
): VerblijfFeit[] {
  const { wijk, ...toewijzingFilter } = filter;
  const metToewijzingFilter = Object.values(toewijzingFilter).some((v) => v !== undefined);
  // Only a filter on the assignment needs them (going through them all is most of the cost).
  const gekozen = selecteert(d, toewijzingFilter, peil);
  return [...d.verblijven.values()].filter((v) => {
    if (wijk !== undefined && !wijkenVan(d, v.persoonId, peil).has(wijk)) return false;
    if (!metToewijzingFilter) return true;
    const toewijzing = v.toewijzingId === null ? undefined : d.toewijzingen.get(v.toewijzingId);
    return toewijzing !== undefined && gekozen(toewijzing);
  });
}

/**
 * Counts records about persons (episodes, assignments, stays, requests): each contributes its
 * person's record key, so a person with two records in a cell adds their key twice.
 */
export function telRecords(
  d: MonitoringDataset,
  records: Iterable<{ persoonId: string; recordsleutel?: number }>,
): Telling {
  return tel(records, (r) => r.recordsleutel ?? recordsleutel(d, r.persoonId));
}

/** Counts distinct persons (a person given twice counts once). */
export function telPersonen(d: MonitoringDataset, persoonIds: Iterable<string>): Telling {
  return tel(new Set(persoonIds), (id) => recordsleutel(d, id));
}

/** Counts distinct families, each with its family key (see `gezinssleutel`). */
export function telGezinnen(d: MonitoringDataset, gezinIds: Iterable<string>): Telling {
  return tel(new Set(gezinIds), (id) => {
    const gezin = d.gezinnen.get(id);
    return gezin ? gezinssleutel(d, gezin) : 0;
  });
}

/**
 * A filter must select at least this many persons (as published, under disclosure control): a
 * filter that isolates a handful of people would leave every cell small, however it is grouped.
 */
export const FILTER_DREMPEL = 20;

/**
 * The persons a filter selects at all: those with an assignment it selects, at any date (with a
 * district: of a family living there on the peildatum). Null without a filter.
 */
export function filterPopulatie(
  d: MonitoringDataset,
  filter: MonitoringFilter,
  peil: string,
): Telling | null {
  if (Object.values(filter).every((v) => v === undefined)) return null;
  return telPersonen(
    d,
    geselecteerdeToewijzingen(d, filter, peil).map((t) => t.persoonId),
  );
}

/** Whether a filter selects too few persons to be answered (see FILTER_DREMPEL). */
export function filterTeKlein(
  d: MonitoringDataset,
  filter: MonitoringFilter,
  peil: string,
): boolean {
  const populatie = filterPopulatie(d, filter, peil);
  return populatie !== null && (publiceerAantal(populatie) ?? 0) < FILTER_DREMPEL;
}
