import { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';

/**
 * The fields of the answers' OpenAPI schemas, so every kind of value is described the same way:
 * `@Field.date('Member from')`. The schema classes describe answers only; they validate nothing.
 */
interface Options {
  nullable?: boolean;
  example?: unknown;
}

const property = (
  schema: Parameters<typeof ApiProperty>[0],
  description: string,
  { nullable, example }: Options,
) => ApiProperty({ ...schema, description, nullable: nullable || undefined, example });

export const Field = {
  text: (description: string, options: Options = {}) =>
    property({ type: String }, description, options),
  /** A day, YYYY-MM-DD. */
  date: (description: string, options: Options = {}) =>
    property({ type: String, format: 'date' }, description, options),
  /** A moment, ISO 8601 in UTC. */
  moment: (description: string, options: Options = {}) =>
    property({ type: String, format: 'date-time' }, description, options),
  id: (description: string, options: Options = {}) =>
    property({ type: String, format: 'uuid' }, description, options),
  integer: (description: string, options: Options = {}) =>
    property({ type: 'integer' }, description, options),
  number: (description: string, options: Options = {}) =>
    property({ type: 'number' }, description, options),
  flag: (description: string, options: Options = {}) =>
    property({ type: Boolean }, description, options),
  oneOf: (values: readonly string[], description: string, options: Options = {}) =>
    property({ type: String, enum: [...values] }, description, options),
  someOf: (values: readonly string[], description: string) =>
    property({ type: String, enum: [...values], isArray: true }, description, {}),
  texts: (description: string) => property({ type: [String] }, description, {}),
  object: (type: Type<unknown>, description: string, options: Options = {}) =>
    property({ type }, description, options),
  list: (type: Type<unknown>, description: string) => property({ type: [type] }, description, {}),
  /** An object whose keys and values the description names (the figures' filters, definitions). */
  map: (description: string, options: Options = {}) =>
    property({ type: 'object', additionalProperties: true }, description, options),
  /** Rows whose fields the description names (the tables of the figures). */
  rows: (description: string) =>
    property(
      { type: 'array', items: { type: 'object', additionalProperties: true } },
      description,
      {},
    ),
};

/** Who did something: a user and the role they acted in. */
export class Door {
  @Field.text('The user id (token subject)', { example: 'u-anna' })
  userId!: string;

  @Field.text('The role they acted in', { example: 'contactpersoon' })
  rol!: string;
}
