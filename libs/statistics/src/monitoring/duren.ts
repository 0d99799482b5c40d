import { Woonvorm } from '@app/domain';
import { Cel, ONDERDRUKKING_DEFINITIE, Onderdrukking, Onderdrukt, Telling } from '../disclosure';
import {
  DurationObservation,
  DurationSummary,
  atRiskOn,
  durationDays,
  kaplanMeierPerDay,
  observation,
  summarizeSorted,
} from '../survival';
import { haalGesorteerdWeg, voegGesorteerdToe } from '../gesorteerd';
import { compareText } from '../intervals';
import { MonitoringDataset, VraagCache, antwoordPerVersie, recordsleutel } from './dataset';
import {
  MonitoringKop,
  MonitoringVraag,
  Tabel,
  WIJK_DEFINITIE,
  ZorgEpisode,
  aanbiederNaam,
  GEEN_CATEGORIE,
  geselecteerdeVerblijven,
  kop,
  peildatum,
  productOmschrijving,
  episodesVan,
  gedeeldeZorgEpisodes,
} from './selectie';

/**
 * Care durations (002:2179-2491, "nog te definiëren"): the duration of care per form of care,
 * product or provider, of residential stays without foster care, and of "behandeld wonen" against
 * the council's goal (25% shorter in 2026 than in 2023). Every row has two populations:
 * - ended: what ended in the period (whatever its start) and no longer runs on the peildatum. It
 *   gives the summary figures (mean, median, percentiles): the duration of ended trajectories, as
 *   Statistics Netherlands reports it, without the bias toward short care that a cohort has when
 *   its long episodes have not ended yet;
 * - started: the cohort that started in the period. It gives the Kaplan-Meier estimate, with the
 *   ones still running censored at the peildatum.
 * An episode may be in both, in one, or in neither (started before the period and still running).
 */
