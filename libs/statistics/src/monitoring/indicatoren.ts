import { addYears, format, lastDayOfMonth, parseISO } from 'date-fns';
import { Cel, ONDERDRUKKING_DEFINITIE, Onderdrukking, Onderdrukt, Telling } from '../disclosure';
import {
  EPISODES_DEFINITIE,
  MAX_DAYS_APART,
  MAX_LEEFTIJD_JEUGD,
  daysApart,
  memoised,
} from '../intervals';
import { periodesTussen } from '../periods';
import { MonitoringDataset, VraagCache, antwoordPerVersie, recordsleutel } from './dataset';
import {
  MonitoringFilter,
  MonitoringKop,
  MonitoringVraag,
  Tabel,
  WIJK_DEFINITIE,
  ZorgEpisode,
  kop,
  peildatum,
  episodesVan,
  gedeeldeZorgEpisodes,
} from './selectie';

/**
 * The council's indicator set for youth care (002:2179-2491): youths in care without and with
 * residence as a share of all youths 0-17, clients with only care without residence, the number
 * of youths in residence against 2023 and the regional target, monthly in- and outflow, and
 * repeated inflow. Jeugdwet only. Pure: the API builds the data set and passes the dates.
 */
export const INDICATOREN_DEFINITIE = {
  versie: 'indicatoren-2',
  wijk: WIJK_DEFINITIE,
  episodes: EPISODES_DEFINITIE,
  kader:
    'alleen jeugdhulp (Jeugdwet): het filter krijgt altijd kader jeugdwet, ook als een ander kader ' +
    'gevraagd is; de andere filters (wijk, product, aanbieder, ...) gelden wel',
  jaren:
    'per kalenderjaar dat de periode raakt, over het deel van de periode in dat jaar (van, tot); ' +
    'episodes zoals bekend op het einde van dat deel, of op bekendOp als dat eerder is (peildatum); ' +
    'heelJaar: het deel loopt van 1 januari tot en met 31 december en is bekend tot en met 31 december',
  actief:
    'een episode is actief in een jaar als ze minstens één dag in het deel van de periode in dat ' +
    'jaar valt; een lopende episode telt mee tot de peildatum',
  jeugdige:
    'een persoon die bij de start van de episode (de eerste van de samengevoegde toewijzingen) ' +
    `hoogstens ${MAX_LEEFTIJD_JEUGD} jaar was; zonder bekende geboortedatum telt een persoon niet ` +
    'als jeugdige (zie zonderGeboortedatum)',
  zonderVerblijf:
    'verschillende jeugdigen met een actieve episode zonder verblijf, als percentage van de ' +
    'bevolking 0 t/m 17 jaar (voetnoot 8); het percentage (één decimaal) komt uit het ' +
    'gepubliceerde aantal, niet uit het werkelijke, en wordt niet getoond als dat aantal niet ' +
    'getoond wordt',
  metVerblijf:
    'verschillende jeugdigen met een actieve episode met verblijf (categorie 43 of 44, of product ' +
    '90002), als percentage van dezelfde bevolking zoals bij zonderVerblijf (voetnoot 14); een ' +
    'jeugdige met beide in hetzelfde jaar telt bij zonderVerblijf én bij metVerblijf',
  alleenZonderVerblijf:
    'van alle personen (elke leeftijd) met een actieve episode (clienten) het aantal en ' +
    'percentage van wie alle actieve episodes zonder verblijf zijn (voetnoot 12); het percentage ' +
    'komt uit de gepubliceerde aantallen',
  zonderGeboortedatum:
    'personen met een actieve episode zonder bekende geboortedatum: zij tellen niet bij ' +
    'zonderVerblijf en metVerblijf, wel bij alleenZonderVerblijf',
  bevolking:
    'jeugdigen 0 t/m 17 jaar op 31 december van het jaar (referentiegegevens), opgeteld over alle ' +
    'wijken, of alleen de gevraagde wijk; ontbreekt dat getal, dan zijn de percentages van de ' +
    'bevolking leeg en is bevolkingOnbekend waar; het is een openbaar getal en wordt niet afgerond',
  jeugdigenInVerblijf:
    'het aantal van metVerblijf tegen hetzelfde aantal over heel 2023, zoals bekend op bekendOp en ' +
    'met dezelfde filters; doel: de regionale doelstelling van 15% minder dan in 2023 (het ' +
    'gepubliceerde aantal 2023 × 0,85); verschilPercentage: (aantal − aantal 2023) / aantal 2023 × ' +
    '100, uit de gepubliceerde aantallen; doel en verschilPercentage worden niet getoond als een ' +
    'aantal waar ze uit volgen niet getoond wordt; alleen hele jaren zijn vergelijkbaar',
  inEnUitstroom:
    'per maand de episodes (toewijzingen na samenvoegen, geen jeugdigen: voetnoot 9) die in de ' +
    'maand startten (instroom) of eindigden (uitstroom), zonder en met verblijf (voetnoten 10 en ' +
    '15); alleen datums van van tot en met tot; episodes zoals bekend op bekendOp, zodat een ' +
    'toewijzing die na tot doorloopt in een aansluitende toewijzing van hetzelfde product geen ' +
    'uitstroom is; een lopende episode is niet uitgestroomd; compleet: de maand ligt helemaal in ' +
    'de periode en is bekend tot en met de laatste dag',
  contractjaren:
    'de hoge instroom in januari en de hoge uitstroom in december komen vooral door contractjaren: ' +
    'veel toewijzingen lopen op 31 december af en worden in januari opnieuw afgegeven, vaak voor ' +
    'een nieuw product na een aanbesteding (voetnoot 11); alleen hetzelfde product met hoogstens ' +
    '1 dag ertussen wordt samengevoegd, een productwissel blijft uitstroom plus instroom',
  herhaaldeInstroom:
    'van de episodes die in de periode (per jaar: in het deel van dat jaar) startten, het aantal en ' +
    'aandeel (uit de gepubliceerde aantallen) van wie de persoon een andere Jeugdwet-episode had ' +
    'die vóór de start eindigde, hoogstens 5 jaar ervoor (als CBS: herhaald beroep, jeugdhulp in ' +
    'de vijf jaar ervoor); die eerdere zorg wordt gezocht in alle Jeugdwet-toewijzingen van de ' +
    'persoon, zonder de andere filters; aansluitend: de eerdere zorg eindigde hoogstens 1 dag voor ' +
    'de start (meestal een productwissel, geen terugkeer); zorg van voor de registratie in dit ' +
    'systeem is niet bekend',
  nulwaarden:
    'de nulwaarden uit het uitvoeringsprogramma (002:2215-2216, 2296-2298, 2382-2383), voor de hele ' +
    'gemeente en hele jaren, berekend uit de toewijzingen van voor dit systeem (leeftijd bij de ' +
    'start van elke toewijzing, hier bij de start van de episode); met een filter of een deel van ' +
    'een jaar zijn ze niet vergelijkbaar; zij zijn uit de werkelijke aantallen berekend, de ' +
    'percentages hier uit verstoorde en afgeronde aantallen (zie onderdrukking)',
  onderdrukking: ONDERDRUKKING_DEFINITIE,
} as const;

