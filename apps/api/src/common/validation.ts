import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, ProblemException, invalidInput } from './problem';

/** Says where an invalid field was (body, query, path) in the problem's `errors`. */
class ProblemValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      const where = metadata.type === 'param' ? 'path' : metadata.type;
      if (error instanceof ProblemException && (where === 'query' || where === 'path')) {
        for (const fieldError of error.problem.errors ?? []) fieldError.in = where;
      }
      throw error;
    }
  }
}

/**
 * Global validation: unknown fields are refused, types converted, and every error names its field.
 * Headers and query parameters are validated by the same pipe through their DTOs.
 */
export function createValidationPipe(): ValidationPipe {
  return new ProblemValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    exceptionFactory: (errors: ValidationError[]) => invalidInput(flatten(errors, '')),
  });
}

function flatten(errors: ValidationError[], prefix: string): FieldError[] {
  return errors.flatMap((error) => {
    const field = /^\d+$/.test(error.property)
      ? `${prefix}[${error.property}]`
      : prefix
        ? `${prefix}.${error.property}`
        : error.property;
    const own: FieldError[] = error.constraints
      ? // Two rules can say the same thing (a date's pattern and its calendar check): say it once.
        [{ field, in: 'body', messages: [...new Set(Object.values(error.constraints))] }]
      : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