export const MONITORING_DUREN_DEFINITIE = {
  versie: 'monitoring-duren-3',
  wijk: WIJK_DEFINITIE,
  eenheid:
    'zorgepisode: toewijzingen die de selectie kiest, per persoon en product samengevoegd als er ' +
    'hoogstens 1 dag tussen zit (zie episodes-1), gezien op de peildatum (de vroegste van tot en ' +
    'bekendOp); elke rij heeft twee populaties, beeindigd en gestart: een episode kan in beide ' +
    'zitten, in één of in geen van beide',
  beeindigd:
    'episodes die van van tot en met tot eindigden (hun laatste dag in de periode) en op de ' +
    'peildatum niet meer lopen, ongeacht wanneer ze begonnen: ook een episode die voor van begon ' +
    'telt mee; een episode die op de peildatum eindigt is beëindigd, een die de dag erna doorloopt ' +
    '(een aansluitende toewijzing die op bekendOp bekend is) niet',
  gestart:
    'episodes die van van tot en met tot (en uiterlijk op de peildatum) begonnen, beëindigd of ' +
    'lopend',
  lopend:
    'gestarte episodes die op de peildatum nog lopen: hun duur is onbekend en op de peildatum ' +
    'afgekapt (gecensureerd); ze tellen alleen in Kaplan-Meier, niet in de samenvatting',
  groepering:
    'per wettelijk kader, productcategorie (geen: een product onder een andere wet dan de ' +
    'Jeugdwet), product of aanbieder van de episode; een episode met meer aanbieders ' +
    'telt bij elk van hen, en in het totaal één keer; de naam is die op de begindatum van de ' +
    'laatst begonnen episode van de groep (beëindigd of gestart)',
  duur: 'kalenderdagen van begin tot en met einde, beide meegeteld',
  samenvatting:
    'gemiddelde, mediaan, p25, p75 en p90 over de duur van de beëindigde episodes (zie beeindigd), ' +
    'dus ook van episodes die voor de periode begonnen; lopende episodes tellen NIET mee; ' +
    'percentielen met lineaire interpolatie (PERCENTIEL.INC), in dagen met één decimaal, met ' +
    'ruis uit de celsleutel van de beëindigde (zie onderdrukking); niet getoond bij minder dan 10 ' +
    'beëindigde',
  kaplanMeier:
    'over de gestarte episodes (zie gestart), beëindigde als uitkomst en lopende gecensureerd op ' +
    'hun duur tot de peildatum; episodes die voor van begonnen tellen hier niet; kmMediaan: de ' +
    'eerste duur waarop de geschatte overleving 0,5 of lager is (null als de curve daar niet ' +
    'komt), in hele dagen met ruis uit de celsleutel van de gestarte; niet getoond bij minder dan ' +
    '10 gestarte of als op die dag minder dan 10 onder risico zijn (onder risico op een dag: ' +
    'gestarte episodes die minstens zo lang duren of gevolgd zijn, dus aan het begin van die dag ' +
    'nog liepen); overlevingNa90/180/365: geschat percentage gestarte episodes dat langer dan ' +
    '90/180/365 dagen duurt, één decimaal, met ruis; null als geen episode zo lang gevolgd is; ' +
    'niet getoond als op die dag minder dan 10 onder risico zijn (ook niet als de curve dan al 0 ' +
    'is) of bij minder dan 10 gestarte',
  verblijf:
    'verblijven die de selectie kiest, zonder verblijven die als pleegzorg begonnen; duur van ' +
    'startdatum tot en met einddatum; beeindigd: verblijven met een einddatum van van tot en met ' +
    'tot en uiterlijk op de peildatum, ongeacht hun startdatum (de samenvatting); gestart: ' +
    'verblijven met een startdatum van van tot en met tot en uiterlijk op de peildatum ' +
    '(Kaplan-Meier), beëindigd als ze uiterlijk op de peildatum eindigden, anders lopend en ' +
    'gecensureerd op de peildatum; verblijven met een einde voor de start tellen niet',
  behandeldWonen:
    'verblijven die als behandeld wonen begonnen, berekend als verblijf; het basisjaar is 2023 ' +
    '(van 2023-01-01 tot en met 2023-12-31, zelfde bekendOp en selectie, dus peildatum uiterlijk ' +
    '2023-12-31) met dezelfde populaties: het gemiddelde van 2023 is dat van de verblijven die in ' +
    '2023 eindigden, ongeacht hun start; doel: het gepubliceerde gemiddelde van 2023 maal 0,75 ' +
    '(25% korter in 2026); verschilPercentage: (gemiddelde nu - gemiddelde 2023) / gemiddelde ' +
    '2023 x 100, uit de gepubliceerde gemiddelden (beide over beëindigde verblijven), één ' +
    'decimaal; doel en verschil worden niet getoond als een gemiddelde waar ze uit volgen niet ' +
    'getoond wordt',
  onderdrukking: ONDERDRUKKING_DEFINITIE,
} as const;

export const DUUR_GROEPERINGEN = ['categorie', 'product', 'aanbieder', 'kader'] as const;
export type DuurGroepering = (typeof DUUR_GROEPERINGEN)[number];

/** The days after which the survival share is given. */
export const OVERLEVING_DAGEN = [90, 180, 365] as const;

/** The council's goal for behandeld wonen: the mean duration of 2026 is 25% shorter than 2023's. */
export const BEHANDELD_WONEN_DOELFACTOR = 0.75;
export const BASISJAAR = { van: '2023-01-01', tot: '2023-12-31' } as const;

const PLEEGZORG: Woonvorm = 'pleegzorg';
const BEHANDELD_WONEN: Woonvorm = 'behandeld-wonen';

/**
 * Raw figures over the two populations of a row: never published as such. Each count carries the
 * record keys of its episodes' or stays' persons (a person with two adds their key twice).
 */
