import { addDays, addMonths, format, parseISO } from 'date-fns';
import {
  Cel,
  DREMPEL,
  ONDERDRUKKING_DEFINITIE,
  Onderdrukking,
  Onderdrukt,
  Telling,
} from '../disclosure';
import { compareText, daysApart } from '../intervals';
import {
  MonitoringDataset,
  ToewijzingFeit,
  VerlengingFeit,
  antwoordPerVersie,
  recordsleutel,
} from './dataset';
import {
  MonitoringKop,
  MonitoringVraag,
  Tabel,
  WIJK_DEFINITIE,
  ZorgEpisode,
  aanbiederNaam,
  kop,
  peildatum,
  productOmschrijving,
  gedeeldeZorgEpisodes,
  selecteert,
} from './selectie';

/**
 * Extensions (002:1507-1577): per provider and per product, how often care lasts longer than the
 * contracted maximum, and the number, outcome, length and reasons of extension requests; and how
 * often residential care was extended despite contract agreements. Target: 40% fewer extensions.
 */
export const VERLENGINGEN_DEFINITIE = {
  versie: 'verlengingen-2',
  wijk: WIJK_DEFINITIE,
  episodes:
    'zorgepisodes (toewijzingen die de selectie kiest, per persoon en product samengevoegd als er ' +
    'hoogstens 1 dag tussen zit) die in de periode actief waren (begin uiterlijk op tot, einde ' +
    'niet voor van) en waarvan de eerste toewijzing een gecontracteerde maximale duur heeft ' +
    '(metMaximum)',
  langerDanMaximum:
    'het einde van de episode ligt na begin + maximum aantal maanden - 1 dag (begin 2026-01-01 met ' +
    '3 maanden: na 2026-03-31); een lopende episode telt met haar duur tot de peildatum (de ' +
    'vroegste van tot en bekendOp), dus zij telt pas als die al langer is dan het maximum',
  aandeelLangerDanMaximum:
    'langerDanMaximum als percentage van metMaximum, één decimaal, uit de gepubliceerde aantallen; ' +
    'niet getoond als een van beide niet getoond wordt',
  aanvragen:
    'verlengingsaanvragen met een aanvraagdatum van van tot en met tot, waarvan de toewijzing door ' +
    'de selectie gekozen wordt; gegroepeerd naar aanbieder of product van die toewijzing; het ' +
    'besluit zoals bekend op bekendOp (openstaand: nog geen besluit); telaat: aangevraagd nadat de ' +
    'toewijzing was afgelopen; aandeelToegekend: het gepubliceerde aantal toegekend als ' +
    'percentage van toegekend + afgewezen (verstoord en afgerond zoals elk gepubliceerd aantal), ' +
    'één decimaal; niet getoond als een van beide onder 10 ligt',
  extraDagen:
    'van toegekende aanvragen: dagen van de einddatum van de oude toewijzing tot de gevraagde ' +
    'einddatum, gemiddeld, één decimaal, met ruis (zie onderdrukking); niet getoond bij minder ' +
    'dan 10 toegekende',
  verblijfVerlengd:
    'toegekende aanvragen voor een verblijfstoewijzing (categorie 43/44 of 90002): het aantal keer ' +
    'dat verblijf ondanks de contractafspraken verlengd werd',
  redenen:
    'de reden van de gekozen aanvragen, zonder spaties aan begin en eind, met enkele spaties en in ' +
    'kleine letters; een reden wordt alleen letterlijk getoond als minstens 10 aanvragen haar ' +
    'geven (vrije tekst kan iemand herkenbaar maken); alle andere samen als "overige redenen"',
  groepering:
    'per aanbieder of product; een episode met meer aanbieders telt bij elk van hen en in het ' +
    'totaal één keer; de naam is die op de peildatum',
  onderdrukking: ONDERDRUKKING_DEFINITIE,
} as const;

export const VERLENGING_GROEPERINGEN = ['aanbieder', 'product'] as const;
export type VerlengingGroepering = (typeof VERLENGING_GROEPERINGEN)[number];

export const OVERIGE_REDENEN = 'overige redenen';