/**
 * The baselines (nulwaarden) of the programme, in percent, for the whole municipality and whole
 * years: youths in care without residence 002:2215-2216 (footnote 8, 2193-2196 and 2235-2237),
 * clients with only care without residence 002:2296-2298 (footnote 12, 2330-2333), youths in
 * residential care 002:2382-2383 (footnote 14, 2391-2396).
 */
export const NULWAARDEN = {
  zonderVerblijf: { nulwaarde2023: 12.7, nulwaarde2024: 11.9 },
  metVerblijf: { nulwaarde2023: 1.7, nulwaarde2024: 1.8 },
  alleenZonderVerblijf: { nulwaarde2023: 95.3, nulwaarde2024: 95.2 },
} as const;

/** The regional target taken over for 2026 (002:2435-2439): 15% fewer youths in residence than in 2023. */
export const VERBLIJF_REFERENTIEJAAR = 2023;
export const VERBLIJF_DOELFACTOR = 0.85;

/** "Care in the five years before" (CBS, herhaald beroep). */
const JAREN_TERUG = 5;

/** Repeated inflow: episodes, each with its person's record key. */
export interface RuweHerhaling {
  /** Episodes that started. */
  instroom: Telling;
  /** Of those, the ones whose person had Jeugdwet care that ended at most 5 years before. */
  herhaald: Telling;
  /** Of `herhaald`, the ones whose earlier care ended at most 1 day before (a switch). */
  aansluitend: Telling;
}

