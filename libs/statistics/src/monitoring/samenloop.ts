import { WettelijkKader } from '@app/domain';
import {
  ONDERDRUKKING_DEFINITIE,
  Onderdrukking,
  Onderdrukt,
  Telling,
  publiceerAantal,
  tel,
} from '../disclosure';
import { compareText } from '../intervals';
import {
  Family,
  FamilyOverlap,
  OverlapTotals,
  SAMENLOOP_DEFINITIE,
  familyBreaks,
  familyOverlap,
  overlapTotals,
} from './samenloop-per-gezin';
import {
  MonitoringDataset,
  VraagCache,
  antwoordPerVersie,
  gezinnenVan,
  gezinssleutel,
  recordsleutel,
  wijkOp,
} from './dataset';
import {
  MonitoringFilter,
  MonitoringKop,
  MonitoringVraag,
  Tabel,
  WIJK_DEFINITIE,
  episodesVan,
  gedeeldeZorgEpisodes,
  kop,
  peildatum,
} from './selectie';

export const SAMENLOOP_CIJFERS_DEFINITIE = {
  versie: 'samenloop-cijfers-2',
  wijk: WIJK_DEFINITIE,
  samenloop: SAMENLOOP_DEFINITIE,
  periode:
    'van van tot en met de peildatum (de zorg daarna is nog niet bekend); een gezin telt mee met ' +
    'de leden die er bij het begin van de periode nog bij hoorden of later bij kwamen (de ' +
    'datum van inschrijving begrenst hun zorg niet: een gezin wordt ingeschreven als het om ' +
    'hulp vraagt, vaak nadat de zorg van een lid al liep)',
  filters:
    'de wijk kiest gezinnen; aanbieder, product, categorie en verwijzer kiezen toewijzingen; het ' +
    'filter op kader geldt hier niet (samenloop gaat juist over meer kaders)',
  hiaten:
    'gezinnen waarvan de zorg in de periode opnieuw begon na een onderbreking van meer dan 1 dag',
  professionals:
    'per gezin met zorg in de periode: de verschillende professionals die er in de periode bij ' +
    'betrokken waren, namelijk contactpersonen en formele leden van het netwerk (informele ' +
    'leden tellen niet); de aanbieders van de zorg staan apart (aanbiedersVerdeling)',
  volgorde:
    'combinaties staan van vaak naar weinig volgens de gepubliceerde aantallen (niet getoonde ' +
    'als laatste), bij gelijke aantallen op naam',
  onderdrukking: ONDERDRUKKING_DEFINITIE,
} as const;

/**
 * Each count with its cell key: a family counts with its family key, a person with their record
 * key (in each family they are in, as they are counted).
 */
export interface SamenloopTelling {
  metZorg: Telling;
  metEenKader: Telling;
  metMeerdereKaders: Telling;
  perCombinatie: { combinatie: string; kaders: WettelijkKader[]; aantal: Telling }[];
  aanbiedersVerdeling: { aanbieders: number; aantal: Telling }[];
  /** The days with two or more frameworks of each of those `metMeerdereKaders` counts. */
  samenloopdagen: number[];
}

export interface RuweSamenloop {
  gezinnen: SamenloopTelling;
  /** Families with care in the period by the number of professionals working with them. */
  professionalsVerdeling: { professionals: number; aantal: Telling }[];
  personen: SamenloopTelling;
  /**
   * Families with a gap; the gaps, each with its family's key (a family with two adds it twice);
   * the days without care of each gap.
   */
  hiaten: { gezinnenMetHiaat: Telling; hiaten: Telling; dagenZonderZorg: number[] };
}

