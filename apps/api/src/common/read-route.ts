import { Type, applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  getSchemaPath,
} from '@nestjs/swagger';

export interface ReadRouteOptions {
  summary: string;
  /** What it lists, in which order, over which time window; the roles come from @Roles(...). */
  description?: string;
  /** The answer's shape: a class, or `{ items: [Class] }` for a list as `{ "items": [...] }`. */
  type: Type<unknown> | { items: Type<unknown> };
  /** What the 200 holds, in a few words. */
  answer: string;
  /** The answer carries the version of what was read as ETag. */
  etag?: boolean;
  /**
   * It shows a family's personal data: each family it shows is recorded in that family's
   * processing log before the answer is sent (see PersonalDataReads).
   */
  personalData?: boolean;
}

const PROCESSING_LOG = 'Each family it shows is recorded in its processing log (verwerkingslog).';

/**
 * The OpenAPI description of a read: summary and rules, the answer's schema, and the refusals
 * every read shares (400 for a bad path or query, 503 when ?minPosition= is not reached in time).
 */
export const ReadRoute = (options: ReadRouteOptions) => {
  const model = 'items' in options.type ? options.type.items : options.type;
  const schema =
    'items' in options.type
      ? {
          type: 'object',
          required: ['items'],
          properties: { items: { type: 'array', items: { $ref: getSchemaPath(model) } } },
        }
      : { $ref: getSchemaPath(model) };
  const description = [options.description, options.personalData ? PROCESSING_LOG : undefined]
    .filter((part) => part !== undefined)
    .join(' ');
  return applyDecorators(
    ApiOperation({ summary: options.summary, description: description || undefined }),
    ApiExtraModels(model),
    ApiOkResponse({
      description: options.answer,
      schema,
      headers: options.etag
        ? { ETag: { description: 'The version of what was read', schema: { type: 'string' } } }
        : undefined,
    }),
    ApiBadRequestResponse({ description: 'Invalid path or query; `errors` names each field' }),
    ApiServiceUnavailableResponse({
      description: 'The read models did not reach ?minPosition= in time (not-yet-projected)',
    }),
  );
};