export interface RuweDuurStatistiek {
  /** Started in the period: the Kaplan-Meier cohort. */
  gestart: Telling;
  /** Ended in the period, whatever their start, and not running on the peildatum. */
  beeindigd: Telling;
  /** Of the started ones, those still running on the peildatum (censored). */
  lopend: Telling;
  /** Over the ended ones (`count` is `beeindigd.aantal`). */
  samenvatting: DurationSummary;
  /** The durations behind the summary, one per ended one (the records `beeindigd` counts). */
  beeindigdeDuren: number[];
  /** The durations of the started ones, ended or so far (censored): those behind Kaplan-Meier. */
  gestarteDuren: number[];
  /** Kaplan-Meier over the started ones. */
  kmMediaan: number | null;
  /** Kaplan-Meier survival (0..1) after 90, 180 and 365 days; null when not estimable. */
  overlevingNa90: number | null;
  overlevingNa180: number | null;
  overlevingNa365: number | null;
  /**
   * Of the started ones, how many were at risk (still in care at the start of the day) on the
   * median day (0 without a median) and on day 90, 180 and 365.
   */
  onderRisico: { kmMediaan: number; na90: number; na180: number; na365: number };
}

/** The durations of a row's two populations, each with the person it is about. */
export interface Duurwaarnemingen {
  /** Days (inclusive) of each one that ended in the period and is not running on the peildatum. */
  beeindigd: ({ duur: number } & Persoonsrecord)[];
  /** Each one that started in the period: ended, or running and censored at the peildatum. */
  gestart: (DurationObservation & Persoonsrecord)[];
}

/** Whom a record is about; an episode carries its person's record key, so it is not looked up. */
interface Persoonsrecord {
  persoonId: string;
  recordsleutel?: number;
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

/**
 * A duration statistic as it may be published. Days with one decimal; survival in percent.
 * `beeindigd` and the summary (gemiddelde .. p90) are over what ended in the period; `gestart`,
 * `lopend` and the Kaplan-Meier figures over what started in it.
 */
export interface GepubliceerdeDuren {
  gestart: number | null;
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
    /** 2023 with the same populations: its mean is over the stays that ended in 2023. */
    basisjaar: { van: string; tot: string } & GepubliceerdeDuren;
    /** The published baseline mean × 0.75, in days with one decimal. */
    doelGemiddelde: number | null;
    /**
     * The published mean of the stays ended in the period against that of the stays ended in
     * 2023, in percent with one decimal (negative: shorter).
     */
    verschilPercentage: number | null;
  };
  onderdrukt: Onderdrukt[];
}

/** Counts and durations, raw. Order of the facts is irrelevant. */
export function telDuren(
  d: MonitoringDataset,
  vraag: MonitoringVraag,
  groep: DuurGroepering,
): RuweDuren {
  const peil = peildatum(vraag);
  const episodes = gedeeldeZorgEpisodes(d, vraag.filter, peil, vraag.bekendOp);
  const staat = durenCache.bij(
    d,
    JSON.stringify([vraag.filter, vraag.van, vraag.tot, vraag.bekendOp, groep]),
    () => {
      const nieuw: DurenStaat = { perPersoon: new Map(), rijen: new Map(), totaal: new DuurRij() };
      for (const episode of episodes) {
        const deel = episodeDeel(episode, vraag, groep);
        if (deel === null) continue;
        const delen = nieuw.perPersoon.get(episode.persoonId) ?? [];
        delen.push(deel);
        nieuw.perPersoon.set(episode.persoonId, delen);
        verreken(nieuw, deel, 1, true);
      }
      return nieuw;
    },
    // New facts since: take the touched persons' parts out of their rows and the total, and put
    // their parts as they are now in; every other part, and every untouched row, stays.
    (oud, w) => {
      for (const persoonId of w.personen) {
        for (const deel of oud.perPersoon.get(persoonId) ?? []) verreken(oud, deel, -1);
        const delen = episodesVan(episodes, persoonId)
          .map((e) => episodeDeel(e, vraag, groep))
          .filter((deel): deel is EpisodeDeel => deel !== null);
        for (const deel of delen) verreken(oud, deel, 1);
        if (delen.length > 0) oud.perPersoon.set(persoonId, delen);
        else oud.perPersoon.delete(persoonId);
      }
      return oud;
    },
  );
  const perGroep = [...staat.rijen].map(([sleutel, rij]): RuweDuurGroep => ({
    sleutel,
    naam: groepsnaam(d, groep, sleutel, rij.laatsteStart()),
    ...rij.statistiek(),
  }));
  perGroep.sort((a, b) => compareText(a.naam, b.naam) || compareText(a.sleutel, b.sleutel));

  const behandeldWonen = (v: Pick<MonitoringVraag, 'van' | 'tot' | 'bekendOp'>) =>
    duurStatistiek(
      d,
      verblijfsduren(d, { ...vraag, ...v }, (vorm) => vorm === BEHANDELD_WONEN),
    );

  return {
    groep,
    perGroep,
    totaal: staat.totaal.statistiek(),
    verblijf: duurStatistiek(
      d,
      verblijfsduren(d, vraag, (vorm) => vorm !== PLEEGZORG),
    ),
    behandeldWonen: {
      periode: behandeldWonen(vraag),
      basisjaar: behandeldWonen({ ...BASISJAAR, bekendOp: vraag.bekendOp }),
    },
  };
}

