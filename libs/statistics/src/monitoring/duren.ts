import { Woonvorm } from '@app/domain';
import { Cel, Onderdrukking, Onderdrukt } from '../disclosure';
import {
  DurationObservation,
  DurationSummary,
  durationDays,
  kaplanMeier,
  observation,
  summarizeEnded,
} from '../durations';
import { compareText } from '../episodes';
import { MonitoringDataset, VerblijfFeit } from './dataset';
import {
  MonitoringKop,
  MonitoringVraag,
  Tabel,
  ZorgEpisode,
  aanbiederNaam,
  geselecteerdeVerblijven,
  kop,
  peildatum,
  productOmschrijving,
  zorgEpisodes,
} from './selectie';

/**
 * Care durations (002:2179-2491, "nog te definiëren"): the duration of care per form of care,
 * product or provider, of residential stays without foster care, and of "behandeld wonen" against
 * the council's goal (25% shorter in 2026 than in 2023). Ended episodes give the summary figures;
 * running ones only enter the Kaplan-Meier estimate, censored at the peildatum.
 */
export const MONITORING_DUREN_DEFINITIE = {
  versie: 'monitoring-duren-1',
  eenheid:
    'zorgepisode: toewijzingen die de selectie kiest, per persoon en product samengevoegd als er ' +
    'hoogstens 1 dag tussen zit (zie episodes-1); een episode telt mee als ze van van tot en met ' +
    'tot begon',
  groepering:
    'per productcategorie, product of aanbieder van de episode; een episode met meer aanbieders ' +
    'telt bij elk van hen, en in het totaal één keer; de naam is die op de begindatum van de ' +
    'laatst begonnen episode van de groep',
  duur: 'kalenderdagen van begin tot en met einde, beide meegeteld',
  lopend:
    'een episode die op de peildatum (de vroegste van tot en bekendOp) nog loopt, is lopend: haar ' +
    'duur is onbekend en op de peildatum afgekapt (gecensureerd)',
  samenvatting:
    'gemiddelde, mediaan, p25, p75 en p90 alleen over beëindigde episodes; lopende episodes tellen ' +
    'daar NIET in mee (zie lopend); percentielen met lineaire interpolatie (PERCENTIEL.INC), in ' +
    'dagen met één decimaal; niet getoond bij minder dan 10 beëindigde',
  kaplanMeier:
    'over alle episodes, beëindigde als uitkomst en lopende gecensureerd op hun duur tot de ' +
    'peildatum; kmMediaan: de eerste duur waarop de geschatte overleving 0,5 of lager is (null als ' +
    'de curve daar niet komt); overlevingNa90/180/365: geschat percentage episodes dat langer dan ' +
    '90/180/365 dagen duurt, één decimaal; null als geen episode zo lang gevolgd is; niet getoond ' +
    'bij minder dan 10 episodes',
  verblijf:
    'verblijven die de selectie kiest en van van tot en met tot (en uiterlijk op de peildatum) ' +
    'begonnen, zonder verblijven die als pleegzorg begonnen; duur van startdatum tot en met ' +
    'einddatum als het verblijf uiterlijk op de peildatum eindigde, anders lopend en gecensureerd ' +
    'op de peildatum; verblijven met een einde voor de start tellen niet',
  behandeldWonen:
    'verblijven die als behandeld wonen begonnen, berekend als verblijf; het basisjaar is 2023 ' +
    '(van 2023-01-01 tot en met 2023-12-31, zelfde bekendOp en selectie, dus afgekapt op ' +
    '2023-12-31); doel: het gemiddelde van 2023 maal 0,75 (25% korter in 2026); ' +
    'verschilPercentage: (gemiddelde nu - gemiddelde 2023) / gemiddelde 2023 x 100, één decimaal, ' +
    'niet getoond als een van beide gemiddelden niet getoond wordt',
  onderdrukking:
    'aantallen onder 10 worden niet getoond (null, zie onderdrukt), andere zijn afgerond op 5; ' +
    'duren en percentielen niet bij minder dan 10 beëindigde, Kaplan-Meier-cijfers niet bij minder ' +
    'dan 10 episodes in de groep',
} as const;

export const DUUR_GROEPERINGEN = ['categorie', 'product', 'aanbieder'] as const;
export type DuurGroepering = (typeof DUUR_GROEPERINGEN)[number];

/** The days after which the survival share is given. */
export const OVERLEVING_DAGEN = [90, 180, 365] as const;

/** The council's goal for behandeld wonen: the mean duration of 2026 is 25% shorter than 2023's. */
export const BEHANDELD_WONEN_DOELFACTOR = 0.75;
export const BASISJAAR = { van: '2023-01-01', tot: '2023-12-31' } as const;

