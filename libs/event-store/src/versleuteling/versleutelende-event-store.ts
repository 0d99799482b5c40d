import { PERSOONLIJKE_VELDEN, PersoonlijkeVelden } from '@app/domain';
import {
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  Position,
  RecordedEvent,
  StreamAppend,
  SubscribeToAllOptions,
  Subscription,
} from '../event-store';
import { KeyStore } from './key-store';
import {
  decrypt,
  encrypt,
  gewisteWaarde,
  isVersleuteld,
  mapAt,
  sleutelVan,
} from './veldversleuteling';

type Register = Readonly<Record<string, PersoonlijkeVelden>>;

/**
 * Crypto-shredding at the store's serialization boundary (ADR 0015): wraps either adapter. On
 * append, the personal fields of an event (PERSOONLIJKE_VELDEN) are encrypted with the subject's
 * key; on read they are decrypted after the adapter's upcasting, so deciders and projections see
 * plain events. A field whose key was destroyed reads as "gegevens verwijderd" (or null), so
 * timelines keep their shape. Events without personal fields pass through untouched.
 */
export class VersleutelendeEventStore extends EventStore {
  constructor(
    /** The adapter underneath: what it stores is encrypted (the migration and retention scan it). */
    readonly ruw: EventStore,
    readonly keys: KeyStore,
    private readonly register: Register = PERSOONLIJKE_VELDEN,
  ) {
    super();
  }

  async append(
    streamId: string,
    events: EventToAppend[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    const encrypted = await Promise.all(events.map((event) => this.versleutel(event)));
    return this.ruw.append(streamId, encrypted, expected);
  }

  /** Every key the appends need is fetched (or made) at once: one write to the key store. */
  async appendMany(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    const ids = new Set<string>();
    for (const { events } of appends) {
      for (const event of events) {
        const id = await this.sleutelNodig(event);
        if (id !== null) ids.add(id);
      }
    }
    const keys = await this.keys.keysFor([...ids]);
    const keyFor = (id: string) => Promise.resolve(keys.get(id)!);
    const encrypted: StreamAppend[] = [];
    for (const append of appends) {
      encrypted.push({
        ...append,
        events: await Promise.all(append.events.map((e) => this.versleutel(e, keyFor))),
      });
    }
    return this.ruw.appendMany(encrypted);
  }

  async readStream(streamId: string): Promise<RecordedEvent[]> {
    return this.ontsleutelAlle(await this.ruw.readStream(streamId));
  }

  async readAll(after: Position, limit: number): Promise<RecordedEvent[]> {
    return this.ontsleutelAlle(await this.ruw.readAll(after, limit));
  }

  subscribeToAll(options: SubscribeToAllOptions): Subscription {
    return this.ruw.subscribeToAll({
      ...options,
      onEvent: async (event) => options.onEvent(await this.ontsleutel(event)),
    });
  }

  headPosition(): Promise<Position> {
    return this.ruw.headPosition();
  }

  checkHealth(): Promise<void> {
    return this.ruw.checkHealth();
  }

  async close(): Promise<void> {
    await this.ruw.close();
    await this.keys.close();
  }

  /** The event with its personal fields encrypted; plain ones already encrypted stay as they are. */
  async versleutel<E extends EventToAppend>(
    event: E,
    keyFor: (id: string) => Promise<Buffer> = (id) => this.keys.keyFor(id),
  ): Promise<E> {
    const definitie = this.register[event.type];
    if (!definitie) return event;
    const id = sleutelVan(event.data, definitie);
    if (id === null) return event;
    let key: Buffer | null = null;
    const data = structuredClone(event.data);
    for (const pad of Object.keys(definitie.velden)) {
      await mapAt(data, pad, async (value) => {
        if (isVersleuteld(value)) return value;
        key ??= await keyFor(id);
        return encrypt(value, key, id, pad);
      });
    }
    return { ...event, data };
  }

  /** The id of the key the event needs: only when it has a personal value not yet encrypted. */
  private async sleutelNodig(event: EventToAppend): Promise<string | null> {
    const definitie = this.register[event.type];
    const id = definitie ? sleutelVan(event.data, definitie) : null;
    if (!definitie || id === null) return null;
    let nodig = false;
    for (const pad of Object.keys(definitie.velden)) {
      await mapAt(event.data, pad, (value) => {
        nodig ||= !isVersleuteld(value);
        return Promise.resolve(value);
      });
    }
    return nodig ? id : null;
  }

  async ontsleutel(event: RecordedEvent): Promise<RecordedEvent> {
    const definitie = this.register[event.type];
    if (!definitie) return event;
    const data = structuredClone(event.data);
    for (const [pad, gewist] of Object.entries(definitie.velden)) {
      await mapAt(data, pad, async (value) => {
        if (!isVersleuteld(value)) return value;
        const stand = await this.keys.find(value.$sleutel);
        if (stand.stand === 'actief') return decrypt(value, stand.sleutel, pad);
        if (stand.stand === 'vernietigd') return gewisteWaarde(gewist);
        // A key that never existed: the key store is not the one this log was written with.
        throw new Error(`no key ${value.$sleutel} for event ${event.id}: wrong KEYS_FILE?`);
      });
    }
    return { ...event, data };
  }

  private ontsleutelAlle(events: RecordedEvent[]): Promise<RecordedEvent[]> {
    return Promise.all(events.map((event) => this.ontsleutel(event)));
  }
}