/** One calendar year, over the part of the period in it; distinct persons with their cell keys. */
export interface RuwJaar {
  jaar: number;
  van: string;
  tot: string;
  peildatum: string;
  heelJaar: boolean;
  /** Youths 0-17 on 31 December (all districts, or the filter's); null when unknown. */
  bevolking: number | null;
  jeugdigenZonderVerblijf: Telling;
  jeugdigenMetVerblijf: Telling;
  clienten: Telling;
  clientenAlleenZonderVerblijf: Telling;
  zonderGeboortedatum: Telling;
  herhaaldeInstroom: RuweHerhaling;
}

/** Episodes that started or ended in a month, each with its person's record key. */
export interface RuweMaand {
  /** 2026-03 */
  maand: string;
  compleet: boolean;
  instroomZonderVerblijf: Telling;
  instroomMetVerblijf: Telling;
  uitstroomZonderVerblijf: Telling;
  uitstroomMetVerblijf: Telling;
}

/** Never published as such. */
export interface RuweIndicatoren {
  jaren: RuwJaar[];
  /** `jeugdigenMetVerblijf` over all of 2023, as known on bekendOp. */
  jeugdigenMetVerblijf2023: Telling;
  inEnUitstroom: RuweMaand[];
  /** Over the whole period. */
  herhaaldeInstroom: RuweHerhaling;
}

/** The question as these indicators ask it: Jeugdwet only, whatever framework was asked. */
export function jeugdwetVraag(vraag: MonitoringVraag): MonitoringVraag {
  return { ...vraag, filter: { ...vraag.filter, kader: 'jeugdwet' } };
}

/** Counts the indicators with their cell keys; internal ids only in the working data. */
export function telIndicatoren(d: MonitoringDataset, vraag: MonitoringVraag): RuweIndicatoren {
  const { van, tot, bekendOp, filter } = jeugdwetVraag(vraag);
  if (van > tot) {
    return {
      jaren: [],
      jeugdigenMetVerblijf2023: new Telling(),
      inEnUitstroom: [],
      herhaaldeInstroom: leegHerhaling(),
    };
  }
  const lijsten = indicatorlijsten(d, filter, van, tot, bekendOp);
  const jaren: RuwJaar[] = lijsten.jaren.map(({ jaar, deel, peil }) => ({
    jaar,
    ...deel,
    peildatum: peil,
    heelJaar: deel.van === `${jaar}-01-01` && deel.tot === `${jaar}-12-31` && bekendOp >= deel.tot,
    bevolking: bevolking(d, jaar, filter.wijk),
    jeugdigenZonderVerblijf: new Telling(),
    jeugdigenMetVerblijf: new Telling(),
    clienten: new Telling(),
    clientenAlleenZonderVerblijf: new Telling(),
    zonderGeboortedatum: new Telling(),
    herhaaldeInstroom: leegHerhaling(),
  }));
  const jeugdigenMetVerblijf2023 = new Telling();
  const herhaaldeInstroom = leegHerhaling();
  const maanden = maandenTussen(van, tot, bekendOp);
  const eersteJaar = Number(van.slice(0, 4));
  // Every count is of persons or of their episodes, each with the person's record key: the sum
  // of every person's part, in any order.
  for (const deel of indicatordelen(d, lijsten).values()) {
    const sleutel = deel.recordsleutel;
    deel.jaren.forEach((j, i) => {
      if (j === null) return;
      const t = jaren[i]!;
      t.clienten.telOp(sleutel);
      if (!j.metVerblijf) t.clientenAlleenZonderVerblijf.telOp(sleutel);
      if (j.zonderGeboortedatum) t.zonderGeboortedatum.telOp(sleutel);
      if (j.jeugdigeZonderVerblijf) t.jeugdigenZonderVerblijf.telOp(sleutel);
      if (j.jeugdigeMetVerblijf) t.jeugdigenMetVerblijf.telOp(sleutel);
    });
    if (deel.jeugdigeMetVerblijf2023) jeugdigenMetVerblijf2023.telOp(sleutel);
    for (const h of deel.herhalingen) {
      // The years split the period, so an episode that started in it started in one of them.
      telHerhalingOp(
        jaren[Number(h.start.slice(0, 4)) - eersteJaar]!.herhaaldeInstroom,
        h,
        sleutel,
      );
      telHerhalingOp(herhaaldeInstroom, h, sleutel);
    }
    for (const { maand, veld } of deel.stromen) maanden.get(maand)![veld].telOp(sleutel);
  }
  return {
    jaren,
    jeugdigenMetVerblijf2023,
    inEnUitstroom: [...maanden.values()],
    herhaaldeInstroom,
  };
}