const PLEEGZORG: Woonvorm = 'pleegzorg';
const BEHANDELD_WONEN: Woonvorm = 'behandeld-wonen';

/** Unrounded figures over a set of durations: never published as such. */
export interface RuweDuurStatistiek {
  aantal: number;
  beeindigd: number;
  lopend: number;
  /** Over the ended ones only. */
  samenvatting: DurationSummary;
  kmMediaan: number | null;
  /** Kaplan-Meier survival (0..1) after 90, 180 and 365 days; null when not estimable. */
  overlevingNa90: number | null;
  overlevingNa180: number | null;
  overlevingNa365: number | null;
}

export interface RuweDuurGroep extends RuweDuurStatistiek {
  /** Category code, product code or provider id. */
  sleutel: string;
  naam: string;
}

export interface RuweDuren {
  groep: DuurGroepering;
  perGroep: RuweDuurGroep[];
  totaal: RuweDuurStatistiek;
  verblijf: RuweDuurStatistiek;
  behandeldWonen: { periode: RuweDuurStatistiek; basisjaar: RuweDuurStatistiek };
}

/** A duration statistic as it may be published. Days with one decimal; survival in percent. */
export interface GepubliceerdeDuren {
  aantal: number | null;
  beeindigd: number | null;
  lopend: number | null;
  gemiddelde: number | null;
  mediaan: number | null;
  p25: number | null;
  p75: number | null;
  p90: number | null;
  kmMediaan: number | null;
  overlevingNa90: number | null;
  overlevingNa180: number | null;
  overlevingNa365: number | null;
}

export interface DurenCijfers extends MonitoringKop {
  definitie: typeof MONITORING_DUREN_DEFINITIE;
  groep: DuurGroepering;
  perGroep: ({ sleutel: string; naam: string } & GepubliceerdeDuren)[];
  totaal: GepubliceerdeDuren;
  /** Residential stays without foster care. */
  verblijf: GepubliceerdeDuren;
  behandeldWonen: {
    periode: GepubliceerdeDuren;
    basisjaar: { van: string; tot: string } & GepubliceerdeDuren;
    /** The baseline mean × 0.75, in days with one decimal. */
    doelGemiddelde: number | null;
    /** Mean now against the baseline mean, in percent with one decimal (negative: shorter). */
    verschilPercentage: number | null;
  };
  onderdrukt: Onderdrukt[];
}

/** Counts and durations, unrounded. Order of the facts is irrelevant. */
export function telDuren(
  d: MonitoringDataset,
  vraag: MonitoringVraag,
  groep: DuurGroepering,
): RuweDuren {
  const peil = peildatum(vraag);
  const episodes = zorgEpisodes(d, vraag.filter, peil, vraag.bekendOp).filter(
    (e) => e.start >= vraag.van && e.start <= vraag.tot,
  );

  const perSleutel = new Map<string, ZorgEpisode[]>();
  for (const episode of episodes) {
    for (const sleutel of sleutelsVan(episode, groep)) {
      const lijst = perSleutel.get(sleutel) ?? [];
      lijst.push(episode);
      perSleutel.set(sleutel, lijst);
    }
  }
  const perGroep = [...perSleutel].map(([sleutel, lijst]): RuweDuurGroep => {
    const laatsteStart = lijst.reduce((max, e) => (e.start > max ? e.start : max), lijst[0]!.start);
    return {
      sleutel,
      naam: groepsnaam(d, groep, sleutel, laatsteStart),
      ...duurStatistiek(lijst.map(observation)),
    };
  });
  perGroep.sort((a, b) => compareText(a.naam, b.naam) || compareText(a.sleutel, b.sleutel));

  const behandeldWonen = (v: Pick<MonitoringVraag, 'van' | 'tot' | 'bekendOp'>) =>
    duurStatistiek(verblijfsduren(d, { ...vraag, ...v }, (vorm) => vorm === BEHANDELD_WONEN));

  return {
    groep,
    perGroep,
    totaal: duurStatistiek(episodes.map(observation)),
    verblijf: duurStatistiek(verblijfsduren(d, vraag, (vorm) => vorm !== PLEEGZORG)),
    behandeldWonen: {
      periode: behandeldWonen(vraag),
      basisjaar: behandeldWonen({ ...BASISJAAR, bekendOp: vraag.bekendOp }),
    },
  };
}

