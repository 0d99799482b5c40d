import {
  ExecutionContext,
  Inject,
  Injectable,
  UnauthorizedException,
  createParamDecorator,
} from '@nestjs/common';
import type { Request } from 'express';
import type { Principal } from '@app/access';
import { randomUUID } from 'node:crypto';
import { keyedUuid } from '@app/event-store';
import type { CommandContext } from '@app/event-store';
import { ID_SECRET } from '../infrastructure/tokens';
import { invalidInput } from './problem';

export interface RequestCommandContext extends CommandContext {
  principal: Principal;
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,128}$/;

/** The id pino-http gave this request (from X-Correlation-Id or new); see app.module.ts. */
export function correlationIdOf(request: Request & { id?: unknown }): string {
  return typeof request.id === 'string' ? request.id : 'unknown';
}

export const CorrelationId = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  correlationIdOf(context.switchToHttp().getRequest<Request>()),
);

/** Parses `If-Match: "3"` (or W/"3") to the stream revision 3. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header === '') return undefined;
  const match = /^(?:W\/)?"(\d{1,15})"$/.exec(header.trim());
  if (!match) {
    throw invalidInput([
      { field: 'If-Match', in: 'header', messages: ['must be an ETag of this API, like "3"'] },
    ]);
  }
  return Number(match[1]);
}

/**
 * Everything a command needs from its request: who sends it, the correlation id, the version the
 * client based it on (If-Match) and an optional Idempotency-Key that makes a retry harmless.
 */
export const CommandMeta = createParamDecorator(
  (_data: unknown, context: ExecutionContext): RequestCommandContext => {
    const request = context
      .switchToHttp()
      .getRequest<Request & { principal?: Principal; actingRole?: string; id?: unknown }>();
    const principal = request.principal;
    if (!principal) throw new UnauthorizedException('A bearer token is required.');
    const idempotencyKey = request.header('idempotency-key');
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw invalidInput([
        {
          field: 'Idempotency-Key',
          in: 'header',
          messages: ['must be 8 to 128 characters: letters, digits, . _ : -'],
        },
      ]);
    }
    const correlationId = correlationIdOf(request);
    return {
      principal,
      actor: { userId: principal.userId, role: principal.actingRole ?? principal.roles[0]! },
      correlationId,
      causationId: correlationId,
      expectedRevision: parseIfMatch(request.header('if-match')),
      idempotencyKey,
    };
  },
);

/**
 * The ids of what requests create. With an Idempotency-Key an id follows from the user, the key,
 * the purpose and what it is made within (the person, the family), under the server secret
 * (ID_SECRET, or `DATA_DIR/id-secret`): a retry of the same request names the same thing, the same
 * key sent for another person names another, and no client can work an id out beforehand.
 */
@Injectable()
export class Ids {
  constructor(@Inject(ID_SECRET) private readonly secret: Uint8Array) {}

  newId(context: RequestCommandContext, purpose: string, within = ''): string {
    return context.idempotencyKey
      ? keyedUuid(
          this.secret,
          `${purpose}:${within}:${context.principal.userId}:${context.idempotencyKey}`,
        )
      : randomUUID();
  }
}
