import {
  endOfMonth,
  endOfQuarter,
  startOfMonth,
  startOfQuarter,
  eachDayOfInterval,
  eachMonthOfInterval,
  eachQuarterOfInterval,
  format,
  parseISO,
} from 'date-fns';
import { daysApart } from './intervals';

/** Figures are per calendar month (2026-03) or per quarter (2026-Q1). */
export const PERIODESOORTEN = ['maand', 'kwartaal'] as const;
export type Periodesoort = (typeof PERIODESOORTEN)[number];

/** The period a date (YYYY-MM-DD) falls in: 2026-03 or 2026-Q1. */
export function periodeVan(datum: string, per: Periodesoort): string {
  const maand = datum.slice(0, 7);
  return per === 'maand'
    ? maand
    : `${datum.slice(0, 4)}-Q${Math.ceil(Number(datum.slice(5, 7)) / 3)}`;
}

/**
 * Every period that overlaps `van` to `tot` (both inclusive), in order. Calendar dates are parsed
 * in local time, so no time zone can shift a day.
 */
export function periodesTussen(van: string, tot: string, per: Periodesoort): string[] {
  const interval = { start: parseISO(van), end: parseISO(tot) };
  const starts = per === 'maand' ? eachMonthOfInterval(interval) : eachQuarterOfInterval(interval);
  return starts.map((start) => periodeVan(format(start, 'yyyy-MM-dd'), per));
}

/**
 * The whole periods from `van` to `tot`: `van` moved back to the first day of its month (or
 * quarter), `tot` forward to the last day of its own. Figures per period are then never asked
 * for part of one, so two questions a day apart cannot single out one day's records.
 */
export function helePeriodes(
  van: string,
  tot: string,
  per: Periodesoort,
): { van: string; tot: string } {
  const [begin, einde] =
    per === 'maand' ? [startOfMonth, endOfMonth] : [startOfQuarter, endOfQuarter];
  return {
    van: format(begin(parseISO(van)), 'yyyy-MM-dd'),
    tot: format(einde(parseISO(tot)), 'yyyy-MM-dd'),
  };
}

/** The number of days from `van` to `tot`, both inclusive. */
export function dagenTussen(van: string, tot: string): number {
  return daysApart(van, tot) + 1;
}

/** Every date from `van` to `tot` (both inclusive), as YYYY-MM-DD. */
export function datumsTussen(van: string, tot: string): string[] {
  return eachDayOfInterval({ start: parseISO(van), end: parseISO(tot) }).map((day) =>
    format(day, 'yyyy-MM-dd'),
  );
}
