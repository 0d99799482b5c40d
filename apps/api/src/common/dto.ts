import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateBy,
} from 'class-validator';

/** Shared field rules of the API's DTOs, so every date and text is checked the same way. */
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = 'must be a date as YYYY-MM-DD';
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * No date of this domain lies before 1900 (the oldest person in care files is born after it):
 * an earlier year is a typing error (0202 for 2020, 1026 for 2026). Checked on well-formed dates
 * only, so a malformed one gets the one message about its form.
 */
export const FromYear1900 = () =>
  ValidateBy({
    name: 'fromYear1900',
    validator: {
      validate: (value: unknown) =>
        typeof value !== 'string' || !/^\d{4}-/.test(value) || value >= '1900',
      defaultMessage: () => 'must be in 1900 or later',
    },
  });

export const IsDate = () =>
  applyDecorators(
    Matches(DATE, { message: DATE_MESSAGE }),
    IsISO8601({ strict: true }, { message: DATE_MESSAGE }),
    FromYear1900(),
  );

export const DateField = (description: string, example = '2026-03-01') =>
  applyDecorators(ApiProperty({ description, example, format: 'date' }), IsDate());

export const OptionalDateField = (description: string, example = '2026-03-01') =>
  applyDecorators(
    ApiPropertyOptional({ description, example, format: 'date' }),
    IsOptional(),
    IsDate(),
  );

export const TextField = (description: string, example: string, maxLength = 200) =>
  applyDecorators(
    ApiProperty({ description, example, maxLength }),
    IsString(),
    IsNotEmpty(),
    MaxLength(maxLength),
  );

export const OptionalTextField = (description: string, example: string, maxLength = 200) =>
  applyDecorators(
    ApiPropertyOptional({ description, example, maxLength }),
    IsOptional(),
    IsString(),
    IsNotEmpty(),
    MaxLength(maxLength),
  );

/** Leading and trailing spaces removed before the field is checked (a name: " Haven " is "Haven"). */
export const Trim = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

export const UuidField = (description: string) =>
  applyDecorators(
    ApiProperty({ description, format: 'uuid' }),
    Matches(UUID_PATTERN, { message: 'must be a UUID' }),
  );

export const OptionalUuidField = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ description, format: 'uuid' }),
    IsOptional(),
    Matches(UUID_PATTERN, { message: 'must be a UUID' }),
  );

export const UserIdField = (description: string) =>
  applyDecorators(
    ApiProperty({ description, example: 'u-anna' }),
    IsString(),
    Matches(/^[A-Za-z0-9._@-]{1,100}$/, {
      message: 'must be a user id (letters, digits, . _ @ -)',
    }),
  );

export class GezinIdParams {
  @UuidField('The family')
  gezinId!: string;
}

export class ConsistencyQuery {
  @ApiPropertyOptional({
    description:
      'A log position from a write response (header X-Log-Position): wait until the read models have reached it',
    example: '42',
  })
  @IsOptional()
  @Matches(/^\d{1,20}$/, { message: 'must be a log position (digits)' })
  minPosition?: string;
}
