/**
 * Disclosure control for published figures: the cell-key method of flexible table builders at
 * national statistics offices (ABS TableBuilder; the European 2021 census tables), see ADR 0011.
 *
 * - Every person (and every consultation) has a record key: a random 32-bit number drawn once and
 *   kept in the event log, never derived from an id, never published.
 * - A count is a `Telling`: how many records, and its cell key, the sum of their record keys modulo
 *   2^32 (the fractional part of the sum of keys in [0, 1)). The same records give the same key.
 * - The p-table gives, from the count and the cell key, a perturbation of at most 2; the perturbed
 *   count is rounded to a multiple of 5. A count under 10 is not published at all. So the same cell
 *   always gets the same answer (asking again gains nothing), while two cells that differ by one
 *   person get unrelated noise (differencing gains little).
 * - Every other published number is made from perturbed counts (shares, from the published counts)
 *   or is perturbed itself with the same cell key (means, percentiles, Kaplan-Meier points), and is
 *   withheld where its count is under 10.
 */

/** Counts under this are not published. */
export const DREMPEL = 10;
/** Published counts are rounded to a multiple of this, after perturbation. */
export const AFRONDING = 5;
/** Record keys and cell keys are integers in [0, 2^32): exact sums in any order. */
export const SLEUTELRUIMTE = 2 ** 32;

/**
 * The p-table: for a count and a cell key, the perturbation. Version 1 perturbs by at most 2
 * (`maxAfwijking`) with variance 1 (`variantie`): the maximum-entropy distribution with those
 * bounds, P(0) = 0.3828, P(±1) = 0.2448, P(±2) = 0.0638 (mean 0, variance exactly 1). Near the
 * threshold a perturbation may not take a count under it: that probability lands on the
 * threshold (a count of 10 stays 10, 11 or 12; a count of 11 becomes 10 to 13). The reasons for
 * these parameters are in ADR 0011; a change is a new version, named in every answer.
 */
export const PTABEL = {
  versie: 'ptabel-1',
  maxAfwijking: 2,
  variantie: 1,
  /** P(-2), P(-1), P(0), P(+1), P(+2) away from the threshold. */
  kansen: [0.0638, 0.2448, 0.3828, 0.2448, 0.0638],
} as const;

/** Per count (the threshold rows differ), the upper bounds of each perturbation's key interval. */
const grenzen = new Map<number, { afwijking: number; tot: number }[]>();

function rij(aantal: number): { afwijking: number; tot: number }[] {
  const rijnummer = Math.min(aantal, DREMPEL + PTABEL.maxAfwijking);
  let gevonden = grenzen.get(rijnummer);
  if (!gevonden) {
    const kansen = new Map<number, number>();
    PTABEL.kansen.forEach((kans, i) => {
      const afwijking = Math.max(i - PTABEL.maxAfwijking, DREMPEL - rijnummer);
      kansen.set(afwijking, (kansen.get(afwijking) ?? 0) + kans);
    });
    let cumulatief = 0;
    gevonden = [...kansen].map(([afwijking, kans]) => {
      cumulatief += kans;
      return { afwijking, tot: Math.round(cumulatief * SLEUTELRUIMTE) };
    });
    // Rounding may leave the last bound a hair short of the key space: the last interval closes it.
    gevonden[gevonden.length - 1]!.tot = SLEUTELRUIMTE;
    grenzen.set(rijnummer, gevonden);
  }
  return gevonden;
}

/** The p-table's perturbation for a count (at least the threshold) and a cell key. */
export function afwijking(aantal: number, celsleutel: number): number {
  for (const { afwijking, tot } of rij(aantal)) if (celsleutel < tot) return afwijking;
  throw new RangeError(`cell key ${celsleutel} outside [0, 2^32)`);
}

/**
 * A count and its cell key. Build one with `tel` or by adding records one at a time (`telOp`);
 * a record may be counted more than once (an episode per person), its key then too.
 */
export class Telling {
  constructor(
    public aantal = 0,
    /** The sum of the record keys of what was counted, modulo 2^32. */
    public sleutel = 0,
  ) {}

  /** Counts one more record with this key. */
  telOp(recordsleutel: number): this {
    this.aantal += 1;
    this.sleutel = (this.sleutel + recordsleutel) % SLEUTELRUIMTE;
    return this;
  }

  plus(andere: Telling): Telling {
    return new Telling(
      this.aantal + andere.aantal,
      (this.sleutel + andere.sleutel) % SLEUTELRUIMTE,
    );
  }

  /** This count without `andere`, counted in it before (a cache taking back a part it redoes). */
  min(andere: Telling): Telling {
    return new Telling(
      this.aantal - andere.aantal,
      (this.sleutel - andere.sleutel + SLEUTELRUIMTE) % SLEUTELRUIMTE,
    );
  }
}

