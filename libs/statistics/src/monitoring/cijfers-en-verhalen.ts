import {
  GEEN_ANTWOORD,
  HULPVRAAG_ANTWOORDEN,
  HulpvraagAntwoord,
  VERTELLERS,
  Verteller,
} from '@app/domain';
import { ONDERDRUKKING_DEFINITIE, Onderdrukking, Onderdrukt, Telling } from '../disclosure';
import { compareText } from '../intervals';
import {
  MonitoringDataset,
  VraagCache,
  gezinnenVan,
  gezinssleutel,
  recordsleutel,
  wijkOp,
} from './dataset';
import { OordelenFeit, ToewijzingKenmerken } from './feiten';
import { DurenCijfers, DuurGroepering, durenCijfers } from './duren';
import {
  MonitoringKop,
  MonitoringVraag,
  Tabel,
  WIJK_DEFINITIE,
  Zorgvorm,
  aanbiederNaam,
  kop,
  peildatum,
  productOmschrijving,
  selecteert,
} from './selectie';
import { UitstroomCijfers, uitstroomCijfers } from './uitstroom';
import { VerlengingGroepering, VerlengingenCijfers, verlengingenCijfers } from './verlengingen';
import { ZorgepisodeCijfers, zorgepisodeCijfers } from './zorgepisodes';

/**
 * Figures and stories side by side (issue 12, 002:1385-1430, 2120-2178): for one cell the cold
 * figures ("wat we kunnen tellen"), the judgements of youths, parents and professionals under the
 * same disclosure control, and the released stories ("wat ertoe doet"), pseudonymised. The figures
 * are the monitoring's own figure functions asked the same question, never counted again here.
 */
export const CIJFERS_EN_VERHALEN_DEFINITIE = {
  versie: 'cijfers-en-verhalen-1',
  wijk: WIJK_DEFINITIE,
  cel:
    'een cel is een selectie (aanbieder, product of categorie, zorgvorm, wettelijk kader, ' +
    'verwijzer, wijk), een periode en bekendOp, met eventueel een thema; het thema kiest alleen ' +
    'verhalen (cijfers en oordelen hebben geen thema)',
  cijfers:
    'de koude cijfers zijn de totalen van de cijfers episodes, duren, verlengingen en uitstroom ' +
    'voor dezelfde vraag, met hun eigen definitie en versie (zie die routes)',
  koppeling:
    'een verhaal of oordeel over een toewijzing valt in de cel als de selectie die toewijzing ' +
    'kiest (zoals bij de cijfers); een verhaal of oordeel zonder toewijzing (zoals oordelen bij ' +
    'een evaluatie van het plan) alleen in een cel zonder filter op aanbieder, product, ' +
    'categorie, zorgvorm, kader of verwijzer; de wijk is die waar het gezin op de peildatum ' +
    'woonde; de periode telt per maand: een verhaal of oordeel valt erin als zijn maand van de ' +
    'maand van van tot en met de maand van tot loopt',
  oordelen:
    'per verteller (jeugdige, ouder, professional) en samen: het aantal oordelen; per antwoord ' +
    'op de vraag of de hulpvraag beantwoord is (ja, deels, nee, niet-gevraagd, ' +
    'wil-niet-antwoorden) en per antwoord over regie (1 tot en met 5, of geen antwoord) het aantal ' +
    'en het percentage van de oordelen; voortgang per doel (-2 tot en met +2, of geen antwoord) ' +
    'het aantal doelen en het percentage van de doelen; gemiddelde regie en voortgang over de ' +
    'gegeven scores, met ruis; een oordeel telt met de recordsleutel van de persoon van de ' +
    'toewijzing, zonder toewijzing met die van het gezin',
  verhalen:
    'verhalen die een tweede persoon op herkenbare details controleerde en vrijgaf, met ' +
    'toestemming gepseudonimiseerd of citeerbaar: de tekst zoals vrijgegeven, de maand (nooit de ' +
    'dag), wie vertelde (jeugdige, ouder of professional, zonder naam of organisatie), de ' +
    "thema's, en aanbieder, product, kader en zorgvorm van de toewijzing; citeerbaar: alleen dan " +
    'mag de tekst letterlijk worden aangehaald; een ingetrokken (of beperkte) toestemming haalt ' +
    'het verhaal meteen uit elk antwoord, ook uit een antwoord bekend op een eerdere dag',
  kleineCel:
    'geen enkel verhaal als de cel minder dan 10 personen telt (episodes: personen niet ' +
    'gepubliceerd), want een verhaal in een kleine cel maakt iemand herkenbaar',
  onderdrukking: ONDERDRUKKING_DEFINITIE,
} as const;

