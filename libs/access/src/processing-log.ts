import { kalenderdatum, verwerkingslogDecider, verwerkingslogStreamId } from '@app/domain';
import type { DeciderStore } from '@app/event-store';
import type { Principal } from './roles';

export interface ReadOfPersonalData {
  principal: Principal;
  /** The families whose data was read (a worklist shows several). */
  gezinIds: string[];
  /** What was read, in the words of the log (e.g. "tijdlijn", "werklijst"). */
  what: string;
  correlationId: string;
}

/**
 * Records every read of a family's personal data durably before the data is sent: a
 * `GezinsgegevensViewed` event in the reader's stream of the day, down the one command path like
 * every other event. The `verwerkingslog` projection indexes it per family (AVG art. 15).
 */
export class ProcessingLog {
  constructor(private readonly deciders: DeciderStore) {}

  async recordRead(read: ReadOfPersonalData): Promise<void> {
    // Nothing was shown (an empty worklist): no need to read the day's stream to learn that.
    if (read.gezinIds.length === 0) return;
    const { principal, correlationId } = read;
    await this.deciders.handle(
      verwerkingslogStreamId(principal.userId, kalenderdatum(this.deciders.now())),
      verwerkingslogDecider,
      {
        type: 'RecordInzage',
        gezinIds: read.gezinIds,
        wat: read.what,
        door: { userId: principal.userId, naam: principal.name },
      },
      {
        actor: {
          userId: principal.userId,
          role: principal.actingRole ?? principal.roles[0] ?? 'onbekend',
        },
        correlationId,
        causationId: correlationId,
      },
    );
  }
}