/** Counts records by their record keys. */
export function tel<T>(records: Iterable<T>, recordsleutel: (record: T) => number): Telling {
  const telling = new Telling();
  for (const record of records) telling.telOp(recordsleutel(record));
  return telling;
}

/** The count plus its perturbation, before rounding: never published as such. */
export function verstoord(t: Telling): number {
  return t.aantal < DREMPEL ? t.aantal : t.aantal + afwijking(t.aantal, t.sleutel);
}

/** A count as it may be published: `null` under the threshold, else perturbed and rounded to 5. */
export function publiceerAantal(t: Telling): number | null {
  if (t.aantal < DREMPEL) return null;
  return Math.round(verstoord(t) / AFRONDING) * AFRONDING;
}

/**
 * How much a magnitude may move, as a share of the largest value in the cell: its noise is up to
 * half of what the one person with the largest value contributes, divided over the cell. So the
 * difference of two cells that differ by one person is off by up to that person's own value.
 */
export const GROOTHEID_FACTOR = 0.5;
/** Kaplan-Meier survival moves by up to this many persons' worth of the group at risk. */
export const OVERLEVING_FACTOR = 1.5;

/** What every figure's definition says about its disclosure control, in the users' words. */
export const ONDERDRUKKING_DEFINITIE =
  `celsleutelmethode (${PTABEL.versie}): elk aantal krijgt een vaste verstoring van hoogstens ` +
  `${PTABEL.maxAfwijking} uit de p-tabel, bepaald door het aantal en de celsleutel (de som van de ` +
  'willekeurige recordsleutels van wie meetelt), en wordt daarna afgerond op 5; dezelfde cel geeft ' +
  'dus altijd hetzelfde antwoord, en cijfers wijken enkele eenheden af van de werkelijkheid ' +
  '(optellingen kloppen niet altijd); aantallen onder 10 worden niet getoond (null, zie ' +
  'onderdrukt); percentages komen uit de gepubliceerde aantallen (of een openbare noemer, zoals ' +
  'de bevolking) en worden niet getoond als teller of noemer niet getoond wordt; gemiddelden, ' +
  'medianen, percentielen en de Kaplan-Meier-mediaan krijgen ruis tot de helft van de grootste ' +
  'waarde in de cel gedeeld door het aantal, Kaplan-Meier-overlevingen tot 1,5 persoon van wie ' +
  'onder risico is; ze worden niet getoond bij minder dan 10 (overlevingen: minder dan 10 onder ' +
  'risico); een getal dat uit andere gepubliceerde getallen volgt, wordt niet getoond als een ' +
  'daarvan niet getoond wordt';

/**
 * Noise in [-1, 1] for one magnitude of a cell: its cell key mixed with the magnitude's name and
 * its true value. The name gives a cell's mean and median unrelated noise; the value gives a cell
 * whose records stay but whose value changes (a corrected stop date) new noise, or the change would
 * show through to the day. The mixing is a hash, not a sum, so a user who knows the name and can
 * guess the value learns nothing about the noise without the cell key.
 */
export function grootheidsruis(celsleutel: number, grootheid: string, waarde: number): number {
  const sleutel = meng(celsleutel, fnv1a(grootheid), fnv1a(String(waarde)));
  return (2 * sleutel) / SLEUTELRUIMTE - 1;
}