function jaarDeel(jaar: number, van: string, tot: string): { van: string; tot: string } {
  const begin = `${jaar}-01-01`;
  const einde = `${jaar}-12-31`;
  return { van: van > begin ? van : begin, tot: tot < einde ? tot : einde };
}

/**
 * The episode lists the indicators of a question are counted from (see INDICATOREN_DEFINITIE):
 * per year of the period as known on its peildatum, 2023 likewise, the episodes that started in
 * the period with any earlier Jeugdwet care, and the episodes as known on bekendOp for in- and
 * outflow.
 */
interface Indicatorlijsten {
  van: string;
  tot: string;
  jaren: {
    jaar: number;
    deel: { van: string; tot: string };
    peil: string;
    episodes: readonly ZorgEpisode[];
  }[];
  referentie: { deel: { van: string; tot: string }; episodes: readonly ZorgEpisode[] };
  gestart: readonly ZorgEpisode[];
  /** Earlier care is any Jeugdwet care of the person, whatever the other filters. */
  eerder: readonly ZorgEpisode[];
  stromen: readonly ZorgEpisode[];
  /** The question the parts are kept for. */
  sleutel: string;
}

function indicatorlijsten(
  d: MonitoringDataset,
  filter: MonitoringFilter,
  van: string,
  tot: string,
  bekendOp: string,
): Indicatorlijsten {
  const jaarlijst = (jaar: number, vanaf: string, totEnMet: string) => {
    const deel = jaarDeel(jaar, vanaf, totEnMet);
    const peil = peildatum({ tot: deel.tot, bekendOp });
    return { jaar, deel, peil, episodes: gedeeldeZorgEpisodes(d, filter, peil, bekendOp) };
  };
  const jaren = [];
  for (let jaar = Number(van.slice(0, 4)); jaar <= Number(tot.slice(0, 4)); jaar++) {
    jaren.push(jaarlijst(jaar, van, tot));
  }
  const j = VERBLIJF_REFERENTIEJAAR;
  const peil = peildatum({ tot, bekendOp });
  return {
    van,
    tot,
    jaren,
    referentie: jaarlijst(j, `${j}-01-01`, `${j}-12-31`),
    gestart: gedeeldeZorgEpisodes(d, filter, peil),
    eerder: gedeeldeZorgEpisodes(d, { kader: 'jeugdwet' }, peil),
    // As known on bekendOp, not cut at tot: care that continues the day after tot in a
    // consecutive assignment is then merged, so the end of the period makes no outflow of its own.
    stromen: gedeeldeZorgEpisodes(d, filter, bekendOp),
    sleutel: JSON.stringify([filter, van, tot, bekendOp]),
  };
}

/** One person's part of the indicators of a question. */
interface Indicatordeel {
  recordsleutel: number;
  /** Per year of the period (in order) what the person counts in; null when not in care. */
  jaren: (Jaardeel | null)[];
  jeugdigeMetVerblijf2023: boolean;
  /** Their episodes that started in the period. */
  herhalingen: Herhaling[];
  /** The month each of their episodes started or ended in, and which count it adds to. */
  stromen: { maand: string; veld: Stroom }[];
}

/** What a person in care in (the part of the period in) a year counts in. */
interface Jaardeel {
  metVerblijf: boolean;
  zonderGeboortedatum: boolean;
  jeugdigeZonderVerblijf: boolean;
  jeugdigeMetVerblijf: boolean;
}

type Stroom =
  | 'instroomZonderVerblijf'
  | 'instroomMetVerblijf'
  | 'uitstroomZonderVerblijf'
  | 'uitstroomMetVerblijf';

/**
 * Every person's part, per data set and question; after new facts only the persons they touched
 * are worked out again (a part depends on the person's own episodes and record key only).
 */
