import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiProduces } from '@nestjs/swagger';
import { dagenTussen } from '@app/statistics';
import { invalidInput } from './problem';

/**
 * What the figures routes for policy staff share: a period that is checked the same way, JSON or
 * CSV, and the same documentation.
 */

/** About ten years: the longest period one request may count over. */
const MAX_DAGEN = 3653;

/** 400 naming `tot` when the period runs backwards or is longer than about ten years. */
export function checkPeriode(van: string, tot: string): void {
  if (tot < van) {
    throw invalidInput([{ field: 'tot', in: 'query', messages: ['must not be before van'] }]);
  }
  if (dagenTussen(van, tot) > MAX_DAGEN) {
    throw invalidInput([
      { field: 'tot', in: 'query', messages: ['must be at most 10 years after van'] },
    ]);
  }
}

/** The OpenAPI description of a figures route that answers JSON or CSV. */
export const CijferRoute = (summary: string, description: string) =>
  applyDecorators(
    ApiOperation({ summary, description }),
    ApiProduces('application/json', 'text/csv'),
    ApiHeader({ name: 'Accept', required: false, description: 'text/csv for the CSV table' }),
    ApiOkResponse({ description: 'The figures, their definition version and what was suppressed' }),
  );

export const FORMATEN = ['json', 'csv'] as const;
export type Formaat = (typeof FORMATEN)[number];

/** CSV when asked with formaat=csv, or without formaat by Accept: text/csv. */
export function wantsCsv(formaat: Formaat | undefined, accept: string | undefined): boolean {
  return formaat === 'csv' || (formaat === undefined && /text\/csv/.test(accept ?? ''));
}