/** A cell: the question of the figures, and a theme that selects stories. */
export interface CelVraag extends MonitoringVraag {
  thema?: string;
}

/** The answers on regie: a score of 1 to 5, or none. */
export const REGIE_ANTWOORDEN = ['1', '2', '3', '4', '5', ...GEEN_ANTWOORD] as const;
/** The answers on progress per goal: a goal attainment score of -2 to +2, or none. */
export const VOORTGANG_ANTWOORDEN = ['-2', '-1', '0', '1', '2', ...GEEN_ANTWOORD] as const;

/** The raw judgements of one teller kind, or of all: never published as such. */
export interface RuweOordeelGroep {
  oordelen: Telling;
  hulpvraag: Record<HulpvraagAntwoord, Telling>;
  regie: Record<(typeof REGIE_ANTWOORDEN)[number], Telling>;
  /** The regie scores given (1-5), one per judgement `regieGegeven` counts. */
  regieScores: number[];
  regieGegeven: Telling;
  /** One per goal scored or not. */
  doelen: Telling;
  voortgang: Record<(typeof VOORTGANG_ANTWOORDEN)[number], Telling>;
  voortgangScores: number[];
  voortgangGegeven: Telling;
}

export interface RuweOordelen {
  perVerteller: Record<Verteller, RuweOordeelGroep>;
  totaal: RuweOordeelGroep;
}

/**
 * Whether a story or judgement falls in the cell (see `koppeling` in the definition): an
 * assignment through the figures' own selection, the district through the family.
 */
function inCel(
  d: MonitoringDataset,
  vraag: MonitoringVraag,
): (r: { gezinId: string; toewijzing: ToewijzingKenmerken | null; maand: string }) => boolean {
  const peil = peildatum(vraag);
  const [van, tot] = [vraag.van.slice(0, 7), vraag.tot.slice(0, 7)];
  const { wijk, ...toewijzingFilter } = vraag.filter;
  const metToewijzing = Object.values(toewijzingFilter).some((v) => v !== undefined);
  const gekozen = selecteert(d, toewijzingFilter, peil);
  return ({ gezinId, toewijzing, maand }) => {
    if (maand < van || maand > tot) return false;
    if (wijk !== undefined) {
      const gezin = d.gezinnen.get(gezinId);
      if (!gezin || wijkOp(gezin, peil) !== wijk) return false;
    }
    if (!metToewijzing) return true;
    const t = toewijzing && d.toewijzingen.get(toewijzing.toewijzingId);
    return !!t && gekozen(t);
  };
}

/** The position of each answer in its list, by the answer as the fact holds it (1, not '1'). */
const plaats = (antwoorden: readonly string[]): Map<unknown, number> =>
  new Map(antwoorden.map((a, i) => [/^-?\d$/.test(a) ? Number(a) : a, i]));
const HULPVRAAG_PLAATS = plaats(HULPVRAAG_ANTWOORDEN);
const REGIE_PLAATS = plaats(REGIE_ANTWOORDEN);
const VOORTGANG_PLAATS = plaats(VOORTGANG_ANTWOORDEN);

/** A teller kind's counts: one Telling per answer, in the order of its list. */
interface Teller {
  oordelen: Telling;
  hulpvraag: Telling[];
  regie: Telling[];
  regieGegeven: Telling;
  doelen: Telling;
  voortgang: Telling[];
  voortgangGegeven: Telling;
}

const tellingen = (n: number): Telling[] => Array.from({ length: n }, () => new Telling());

function nieuweTeller(): Teller {
  return {
    oordelen: new Telling(),
    hulpvraag: tellingen(HULPVRAAG_ANTWOORDEN.length),
    regie: tellingen(REGIE_ANTWOORDEN.length),
    regieGegeven: new Telling(),
    doelen: new Telling(),
    voortgang: tellingen(VOORTGANG_ANTWOORDEN.length),
    voortgangGegeven: new Telling(),
  };
}