function indicatordelen(
  d: MonitoringDataset,
  lijsten: Indicatorlijsten,
): ReadonlyMap<string, Indicatordeel> {
  const maak = (personen: Iterable<string>) =>
    new Map([...personen].map((p) => [p, indicatordeel(d, lijsten, p)] as const));
  return indicatordelenCache.bij(
    d,
    lijsten.sleutel,
    () => {
      const personen = new Set<string>();
      for (const lijst of [
        ...lijsten.jaren.map((j) => j.episodes),
        lijsten.referentie.episodes,
        lijsten.gestart,
        lijsten.stromen,
      ]) {
        for (const e of lijst) personen.add(e.persoonId);
      }
      return maak(personen);
    },
    (delen, w) => {
      const bijgewerkt = new Map(delen);
      for (const [p, deel] of maak(w.personen)) bijgewerkt.set(p, deel);
      return bijgewerkt;
    },
  );
}

const indicatordelenCache = new VraagCache<ReadonlyMap<string, Indicatordeel>>();

function indicatordeel(
  d: MonitoringDataset,
  lijsten: Indicatorlijsten,
  persoonId: string,
): Indicatordeel {
  const { van, tot } = lijsten;
  const actief = (episodes: readonly ZorgEpisode[], deel: { van: string; tot: string }) =>
    episodesVan(episodes, persoonId).filter((e) => e.start <= deel.tot && e.end >= deel.van);
  const jeugdige = (e: ZorgEpisode, verblijf: boolean) =>
    e.verblijf === verblijf && e.leeftijd !== null && e.leeftijd <= MAX_LEEFTIJD_JEUGD;
  const binnen = (datum: string) => datum >= van && datum <= tot;
  const stromen: Indicatordeel['stromen'] = [];
  for (const e of episodesVan(lijsten.stromen, persoonId)) {
    // An episode counts in the month it started and the one it ended.
    if (binnen(e.start)) {
      const veld = e.verblijf ? 'instroomMetVerblijf' : 'instroomZonderVerblijf';
      stromen.push({ maand: e.start.slice(0, 7), veld });
    }
    if (!e.running && binnen(e.end)) {
      const veld = e.verblijf ? 'uitstroomMetVerblijf' : 'uitstroomZonderVerblijf';
      stromen.push({ maand: e.end.slice(0, 7), veld });
    }
  }
  const eerder = episodesVan(lijsten.eerder, persoonId);
  return {
    recordsleutel: recordsleutel(d, persoonId),
    jaren: lijsten.jaren.map(({ deel, episodes }) => {
      const inZorg = actief(episodes, deel);
      if (inZorg.length === 0) return null;
      return {
        metVerblijf: inZorg.some((e) => e.verblijf),
        zonderGeboortedatum: inZorg.some((e) => e.leeftijd === null),
        jeugdigeZonderVerblijf: inZorg.some((e) => jeugdige(e, false)),
        jeugdigeMetVerblijf: inZorg.some((e) => jeugdige(e, true)),
      };
    }),
    jeugdigeMetVerblijf2023: actief(lijsten.referentie.episodes, lijsten.referentie.deel).some(
      (e) => jeugdige(e, true),
    ),
    herhalingen: episodesVan(lijsten.gestart, persoonId)
      .filter((e) => binnen(e.start))
      .map((e) => herhaling(e, eerder)),
    stromen,
  };
}

function bevolking(d: MonitoringDataset, jaar: number, wijk: string | undefined): number | null {
  const figures = d.bevolking.get(jaar);
  if (!figures) return null;
  if (wijk === undefined) return figures.totaal;
  return figures.wijken.find((w) => w.wijk === wijk)?.aantal ?? null;
}

interface Herhaling {
  start: string;
  herhaald: boolean;
  aansluitend: boolean;
}

/** An episode that started, with whether its person had Jeugdwet care before (`eerder`). */
function herhaling(e: ZorgEpisode, eerder: readonly ZorgEpisode[]): Herhaling {
  const grens = jarenTerug(e.start);
  const ervoor = eerder.filter((x) => x.end < e.start && x.end >= grens);
  return {
    start: e.start,
    herhaald: ervoor.length > 0,
    aansluitend: ervoor.some((x) => daysApart(x.end, e.start) <= MAX_DAYS_APART),
  };
}

/** The day `JAREN_TERUG` years before a date (asked for every episode that started). */
const jarenTerug = memoised((datum) =>
  format(addYears(parseISO(datum), -JAREN_TERUG), 'yyyy-MM-dd'),
);

function leegHerhaling(): RuweHerhaling {
  return { instroom: new Telling(), herhaald: new Telling(), aansluitend: new Telling() };
}

