import type { Response } from 'express';
import { stringify } from 'csv-stringify/sync';
import type { Tabel } from '@app/statistics';

export const FORMATEN = ['json', 'csv'] as const;
export type Formaat = (typeof FORMATEN)[number];

/** CSV when asked with formaat=csv, or without formaat by Accept: text/csv. */
export function wantsCsv(formaat: Formaat | undefined, accept: string | undefined): boolean {
  return formaat === 'csv' || (formaat === undefined && /text\/csv/.test(accept ?? ''));
}

/**
 * A figures table as a CSV download (RFC 4180, CRLF), its definition version in a header. Cells a
 * spreadsheet would run as a formula are neutralised; an empty cell is withheld or empty.
 */
export function csvDownload(
  response: Response,
  bestandsnaam: string,
  definitieVersie: string,
  tabel: Tabel,
): string {
  response.type('text/csv; charset=utf-8');
  response.setHeader('Content-Disposition', `attachment; filename="${bestandsnaam}.csv"`);
  response.setHeader('X-Definitie-Versie', definitieVersie);
  return stringify([tabel.kolommen, ...tabel.rijen], {
    record_delimiter: 'windows',
    escape_formulas: true,
  });
}
