import { formatISO } from 'date-fns';
import { RuleViolation } from './decider';

/**
 * The calendar date (YYYY-MM-DD) of a moment, in the local time zone of the server: the one way
 * "today" is computed, so that a fact recorded just after midnight in the Netherlands is not
 * dated the day before, as a UTC date would be.
 */
export function kalenderdatum(moment: Date): string {
  return formatISO(moment, { representation: 'date' });
}

/**
 * A fact dated after today is refused (422, naming its field): it has not happened yet, and a
 * decision, a consent or a contact person's start counts from the day it is recorded on.
 */
export function nietInDeToekomst(datum: string, now: Date, wat: string, field?: string): void {
  const vandaag = kalenderdatum(now);
  if (datum > vandaag) {
    throw new RuleViolation(
      `${wat} (${datum}) ligt in de toekomst; leg het vast op de dag zelf (vandaag is ${vandaag}).`,
      field,
    );
  }
}

/**
 * Nothing happens to a person before they were born: a care fact dated before the birth date is
 * refused (422, naming its field). `geboortedatum` null (unknown, or erased): nothing to check.
 */
export function nietVoorDeGeboorte(
  datum: string,
  geboortedatum: string | null,
  wat: string,
  field?: string,
): void {
  if (geboortedatum !== null && datum < geboortedatum) {
    throw new RuleViolation(
      `${wat} (${datum}) ligt voor de geboortedatum (${geboortedatum}).`,
      field,
    );
  }
}

/**
 * Whether a text is a calendar date written YYYY-MM-DD that exists (no 2025-02-30), without a
 * time or time zone. Counted with Date.UTC: this is asked for every date of every imported message.
 */
export function isKalenderdatum(tekst: string): boolean {
  const delen = /^(\d{4})-(\d{2})-(\d{2})$/.exec(tekst);
  if (!delen) return false;
  const [jaar, maand, dag] = [Number(delen[1]), Number(delen[2]), Number(delen[3])];
  const d = new Date(0);
  d.setUTCFullYear(jaar, maand - 1, dag);
  return d.getUTCFullYear() === jaar && d.getUTCMonth() === maand - 1 && d.getUTCDate() === dag;
}