function telHerhalingOp(t: RuweHerhaling, h: Herhaling, recordsleutel: number): void {
  t.instroom.telOp(recordsleutel);
  if (h.herhaald) t.herhaald.telOp(recordsleutel);
  if (h.aansluitend) t.aansluitend.telOp(recordsleutel);
}

/** The months of the period, each with its in- and outflow still to be counted. */
function maandenTussen(van: string, tot: string, bekendOp: string): Map<string, RuweMaand> {
  return new Map<string, RuweMaand>(
    periodesTussen(van, tot, 'maand').map((maand) => {
      const eerste = `${maand}-01`;
      const laatste = format(lastDayOfMonth(parseISO(eerste)), 'yyyy-MM-dd');
      return [
        maand,
        {
          maand,
          compleet: eerste >= van && laatste <= tot && laatste <= bekendOp,
          instroomZonderVerblijf: new Telling(),
          instroomMetVerblijf: new Telling(),
          uitstroomZonderVerblijf: new Telling(),
          uitstroomMetVerblijf: new Telling(),
        },
      ];
    }),
  );
}

export interface BevolkingsIndicator {
  aantal: number | null;
  /** The published `aantal` in percent of the population 0-17 (public), one decimal. */
  percentage: number | null;
  nulwaarde2023: number;
  nulwaarde2024: number;
}

export interface GepubliceerdeHerhaling {
  instroom: number | null;
  herhaald: number | null;
  /** The published herhaald in percent of the published instroom, one decimal. */
  percentage: number | null;
  aansluitend: number | null;
}

export interface IndicatorJaar {
  jaar: number;
  van: string;
  tot: string;
  peildatum: string;
  heelJaar: boolean;
  /** Youths 0-17 on 31 December: public reference data, not rounded. */
  bevolking: number | null;
  bevolkingOnbekend: boolean;
  zonderVerblijf: BevolkingsIndicator;
  metVerblijf: BevolkingsIndicator;
  alleenZonderVerblijf: {
    clienten: number | null;
    aantal: number | null;
    percentage: number | null;
    nulwaarde2023: number;
    nulwaarde2024: number;
  };
  jeugdigenInVerblijf: {
    aantal: number | null;
    aantal2023: number | null;
    /** The regional target: the published count of 2023 × 0.85, one decimal. */
    doel: number | null;
    /** Change of the published aantal against the published aantal2023, in percent, one decimal. */
    verschilPercentage: number | null;
  };
  herhaaldeInstroom: GepubliceerdeHerhaling;
  zonderGeboortedatum: number | null;
}

export interface InEnUitstroomMaand {
  maand: string;
  compleet: boolean;
  instroom: { zonderVerblijf: number | null; metVerblijf: number | null };
  uitstroom: { zonderVerblijf: number | null; metVerblijf: number | null };
}

export interface IndicatorCijfers extends MonitoringKop {
  definitie: typeof INDICATOREN_DEFINITIE;
  nulwaarden: typeof NULWAARDEN;
  jaren: IndicatorJaar[];
  inEnUitstroom: InEnUitstroomMaand[];
  /** Over the whole period. */
  herhaaldeInstroom: GepubliceerdeHerhaling;
  onderdrukt: Onderdrukt[];
}

/** The indicators as published: counted, then put under disclosure control. */
export const indicatorCijfers = antwoordPerVersie(berekenIndicatorCijfers);

function berekenIndicatorCijfers(d: MonitoringDataset, vraag: MonitoringVraag): IndicatorCijfers {
  const ruw = telIndicatoren(d, vraag);
  const o = new Onderdrukking();
  return {
    ...kop(INDICATOREN_DEFINITIE.versie, jeugdwetVraag(vraag)),
    definitie: INDICATOREN_DEFINITIE,
    nulwaarden: NULWAARDEN,
    jaren: ruw.jaren.map((jaar) => publiceerJaar(o, jaar, ruw.jeugdigenMetVerblijf2023)),
    inEnUitstroom: ruw.inEnUitstroom.map((m) => {
      const cel = (veld: string): Cel => ({ tabel: 'inEnUitstroom', rij: m.maand, veld });
      return {
        maand: m.maand,
        compleet: m.compleet,
        instroom: {
          zonderVerblijf: o.aantal(m.instroomZonderVerblijf, cel('instroom.zonderVerblijf')),
          metVerblijf: o.aantal(m.instroomMetVerblijf, cel('instroom.metVerblijf')),
        },
        uitstroom: {
          zonderVerblijf: o.aantal(m.uitstroomZonderVerblijf, cel('uitstroom.zonderVerblijf')),
          metVerblijf: o.aantal(m.uitstroomMetVerblijf, cel('uitstroom.metVerblijf')),
        },
      };
    }),
    herhaaldeInstroom: publiceerHerhaling(o, ruw.herhaaldeInstroom, (veld) => ({
      tabel: 'herhaaldeInstroom',
      rij: 'totaal',
      veld,
    })),
    onderdrukt: o.onderdrukt,
  };
}

