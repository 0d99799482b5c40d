import { formatISO } from 'date-fns';

/**
 * The calendar date (YYYY-MM-DD) of a moment, in the local time zone of the server: the one way
 * "today" is computed, so that a fact recorded just after midnight in the Netherlands is not
 * dated the day before, as a UTC date would be.
 */
export function kalenderdatum(moment: Date): string {
  return formatISO(moment, { representation: 'date' });
}
