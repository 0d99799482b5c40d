import { VerwijzerType, WettelijkKader, versieOp } from '@app/domain';
import { Episode, ageAtStart, compareText, mergeEpisodes } from '../episodes';
import { MonitoringDataset, ToewijzingFeit, VerblijfFeit } from './dataset';

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

/** Selects assignments; episodes are merged from the selected ones. */
export interface MonitoringFilter {
  kader?: WettelijkKader;
  categorie?: string;
  product?: string;
  aanbieder?: string;
  verwijzer?: VerwijzerType;
  /** Persons in a family of this district. */
  wijk?: string;
}

/**
 * The date running care is cut off at: the end of the period, or the day it is known on when that
 * is earlier (what happens after it is not known yet).
 */
export function peildatum(vraag: Pick<MonitoringVraag, 'tot' | 'bekendOp'>): string {
  return vraag.tot < vraag.bekendOp ? vraag.tot : vraag.bekendOp;
}

/** An episode with what the figures group and filter on. */
export interface ZorgEpisode extends Episode {
  /** Product category (JZ020) of its first assignment. */
  categorie: string;
  verblijf: boolean;
  /** Referrer type of its first assignment. */
  verwijzer: VerwijzerType;
  /** Contracted maximum duration of its first assignment, in months. */
  maxDuurMaanden: number | null;
  /** Age in whole years at its start; null without a birth date. */
  leeftijd: number | null;
}

/** The districts of the families a person is or was a member of. */
export function wijkenVan(d: MonitoringDataset, persoonId: string): Set<string> {
  const wijken = new Set<string>();
  for (const gezin of d.gezinnen.values()) {
    if (gezin.wijk !== null && gezin.leden.some((l) => l.persoonId === persoonId)) {
      wijken.add(gezin.wijk);
    }
  }
  return wijken;
}

/** The assignments the filter selects. */
export function geselecteerdeToewijzingen(
  d: MonitoringDataset,
  filter: MonitoringFilter,
): ToewijzingFeit[] {
  const wijken = new Map<string, Set<string>>();
  const inWijk = (persoonId: string) => {
    if (!wijken.has(persoonId)) wijken.set(persoonId, wijkenVan(d, persoonId));
    return wijken.get(persoonId)!.has(filter.wijk!);
  };
  return [...d.toewijzingen.values()].filter(
    (t) =>
      (filter.kader === undefined || t.wettelijkKader === filter.kader) &&
      (filter.categorie === undefined || t.productcategorie === filter.categorie) &&
      (filter.product === undefined || t.productcode === filter.product) &&
      (filter.aanbieder === undefined || t.aanbiederId === filter.aanbieder) &&
      (filter.verwijzer === undefined || t.verwijzer.type === filter.verwijzer) &&
      (filter.wijk === undefined || inWijk(t.persoonId)),
  );
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
  const toewijzingen = geselecteerdeToewijzingen(d, filter);
  const byId = new Map(toewijzingen.map((t) => [t.toewijzingId, t]));
  const merged = mergeEpisodes(toewijzingen, bekendOp > peil ? bekendOp : peil);
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
        categorie: first.productcategorie,
        verblijf: first.verblijf,
        verwijzer: first.verwijzer.type,
        maxDuurMaanden: first.maxDuurMaanden,
        leeftijd: geboortedatum === null ? null : ageAtStart(gezien, geboortedatum),
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
    filter: vraag.filter,
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
): VerblijfFeit[] {
  const { wijk, ...toewijzingFilter } = filter;
  const metToewijzingFilter = Object.values(toewijzingFilter).some((v) => v !== undefined);
  const toewijzingen = new Set(
    geselecteerdeToewijzingen(d, toewijzingFilter).map((t) => t.toewijzingId),
  );
  return [...d.verblijven.values()].filter(
    (v) =>
      (wijk === undefined || wijkenVan(d, v.persoonId).has(wijk)) &&
      (!metToewijzingFilter || (v.toewijzingId !== null && toewijzingen.has(v.toewijzingId))),
  );
}
