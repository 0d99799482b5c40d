import { Type, applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiUnprocessableEntityResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import { dagenTussen } from '@app/statistics';
import type { Onderdrukkingsreden, Onderdrukt as OnderdruktView } from '@app/statistics';
import { Field } from './response-fields';
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

const REDENEN = [
  'aantal onder 10',
  'noemer onder 10',
  'groep onder 10',
  'minder dan 10 onder risico',
] as const satisfies readonly Onderdrukkingsreden[];

/** A withheld cell of the figures, in `onderdrukt`. */
export class Onderdrukt implements OnderdruktView {
  @Field.text('The table', { example: 'perPraktijk' })
  tabel!: string;

  @Field.text('The row, in words', { example: 'De Linde, 2026-Q1' })
  rij!: string;

  @Field.oneOf(REDENEN, 'Why it is withheld')
  reden!: OnderdruktView['reden'];

  @Field.texts('The withheld fields of the row')
  velden!: string[];
}

export interface CijferRouteOptions {
  summary: string;
  description: string;
  /** The schema of the JSON answer. */
  type: Type<unknown>;
  /** The route takes the monitoring's filters, which may select too few persons (422). */
  filters: boolean;
}

/** The OpenAPI description of a figures route: JSON (its schema) or CSV (the main table). */
export const CijferRoute = ({ summary, description, type, filters }: CijferRouteOptions) =>
  applyDecorators(
    ApiOperation({ summary, description }),
    ApiHeader({ name: 'Accept', required: false, description: 'text/csv for the CSV table' }),
    ApiExtraModels(type),
    ApiOkResponse({
      description: 'The figures, their definition version and what was suppressed',
      content: {
        'application/json': { schema: { $ref: getSchemaPath(type) } },
        'text/csv': {
          schema: {
            type: 'string',
            description:
              'The main table (RFC 4180, CRLF), its last column onderdrukt; header ' +
              'X-Definitie-Versie, Content-Disposition names the file',
          },
        },
      },
    }),
    ApiBadRequestResponse({ description: 'Invalid query; `errors` names each field' }),
    ...(filters
      ? [
          ApiUnprocessableEntityResponse({
            description: 'The filters together select fewer than 20 persons; `errors` names each',
          }),
        ]
      : []),
    ApiServiceUnavailableResponse({ description: '?minPosition= not reached in time' }),
  );

export const FORMATEN = ['json', 'csv'] as const;
export type Formaat = (typeof FORMATEN)[number];

/** CSV when asked with formaat=csv, or without formaat by Accept: text/csv. */
export function wantsCsv(formaat: Formaat | undefined, accept: string | undefined): boolean {
  return formaat === 'csv' || (formaat === undefined && /text\/csv/.test(accept ?? ''));
}