/** `a` with `b` added (`teken` 1) or taken back (-1), in place. */
function verreken(a: Teller, b: Teller, teken: 1 | -1): void {
  const op = (x: Telling, y: Telling) => (teken === 1 ? x.plus(y) : x.min(y));
  a.oordelen = op(a.oordelen, b.oordelen);
  a.regieGegeven = op(a.regieGegeven, b.regieGegeven);
  a.doelen = op(a.doelen, b.doelen);
  a.voortgangGegeven = op(a.voortgangGegeven, b.voortgangGegeven);
  for (const veld of ['hulpvraag', 'regie', 'voortgang'] as const) {
    a[veld] = a[veld].map((t, i) => op(t, b[veld][i]!));
  }
}

const perAntwoord = <K extends string>(
  antwoorden: readonly K[],
  t: Telling[],
): Record<K, Telling> =>
  Object.fromEntries(antwoorden.map((a, i) => [a, t[i]!])) as Record<K, Telling>;

/** The scores given, one per count of each numeric answer: what a mean is taken over. */
function scores(antwoorden: readonly string[], t: Telling[]): number[] {
  // Tens of thousands over five years: filled in place (spreading arrays of them costs more).
  const lijst: number[] = [];
  antwoorden.forEach((a, i) => {
    if (!/^-?\d$/.test(a)) return;
    const score = Number(a);
    for (let n = t[i]!.aantal; n > 0; n--) lijst.push(score);
  });
  return lijst;
}

function alsGroep(t: Teller): RuweOordeelGroep {
  return {
    ...t,
    hulpvraag: perAntwoord(HULPVRAAG_ANTWOORDEN, t.hulpvraag),
    regie: perAntwoord(REGIE_ANTWOORDEN, t.regie),
    regieScores: scores(REGIE_ANTWOORDEN, t.regie),
    voortgang: perAntwoord(VOORTGANG_ANTWOORDEN, t.voortgang),
    voortgangScores: scores(VOORTGANG_ANTWOORDEN, t.voortgang),
  };
}

/** One family's judgements in the cell, per teller kind (in the order of VERTELLERS). */
type Deel = Teller[];

/** Counts the judgements of one family that fall in the cell. */
function telDeel(
  d: MonitoringDataset,
  momenten: readonly OordelenFeit[],
  gekozen: (m: OordelenFeit) => boolean,
): Deel | null {
  let deel: Deel | null = null;
  for (const moment of momenten) {
    if (!gekozen(moment)) continue;
    deel ??= VERTELLERS.map(nieuweTeller);
    const gezin = d.gezinnen.get(moment.gezinId);
    const sleutel = moment.toewijzing
      ? recordsleutel(d, moment.toewijzing.persoonId)
      : gezin
        ? gezinssleutel(d, gezin)
        : 0;
    for (const oordeel of moment.oordelen) {
      const t = deel[VERTELLER_PLAATS.get(oordeel.door)!]!;
      t.oordelen.telOp(sleutel);
      t.hulpvraag[HULPVRAAG_PLAATS.get(oordeel.hulpvraagBeantwoord)!]!.telOp(sleutel);
      t.regie[REGIE_PLAATS.get(oordeel.regie)!]!.telOp(sleutel);
      if (typeof oordeel.regie === 'number') t.regieGegeven.telOp(sleutel);
      for (const score of oordeel.voortgang) {
        t.doelen.telOp(sleutel);
        t.voortgang[VOORTGANG_PLAATS.get(score)!]!.telOp(sleutel);
        if (typeof score === 'number') t.voortgangGegeven.telOp(sleutel);
      }
    }
  }
  return deel;
}

const VERTELLER_PLAATS = plaats(VERTELLERS);

/** Per data set, the judgements per family, brought up to date as judgements are added. */
const momentenPerGezin = new WeakMap<
  MonitoringDataset,
  { gezien: number; perGezin: Map<string, OordelenFeit[]> }
>();

function momentenVan(d: MonitoringDataset): Map<string, OordelenFeit[]> {
  let index = momentenPerGezin.get(d);
  if (!index) {
    index = { gezien: 0, perGezin: new Map() };
    momentenPerGezin.set(d, index);
  }
  // Judgements are only ever added: read the new ones.
  for (; index.gezien < d.oordelen.length; index.gezien++) {
    const moment = d.oordelen[index.gezien]!;
    const lijst = index.perGezin.get(moment.gezinId) ?? [];
    lijst.push(moment);
    index.perGezin.set(moment.gezinId, lijst);
  }
  return index.perGezin;
}

