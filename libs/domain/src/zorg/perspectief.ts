import { addMonths, parseISO } from 'date-fns';
import { kalenderdatum } from '../datum';

/** 16 years and 6 months. */
const PERSPECTIEF_LEEFTIJD_MAANDEN = 16 * 12 + 6;

/**
 * The day a youth turns 16 years and 6 months. A birthday that does not exist in the target month
 * falls on that month's last day (born 31 August: 28 or 29 February; born 29 February: the 29th of
 * August). Dates are calendar dates (YYYY-MM-DD), computed in local time so no time zone can shift them.
 */
export function zestienEnHalf(geboortedatum: string): string {
  return kalenderdatum(addMonths(parseISO(geboortedatum), PERSPECTIEF_LEEFTIJD_MAANDEN));
}

/**
 * When the perspective conversation is due: at 16.5, or at intake when care (Jeugdwet) starts
 * after that age. `zorgStart` is the start of the youth's first Jeugdwet care. None is due for
 * someone who was already 18 when that care started (verlengde jeugdhulp has its own request).
 */
export function perspectiefgesprekUiterlijk(
  geboortedatum: string,
  zorgStart: string,
): string | null {
  if (leeftijdOp(geboortedatum, zorgStart) >= 18) return null;
  const due = zestienEnHalf(geboortedatum);
  return zorgStart > due ? zorgStart : due;
}

/** Whole years between two calendar dates (age at a date). */
export function leeftijdOp(geboortedatum: string, datum: string): number {
  const [by, bm, bd] = geboortedatum.split('-').map(Number) as [number, number, number];
  const [y, m, d] = datum.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
