import { randomUUID } from 'node:crypto';
import type { EventStore } from '@app/event-store';
import type { Principal } from './roles';

export interface ReadOfPersonalData {
  principal: Principal;
  gezinId: string;
  /** What was read, in the words of the log (e.g. "tijdlijn"). */
  what: string;
  correlationId: string;
}

export const processingLogStreamId = (gezinId: string): string => `verwerkingslog-gezin-${gezinId}`;

/**
 * Every read of a family's personal data is recorded (who, when, which family, what), durably
 * before the data is sent, in a stream per family so the family can be shown its own log (AVG art. 15).
 */
export class ProcessingLog {
  constructor(
    private readonly store: EventStore,
    private readonly now: () => Date,
  ) {}

  async recordRead(read: ReadOfPersonalData): Promise<void> {
    await this.store.append(
      processingLogStreamId(read.gezinId),
      [
        {
          id: randomUUID(),
          type: 'GezinsgegevensIngezien',
          schemaVersion: 1,
          data: {
            gezinId: read.gezinId,
            wat: read.what,
            door: read.principal.userId,
            naam: read.principal.name,
          },
          occurredAt: this.now().toISOString(),
          actor: { userId: read.principal.userId, role: read.principal.roles[0] ?? 'onbekend' },
          correlationId: read.correlationId,
          causationId: read.correlationId,
        },
      ],
      'any',
    );
  }
}
