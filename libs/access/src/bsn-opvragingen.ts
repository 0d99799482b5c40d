import { randomUUID } from 'node:crypto';
import {
  EventStore,
  RecordedEvent,
  WrongExpectedRevisionError,
  type ExpectedRevision,
} from '@app/event-store';
import type { Principal } from './roles';

/** One BSN lookup by a practice user: counted for the limit and application management, and logged. */
export const BSN_OPVRAGING = 'BsnOpvragingRecorded';

export interface BsnOpvragingData {
  userId: string;
  naam: string;
  rol: string;
  praktijkId: string;
  /** The person the BSN belongs to; null when it belongs to no one known. */
  persoonId: string | null;
  /** That person's families now: the lookup is in each one's processing log. */
  gezinIds: string[];
}

const UUR_MS = 60 * 60 * 1000;

/** The hour (UTC) a lookup falls in: `2026-11-25T18`. */
export const uurVan = (moment: Date): string => moment.toISOString().slice(0, 13);

/** A user's lookups of one clock hour (UTC): small streams, so counting reads little. */
export const bsnOpvragingenStreamId = (userId: string, uur: string): string =>
  `bsn-opvragingen-${userId}-${uur}`;

/** The user has reached the limit; `retryAfterSeconds` says when the oldest counted lookup expires. */
export class TooManyRequests extends Error {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
    this.name = 'TooManyRequests';
  }
}

export interface BsnZoeker {
  principal: Principal;
  praktijkId: string;
  correlationId: string;
}

/** How often a lookup is tried again when another instance counted a lookup at the same moment. */
const POGINGEN = 5;

/**
 * Every BSN lookup of a practice user is one event in the user's stream of that clock hour,
 * appended with the revision that was read. Before looking up, the lookups of this hour and the
 * previous one that lie within the last 60 minutes are counted: at the limit the lookup is
 * refused (429) and nothing is written. The expected revision serialises the lookups of one user
 * in one hour across API instances: a lookup counted on a stale read fails its append and is
 * counted again. The event names the person found and their families, so the
 * `verwerkingslog` projection puts it in each family's processing log; an unknown BSN is only
 * counted. Known or not, a lookup is one append, so neither the answer nor its timing says which.
 */
export class BsnOpvragingen {
  constructor(
    private readonly store: EventStore,
    private readonly now: () => Date,
    private readonly perUur: number,
  ) {}

  async lookUp(
    zoeker: BsnZoeker,
    find: () => { persoonId: string; gezinIds: string[] } | null,
  ): Promise<string | null> {
    const { principal } = zoeker;
    for (let poging = 1; ; poging++) {
      const now = this.now();
      const stream = bsnOpvragingenStreamId(principal.userId, uurVan(now));
      const [vorigUur, ditUur] = await Promise.all([
        this.store.readStream(
          bsnOpvragingenStreamId(principal.userId, uurVan(new Date(now.getTime() - UUR_MS))),
        ),
        this.store.readStream(stream),
      ]);
      this.checkLimit([...vorigUur, ...ditUur], now);
      const gevonden = find();
      const data: BsnOpvragingData = {
        userId: principal.userId,
        naam: principal.name,
        rol: principal.actingRole ?? principal.roles[0] ?? 'onbekend',
        praktijkId: zoeker.praktijkId,
        persoonId: gevonden?.persoonId ?? null,
        gezinIds: gevonden?.gezinIds ?? [],
      };
      const expected: ExpectedRevision = ditUur.length === 0 ? 'no_stream' : ditUur.length - 1;
      try {
        await this.store.append(
          stream,
          [
            {
              id: randomUUID(),
              type: BSN_OPVRAGING,
              schemaVersion: 1,
              data: { ...data },
              occurredAt: now.toISOString(),
              actor: { userId: principal.userId, role: data.rol },
              correlationId: zoeker.correlationId,
              causationId: zoeker.correlationId,
            },
          ],
          expected,
        );
        return data.persoonId;
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError) || poging >= POGINGEN) throw error;
      }
    }
  }

  private checkLimit(events: RecordedEvent[], now: Date): void {
    const vanaf = now.getTime() - UUR_MS;
    const tijden = events
      .filter((event) => event.type === BSN_OPVRAGING)
      .map((event) => Date.parse(event.occurredAt))
      .filter((tijd) => tijd > vanaf)
      .sort((a, b) => a - b);
    if (tijden.length < this.perUur) return;
    // Below the limit again once enough of the counted lookups are more than an hour old.
    const vrij = tijden[tijden.length - this.perUur]! + UUR_MS;
    throw new TooManyRequests(
      `U heeft in het afgelopen uur al ${tijden.length} keer een BSN opgevraagd; dat mag ` +
        `${this.perUur} keer per uur. Probeer het later opnieuw.`,
      Math.max(1, Math.ceil((vrij - now.getTime()) / 1000)),
    );
  }
}
