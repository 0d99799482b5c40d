import { WettelijkKader } from '@app/domain';
import { Onderdrukking, Onderdrukt } from '../disclosure';
import { Family, SAMENLOOP_DEFINITIE, gaps, overlapInPeriod } from '../overlap';
import { MonitoringDataset, wijkOp } from './dataset';
import {
  MonitoringFilter,
  MonitoringKop,
  MonitoringVraag,
  Tabel,
  WIJK_DEFINITIE,
  kop,
  peildatum,
  zorgEpisodes,
} from './selectie';

export const SAMENLOOP_CIJFERS_DEFINITIE = {
  versie: 'samenloop-cijfers-1',
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
} as const;

export interface SamenloopTelling {
  metZorg: number;
  metEenKader: number;
  metMeerdereKaders: number;
  perCombinatie: { combinatie: string; kaders: WettelijkKader[]; aantal: number }[];
  aanbiedersVerdeling: { aanbieders: number; aantal: number }[];
  /** Summed over those with more than one framework. */
  samenloopdagen: number;
}

export interface RuweSamenloop {
  gezinnen: SamenloopTelling;
  /** Families with care in the period by the number of professionals working with them. */
  professionalsVerdeling: { professionals: number; aantal: number }[];
  personen: SamenloopTelling;
  hiaten: { gezinnenMetHiaat: number; hiaten: number; dagenZonderZorg: number[] };
}

/** Overlap of provisions within families, per family and per person; unrounded. */
export function telSamenloop(d: MonitoringDataset, vraag: MonitoringVraag): RuweSamenloop {
  const peil = peildatum(vraag);
  const { wijk, ...filter } = zonderKader(vraag.filter);
  const perPersoon = new Map<string, ReturnType<typeof zorgEpisodes>>();
  for (const e of zorgEpisodes(d, filter, peil, vraag.bekendOp)) {
    perPersoon.set(e.persoonId, [...(perPersoon.get(e.persoonId) ?? []), e]);
  }
  const families: Family[] = [...d.gezinnen.values()]
    .filter((g) => wijk === undefined || wijkOp(g, peil) === wijk)
    .map((g) => ({
      gezinId: g.gezinId,
      members: g.leden
        // A family is registered when it asks for help, after its members' care may have started:
        // the date a member was added does not bound their care; removal before the period does.
        .filter((l) => l.tot === null || l.tot >= vraag.van)
        .map((l) => ({ persoonId: l.persoonId, episodes: perPersoon.get(l.persoonId) ?? [] })),
    }));
  if (peil < vraag.van) {
    const leeg: SamenloopTelling = {
      metZorg: 0,
      metEenKader: 0,
      metMeerdereKaders: 0,
      perCombinatie: [],
      aanbiedersVerdeling: [],
      samenloopdagen: 0,
    };
    return {
      gezinnen: leeg,
      professionalsVerdeling: [],
      personen: leeg,
      hiaten: { gezinnenMetHiaat: 0, hiaten: 0, dagenZonderZorg: [] },
    };
  }
  const overlap = overlapInPeriod(families, vraag.van, peil);
  const telling = (t: typeof overlap.totals.families): SamenloopTelling => ({
    metZorg: t.withCare,
    metEenKader: t.withOneFramework,
    metMeerdereKaders: t.withMultipleFrameworks,
    perCombinatie: t.perCombination.map((c) => ({
      combinatie: c.combination,
      kaders: c.frameworks,
      aantal: c.count,
    })),
    aanbiedersVerdeling: t.providersDistribution.map((p) => ({
      aanbieders: p.providers,
      aantal: p.count,
    })),
    samenloopdagen: t.concurrentDays,
  });
  const inPeriode = gaps(families).families.map((f) =>
    f.gaps.filter((g) => g.restart >= vraag.van && g.restart <= peil),
  );
  const professionals = new Map<number, number>();
  for (const f of overlap.families) {
    if (f.combination === null) continue;
    const n = new Set(
      d.gezinnen
        .get(f.gezinId)!
        .professionals.filter((p) => p.vanaf <= peil && (p.tot === null || p.tot >= vraag.van))
        .map((p) => p.sleutel),
    ).size;
    professionals.set(n, (professionals.get(n) ?? 0) + 1);
  }
  return {
    gezinnen: telling(overlap.totals.families),
    professionalsVerdeling: [...professionals.entries()]
      .sort(([a], [b]) => a - b)
      .map(([n, aantal]) => ({ professionals: n, aantal })),
    personen: telling(overlap.totals.persons),
    hiaten: {
      gezinnenMetHiaat: inPeriode.filter((g) => g.length > 0).length,
      hiaten: inPeriode.reduce((n, g) => n + g.length, 0),
      dagenZonderZorg: inPeriode.flat().map((g) => g.daysWithoutCare),
    },
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

export function samenloopCijfers(d: MonitoringDataset, vraag: MonitoringVraag): SamenloopCijfers {
  const ruw = telSamenloop(d, vraag);
  const o = new Onderdrukking();
  const publiceer = (t: SamenloopTelling, tabel: string): GepubliceerdeSamenloop => ({
    metZorg: o.aantal(t.metZorg, { tabel, rij: 'totaal', veld: 'metZorg' }),
    metEenKader: o.aantal(t.metEenKader, { tabel, rij: 'totaal', veld: 'metEenKader' }),
    metMeerdereKaders: o.aantal(t.metMeerdereKaders, {
      tabel,
      rij: 'totaal',
      veld: 'metMeerdereKaders',
    }),
    aandeelMeerdereKaders: o.aandeel(t.metMeerdereKaders, t.metZorg, {
      tabel,
      rij: 'totaal',
      veld: 'aandeelMeerdereKaders',
    }),
    perCombinatie: t.perCombinatie.map((c) => ({
      ...c,
      aantal: o.aantal(c.aantal, { tabel, rij: c.combinatie, veld: 'aantal' }),
    })),
    aanbiedersVerdeling: t.aanbiedersVerdeling.map((a) => ({
      aanbieders: a.aanbieders,
      aantal: o.aantal(a.aantal, { tabel, rij: `${a.aanbieders} aanbieders`, veld: 'aantal' }),
    })),
    gemiddeldeSamenloopdagen: o.waarde(
      t.metMeerdereKaders === 0 ? null : t.samenloopdagen / t.metMeerdereKaders,
      t.metMeerdereKaders,
      { tabel, rij: 'totaal', veld: 'gemiddeldeSamenloopdagen' },
      1,
    ),
  });
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
      gemiddeldeDagenZonderZorg: o.waarde(
        hiaten === 0 ? null : dagenZonderZorg.reduce((a, b) => a + b, 0) / hiaten,
        hiaten,
        cel('gemiddeldeDagenZonderZorg'),
        1,
      ),
    },
    onderdrukt: o.onderdrukt,
  };
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