/** Overlap of provisions within families, per family and per person; raw, never published. */
export function telSamenloop(d: MonitoringDataset, vraag: MonitoringVraag): RuweSamenloop {
  const peil = peildatum(vraag);
  if (peil < vraag.van) {
    const leeg = (): SamenloopTelling => ({
      metZorg: new Telling(),
      metEenKader: new Telling(),
      metMeerdereKaders: new Telling(),
      perCombinatie: [],
      aanbiedersVerdeling: [],
      samenloopdagen: [],
    });
    return {
      gezinnen: leeg(),
      professionalsVerdeling: [],
      personen: leeg(),
      hiaten: { gezinnenMetHiaat: new Telling(), hiaten: new Telling(), dagenZonderZorg: [] },
    };
  }
  const { wijk } = vraag.filter;
  const delen = [...gezinsdelen(d, vraag, peil).values()]
    .filter((deel) => wijk === undefined || deel.wijk === wijk)
    .sort((a, b) => compareText(a.overlap.gezinId, b.overlap.gezinId));
  const totals = overlapTotals(delen.map((deel) => deel.overlap));
  // Distinct families, each with its family key (as telGezinnen counts them), kept in its part.
  const sleutels = new Map(delen.map((deel) => [deel.overlap.gezinId, deel.gezinssleutel]));
  const gezinssleutelVan = (gezinId: string) => sleutels.get(gezinId)!;
  const gezinnen = (ids: string[]) => tel(new Set(ids), gezinssleutelVan);
  // A person in two families is counted in each: a record per family, with the person's key.
  const leden = (ids: string[]) => tel(ids, (persoonId) => recordsleutel(d, persoonId));
  // A gap is a record of its family: a family with two gaps adds its key twice.
  const hiaten = delen.flatMap((deel) => deel.hiaten);
  const professionals = new Map<number, string[]>();
  for (const { overlap, professionals: n } of delen) {
    if (overlap.combination === null) continue;
    const ids = professionals.get(n) ?? [];
    ids.push(overlap.gezinId);
    professionals.set(n, ids);
  }
  return {
    gezinnen: samenloopTelling(totals.families, gezinnen),
    professionalsVerdeling: [...professionals.entries()]
      .sort(([a], [b]) => a - b)
      .map(([n, ids]) => ({ professionals: n, aantal: gezinnen(ids) })),
    personen: samenloopTelling(totals.persons, leden),
    hiaten: {
      gezinnenMetHiaat: gezinnen(hiaten.map((h) => h.gezinId)),
      hiaten: tel(hiaten, (h) => gezinssleutelVan(h.gezinId)),
      dagenZonderZorg: hiaten.map((h) => h.dagen),
    },
  };
}

/** One family's part of the overlap figures of a question, whatever district is asked. */
interface Gezinsdeel {
  /** The district the family lived in on the peildatum. */
  wijk: string | null;
  overlap: FamilyOverlap;
  /** Its gaps with a restart in the period. */
  hiaten: { gezinId: string; dagen: number }[];
  /** The distinct professionals working with the family in the period. */
  professionals: number;
  /** Its family key (see `gezinssleutel`). */
  gezinssleutel: number;
}

/**
 * Every family's part, per data set and question: after new facts only the families they touched
 * (and those of the persons they touched) are worked out again, so a screen asking "as known now"
 * pays for the new facts, not for the municipality.
 */
function gezinsdelen(
  d: MonitoringDataset,
  vraag: MonitoringVraag,
  peil: string,
): ReadonlyMap<string, Gezinsdeel> {
  const { wijk: _wijk, ...filter } = zonderKader(vraag.filter);
  const maak = (gezinIds: Iterable<string>) => {
    const episodes = gedeeldeZorgEpisodes(d, filter, peil, vraag.bekendOp);
    const delen = new Map<string, Gezinsdeel>();
    for (const gezinId of gezinIds) {
      const g = d.gezinnen.get(gezinId)!;
      const family: Family = {
        gezinId,
        members: g.leden
          // A family is registered when it asks for help, after its members' care may have
          // started: the date a member was added does not bound their care; removal before the
          // period does.
          .filter((l) => l.tot === null || l.tot >= vraag.van)
          .map((l) => ({ persoonId: l.persoonId, episodes: episodesVan(episodes, l.persoonId) })),
      };
      delen.set(gezinId, {
        wijk: wijkOp(g, peil),
        overlap: familyOverlap(family, vraag.van, peil),
        hiaten: familyBreaks(family)
          .filter((h) => h.restart >= vraag.van && h.restart <= peil)
          .map((h) => ({ gezinId, dagen: h.daysWithoutCare })),
        professionals: new Set(
          g.professionals
            .filter((p) => p.vanaf <= peil && (p.tot === null || p.tot >= vraag.van))
            .map((p) => p.sleutel),
        ).size,
        gezinssleutel: gezinssleutel(d, g),
      });
    }
    return delen;
  };
  return gezinsdelenCache.bij(
    d,
    JSON.stringify([filter, vraag.van, peil, vraag.bekendOp]),
    () => maak(d.gezinnen.keys()),
    (delen, w) => {
      const gezinIds = new Set(w.gezinnen);
      for (const p of w.personen) for (const g of gezinnenVan(d, p)) gezinIds.add(g);
      const bijgewerkt = new Map(delen);
      for (const [gezinId, deel] of maak(gezinIds)) bijgewerkt.set(gezinId, deel);
      return bijgewerkt;
    },
  );
}