/** The figures as published, under disclosure control. */
export const durenCijfers = antwoordPerVersie(berekenDurenCijfers);

function berekenDurenCijfers(
  d: MonitoringDataset,
  vraag: MonitoringVraag,
  groep: DuurGroepering,
): DurenCijfers {
  const ruw = telDuren(d, vraag, groep);
  const o = new Onderdrukking();
  // In the order of the answer, so withheld cells are listed in that order too.
  const perGroep = ruw.perGroep.map(({ sleutel, naam, ...statistiek }) => ({
    sleutel,
    naam,
    ...publiceerDuren(o, statistiek, 'perGroep', rijnaam(sleutel, naam)),
  }));
  const totaal = publiceerDuren(o, ruw.totaal, 'totaal', 'totaal');
  const verblijf = publiceerDuren(o, ruw.verblijf, 'verblijf', 'verblijf zonder pleegzorg');
  const periode = publiceerDuren(o, ruw.behandeldWonen.periode, 'behandeldWonen', 'periode');
  const basisjaar = publiceerDuren(
    o,
    ruw.behandeldWonen.basisjaar,
    'behandeldWonen',
    'basisjaar 2023',
  );
  // The goal and the difference come from the published means only: from the raw ones, two
  // questions would give back what the noise on the means hides.
  const [nu, basis] = [periode.gemiddelde, basisjaar.gemiddelde];
  const bwCel = (veld: string): Cel => ({ tabel: 'behandeldWonen', rij: 'doel', veld });
  return {
    ...kop(MONITORING_DUREN_DEFINITIE.versie, vraag),
    definitie: MONITORING_DUREN_DEFINITIE,
    groep,
    perGroep,
    totaal,
    verblijf,
    behandeldWonen: {
      periode,
      basisjaar: { ...BASISJAAR, ...basisjaar },
      doelGemiddelde: o.afgeleid(
        basis === null ? null : basis * BEHANDELD_WONEN_DOELFACTOR,
        basis === null,
        bwCel('doelGemiddelde'),
        1,
      ),
      verschilPercentage: o.afgeleid(
        nu === null || basis === null || basis === 0 ? null : (100 * (nu - basis)) / basis,
        nu === null || basis === null,
        bwCel('verschilPercentage'),
        1,
      ),
    },
    onderdrukt: o.onderdrukt,
  };
}

