/**
 * Disclosure control for published figures (statistical confidentiality), as Statistics Netherlands
 * publishes its youth-care tables: a count under the threshold is suppressed, every other count is
 * rounded to a multiple of 5, and a share is only shown when its denominator reaches the threshold.
 */

/** Counts under this are not published. */
export const DREMPEL = 10;
/** Published counts are rounded to the nearest multiple of this. */
export const AFRONDING = 5;

/** A count as it may be published: `null` under the threshold, else rounded to a multiple of 5. */
export function publiceerAantal(aantal: number): number | null {
  if (aantal < DREMPEL) return null;
  return Math.round(aantal / AFRONDING) * AFRONDING;
}

/**
 * A share in whole percent, computed from the unrounded counts; `null` when the denominator is
 * under the threshold (a share of a small group says too much about its members).
 */
export function publiceerAandeel(teller: number, noemer: number, decimalen = 0): number | null {
  if (noemer < DREMPEL) return null;
  const factor = 10 ** decimalen;
  return Math.round((100 * factor * teller) / noemer) / factor;
}

export type Onderdrukkingsreden = 'aantal onder 10' | 'noemer onder 10' | 'groep onder 10';

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

/**
 * Publishes counts and shares with the functions above and remembers every cell it withheld, per
 * row and reason, so a response can say what was suppressed. One per computation.
 */
export class Onderdrukking {
  private readonly rijen = new Map<string, Onderdrukt>();

  aantal(aantal: number, cel: Cel): number | null {
    const gepubliceerd = publiceerAantal(aantal);
    if (gepubliceerd === null) this.noteer(cel, 'aantal onder 10');
    return gepubliceerd;
  }

  aandeel(teller: number, noemer: number, cel: Cel, decimalen = 0): number | null {
    const gepubliceerd = publiceerAandeel(teller, noemer, decimalen);
    if (gepubliceerd === null) this.noteer(cel, 'noemer onder 10');
    return gepubliceerd;
  }

  /**
   * A figure over a group (a mean, a median, a percentile), rounded to `decimalen`: withheld when the
   * group is under the threshold, since it would describe a few people.
   */
  waarde(waarde: number | null, groep: number, cel: Cel, decimalen = 0): number | null {
    if (waarde === null) return null;
    if (groep < DREMPEL) {
      this.noteer(cel, 'groep onder 10');
      return null;
    }
    const factor = 10 ** decimalen;
    return Math.round(waarde * factor) / factor;
  }

  /** Every row with withheld cells, in the order they were met. */
  get onderdrukt(): Onderdrukt[] {
    return [...this.rijen.values()];
  }

  private noteer({ tabel, rij, veld }: Cel, reden: Onderdrukkingsreden): void {
    const key = JSON.stringify([tabel, rij, reden]);
    const entry = this.rijen.get(key);
    if (entry) entry.velden.push(veld);
    else this.rijen.set(key, { tabel, rij, reden, velden: [veld] });
  }
}