/** Per question, each family's part and their sum; new facts redo the families they touch. */
const oordelenCache = new VraagCache<{ delen: ReadonlyMap<string, Deel>; totaal: Deel }>();

/** Counts the judgements of the cell per teller kind and together; unrounded. */
export function telOordelen(d: MonitoringDataset, vraag: MonitoringVraag): RuweOordelen {
  const gekozen = inCel(d, vraag);
  const perGezin = momentenVan(d);
  const delenVan = (gezinIds: Iterable<string>) => {
    const delen = new Map<string, Deel | null>();
    for (const gezinId of gezinIds) {
      delen.set(gezinId, telDeel(d, perGezin.get(gezinId) ?? [], gekozen));
    }
    return delen;
  };
  const { totaal } = oordelenCache.bij(
    d,
    JSON.stringify([vraag.filter, vraag.van, vraag.tot, peildatum(vraag)]),
    () => {
      const totaal = VERTELLERS.map(nieuweTeller);
      const delen = new Map<string, Deel>();
      for (const [gezinId, deel] of delenVan(perGezin.keys())) {
        if (deel === null) continue;
        delen.set(gezinId, deel);
        deel.forEach((t, i) => verreken(totaal[i]!, t, 1));
      }
      return { delen, totaal };
    },
    (oud, w) => {
      // A family's part depends on its judgements, district and members' keys, and the
      // assignments of its judgements (their persons are members): redo the families touched.
      const gezinIds = new Set(w.gezinnen);
      for (const p of w.personen) for (const g of gezinnenVan(d, p)) gezinIds.add(g);
      const totaal = oud.totaal.map((t) => ({ ...t }));
      const delen = new Map(oud.delen);
      for (const [gezinId, deel] of delenVan(gezinIds)) {
        oud.delen.get(gezinId)?.forEach((t, i) => verreken(totaal[i]!, t, -1));
        if (deel === null) delen.delete(gezinId);
        else {
          delen.set(gezinId, deel);
          deel.forEach((t, i) => verreken(totaal[i]!, t, 1));
        }
      }
      return { delen, totaal };
    },
  );
  const perVerteller = Object.fromEntries(
    VERTELLERS.map((v, i) => [v, alsGroep(totaal[i]!)]),
  ) as Record<Verteller, RuweOordeelGroep>;
  const samen = VERTELLERS.map(nieuweTeller)[0]!;
  for (const t of totaal) verreken(samen, t, 1);
  return { perVerteller, totaal: alsGroep(samen) };
}

/** A count and its share, as published. */
export interface GepubliceerdAntwoord {
  antwoord: string;
  aantal: number | null;
  percentage: number | null;
}

export interface GepubliceerdeOordelen {
  verteller: Verteller | 'totaal';
  oordelen: number | null;
  hulpvraagBeantwoord: GepubliceerdAntwoord[];
  regie: GepubliceerdAntwoord[];
  gemiddeldeRegie: number | null;
  doelen: number | null;
  voortgang: GepubliceerdAntwoord[];
  gemiddeldeVoortgang: number | null;
}

/** The judgements of the cell under disclosure control; withheld cells noted in `o`. */
export function publiceerOordelen(o: Onderdrukking, ruw: RuweOordelen): GepubliceerdeOordelen[] {
  const groep = (verteller: Verteller | 'totaal', g: RuweOordeelGroep): GepubliceerdeOordelen => {
    const tabel = 'oordelen';
    const verdeling = (
      veld: string,
      tellingen: Record<string, Telling>,
      noemer: Telling,
    ): GepubliceerdAntwoord[] =>
      Object.entries(tellingen).map(([antwoord, t]) => ({
        antwoord,
        aantal: o.aantal(t, { tabel, rij: verteller, veld: `${veld}.${antwoord}.aantal` }),
        percentage: o.aandeel(t, noemer, {
          tabel,
          rij: verteller,
          veld: `${veld}.${antwoord}.percentage`,
        }),
      }));
    return {
      verteller,
      oordelen: o.aantal(g.oordelen, { tabel, rij: verteller, veld: 'oordelen' }),
      hulpvraagBeantwoord: verdeling('hulpvraagBeantwoord', g.hulpvraag, g.oordelen),
      regie: verdeling('regie', g.regie, g.oordelen),
      gemiddeldeRegie: o.gemiddelde(g.regieScores, g.regieGegeven, {
        tabel,
        rij: verteller,
        veld: 'gemiddeldeRegie',
      }),
      doelen: o.aantal(g.doelen, { tabel, rij: verteller, veld: 'doelen' }),
      voortgang: verdeling('voortgang', g.voortgang, g.doelen),
      gemiddeldeVoortgang: o.gemiddelde(g.voortgangScores, g.voortgangGegeven, {
        tabel,
        rij: verteller,
        veld: 'gemiddeldeVoortgang',
      }),
    };
  };
  return [...VERTELLERS.map((v) => groep(v, ruw.perVerteller[v])), groep('totaal', ruw.totaal)];
}