const gezinsdelenCache = new VraagCache<ReadonlyMap<string, Gezinsdeel>>();

/** The totals of families or persons, each count with the keys of whom it counts. */
function samenloopTelling(t: OverlapTotals, telIds: (ids: string[]) => Telling): SamenloopTelling {
  return {
    metZorg: telIds(t.ids.withCare),
    metEenKader: telIds(t.ids.withOneFramework),
    metMeerdereKaders: telIds(t.ids.withMultipleFrameworks),
    perCombinatie: t.perCombination.map((c) => ({
      combinatie: c.combination,
      kaders: c.frameworks,
      aantal: telIds(c.ids),
    })),
    aanbiedersVerdeling: t.providersDistribution.map((p) => ({
      aanbieders: p.providers,
      aantal: telIds(p.ids),
    })),
    samenloopdagen: t.concurrentDaysOfMultiple,
  };
}

export interface GepubliceerdeSamenloop {
  metZorg: number | null;
  metEenKader: number | null;
  metMeerdereKaders: number | null;
  /** Share of those with care that has more than one framework. */
  aandeelMeerdereKaders: number | null;
  perCombinatie: { combinatie: string; kaders: WettelijkKader[]; aantal: number | null }[];
  aanbiedersVerdeling: { aanbieders: number; aantal: number | null }[];
  /** Mean days with care from two or more frameworks, over those with more than one. */
  gemiddeldeSamenloopdagen: number | null;
}

export interface SamenloopCijfers extends MonitoringKop {
  definitie: typeof SAMENLOOP_CIJFERS_DEFINITIE;
  gezinnen: GepubliceerdeSamenloop;
  professionalsPerGezin: { professionals: number; aantal: number | null }[];
  personen: GepubliceerdeSamenloop;
  hiaten: {
    gezinnenMetHiaat: number | null;
    hiaten: number | null;
    gemiddeldeDagenZonderZorg: number | null;
  };
  onderdrukt: Onderdrukt[];
}

/** Asked again with nothing new since, from the cache (see `antwoordPerVersie`). */
export const samenloopCijfers = antwoordPerVersie(berekenSamenloopCijfers);