function publiceerJaar(o: Onderdrukking, r: RuwJaar, metVerblijf2023: Telling): IndicatorJaar {
  const cel = (veld: string): Cel => ({ tabel: 'jaren', rij: String(r.jaar), veld });
  // The population is public; the share comes from the published count (withheld with it), so
  // share × population / 100 gives back that count and nothing more.
  const vanBevolking = (
    telling: Telling,
    veld: 'zonderVerblijf' | 'metVerblijf',
  ): BevolkingsIndicator => ({
    aantal: o.aantal(telling, cel(`${veld}.aantal`)),
    percentage:
      r.bevolking === null ? null : o.aandeel(telling, r.bevolking, cel(`${veld}.percentage`), 1),
    ...NULWAARDEN[veld],
  });
  const zonderVerblijf = vanBevolking(r.jeugdigenZonderVerblijf, 'zonderVerblijf');
  const metVerblijf = vanBevolking(r.jeugdigenMetVerblijf, 'metVerblijf');
  const alleenZonderVerblijf = {
    clienten: o.aantal(r.clienten, cel('alleenZonderVerblijf.clienten')),
    aantal: o.aantal(r.clientenAlleenZonderVerblijf, cel('alleenZonderVerblijf.aantal')),
    percentage: o.aandeel(
      r.clientenAlleenZonderVerblijf,
      r.clienten,
      cel('alleenZonderVerblijf.percentage'),
      1,
    ),
    ...NULWAARDEN.alleenZonderVerblijf,
  };
  // The target and the change come from the published counts only, so they tell nothing the
  // counts do not; withheld when a count they come from is.
  const aantal2023 = o.aantal(metVerblijf2023, cel('jeugdigenInVerblijf.aantal2023'));
  const doel = aantal2023 === null ? null : aantal2023 * VERBLIJF_DOELFACTOR;
  const verschil =
    metVerblijf.aantal === null || aantal2023 === null
      ? null
      : (100 * (metVerblijf.aantal - aantal2023)) / aantal2023;
  return {
    jaar: r.jaar,
    van: r.van,
    tot: r.tot,
    peildatum: r.peildatum,
    heelJaar: r.heelJaar,
    bevolking: r.bevolking,
    bevolkingOnbekend: r.bevolking === null,
    zonderVerblijf,
    metVerblijf,
    alleenZonderVerblijf,
    jeugdigenInVerblijf: {
      aantal: metVerblijf.aantal,
      aantal2023,
      doel: o.afgeleid(doel, doel === null, cel('jeugdigenInVerblijf.doel'), 1),
      verschilPercentage: o.afgeleid(
        verschil,
        verschil === null,
        cel('jeugdigenInVerblijf.verschilPercentage'),
        1,
      ),
    },
    herhaaldeInstroom: publiceerHerhaling(o, r.herhaaldeInstroom, (veld) =>
      cel(`herhaaldeInstroom.${veld}`),
    ),
    zonderGeboortedatum: o.aantal(r.zonderGeboortedatum, cel('zonderGeboortedatum')),
  };
}

function publiceerHerhaling(
  o: Onderdrukking,
  h: RuweHerhaling,
  cel: (veld: string) => Cel,
): GepubliceerdeHerhaling {
  return {
    instroom: o.aantal(h.instroom, cel('instroom')),
    herhaald: o.aantal(h.herhaald, cel('herhaald')),
    percentage: o.aandeel(h.herhaald, h.instroom, cel('percentage'), 1),
    aansluitend: o.aantal(h.aansluitend, cel('aansluitend')),
  };
}

type Kolom<T> = [naam: string, waarde: (rij: T) => string | number | null];