/** The figures as published, under disclosure control. */
export function durenCijfers(
  d: MonitoringDataset,
  vraag: MonitoringVraag,
  groep: DuurGroepering,
): DurenCijfers {
  const ruw = telDuren(d, vraag, groep);
  const o = new Onderdrukking();
  const { periode, basisjaar } = ruw.behandeldWonen;
  const nu = periode.samenvatting;
  const basis = basisjaar.samenvatting;
  const bwCel = (veld: string): Cel => ({ tabel: 'behandeldWonen', rij: 'doel', veld });
  return {
    ...kop(MONITORING_DUREN_DEFINITIE.versie, vraag),
    definitie: MONITORING_DUREN_DEFINITIE,
    groep,
    perGroep: ruw.perGroep.map(({ sleutel, naam, ...statistiek }) => ({
      sleutel,
      naam,
      ...publiceerDuren(o, statistiek, 'perGroep', rijnaam(sleutel, naam)),
    })),
    totaal: publiceerDuren(o, ruw.totaal, 'totaal', 'totaal'),
    verblijf: publiceerDuren(o, ruw.verblijf, 'verblijf', 'verblijf zonder pleegzorg'),
    behandeldWonen: {
      periode: publiceerDuren(o, periode, 'behandeldWonen', 'periode'),
      basisjaar: {
        ...BASISJAAR,
        ...publiceerDuren(o, basisjaar, 'behandeldWonen', 'basisjaar 2023'),
      },
      doelGemiddelde: o.waarde(
        basis.mean === null ? null : basis.mean * BEHANDELD_WONEN_DOELFACTOR,
        basis.count,
        bwCel('doelGemiddelde'),
        1,
      ),
      // Computed from the unrounded means; withheld when either mean is.
      verschilPercentage: o.waarde(
        nu.mean === null || basis.mean === null || basis.mean === 0
          ? null
          : (100 * (nu.mean - basis.mean)) / basis.mean,
        Math.min(nu.count, basis.count),
        bwCel('verschilPercentage'),
        1,
      ),
    },
    onderdrukt: o.onderdrukt,
  };
}

const KOLOMMEN: (keyof GepubliceerdeDuren)[] = [
  'aantal',
  'beeindigd',
  'lopend',
  'gemiddelde',
  'mediaan',
  'p25',
  'p75',
  'p90',
  'kmMediaan',
  'overlevingNa90',
  'overlevingNa180',
  'overlevingNa365',
];

/**
 * One row per group, the total, the stays without foster care, and behandeld wonen now and in
 * 2023 (with the goal and the difference in that last pair's first row); the last column lists
 * the withheld columns of the row (an empty cell that is not listed is not applicable).
 */
export function durenTabel(c: DurenCijfers): Tabel {
  const kolommen = [...KOLOMMEN, 'doelGemiddelde', 'verschilPercentage'];
  /** The withheld columns of the cells noted under these rows, in column order. */
  const onderdrukt = (...rijen: [string, string][]) => {
    const velden = new Set(
      c.onderdrukt
        .filter((x) => rijen.some(([tabel, rij]) => x.tabel === tabel && x.rij === rij))
        .flatMap((x) => x.velden),
    );
    return kolommen.filter((k) => velden.has(k)).join(' ');
  };
  const waarden = (
    w: GepubliceerdeDuren,
    doel: number | null = null,
    verschil: number | null = null,
  ) => [...KOLOMMEN.map((k) => w[k]), doel, verschil];
  const bw = c.behandeldWonen;
  return {
    kolommen: ['onderdeel', 'sleutel', 'naam', ...kolommen, 'onderdrukt'],
    rijen: [
      ...c.perGroep.map((g) => [
        c.groep,
        g.sleutel,
        g.naam,
        ...waarden(g),
        onderdrukt(['perGroep', rijnaam(g.sleutel, g.naam)]),
      ]),
      ['totaal', '', 'totaal', ...waarden(c.totaal), onderdrukt(['totaal', 'totaal'])],
      [
        'verblijf',
        '',
        'verblijf zonder pleegzorg',
        ...waarden(c.verblijf),
        onderdrukt(['verblijf', 'verblijf zonder pleegzorg']),
      ],
      [
        'behandeld wonen',
        `${c.van}..${c.tot}`,
        'periode',
        ...waarden(bw.periode, bw.doelGemiddelde, bw.verschilPercentage),
        onderdrukt(['behandeldWonen', 'periode'], ['behandeldWonen', 'doel']),
      ],
      [
        'behandeld wonen',
        `${bw.basisjaar.van}..${bw.basisjaar.tot}`,
        'basisjaar 2023',
        ...waarden(bw.basisjaar),
        onderdrukt(['behandeldWonen', 'basisjaar 2023']),
      ],
    ],
  };
}

/**
 * Count, summary over the ended ones and Kaplan-Meier over all. Survival after t days is the
 * estimate at t; beyond the longest observed duration it is only known when it already reached 0.
 */