/** Mixes 32-bit numbers into one (the finaliser of MurmurHash3 after each): any bit moves all. */
function meng(...delen: number[]): number {
  let h = 0x9e3779b9;
  for (const deel of delen) {
    h = Math.imul(h ^ deel, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** FNV-1a, 32 bits: a fixed number per text. */
function fnv1a(tekst: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < tekst.length; i++) {
    hash ^= tekst.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export type Onderdrukkingsreden =
  'aantal onder 10' | 'noemer onder 10' | 'groep onder 10' | 'minder dan 10 onder risico';

/** The cells of one row that are not shown, and why. */
export interface Onderdrukt {
  tabel: string;
  /** The row, in words: "De Linde, 2026-Q1". */
  rij: string;
  reden: Onderdrukkingsreden;
  /** The columns: "aantal", "uitkomsten.alleen-advies.percentage". */
  velden: string[];
}

export interface Cel {
  tabel: string;
  rij: string;
  veld: string;
}

function rond(waarde: number, decimalen: number): number {
  const factor = 10 ** decimalen;
  return Math.round(waarde * factor) / factor;
}

/**
 * Publishes the numbers of one answer and remembers every cell it withheld, per row and reason, so
 * the answer can say what was suppressed. One per computation. No number leaves it unprotected:
 * counts are perturbed, shares come from published counts, magnitudes get noise from their cell key.
 */
export class Onderdrukking {
  private readonly rijen = new Map<string, Onderdrukt>();

  aantal(t: Telling, cel: Cel): number | null {
    const gepubliceerd = publiceerAantal(t);
    if (gepubliceerd === null) this.noteer(cel, 'aantal onder 10');
    return gepubliceerd;
  }

  /**
   * A share in percent of two counts as published (perturbed and rounded), or of a public number
   * (a population): withheld when either count is withheld, since a share of a small group says
   * too much about its members and would give back a suppressed count.
   */
  aandeel(teller: Telling, noemer: Telling | number, cel: Cel, decimalen = 0): number | null {
    const boven = publiceerAantal(teller);
    const onder = typeof noemer === 'number' ? noemer : publiceerAantal(noemer);
    if (onder === null || (typeof noemer !== 'number' && noemer.aantal < DREMPEL)) {
      this.noteer(cel, 'noemer onder 10');
      return null;
    }
    if (boven === null) {
      this.noteer(cel, 'aantal onder 10');
      return null;
    }
    // Two counts perturbed apart can put a part above its whole (11 of 12 as 15 of 10): a share
    // stops at 100%.
    return onder === 0 ? null : rond(Math.min(100, (100 * boven) / onder), decimalen);
  }

  /**
   * The mean of a cell's values: their sum with noise of up to GROOTHEID_FACTOR times the largest
   * value, over their number. `t` counts the same records as `waarden`. (Not over the perturbed
   * count: that would move a small cell's mean by a sixth for nothing, since the noise on the sum
   * already hides any one person.)
   */
  gemiddelde(waarden: readonly number[], t: Telling, cel: Cel, decimalen = 1): number | null {
    if (!this.genoeg(t, cel)) return null;
    const som = waarden.reduce((a, b) => a + b, 0);
    return rond((som + this.ruis(som, waarden, t, cel)) / t.aantal, decimalen);
  }

  /**
   * A value that describes the cell's records (a median, a percentile, a Kaplan-Meier median):
   * moved by up to GROOTHEID_FACTOR times the largest value over the count, never below 0. A
   * Kaplan-Meier median also needs 10 at risk on its day (`onderRisico`), or that day tells when
   * the few left ended.
   */
  kengetal(
    waarde: number | null,
    waarden: readonly number[],
    t: Telling,
    cel: Cel,
    decimalen = 1,
    onderRisico?: number,
  ): number | null {
    if (waarde === null || !this.genoeg(t, cel)) return null;
    if (onderRisico !== undefined && onderRisico < DREMPEL) {
      this.noteer(cel, 'minder dan 10 onder risico');
      return null;
    }
    return Math.max(0, rond(waarde + this.ruis(waarde, waarden, t, cel) / t.aantal, decimalen));
  }

  /**
   * A Kaplan-Meier survival (0..1) in percent: moved by up to OVERLEVING_FACTOR persons' worth
   * of those at risk at that time, within 0..100; withheld when fewer than 10 are at risk.
   */
  overleving(
    overleving: number | null,
    onderRisico: number,
    cohort: Telling,
    cel: Cel,
    decimalen = 1,
  ): number | null {
    if (overleving === null) return null;
    if (cohort.aantal < DREMPEL || onderRisico < DREMPEL) {
      this.noteer(cel, 'minder dan 10 onder risico');
      return null;
    }
    const ruis =
      (OVERLEVING_FACTOR * grootheidsruis(cohort.sleutel, cel.veld, overleving)) / onderRisico;
    return rond(100 * Math.min(1, Math.max(0, overleving + ruis)), decimalen);
  }

  /**
   * A number made from published numbers only (a target from a published mean, a change between
   * two published counts): rounded; withheld, and noted, when an input is.
   */
  afgeleid(waarde: number | null, invoerOnderdrukt: boolean, cel: Cel, decimalen = 1) {
    if (invoerOnderdrukt) {
      this.noteer(cel, 'groep onder 10');
      return null;
    }
    return waarde === null ? null : rond(waarde, decimalen);
  }

  /** Every row with withheld cells, in the order they were met. */
  get onderdrukt(): Onderdrukt[] {
    return [...this.rijen.values()];
  }

  /** Noise for a magnitude (`waarde`) of a cell: up to GROOTHEID_FACTOR times its largest value. */
  private ruis(waarde: number, waarden: readonly number[], t: Telling, cel: Cel): number {
    return GROOTHEID_FACTOR * grootste(waarden) * grootheidsruis(t.sleutel, cel.veld, waarde);
  }

  private genoeg(t: Telling, cel: Cel): boolean {
    if (t.aantal >= DREMPEL) return true;
    this.noteer(cel, 'groep onder 10');
    return false;
  }

  private noteer({ tabel, rij, veld }: Cel, reden: Onderdrukkingsreden): void {
    const key = JSON.stringify([tabel, rij, reden]);
    const entry = this.rijen.get(key);
    if (entry) entry.velden.push(veld);
    else this.rijen.set(key, { tabel, rij, reden, velden: [veld] });
  }
}

function grootste(waarden: readonly number[]): number {
  let max = 0;
  for (const w of waarden) if (Math.abs(w) > max) max = Math.abs(w);
  return max;
}
