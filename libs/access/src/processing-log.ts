import { randomUUID } from 'node:crypto';
import type { EventStore } from '@app/event-store';
import type { Principal } from './roles';

export interface ReadOfPersonalData {
  principal: Principal;
  /** The families whose data was read (a worklist shows several). */
  gezinIds: string[];
  /** What was read, in the words of the log (e.g. "tijdlijn", "werklijst"). */
  what: string;
  correlationId: string;
}

export const PERSONAL_DATA_READ = 'GezinsgegevensViewed';
export const processingLogStreamId = (userId: string): string => `verwerkingslog-${userId}`;

/**
 * Every read of a family's personal data is recorded (who, when, which families, what) durably
 * before the data is sent. One stream per reader; the `verwerkingslog` projection indexes it per
 * family, so the family can be shown who read its data (AVG art. 15).
 */
export class ProcessingLog {
  constructor(
    private readonly store: EventStore,
    private readonly now: () => Date,
  ) {}

  async recordRead(read: ReadOfPersonalData): Promise<void> {
    if (read.gezinIds.length === 0) return;
    await this.store.append(
      processingLogStreamId(read.principal.userId),
      [
        {
          id: randomUUID(),
          type: PERSONAL_DATA_READ,
          schemaVersion: 1,
          data: {
            gezinIds: read.gezinIds,
            wat: read.what,
            door: read.principal.userId,
            naam: read.principal.name,
          },
          occurredAt: this.now().toISOString(),
          actor: {
            userId: read.principal.userId,
            role: read.principal.actingRole ?? read.principal.roles[0] ?? 'onbekend',
          },
          correlationId: read.correlationId,
          causationId: read.correlationId,
        },
      ],
      'any',
    );
  }
}