export function duurStatistiek(waarnemingen: readonly DurationObservation[]): RuweDuurStatistiek {
  const { excludedRunning, ...samenvatting } = summarizeEnded(waarnemingen);
  const km = kaplanMeier(waarnemingen);
  const langste = km.points[km.points.length - 1];
  const overlevingNa = (dag: number): number | null => {
    if (!langste) return null;
    if (dag > langste.day) return langste.survival <= 1e-9 ? 0 : null;
    let survival = 1;
    for (const p of km.points) if (p.day <= dag) survival = p.survival;
    return survival;
  };
  return {
    aantal: waarnemingen.length,
    beeindigd: samenvatting.count,
    lopend: excludedRunning,
    samenvatting,
    kmMediaan: km.median,
    overlevingNa90: overlevingNa(OVERLEVING_DAGEN[0]),
    overlevingNa180: overlevingNa(OVERLEVING_DAGEN[1]),
    overlevingNa365: overlevingNa(OVERLEVING_DAGEN[2]),
  };
}

/**
 * Durations of the selected stays that started from van to tot (and by the peildatum) in a form
 * `vormBijStart` accepts: ended when the end is known by the peildatum, else censored there.
 */
function verblijfsduren(
  d: MonitoringDataset,
  vraag: MonitoringVraag,
  vormBijStart: (vorm: Woonvorm) => boolean,
): DurationObservation[] {
  const peil = peildatum(vraag);
  return geselecteerdeVerblijven(d, vraag.filter).flatMap((v) => {
    const vorm = v.woonvormen[0]?.woonvorm;
    if (vorm === undefined || !vormBijStart(vorm)) return [];
    if (v.startdatum < vraag.van || v.startdatum > vraag.tot || v.startdatum > peil) return [];
    const duur = verblijfsduur(v, peil);
    return duur === null ? [] : [duur];
  });
}

function verblijfsduur(v: VerblijfFeit, peil: string): DurationObservation | null {
  if (v.einde !== null && v.einde.datum <= peil) {
    // An end before the start is inconsistent data: not counted, as with assignments.
    if (v.einde.datum < v.startdatum) return null;
    return { duration: durationDays(v.startdatum, v.einde.datum), ended: true };
  }
  return { duration: durationDays(v.startdatum, peil), ended: false };
}

function sleutelsVan(episode: ZorgEpisode, groep: DuurGroepering): string[] {
  switch (groep) {
    case 'categorie':
      return [episode.categorie];
    case 'product':
      return [episode.productcode];
    case 'aanbieder':
      return episode.aanbiederIds;
  }
}

function groepsnaam(
  d: MonitoringDataset,
  groep: DuurGroepering,
  sleutel: string,
  datum: string,
): string {
  switch (groep) {
    case 'categorie':
      return `categorie ${sleutel}`;
    case 'product':
      return productOmschrijving(d, sleutel, datum);
    case 'aanbieder':
      return aanbiederNaam(d, sleutel, datum);
  }
}

/** A row in words that stays unique when two groups share a name. */
function rijnaam(sleutel: string, naam: string): string {
  return naam === sleutel ? sleutel : `${naam} (${sleutel})`;
}

function publiceerDuren(
  o: Onderdrukking,
  s: RuweDuurStatistiek,
  tabel: string,
  rij: string,
): GepubliceerdeDuren {
  const cel = (veld: string): Cel => ({ tabel, rij, veld });
  const dagen = (waarde: number | null, veld: string) =>
    o.waarde(waarde, s.beeindigd, cel(veld), 1);
  const km = (waarde: number | null, veld: string, factor: number) =>
    o.waarde(waarde === null ? null : waarde * factor, s.aantal, cel(veld), factor === 1 ? 0 : 1);
  return {
    aantal: o.aantal(s.aantal, cel('aantal')),
    beeindigd: o.aantal(s.beeindigd, cel('beeindigd')),
    lopend: o.aantal(s.lopend, cel('lopend')),
    gemiddelde: dagen(s.samenvatting.mean, 'gemiddelde'),
    mediaan: dagen(s.samenvatting.median, 'mediaan'),
    p25: dagen(s.samenvatting.p25, 'p25'),
    p75: dagen(s.samenvatting.p75, 'p75'),
    p90: dagen(s.samenvatting.p90, 'p90'),
    kmMediaan: km(s.kmMediaan, 'kmMediaan', 1),
    overlevingNa90: km(s.overlevingNa90, 'overlevingNa90', 100),
    overlevingNa180: km(s.overlevingNa180, 'overlevingNa180', 100),
    overlevingNa365: km(s.overlevingNa365, 'overlevingNa365', 100),
  };
}
