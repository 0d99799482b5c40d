import { HttpCode, Type, applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOperation,
  ApiPreconditionRequiredResponse,
  ApiProperty,
  ApiResponse,
  ApiTooManyRequestsResponse,
  ApiUnprocessableEntityResponse,
  SchemaObject,
  getSchemaPath,
} from '@nestjs/swagger';

/** What every write answers, after the ids its route names (see `WriteRoute`). */
export class WriteResponse {
  @ApiProperty({
    description:
      "The stream's new version, also sent as ETag: send it as If-Match with your next change",
    example: 5,
  })
  revision!: number;

  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'Where the last event landed in the log, also sent as X-Log-Position: pass it as ' +
      '?minPosition= to read your own write. null when nothing changed (nothing was written).',
    example: '11',
  })
  position!: string | null;
}

export interface WriteRouteOptions {
  summary: string;
  /** The rules, in a few exact words; the roles are added to it from @Roles(...). */
  description?: string;
  /** 201 when the request makes something new, 200 for a change or a decision. */
  status: 200 | 201;
  /**
   * What If-Match does on this route: `optional` (the default: 409 when the stream changed
   * since), `required` (and 428 without it; the route checks that), or `none` (not used).
   */
  ifMatch?: 'optional' | 'required' | 'none';
  /** The ids the answer names, before revision and position; `name?` when only sometimes. */
  ids: readonly string[];
  /** Answer fields besides the ids, revision and position (a class with @ApiProperty fields). */
  fields?: Type<unknown>;
  /** What the 200 or 201 means, when more than "recorded". */
  answer?: string;
  /** The answer carries the address of what was made (Location). */
  location?: boolean;
  /** The refusals besides the generic 400 and 409, by status, in a few words each. */
  refusals?: Partial<Record<400 | 403 | 404 | 422 | 429, string>>;
}

/** The 403 of a write by someone who may read the family (or a member's care) but not change it. */
export const MAY_ONLY_READ =
  "You may read this but not change it (you were the family's contact person, or registered it " +
  'before its first one)';

const IF_MATCH = {
  optional:
    'The ETag you read: the change is refused with 409 when the stream changed since. Without ' +
    'it, the change is decided on the current state.',
  required: 'Required: the ETag you read; 409 when the stream changed since, 428 without it',
};

const IDEMPOTENCY_KEY =
  'Send the same key (8 to 128 of A-Z a-z 0-9 . _ : -) when retrying a request: it is carried ' +
  'out once and answered as the first time';

/** Ids that are not UUIDs made by the API. */
const ID_SCHEMAS: Record<string, SchemaObject> = {
  jaar: { type: 'integer', example: 2025 },
  productcode: { type: 'string', example: '45A48' },
  aanbiederId: { type: 'string', example: '12345678' },
  userId: { type: 'string', example: 'u-anna' },
};

function writeSchema(ids: readonly string[], fields?: Type<unknown>): SchemaObject {
  const names = ids.map((id) => id.replace(/\?$/, ''));
  return {
    allOf: [
      {
        type: 'object',
        required: ids.filter((id) => !id.endsWith('?')),
        properties: Object.fromEntries(
          names.map((name) => [name, ID_SCHEMAS[name] ?? { type: 'string', format: 'uuid' }]),
        ),
      },
      { $ref: getSchemaPath(WriteResponse) },
      ...(fields ? [{ $ref: getSchemaPath(fields) }] : []),
    ],
  };
}

/**
 * The HTTP status and the OpenAPI description of a write: summary and rules, the headers it reads
 * (If-Match, Idempotency-Key: every write is carried out once per key), the answer (ids, revision,
 * position; ETag, X-Log-Position, Location) and its refusals. The roles come from @Roles(...).
 */
export const WriteRoute = (options: WriteRouteOptions) => {
  const { refusals = {}, ifMatch = 'optional' } = options;
  const headers: Record<string, { description: string; schema: SchemaObject }> = {
    ETag: { description: 'The new version of the stream written to', schema: { type: 'string' } },
    'X-Log-Position': {
      description: 'Where the last event landed in the log; absent when nothing was written',
      schema: { type: 'string' },
    },
  };
  if (options.location) {
    headers.Location = { description: 'The address of what was made', schema: { type: 'string' } };
  }
  return applyDecorators(
    HttpCode(options.status),
    ApiOperation({ summary: options.summary, description: options.description }),
    ...(ifMatch === 'none'
      ? []
      : [
          ApiHeader({
            name: 'If-Match',
            required: ifMatch === 'required',
            description: IF_MATCH[ifMatch],
          }),
        ]),
    ApiHeader({ name: 'Idempotency-Key', required: false, description: IDEMPOTENCY_KEY }),
    ApiExtraModels(WriteResponse, ...(options.fields ? [options.fields] : [])),
    ApiResponse({
      status: options.status,
      description: options.answer ?? 'Recorded',
      headers,
      schema: writeSchema(options.ids, options.fields),
    }),
    ApiBadRequestResponse({
      description: refusals[400] ?? 'Invalid body, path or header; `errors` names each field',
    }),
    ...(refusals[403]
      ? [ApiForbiddenResponse({ description: `${refusals[403]}; or your role may not call it` })]
      : []),
    ...(refusals[404] ? [ApiNotFoundResponse({ description: refusals[404] })] : []),
    ApiConflictResponse({
      description:
        ifMatch === 'none'
          ? 'Other writes kept coming first, however often it was decided again'
          : 'Changed since the version in If-Match; or, without If-Match, other writes kept coming first',
    }),
    ...(ifMatch === 'required'
      ? [ApiPreconditionRequiredResponse({ description: 'No If-Match' })]
      : []),
    ...(refusals[422] ? [ApiUnprocessableEntityResponse({ description: refusals[422] })] : []),
    ...(refusals[429] ? [ApiTooManyRequestsResponse({ description: refusals[429] })] : []),
  );
};