/** A released story as policy staff see it: no name, no id, no day. */
export interface GepubliceerdVerhaal {
  maand: string;
  verteller: Verteller;
  citeerbaar: boolean;
  tekst: string;
  /** The themes' names (a theme without a known name by its key). */
  themas: string[];
  aanbieder: string | null;
  product: string | null;
  kader: string | null;
  zorgvorm: Zorgvorm | null;
}

export interface CelVerhalen {
  /** False in a cell of fewer than 10 persons: then no story at all. */
  getoond: boolean;
  reden: string | null;
  items: GepubliceerdVerhaal[];
}

/**
 * The released stories of the cell whose themes `themas` accepts (all by default), or none when
 * the cell is small (`getoond`).
 */
export function celVerhalen(
  d: MonitoringDataset,
  vraag: MonitoringVraag,
  getoond: boolean,
  themas: (themaIds: readonly string[]) => boolean = () => true,
): CelVerhalen {
  if (!getoond) {
    return { getoond, reden: 'cel onder 10 personen', items: [] };
  }
  const gekozen = inCel(d, vraag);
  const items = [...d.verhalen.values()]
    .filter((v) => gekozen(v) && themas(v.themaIds))
    .map((v): GepubliceerdVerhaal => {
      const t = v.toewijzing && d.toewijzingen.get(v.toewijzing.toewijzingId);
      const datum = `${v.maand}-01`;
      return {
        maand: v.maand,
        verteller: v.verteller,
        citeerbaar: v.citeerbaar,
        tekst: v.tekst,
        themas: v.themaIds.map((id) => d.themas.get(id) ?? id),
        aanbieder: t ? aanbiederNaam(d, t.aanbiederId, datum) : null,
        product: t ? productOmschrijving(d, t.productcode, datum) : null,
        kader: t ? t.wettelijkKader : null,
        zorgvorm: t ? (t.verblijf ? 'verblijf' : 'zonder-verblijf') : null,
      };
    })
    .sort((a, b) => compareText(a.maand, b.maand) || compareText(a.tekst, b.tekst));
  return { getoond, reden: null, items };
}

/** The theme filter of a cell: its `thema`, when it has one. */
const themaVan =
  (vraag: CelVraag) =>
  (themaIds: readonly string[]): boolean =>
    vraag.thema === undefined || themaIds.includes(vraag.thema);

/**
 * The released stories of any of these themes in the question's cell, for a knop's report: none
 * in a cell of fewer than 10 persons (as the episodes publish them), as in the side-by-side answer.
 */
export function verhalenBijThemas(
  d: MonitoringDataset,
  vraag: MonitoringVraag,
  themaIds: readonly string[],
): CelVerhalen {
  const getoond = zorgepisodeCijfers(d, vraag, 'categorie').totaal.personen !== null;
  return celVerhalen(d, vraag, getoond, (ids) => ids.some((id) => themaIds.includes(id)));
}

/** The figures a cell draws from, each asked with the cell's question: one data set, no refold. */
export interface CelFiguren {
  episodes: ZorgepisodeCijfers;
  duren: DurenCijfers;
  verlengingen: VerlengingenCijfers;
  uitstroom: UitstroomCijfers;
}

/**
 * The monitoring's figure functions for the cell, grouped as their routes group by default (so
 * a figure already asked is answered from its cache), or per product for a provider report.
 */