/**
 * Each count with its cell key: an episode or a request carries its person's record key (a person
 * with two in a cell adds it twice). Never published as such.
 */
export interface RuweVerlengingTelling {
  metMaximum: Telling;
  langerDanMaximum: Telling;
  aangevraagd: Telling;
  toegekend: Telling;
  afgewezen: Telling;
  openstaand: Telling;
  telaat: Telling;
  /** Per granted request, the days it extends the old assignment's end by (`toegekend` counts them). */
  extraDagen: number[];
  verblijfVerlengd: Telling;
}

export interface RuweVerlengingGroep extends RuweVerlengingTelling {
  /** Provider id or product code. */
  sleutel: string;
  naam: string;
}

export interface RuweVerlengingen {
  groep: VerlengingGroepering;
  perGroep: RuweVerlengingGroep[];
  totaal: RuweVerlengingTelling;
  /** Every normalised reason with its requests, most given first. */
  redenen: { reden: string; aantal: Telling }[];
}

export interface GepubliceerdeVerlengingen {
  metMaximum: number | null;
  langerDanMaximum: number | null;
  /** The published langerDanMaximum in percent of the published metMaximum, one decimal. */
  aandeelLangerDanMaximum: number | null;
  aangevraagd: number | null;
  toegekend: number | null;
  afgewezen: number | null;
  openstaand: number | null;
  telaat: number | null;
  /** The published toegekend in percent of the decided requests as published, one decimal. */
  aandeelToegekend: number | null;
  /** With noise from the cell key of the granted requests. */
  gemiddeldeExtraDagen: number | null;
  verblijfVerlengd: number | null;
}

export interface VerlengingenCijfers extends MonitoringKop {
  definitie: typeof VERLENGINGEN_DEFINITIE;
  groep: VerlengingGroepering;
  perGroep: ({ sleutel: string; naam: string } & GepubliceerdeVerlengingen)[];
  totaal: GepubliceerdeVerlengingen;
  /** Reasons given by at least 10 requests, then 'overige redenen'. */
  redenen: { reden: string; aantal: number | null }[];
  onderdrukt: Onderdrukt[];
}

/** Counts with their cell keys. Order of the facts is irrelevant. */
export function telVerlengingen(
  d: MonitoringDataset,
  vraag: MonitoringVraag,
  groep: VerlengingGroepering,
): RuweVerlengingen {
  const peil = peildatum(vraag);
  const perSleutel = new Map<string, RuweVerlengingTelling>();
  const totaal = leeg();
  const rij = (sleutel: string): RuweVerlengingTelling => {
    let telling = perSleutel.get(sleutel);
    if (!telling) {
      telling = leeg();
      perSleutel.set(sleutel, telling);
    }
    return telling;
  };
  const tellingen = (sleutels: readonly string[]) => [totaal, ...sleutels.map(rij)];

  for (const episode of gedeeldeZorgEpisodes(d, vraag.filter, peil, vraag.bekendOp)) {
    if (episode.start > vraag.tot || episode.end < vraag.van) continue;
    if (episode.maxDuurMaanden === null) continue;
    const langer = langerDanMaximum(episode, episode.maxDuurMaanden);
    // One pass over the episodes: each adds its person's record key to the cells it counts in
    // (without a list per episode: tens of thousands of them over five years).
    const persoon = episode.recordsleutel;
    const telMee = (t: RuweVerlengingTelling) => {
      t.metMaximum.telOp(persoon);
      if (langer) t.langerDanMaximum.telOp(persoon);
    };
    telMee(totaal);
    if (groep === 'product') telMee(rij(episode.productcode));
    else for (const id of episode.aanbiederIds) telMee(rij(id));
  }

  // The requests of the period whose assignment the filter selects: looked up per request, not
  // by going through every assignment of the municipality.
  const gekozen = selecteert(d, vraag.filter, peil);
  const redenen = new Map<string, Telling>();
  for (const v of d.verlengingen.values()) {
    if (v.aangevraagdOp < vraag.van || v.aangevraagdOp > vraag.tot) continue;
    const toewijzing = d.toewijzingen.get(v.toewijzingId);
    if (!toewijzing || !gekozen(toewijzing)) continue;
    const sleutel = groep === 'aanbieder' ? toewijzing.aanbiederId : toewijzing.productcode;
    const persoon = recordsleutel(d, v.persoonId);
    for (const t of tellingen([sleutel])) telAanvraag(t, v, toewijzing, persoon);
    const reden = normaliseerReden(v.reden);
    redenen.set(reden, (redenen.get(reden) ?? new Telling()).telOp(persoon));
  }

  const perGroep = [...perSleutel].map(([sleutel, telling]) => ({
    sleutel,
    naam:
      groep === 'aanbieder'
        ? aanbiederNaam(d, sleutel, peil)
        : productOmschrijving(d, sleutel, peil),
    ...telling,
  }));
  perGroep.sort((a, b) => compareText(a.naam, b.naam) || compareText(a.sleutel, b.sleutel));
  return {
    groep,
    perGroep,
    totaal,
    redenen: [...redenen]
      .map(([reden, aantal]) => ({ reden, aantal }))
      .sort((a, b) => b.aantal.aantal - a.aantal.aantal || compareText(a.reden, b.reden)),
  };
}