function berekenSamenloopCijfers(d: MonitoringDataset, vraag: MonitoringVraag): SamenloopCijfers {
  const ruw = telSamenloop(d, vraag);
  const o = new Onderdrukking();
  const publiceer = (t: SamenloopTelling, tabel: string): GepubliceerdeSamenloop => {
    const cel = (veld: string) => ({ tabel, rij: 'totaal', veld });
    return {
      metZorg: o.aantal(t.metZorg, cel('metZorg')),
      metEenKader: o.aantal(t.metEenKader, cel('metEenKader')),
      metMeerdereKaders: o.aantal(t.metMeerdereKaders, cel('metMeerdereKaders')),
      aandeelMeerdereKaders: o.aandeel(
        t.metMeerdereKaders,
        t.metZorg,
        cel('aandeelMeerdereKaders'),
      ),
      perCombinatie: volgensGepubliceerd(t.perCombinatie).map((c) => ({
        combinatie: c.combinatie,
        kaders: c.kaders,
        aantal: o.aantal(c.aantal, { tabel, rij: c.combinatie, veld: 'aantal' }),
      })),
      aanbiedersVerdeling: t.aanbiedersVerdeling.map((a) => ({
        aanbieders: a.aanbieders,
        aantal: o.aantal(a.aantal, { tabel, rij: `${a.aanbieders} aanbieders`, veld: 'aantal' }),
      })),
      gemiddeldeSamenloopdagen: o.gemiddelde(
        t.samenloopdagen,
        t.metMeerdereKaders,
        cel('gemiddeldeSamenloopdagen'),
        1,
      ),
    };
  };
  const { gezinnenMetHiaat, hiaten, dagenZonderZorg } = ruw.hiaten;
  const cel = (veld: string) => ({ tabel: 'hiaten', rij: 'totaal', veld });
  return {
    // Overlap is about several frameworks: a framework asked for is not applied, nor echoed.
    ...kop(SAMENLOOP_CIJFERS_DEFINITIE.versie, { ...vraag, filter: zonderKader(vraag.filter) }),
    definitie: SAMENLOOP_CIJFERS_DEFINITIE,
    gezinnen: publiceer(ruw.gezinnen, 'gezinnen'),
    professionalsPerGezin: ruw.professionalsVerdeling.map(({ professionals, aantal }) => ({
      professionals,
      aantal: o.aantal(aantal, {
        tabel: 'professionalsPerGezin',
        rij: `${professionals} professionals`,
        veld: 'aantal',
      }),
    })),
    personen: publiceer(ruw.personen, 'personen'),
    hiaten: {
      gezinnenMetHiaat: o.aantal(gezinnenMetHiaat, cel('gezinnenMetHiaat')),
      hiaten: o.aantal(hiaten, cel('hiaten')),
      gemiddeldeDagenZonderZorg: o.gemiddelde(
        dagenZonderZorg,
        hiaten,
        cel('gemiddeldeDagenZonderZorg'),
        1,
      ),
    },
    onderdrukt: o.onderdrukt,
  };
}

/**
 * The combinations most frequent first by their published counts (withheld ones last), then by
 * name: the raw order would tell which of two withheld, or equally published, cells is larger.
 */
function volgensGepubliceerd<T extends { combinatie: string; aantal: Telling }>(
  rijen: readonly T[],
): T[] {
  const gepubliceerd = (r: T) => publiceerAantal(r.aantal) ?? -1;
  return [...rijen].sort(
    (a, b) => gepubliceerd(b) - gepubliceerd(a) || compareText(a.combinatie, b.combinatie),
  );
}

/** The UpSet table: per combination of frameworks, families and persons. */
export function samenloopTabel(c: SamenloopCijfers): Tabel {
  const combinaties = [
    ...new Set([
      ...c.gezinnen.perCombinatie.map((r) => r.combinatie),
      ...c.personen.perCombinatie.map((r) => r.combinatie),
    ]),
  ];
  // A combination missing from one list has 0 there: under 10, so withheld like any other.
  const aantal = (rijen: GepubliceerdeSamenloop['perCombinatie'], combinatie: string) =>
    rijen.find((r) => r.combinatie === combinatie)?.aantal ?? null;
  return {
    kolommen: ['combinatie', 'kaders', 'gezinnen', 'personen', 'onderdrukt'],
    rijen: combinaties.map((combinatie) => {
      const gezinnen = aantal(c.gezinnen.perCombinatie, combinatie);
      const personen = aantal(c.personen.perCombinatie, combinatie);
      return [
        combinatie,
        combinatie.split('+').length,
        gezinnen,
        personen,
        [gezinnen === null ? 'gezinnen' : '', personen === null ? 'personen' : '']
          .filter(Boolean)
          .join(' '),
      ];
    }),
  };
}

function zonderKader({ kader: _kader, ...filter }: MonitoringFilter): MonitoringFilter {
  return filter;
}
