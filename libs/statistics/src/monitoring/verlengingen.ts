import { addDays, addMonths, format, parseISO } from 'date-fns';
import { Cel, DREMPEL, Onderdrukking, Onderdrukt } from '../disclosure';
import { compareText, daysApart } from '../episodes';
import { MonitoringDataset, ToewijzingFeit, VerlengingFeit } from './dataset';
import {
  MonitoringKop,
  MonitoringVraag,
  Tabel,
  WIJK_DEFINITIE,
  ZorgEpisode,
  aanbiederNaam,
  geselecteerdeToewijzingen,
  kop,
  peildatum,
  productOmschrijving,
  zorgEpisodes,
} from './selectie';

/**
 * Extensions (002:1507-1577): per provider and per product, how often care lasts longer than the
 * contracted maximum, and the number, outcome, length and reasons of extension requests; and how
 * often residential care was extended despite contract agreements. Target: 40% fewer extensions.
 */
export const VERLENGINGEN_DEFINITIE = {
  versie: 'verlengingen-1',
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
  aanvragen:
    'verlengingsaanvragen met een aanvraagdatum van van tot en met tot, waarvan de toewijzing door ' +
    'de selectie gekozen wordt; gegroepeerd naar aanbieder of product van die toewijzing; het ' +
    'besluit zoals bekend op bekendOp (openstaand: nog geen besluit); telaat: aangevraagd nadat de ' +
    'toewijzing was afgelopen; aandeelToegekend: toegekend van toegekend + afgewezen',
  extraDagen:
    'van toegekende aanvragen: dagen van de einddatum van de oude toewijzing tot de gevraagde ' +
    'einddatum, gemiddeld, één decimaal; niet getoond bij minder dan 10 toegekende',
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
  onderdrukking:
    'aantallen onder 10 worden niet getoond (null, zie onderdrukt), andere zijn afgerond op 5; ' +
    'percentages (één decimaal) komen uit de onafgeronde aantallen en worden niet getoond als de ' +
    'noemer onder 10 ligt',
} as const;

export const VERLENGING_GROEPERINGEN = ['aanbieder', 'product'] as const;
export type VerlengingGroepering = (typeof VERLENGING_GROEPERINGEN)[number];

export const OVERIGE_REDENEN = 'overige redenen';

/** Unrounded counts: never published as such. */
export interface RuweVerlengingTelling {
  metMaximum: number;
  langerDanMaximum: number;
  aangevraagd: number;
  toegekend: number;
  afgewezen: number;
  openstaand: number;
  telaat: number;
  /** Per granted request, the days it extends the old assignment's end by. */
  extraDagen: number[];
  verblijfVerlengd: number;
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
  /** Every normalised reason with its number of requests, most given first. */
  redenen: { reden: string; aantal: number }[];
}