/** The figures as published, under disclosure control. */
export const verlengingenCijfers = antwoordPerVersie(berekenVerlengingenCijfers);

function berekenVerlengingenCijfers(
  d: MonitoringDataset,
  vraag: MonitoringVraag,
  groep: VerlengingGroepering,
): VerlengingenCijfers {
  const ruw = telVerlengingen(d, vraag, groep);
  const o = new Onderdrukking();
  return {
    ...kop(VERLENGINGEN_DEFINITIE.versie, vraag),
    definitie: VERLENGINGEN_DEFINITIE,
    groep,
    perGroep: ruw.perGroep.map(({ sleutel, naam, ...telling }) => ({
      sleutel,
      naam,
      ...publiceerTelling(o, telling, 'perGroep', rijnaam(sleutel, naam)),
    })),
    totaal: publiceerTelling(o, ruw.totaal, 'totaal', 'totaal'),
    redenen: publiceerRedenen(o, ruw.redenen),
    onderdrukt: o.onderdrukt,
  };
}

const KOLOMMEN: (keyof GepubliceerdeVerlengingen)[] = [
  'metMaximum',
  'langerDanMaximum',
  'aandeelLangerDanMaximum',
  'aangevraagd',
  'toegekend',
  'afgewezen',
  'openstaand',
  'telaat',
  'aandeelToegekend',
  'gemiddeldeExtraDagen',
  'verblijfVerlengd',
];

/** One row per group and a total row; the last column lists the withheld columns of the row. */
export function verlengingenTabel(c: VerlengingenCijfers): Tabel {
  const onderdrukt = (tabel: string, rij: string) => {
    const velden = new Set(
      c.onderdrukt.filter((x) => x.tabel === tabel && x.rij === rij).flatMap((x) => x.velden),
    );
    return KOLOMMEN.filter((k) => velden.has(k)).join(' ');
  };
  return {
    kolommen: [c.groep, 'naam', ...KOLOMMEN, 'onderdrukt'],
    rijen: [
      ...c.perGroep.map((g) => [
        g.sleutel,
        g.naam,
        ...KOLOMMEN.map((k) => g[k]),
        onderdrukt('perGroep', rijnaam(g.sleutel, g.naam)),
      ]),
      ['totaal', 'totaal', ...KOLOMMEN.map((k) => c.totaal[k]), onderdrukt('totaal', 'totaal')],
    ],
  };
}

/**
 * Longer than the contracted maximum: the episode's end (its peildatum when running) lies after
 * the last day of the maximum, start + max months - 1 day.
 */
export function langerDanMaximum(
  episode: Pick<ZorgEpisode, 'start' | 'end'>,
  maxDuurMaanden: number,
): boolean {
  const sleutel = `${episode.start}|${maxDuurMaanden}`;
  let laatsteDag = laatsteDagen.get(sleutel);
  if (laatsteDag === undefined) {
    laatsteDag = format(
      addDays(addMonths(parseISO(episode.start), maxDuurMaanden), -1),
      'yyyy-MM-dd',
    );
    laatsteDagen.set(sleutel, laatsteDag);
  }
  return episode.end > laatsteDag;
}