export function celFiguren(
  d: MonitoringDataset,
  vraag: MonitoringVraag,
  groepen: { duren: DuurGroepering; verlengingen: VerlengingGroepering } = {
    duren: 'categorie',
    verlengingen: 'aanbieder',
  },
): CelFiguren {
  return {
    episodes: zorgepisodeCijfers(d, vraag, 'categorie'),
    duren: durenCijfers(d, vraag, groepen.duren),
    verlengingen: verlengingenCijfers(d, vraag, groepen.verlengingen),
    uitstroom: uitstroomCijfers(d, vraag),
  };
}

/** The cold figures of a cell: the totals of each figure, with its definition's version. */
export interface CelCijfers {
  episodes: { definitieVersie: string } & ZorgepisodeCijfers['totaal'];
  duren: { definitieVersie: string } & DurenCijfers['totaal'];
  verlengingen: { definitieVersie: string } & VerlengingenCijfers['totaal'];
  uitstroom: {
    definitieVersie: string;
    aantal: number | null;
    zonderVervolghulp: UitstroomCijfers['uitstroom']['zonderVervolghulp'];
  };
}

export interface CijfersEnVerhalen extends MonitoringKop {
  definitie: typeof CIJFERS_EN_VERHALEN_DEFINITIE;
  thema: string | null;
  cijfers: CelCijfers;
  oordelen: GepubliceerdeOordelen[];
  verhalen: CelVerhalen;
  onderdrukt: Onderdrukt[];
}

/** Withheld cells of a figure that this answer shows: its totals, prefixed with the figure. */
function onderdruktVan(
  figuur: string,
  onderdrukt: readonly Onderdrukt[],
  getoond: (o: Onderdrukt) => boolean,
): Onderdrukt[] {
  return onderdrukt.filter(getoond).map((o) => ({ ...o, tabel: `${figuur}.${o.tabel}` }));
}

/** The figures' totals of a cell, and their withheld cells. */
function celCijfers(f: CelFiguren): { cijfers: CelCijfers; onderdrukt: Onderdrukt[] } {
  const { episodes, duren, verlengingen, uitstroom } = f;
  return {
    cijfers: {
      episodes: { definitieVersie: episodes.definitieVersie, ...episodes.totaal },
      duren: { definitieVersie: duren.definitieVersie, ...duren.totaal },
      verlengingen: { definitieVersie: verlengingen.definitieVersie, ...verlengingen.totaal },
      uitstroom: {
        definitieVersie: uitstroom.definitieVersie,
        aantal: uitstroom.uitstroom.aantal,
        zonderVervolghulp: uitstroom.uitstroom.zonderVervolghulp,
      },
    },
    onderdrukt: [
      ...onderdruktVan('episodes', episodes.onderdrukt, (o) => o.rij === 'totaal'),
      ...onderdruktVan('duren', duren.onderdrukt, (o) => o.tabel === 'totaal'),
      ...onderdruktVan('verlengingen', verlengingen.onderdrukt, (o) => o.tabel === 'totaal'),
      ...onderdruktVan(
        'uitstroom',
        uitstroom.onderdrukt,
        (o) => o.tabel === 'uitstroom' && (o.rij === 'totaal' || o.rij === 'zonder vervolghulp'),
      ),
    ],
  };
}

/** Figures, judgements and stories of one cell, side by side. */
export function cijfersEnVerhalen(
  d: MonitoringDataset,
  vraag: CelVraag,
  figuren: CelFiguren = celFiguren(d, vraag),
): CijfersEnVerhalen {
  const o = new Onderdrukking();
  const { cijfers, onderdrukt } = celCijfers(figuren);
  const oordelen = publiceerOordelen(o, telOordelen(d, vraag));
  // The persons of the cell as the episodes publish them: withheld means fewer than 10.
  const verhalen = celVerhalen(
    d,
    vraag,
    figuren.episodes.totaal.personen !== null,
    themaVan(vraag),
  );
  return {
    ...kop(CIJFERS_EN_VERHALEN_DEFINITIE.versie, vraag),
    definitie: CIJFERS_EN_VERHALEN_DEFINITIE,
    thema: vraag.thema ?? null,
    cijfers,
    oordelen,
    verhalen,
    onderdrukt: [...onderdrukt, ...o.onderdrukt],
  };
}

type Rij = (string | number | null)[];