export interface GepubliceerdeVerlengingen {
  metMaximum: number | null;
  langerDanMaximum: number | null;
  /** Percent of metMaximum, one decimal. */
  aandeelLangerDanMaximum: number | null;
  aangevraagd: number | null;
  toegekend: number | null;
  afgewezen: number | null;
  openstaand: number | null;
  telaat: number | null;
  /** Percent of the decided requests, one decimal. */
  aandeelToegekend: number | null;
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

/** Counts, unrounded. Order of the facts is irrelevant. */
export function telVerlengingen(
  d: MonitoringDataset,
  vraag: MonitoringVraag,
  groep: VerlengingGroepering,
): RuweVerlengingen {
  const peil = peildatum(vraag);
  const perSleutel = new Map<string, RuweVerlengingTelling>();
  const totaal = leeg();
  const tellingen = (sleutels: readonly string[]) => [
    totaal,
    ...sleutels.map((sleutel) => {
      const telling = perSleutel.get(sleutel) ?? leeg();
      perSleutel.set(sleutel, telling);
      return telling;
    }),
  ];

  for (const episode of zorgEpisodes(d, vraag.filter, peil, vraag.bekendOp)) {
    if (episode.start > vraag.tot || episode.end < vraag.van) continue;
    if (episode.maxDuurMaanden === null) continue;
    const langer = langerDanMaximum(episode, episode.maxDuurMaanden);
    const sleutels = groep === 'aanbieder' ? episode.aanbiederIds : [episode.productcode];
    for (const t of tellingen(sleutels)) {
      t.metMaximum += 1;
      if (langer) t.langerDanMaximum += 1;
    }
  }

  const toewijzingen = new Map(
    geselecteerdeToewijzingen(d, vraag.filter, peil).map((t) => [t.toewijzingId, t]),
  );
  const redenen = new Map<string, number>();
  for (const v of d.verlengingen.values()) {
    const toewijzing = toewijzingen.get(v.toewijzingId);
    if (!toewijzing || v.aangevraagdOp < vraag.van || v.aangevraagdOp > vraag.tot) continue;
    const sleutel = groep === 'aanbieder' ? toewijzing.aanbiederId : toewijzing.productcode;
    for (const t of tellingen([sleutel])) telAanvraag(t, v, toewijzing);
    const reden = normaliseerReden(v.reden);
    redenen.set(reden, (redenen.get(reden) ?? 0) + 1);
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
      .sort((a, b) => b.aantal - a.aantal || compareText(a.reden, b.reden)),
  };
}

/** The figures as published, under disclosure control. */
export function verlengingenCijfers(
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
  const laatsteDag = format(
    addDays(addMonths(parseISO(episode.start), maxDuurMaanden), -1),
    'yyyy-MM-dd',
  );
  return episode.end > laatsteDag;
}

/** Reasons are grouped case- and spacing-insensitively. */
export function normaliseerReden(reden: string): string {
  return reden.trim().replace(/\s+/g, ' ').toLowerCase();
}

function telAanvraag(t: RuweVerlengingTelling, v: VerlengingFeit, toewijzing: ToewijzingFeit) {
  t.aangevraagd += 1;
  if (v.telaat) t.telaat += 1;
  if (v.besluit === null) t.openstaand += 1;
  else if (v.besluit === 'afgewezen') t.afgewezen += 1;
  else {
    t.toegekend += 1;
    t.extraDagen.push(daysApart(toewijzing.einddatum, v.gevraagdTot));
    if (toewijzing.verblijf) t.verblijfVerlengd += 1;
  }
}

function publiceerTelling(
  o: Onderdrukking,
  t: RuweVerlengingTelling,
  tabel: string,
  rij: string,
): GepubliceerdeVerlengingen {
  const cel = (veld: string): Cel => ({ tabel, rij, veld });
  const aantal = (n: number, veld: string) => o.aantal(n, cel(veld));
  const besloten = t.toegekend + t.afgewezen;
  const extra = t.extraDagen.length;
  return {
    metMaximum: aantal(t.metMaximum, 'metMaximum'),
    langerDanMaximum: aantal(t.langerDanMaximum, 'langerDanMaximum'),
    aandeelLangerDanMaximum: o.aandeel(
      t.langerDanMaximum,
      t.metMaximum,
      cel('aandeelLangerDanMaximum'),
      1,
    ),
    aangevraagd: aantal(t.aangevraagd, 'aangevraagd'),
    toegekend: aantal(t.toegekend, 'toegekend'),
    afgewezen: aantal(t.afgewezen, 'afgewezen'),
    openstaand: aantal(t.openstaand, 'openstaand'),
    telaat: aantal(t.telaat, 'telaat'),
    aandeelToegekend: o.aandeel(t.toegekend, besloten, cel('aandeelToegekend'), 1),
    gemiddeldeExtraDagen: o.waarde(
      extra === 0 ? null : t.extraDagen.reduce((som, n) => som + n, 0) / extra,
      extra,
      cel('gemiddeldeExtraDagen'),
      1,
    ),
    verblijfVerlengd: aantal(t.verblijfVerlengd, 'verblijfVerlengd'),
  };
}

/**
 * Free text can identify someone: a reason is only published word for word when at least DREMPEL
 * requests give it; all others, whatever their number, go into one row.
 */
function publiceerRedenen(
  o: Onderdrukking,
  redenen: readonly { reden: string; aantal: number }[],
): { reden: string; aantal: number | null }[] {
  const cel = (rij: string): Cel => ({ tabel: 'redenen', rij, veld: 'aantal' });
  const letterlijk = redenen.filter(
    (r) => r.aantal >= DREMPEL && r.reden !== '' && r.reden !== OVERIGE_REDENEN,
  );
  const overige = redenen
    .filter((r) => !letterlijk.includes(r))
    .reduce((som, r) => som + r.aantal, 0);
  return [
    ...letterlijk.map((r) => ({ reden: r.reden, aantal: o.aantal(r.aantal, cel(r.reden)) })),
    ...(overige > 0
      ? [{ reden: OVERIGE_REDENEN, aantal: o.aantal(overige, cel(OVERIGE_REDENEN)) }]
      : []),
  ];
}

function rijnaam(sleutel: string, naam: string): string {
  return naam === sleutel ? sleutel : `${naam} (${sleutel})`;
}

function leeg(): RuweVerlengingTelling {
  return {
    metMaximum: 0,
    langerDanMaximum: 0,
    aangevraagd: 0,
    toegekend: 0,
    afgewezen: 0,
    openstaand: 0,
    telaat: 0,
    extraDagen: [],
    verblijfVerlengd: 0,
  };
}