/**
 * The last day of the maximum per start and maximum: date-fns takes microseconds a call and a
 * figure asks it for every episode; there are a few thousand days and a handful of maxima.
 */
const laatsteDagen = new Map<string, string>();

/** Reasons are grouped case- and spacing-insensitively. */
export function normaliseerReden(reden: string): string {
  return reden.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Counts one request, with the record key of its person, in the cells it belongs to. */
function telAanvraag(
  t: RuweVerlengingTelling,
  v: VerlengingFeit,
  toewijzing: ToewijzingFeit,
  persoon: number,
) {
  t.aangevraagd.telOp(persoon);
  if (v.telaat) t.telaat.telOp(persoon);
  if (v.besluit === null) t.openstaand.telOp(persoon);
  else if (v.besluit === 'afgewezen') t.afgewezen.telOp(persoon);
  else {
    t.toegekend.telOp(persoon);
    t.extraDagen.push(daysApart(toewijzing.einddatum, v.gevraagdTot));
    if (toewijzing.verblijf) t.verblijfVerlengd.telOp(persoon);
  }
}

function publiceerTelling(
  o: Onderdrukking,
  t: RuweVerlengingTelling,
  tabel: string,
  rij: string,
): GepubliceerdeVerlengingen {
  const cel = (veld: string): Cel => ({ tabel, rij, veld });
  const aantal = (veld: Exclude<keyof RuweVerlengingTelling, 'extraDagen'>) =>
    o.aantal(t[veld], cel(veld));
  return {
    metMaximum: aantal('metMaximum'),
    langerDanMaximum: aantal('langerDanMaximum'),
    // Shares come from the published counts, and go with them: a share of a withheld count
    // would give that count back.
    aandeelLangerDanMaximum: o.aandeel(
      t.langerDanMaximum,
      t.metMaximum,
      cel('aandeelLangerDanMaximum'),
      1,
    ),
    aangevraagd: aantal('aangevraagd'),
    toegekend: aantal('toegekend'),
    afgewezen: aantal('afgewezen'),
    openstaand: aantal('openstaand'),
    telaat: aantal('telaat'),
    aandeelToegekend: o.aandeel(
      t.toegekend,
      t.toegekend.plus(t.afgewezen),
      cel('aandeelToegekend'),
      1,
    ),
    gemiddeldeExtraDagen: o.gemiddelde(t.extraDagen, t.toegekend, cel('gemiddeldeExtraDagen'), 1),
    verblijfVerlengd: aantal('verblijfVerlengd'),
  };
}

/**
 * Free text can identify someone: a reason is only published word for word when at least DREMPEL
 * requests give it; all others, whatever their number, go into one row.
 */
function publiceerRedenen(
  o: Onderdrukking,
  redenen: readonly { reden: string; aantal: Telling }[],
): { reden: string; aantal: number | null }[] {
  const cel = (rij: string): Cel => ({ tabel: 'redenen', rij, veld: 'aantal' });
  const letterlijk = redenen.filter(
    (r) => r.aantal.aantal >= DREMPEL && r.reden !== '' && r.reden !== OVERIGE_REDENEN,
  );
  const overige = redenen
    .filter((r) => !letterlijk.includes(r))
    .reduce((som, r) => som.plus(r.aantal), new Telling());
  return [
    ...letterlijk.map((r) => ({ reden: r.reden, aantal: o.aantal(r.aantal, cel(r.reden)) })),
    ...(overige.aantal > 0
      ? [{ reden: OVERIGE_REDENEN, aantal: o.aantal(overige, cel(OVERIGE_REDENEN)) }]
      : []),
  ];
}

function rijnaam(sleutel: string, naam: string): string {
  return naam === sleutel ? sleutel : `${naam} (${sleutel})`;
}

function leeg(): RuweVerlengingTelling {
  return {
    metMaximum: new Telling(),
    langerDanMaximum: new Telling(),
    aangevraagd: new Telling(),
    toegekend: new Telling(),
    afgewezen: new Telling(),
    openstaand: new Telling(),
    telaat: new Telling(),
    extraDagen: [],
    verblijfVerlengd: new Telling(),
  };
}