/** The published numbers of an object as rows `deel, rij, veld, waarde`; nested fields dotted. */
function platteRijen(deel: string, rij: string, waarden: object, voor = ''): Rij[] {
  return Object.entries(waarden).flatMap(([veld, waarde]): Rij[] => {
    if (veld === 'definitieVersie' || veld === 'sleutel' || veld === 'naam') return [];
    if (waarde !== null && typeof waarde === 'object') {
      return platteRijen(deel, rij, waarde as object, `${voor}${veld}.`);
    }
    return [[deel, rij, `${voor}${veld}`, waarde as string | number | null]];
  });
}

/** The judgements and stories as rows of the long table. */
function oordeelEnVerhaalRijen(c: Pick<CijfersEnVerhalen, 'oordelen' | 'verhalen'>): Rij[] {
  const rijen: Rij[] = [];
  for (const g of c.oordelen) {
    rijen.push(['oordelen', g.verteller, 'oordelen', g.oordelen]);
    for (const veld of ['hulpvraagBeantwoord', 'regie', 'voortgang'] as const) {
      for (const a of g[veld]) {
        rijen.push(['oordelen', g.verteller, `${veld}.${a.antwoord}.aantal`, a.aantal]);
        rijen.push(['oordelen', g.verteller, `${veld}.${a.antwoord}.percentage`, a.percentage]);
      }
    }
    rijen.push(['oordelen', g.verteller, 'gemiddeldeRegie', g.gemiddeldeRegie]);
    rijen.push(['oordelen', g.verteller, 'doelen', g.doelen]);
    rijen.push(['oordelen', g.verteller, 'gemiddeldeVoortgang', g.gemiddeldeVoortgang]);
  }
  if (!c.verhalen.getoond) rijen.push(['verhalen', '', 'niet getoond', c.verhalen.reden]);
  c.verhalen.items.forEach((v, i) => {
    const rij = `verhaal ${i + 1}`;
    rijen.push(
      ['verhalen', rij, 'maand', v.maand],
      ['verhalen', rij, 'verteller', v.verteller],
      ['verhalen', rij, 'citeerbaar', v.citeerbaar ? 'ja' : 'nee'],
      ['verhalen', rij, 'themas', v.themas.join('; ')],
      ['verhalen', rij, 'aanbieder', v.aanbieder],
      ['verhalen', rij, 'product', v.product],
      ['verhalen', rij, 'kader', v.kader],
      ['verhalen', rij, 'zorgvorm', v.zorgvorm],
      ['verhalen', rij, 'tekst', v.tekst],
    );
  });
  return rijen;
}

const LANGE_TABEL = ['deel', 'rij', 'veld', 'waarde'];

/** The answer as one long table for CSV: a row per published number or story field. */
export function cijfersEnVerhalenTabel(c: CijfersEnVerhalen): Tabel {
  return {
    kolommen: LANGE_TABEL,
    rijen: [
      ...Object.entries(c.cijfers).flatMap(([figuur, waarden]) =>
        platteRijen('cijfers', figuur, waarden as object),
      ),
      ...oordeelEnVerhaalRijen(c),
    ],
  };
}

/**
 * The report for the dialogue with a provider (002:1385-1430: patterns per provider are discussed
 * with the provider, using data and stories): the cell of the provider, its figures per product.
 */
export const AANBIEDER_RAPPORT_DEFINITIE = {
  versie: 'aanbiederrapport-1',
  cel:
    'de cel van de aanbieder: het filter aanbieder met de andere filters zoals gevraagd; ' +
    'oordelen en verhalen als in cijfers-en-verhalen-1',
  langeTrajecten:
    'de duur van de episodes van de aanbieder per product en samen, uit de cijfers duren ' +
    '(groep product): beëindigde episodes (gemiddelde, mediaan, p90) en Kaplan-Meier over de ' +
    'gestarte (overleving na 90, 180 en 365 dagen)',
  verlengingen:
    'per product en samen, uit de cijfers verlengingen (groep product): episodes langer dan het ' +
    'contractmaximum, verlengingsaanvragen en hun besluiten',
  uitstroom:
    'uitstroom uit verblijf van de aanbieder, uit de cijfers uitstroom: zonder vervolghulp en ' +
    'met vervolghulp binnen 6 maanden',
  onderdrukking: ONDERDRUKKING_DEFINITIE,
} as const;