const KOLOMMEN: (keyof GepubliceerdeDuren)[] = [
  'gestart',
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
 * Counts, the summary over the ended ones and Kaplan-Meier over the started ones. Survival after t
 * days is the estimate at t; beyond the longest observed duration it is only known when it
 * already reached 0.
 */
export function duurStatistiek(d: MonitoringDataset, w: Duurwaarnemingen): RuweDuurStatistiek {
  const rij = new DuurRij();
  const sleutel = (r: Persoonsrecord) => r.recordsleutel ?? recordsleutel(d, r.persoonId);
  for (const b of w.beeindigd) {
    rij.verreken({ start: null, sleutel: sleutel(b), beeindigd: b.duur, gestart: null }, 1, true);
  }
  for (const g of w.gestart) {
    const gestart = { duration: g.duration, ended: g.ended };
    rij.verreken({ start: null, sleutel: sleutel(g), beeindigd: null, gestart }, 1, true);
  }
  return rij.statistiek();
}

/** What one record (an episode, a stay) adds to a row: to either population or both. */
interface Duurdeel {
  /** The episode's start, which names a row of a grouping; null for a stay. */
  start: string | null;
  /** Its person's record key. */
  sleutel: number;
  /** Its duration when it ended in the period (see `beeindigd`). */
  beeindigd: number | null;
  /** Its observation when it started in the period (see `gestart`). */
  gestart: DurationObservation | null;
}

/** An episode's part, with the rows of the grouping it counts in (besides the total). */
interface EpisodeDeel extends Duurdeel {
  start: string;
  rijen: readonly string[];
}

/**
 * A row's two populations, kept sorted, so that a record's part can be taken out or put in at its
 * place (by bisection: after a new fact, the touched persons' parts) and the summary and
 * Kaplan-Meier read off in one pass, without sorting again. A row built at once (`bulk`) sorts
 * once, when first read.
 */
class DuurRij {
  /** How many parts the row holds: a row without any is not shown. */
  delen = 0;
  /** The starts of its episodes, ascending: the last one names the row. */
  private readonly starts: string[] = [];
  private readonly beeindigdeDuren: number[] = [];
  /**
   * One per started one: its duration times 2, plus 1 when it runs (censored), ascending: so at
   * equal durations the ended ones come first, as Kaplan-Meier counts them.
   */
  private readonly gestarteCodes: number[] = [];
  private gestart = new Telling();
  private beeindigd = new Telling();
  private lopend = new Telling();
  private ongesorteerd = false;
  /** The statistics of the parts as they are; null once a part changed. */
  private berekend: RuweDuurStatistiek | null = null;

  /** Puts a part in (`teken` 1) or takes it out (-1); `bulk` only puts in, sorted later. */
  verreken(deel: Duurdeel, teken: 1 | -1, bulk = false): void {
    if (!bulk) this.sorteer();
    const lijst = <K extends number | string>(waarden: K[], waarde: K) => {
      if (bulk) waarden.push(waarde);
      else if (teken === 1) voegGesorteerdToe(waarden, waarde);
      else haalGesorteerdWeg(waarden, waarde);
    };
    const een = new Telling(1, deel.sleutel);
    const tel = (t: Telling) => (teken === 1 ? t.plus(een) : t.min(een));
    if (deel.start !== null) lijst(this.starts, deel.start);
    if (deel.beeindigd !== null) {
      lijst(this.beeindigdeDuren, deel.beeindigd);
      this.beeindigd = tel(this.beeindigd);
    }
    if (deel.gestart !== null) {
      const { duration, ended } = deel.gestart;
      lijst(this.gestarteCodes, 2 * duration + (ended ? 0 : 1));
      this.gestart = tel(this.gestart);
      if (!ended) this.lopend = tel(this.lopend);
    }
    this.delen += teken;
    this.ongesorteerd ||= bulk;
    this.berekend = null;
  }

  /** The start of the row's last begun episode (it names the row). */
  laatsteStart(): string {
    this.sorteer();
    return this.starts[this.starts.length - 1]!;
  }

  statistiek(): RuweDuurStatistiek {
    if (this.berekend) return this.berekend;
    this.sorteer();
    // The started ones' events and censorings per duration, in one pass over the sorted codes.
    const perDag: { day: number; events: number; censored: number }[] = [];
    for (const code of this.gestarteCodes) {
      const day = Math.floor(code / 2);
      let laatste = perDag[perDag.length - 1];
      if (laatste?.day !== day) {
        laatste = { day, events: 0, censored: 0 };
        perDag.push(laatste);
      }
      if (code % 2 === 0) laatste.events += 1;
      else laatste.censored += 1;
    }
    const n = this.gestarteCodes.length;
    const km = { ...kaplanMeierPerDay(perDag, n), n };
    const langste = km.points[km.points.length - 1];
    const overlevingNa = (dag: number): number | null => {
      if (!langste) return null;
      if (dag > langste.day) return langste.survival <= 1e-9 ? 0 : null;
      let survival = 1;
      for (const p of km.points) if (p.day <= dag) survival = p.survival;
      return survival;
    };
    const kopie = (t: Telling) => new Telling(t.aantal, t.sleutel);
    this.berekend = {
      gestart: kopie(this.gestart),
      beeindigd: kopie(this.beeindigd),
      lopend: kopie(this.lopend),
      samenvatting: summarizeSorted(this.beeindigdeDuren),
      beeindigdeDuren: [...this.beeindigdeDuren],
      gestarteDuren: this.gestarteCodes.map((code) => Math.floor(code / 2)),
      kmMediaan: km.median,
      overlevingNa90: overlevingNa(OVERLEVING_DAGEN[0]),
      overlevingNa180: overlevingNa(OVERLEVING_DAGEN[1]),
      overlevingNa365: overlevingNa(OVERLEVING_DAGEN[2]),
      onderRisico: {
        kmMediaan: km.median === null ? 0 : atRiskOn(km, km.median),
        na90: atRiskOn(km, OVERLEVING_DAGEN[0]),
        na180: atRiskOn(km, OVERLEVING_DAGEN[1]),
        na365: atRiskOn(km, OVERLEVING_DAGEN[2]),
      },
    };
    return this.berekend;
  }

  private sorteer(): void {
    if (!this.ongesorteerd) return;
    this.starts.sort(compareText);
    this.beeindigdeDuren.sort((a, b) => a - b);
    this.gestarteCodes.sort((a, b) => a - b);
    this.ongesorteerd = false;
  }
}

/** Per question, every person's parts and the rows and total they are counted in. */
interface DurenStaat {
  perPersoon: Map<string, EpisodeDeel[]>;
  rijen: Map<string, DuurRij>;
  totaal: DuurRij;
}

/** Per data set and question, the rows as last brought up to date. */
const durenCache = new VraagCache<DurenStaat>();

/** Puts an episode's part into (or takes it out of) its rows and the total. */
function verreken(staat: DurenStaat, deel: EpisodeDeel, teken: 1 | -1, bulk = false): void {
  staat.totaal.verreken(deel, teken, bulk);
  for (const sleutel of deel.rijen) {
    let rij = staat.rijen.get(sleutel);
    if (!rij) {
      rij = new DuurRij();
      staat.rijen.set(sleutel, rij);
    }
    rij.verreken(deel, teken, bulk);
    if (rij.delen === 0) staat.rijen.delete(sleutel);
  }
}

/** Ended in the period: its last day lies from van to tot and it no longer runs on the peildatum. */
function isBeeindigd(e: ZorgEpisode, vraag: MonitoringVraag): boolean {
  return !e.running && e.end >= vraag.van && e.end <= vraag.tot;
}

/** Started in the period (and by the peildatum: `zorgEpisodes` gives no later ones). */
function isGestart(e: ZorgEpisode, vraag: MonitoringVraag): boolean {
  return e.start >= vraag.van && e.start <= vraag.tot;
}

/** An episode's part of a question from van to tot; null when it is in neither population. */
function episodeDeel(
  e: ZorgEpisode,
  vraag: MonitoringVraag,
  groep: DuurGroepering,
): EpisodeDeel | null {
  const beeindigd = isBeeindigd(e, vraag);
  const gestart = isGestart(e, vraag);
  if (!beeindigd && !gestart) return null;
  return {
    start: e.start,
    sleutel: e.recordsleutel,
    rijen: sleutelsVan(e, groep),
    beeindigd: beeindigd ? durationDays(e.start, e.end) : null,
    gestart: gestart ? observation(e) : null,
  };
}

/**
 * The two populations of the selected stays in a form `vormBijStart` accepts at their start: ended
 * from van to tot and by the peildatum (whatever their start), and started from van to tot and by
 * the peildatum (ended when the end is known by the peildatum, else censored there).
 */
function verblijfsduren(
  d: MonitoringDataset,
  vraag: MonitoringVraag,
  vormBijStart: (vorm: Woonvorm) => boolean,
): Duurwaarnemingen {
  const peil = peildatum(vraag);
  const inPeriode = (datum: string) => datum >= vraag.van && datum <= vraag.tot && datum <= peil;
  const w: Duurwaarnemingen = { beeindigd: [], gestart: [] };
  for (const v of geselecteerdeVerblijven(d, vraag.filter, peil)) {
    const vorm = v.woonvormen[0]?.woonvorm;
    if (vorm === undefined || !vormBijStart(vorm)) continue;
    const einde = v.einde?.datum ?? null;
    // An end before the start is inconsistent data: not counted, as with assignments.
    if (einde !== null && einde < v.startdatum) continue;
    const { persoonId } = v;
    if (einde !== null && inPeriode(einde)) {
      w.beeindigd.push({ persoonId, duur: durationDays(v.startdatum, einde) });
    }
    if (inPeriode(v.startdatum)) {
      w.gestart.push(
        einde !== null && einde <= peil
          ? { persoonId, duration: durationDays(v.startdatum, einde), ended: true }
          : { persoonId, duration: durationDays(v.startdatum, peil), ended: false },
      );
    }
  }
  return w;
}

function sleutelsVan(episode: ZorgEpisode, groep: DuurGroepering): string[] {
  switch (groep) {
    case 'kader':
      return [episode.wettelijkKader];
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
    case 'kader':
      return sleutel;
    case 'categorie':
      return sleutel === GEEN_CATEGORIE
        ? 'geen iJW-categorie (andere wet)'
        : `categorie ${sleutel}`;
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

/**
 * A row under disclosure control: counts perturbed by their cell keys; the mean and percentiles of
 * the ended ones with noise from theirs; the Kaplan-Meier figures with noise from the cohort's.
 */
type P = number | null;

function publiceerDuren(
  o: Onderdrukking,
  s: RuweDuurStatistiek,
  tabel: string,
  rij: string,
): GepubliceerdeDuren {
  const cel = (veld: string): Cel => ({ tabel, rij, veld });
  const kengetal = (waarde: number | null, veld: string) =>
    o.kengetal(waarde, s.beeindigdeDuren, s.beeindigd, cel(veld), 1);
  const overleving = (waarde: number | null, onderRisico: number, veld: string) =>
    o.overleving(waarde, onderRisico, s.gestart, cel(veld), 1);
  const gestart = o.aantal(s.gestart, cel('gestart'));
  const beeindigd = o.aantal(s.beeindigd, cel('beeindigd'));
  const lopend = o.aantal(s.lopend, cel('lopend'));
  const gemiddelde = o.gemiddelde(s.beeindigdeDuren, s.beeindigd, cel('gemiddelde'), 1);
  // Each percentile has noise of its own; they are published in order, as percentiles are.
  const mediaanMetRuis = kengetal(s.samenvatting.median, 'mediaan');
  const [p25, mediaan, p75, p90] = oplopend<[P, P, P, P]>([
    kengetal(s.samenvatting.p25, 'p25'),
    mediaanMetRuis,
    kengetal(s.samenvatting.p75, 'p75'),
    kengetal(s.samenvatting.p90, 'p90'),
  ]);
  return {
    gestart,
    beeindigd,
    lopend,
    gemiddelde,
    mediaan,
    p25,
    p75,
    p90,
    kmMediaan: kmMediaan(o, s, cel('kmMediaan')),
    overlevingNa90: overleving(s.overlevingNa90, s.onderRisico.na90, 'overlevingNa90'),
    overlevingNa180: overleving(s.overlevingNa180, s.onderRisico.na180, 'overlevingNa180'),
    overlevingNa365: overleving(s.overlevingNa365, s.onderRisico.na365, 'overlevingNa365'),
  };
}

/** The values in ascending order when none is withheld (they are withheld together). */
function oplopend<T extends (number | null)[]>(waarden: T): T {
  return waarden.some((w) => w === null) ? waarden : ([...waarden].sort((a, b) => a! - b!) as T);
}

/**
 * The Kaplan-Meier median in whole days, with noise from the cohort's cell key; withheld when the
 * cohort is under 10, or when fewer than 10 are at risk on the median day.
 */
function kmMediaan(o: Onderdrukking, s: RuweDuurStatistiek, cel: Cel): number | null {
  return o.kengetal(s.kmMediaan, s.gestarteDuren, s.gestart, cel, 0, s.onderRisico.kmMediaan);
}