const bevolkingsKolommen = (veld: 'zonderVerblijf' | 'metVerblijf'): Kolom<IndicatorJaar>[] => [
  [`${veld}.aantal`, (j) => j[veld].aantal],
  [`${veld}.percentage`, (j) => j[veld].percentage],
  [`${veld}.nulwaarde2023`, (j) => j[veld].nulwaarde2023],
  [`${veld}.nulwaarde2024`, (j) => j[veld].nulwaarde2024],
];

/** Column names are the paths `onderdrukt` uses, so its last column names them as they are. */
const JAAR_KOLOMMEN: Kolom<IndicatorJaar>[] = [
  ['jaar', (j) => j.jaar],
  ['van', (j) => j.van],
  ['tot', (j) => j.tot],
  ['peildatum', (j) => j.peildatum],
  ['heelJaar', (j) => (j.heelJaar ? 'ja' : 'nee')],
  ['bevolking', (j) => j.bevolking],
  ...bevolkingsKolommen('zonderVerblijf'),
  ...bevolkingsKolommen('metVerblijf'),
  ['alleenZonderVerblijf.clienten', (j) => j.alleenZonderVerblijf.clienten],
  ['alleenZonderVerblijf.aantal', (j) => j.alleenZonderVerblijf.aantal],
  ['alleenZonderVerblijf.percentage', (j) => j.alleenZonderVerblijf.percentage],
  ['alleenZonderVerblijf.nulwaarde2023', (j) => j.alleenZonderVerblijf.nulwaarde2023],
  ['alleenZonderVerblijf.nulwaarde2024', (j) => j.alleenZonderVerblijf.nulwaarde2024],
  ['jeugdigenInVerblijf.aantal', (j) => j.jeugdigenInVerblijf.aantal],
  ['jeugdigenInVerblijf.aantal2023', (j) => j.jeugdigenInVerblijf.aantal2023],
  ['jeugdigenInVerblijf.doel', (j) => j.jeugdigenInVerblijf.doel],
  ['jeugdigenInVerblijf.verschilPercentage', (j) => j.jeugdigenInVerblijf.verschilPercentage],
  ['herhaaldeInstroom.instroom', (j) => j.herhaaldeInstroom.instroom],
  ['herhaaldeInstroom.herhaald', (j) => j.herhaaldeInstroom.herhaald],
  ['herhaaldeInstroom.percentage', (j) => j.herhaaldeInstroom.percentage],
  ['herhaaldeInstroom.aansluitend', (j) => j.herhaaldeInstroom.aansluitend],
  ['zonderGeboortedatum', (j) => j.zonderGeboortedatum],
];

const MAAND_KOLOMMEN: Kolom<InEnUitstroomMaand>[] = [
  ['maand', (m) => m.maand],
  ['compleet', (m) => (m.compleet ? 'ja' : 'nee')],
  ['instroom.zonderVerblijf', (m) => m.instroom.zonderVerblijf],
  ['instroom.metVerblijf', (m) => m.instroom.metVerblijf],
  ['uitstroom.zonderVerblijf', (m) => m.uitstroom.zonderVerblijf],
  ['uitstroom.metVerblijf', (m) => m.uitstroom.metVerblijf],
];

/** The columns of a row that disclosure control withheld (not those that are merely unknown). */
function onderdrukteVelden(c: { onderdrukt: Onderdrukt[] }, tabel: string, rij: string): string {
  return c.onderdrukt
    .filter((x) => x.tabel === tabel && x.rij === rij)
    .flatMap((x) => x.velden)
    .join(' ');
}

/** The main table: one row per year with every indicator beside its baselines. */
export function indicatorTabel(c: IndicatorCijfers): Tabel {
  return {
    kolommen: [...JAAR_KOLOMMEN.map(([naam]) => naam), 'onderdrukt'],
    rijen: c.jaren.map((j) => [
      ...JAAR_KOLOMMEN.map(([, waarde]) => waarde(j)),
      onderdrukteVelden(c, 'jaren', String(j.jaar)),
    ]),
  };
}

/** In- and outflow: one row per month. */
export function inEnUitstroomTabel(c: IndicatorCijfers): Tabel {
  return {
    kolommen: [...MAAND_KOLOMMEN.map(([naam]) => naam), 'onderdrukt'],
    rijen: c.inEnUitstroom.map((m) => [
      ...MAAND_KOLOMMEN.map(([, waarde]) => waarde(m)),
      onderdrukteVelden(c, 'inEnUitstroom', m.maand),
    ]),
  };
}