export interface AanbiederRapport extends MonitoringKop {
  definitie: typeof AANBIEDER_RAPPORT_DEFINITIE;
  aanbieder: { aanbiederId: string; naam: string };
  langeTrajecten: Pick<DurenCijfers, 'definitieVersie' | 'totaal'> & {
    perProduct: DurenCijfers['perGroep'];
  };
  verlengingen: Pick<VerlengingenCijfers, 'definitieVersie' | 'totaal'> & {
    perProduct: VerlengingenCijfers['perGroep'];
  };
  uitstroom: Pick<UitstroomCijfers, 'definitieVersie' | 'vervolgBinnen6Maanden'> & {
    aantal: number | null;
    zonderVervolghulp: UitstroomCijfers['uitstroom']['zonderVervolghulp'];
  };
  oordelen: GepubliceerdeOordelen[];
  verhalen: CelVerhalen;
  onderdrukt: Onderdrukt[];
}

/** A provider's report: `vraag.filter.aanbieder` is the provider. */
export function aanbiederRapport(
  d: MonitoringDataset,
  vraag: CelVraag & { filter: { aanbieder: string } },
): AanbiederRapport {
  const { episodes, duren, verlengingen, uitstroom } = celFiguren(d, vraag, {
    duren: 'product',
    verlengingen: 'product',
  });
  const o = new Onderdrukking();
  const oordelen = publiceerOordelen(o, telOordelen(d, vraag));
  const aanbiederId = vraag.filter.aanbieder;
  return {
    ...kop(AANBIEDER_RAPPORT_DEFINITIE.versie, vraag),
    definitie: AANBIEDER_RAPPORT_DEFINITIE,
    aanbieder: { aanbiederId, naam: aanbiederNaam(d, aanbiederId, peildatum(vraag)) },
    langeTrajecten: {
      definitieVersie: duren.definitieVersie,
      perProduct: duren.perGroep,
      totaal: duren.totaal,
    },
    verlengingen: {
      definitieVersie: verlengingen.definitieVersie,
      perProduct: verlengingen.perGroep,
      totaal: verlengingen.totaal,
    },
    uitstroom: {
      definitieVersie: uitstroom.definitieVersie,
      aantal: uitstroom.uitstroom.aantal,
      zonderVervolghulp: uitstroom.uitstroom.zonderVervolghulp,
      vervolgBinnen6Maanden: uitstroom.vervolgBinnen6Maanden,
    },
    oordelen,
    verhalen: celVerhalen(d, vraag, episodes.totaal.personen !== null, themaVan(vraag)),
    onderdrukt: [
      ...onderdruktVan(
        'langeTrajecten',
        duren.onderdrukt,
        (x) => x.tabel !== 'verblijf' && x.tabel !== 'behandeldWonen',
      ),
      ...onderdruktVan('verlengingen', verlengingen.onderdrukt, (x) => x.tabel !== 'redenen'),
      ...onderdruktVan(
        'uitstroom',
        uitstroom.onderdrukt,
        (x) =>
          x.tabel === 'vervolgBinnen6Maanden' ||
          (x.tabel === 'uitstroom' && (x.rij === 'totaal' || x.rij === 'zonder vervolghulp')),
      ),
      ...o.onderdrukt,
    ],
  };
}

/** The report as one long table for CSV, like the side-by-side answer. */
export function aanbiederRapportTabel(r: AanbiederRapport): Tabel {
  const perProduct = (deel: string, rijen: { sleutel: string; naam: string }[]) =>
    rijen.flatMap((g) => platteRijen(deel, `${g.sleutel} ${g.naam}`, g));
  return {
    kolommen: LANGE_TABEL,
    rijen: [
      ...perProduct('langeTrajecten', r.langeTrajecten.perProduct),
      ...platteRijen('langeTrajecten', 'totaal', r.langeTrajecten.totaal),
      ...perProduct('verlengingen', r.verlengingen.perProduct),
      ...platteRijen('verlengingen', 'totaal', r.verlengingen.totaal),
      ...platteRijen('uitstroom', 'totaal', {
        aantal: r.uitstroom.aantal,
        zonderVervolghulp: r.uitstroom.zonderVervolghulp,
        vervolgBinnen6Maanden: r.uitstroom.vervolgBinnen6Maanden,
      }),
      ...oordeelEnVerhaalRijen(r),
    ],
  };
}
