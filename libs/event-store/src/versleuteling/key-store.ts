import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';

/** What the key store knows of a subject's key. */
export type Sleutelstand =
  | { stand: 'actief'; sleutel: Buffer }
  | { stand: 'vernietigd'; op: string }
  | { stand: 'onbekend' };

/** The subject's data was erased: nothing new is written under its key (it would come back). */
export class GegevensVerwijderdError extends Error {
  constructor(readonly sleutelId: string) {
    super(`the data of ${sleutelId} has been erased; nothing is written under its key again`);
    this.name = 'GegevensVerwijderdError';
  }
}

/**
 * Where the data keys live: apart from the event log, so that a backup of the log holds no key
 * and destroying a key erases the subject from every copy of the log (ADR 0015). One adapter: a
 * SQLite file (`keys.sqlite` in DATA_DIR by default). In production a KMS or HSM can take its
 * place by implementing these five methods: keys are 32 random bytes (AES-256), made on first use;
 * `destroy` must remove the key for good (also from the KMS's own backups after their term) and
 * remember that it did, so the subject's later events are refused rather than encrypted anew.
 */
export abstract class KeyStore {
  /** The subject's key; made on first use. Throws GegevensVerwijderdError once destroyed. */
  abstract keyFor(sleutelId: string): Promise<Buffer>;
  /**
   * The keys of several subjects, made where missing, as `keyFor` each (a bulk writer needs them
   * at once: an adapter can make them in one durable write). Throws GegevensVerwijderdError as
   * soon as one was destroyed.
   */
  async keysFor(sleutelIds: readonly string[]): Promise<Map<string, Buffer>> {
    const keys = new Map<string, Buffer>();
    for (const id of sleutelIds) keys.set(id, await this.keyFor(id));
    return keys;
  }
  abstract find(sleutelId: string): Promise<Sleutelstand>;
  /** Destroys the key (`op`: ISO 8601); false when it was destroyed already. */
  abstract destroy(sleutelId: string, op: string): Promise<boolean>;
  /** The ids of the keys that are not destroyed (the retention job's candidates). */
  abstract activeIds(): Promise<string[]>;
  abstract close(): Promise<void>;
}

interface Row {
  sleutel: Buffer | null;
  vernietigd_op: string | null;
}

/**
 * The keys in their own SQLite file, durable (WAL, synchronous=FULL) before an event that needs
 * one is appended. `secure_delete` overwrites a destroyed key's bytes in the file, and the WAL is
 * checkpointed and truncated after a destruction, so no copy of the key stays in this store's files.
 */
export class SqliteKeyStore extends KeyStore {
  private readonly db: Database.Database;
  private readonly statements;
  private readonly keysForTransaction;

  constructor(filename: string) {
    super();
    this.db = new Database(filename);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('secure_delete = ON');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`CREATE TABLE IF NOT EXISTS sleutels (
      id            TEXT PRIMARY KEY,
      sleutel       BLOB,
      vernietigd_op TEXT
    )`);
    this.statements = {
      find: this.db.prepare<[string], Row>(
        'SELECT sleutel, vernietigd_op FROM sleutels WHERE id = ?',
      ),
      insert: this.db.prepare<[string, Buffer]>(
        'INSERT OR IGNORE INTO sleutels (id, sleutel) VALUES (?, ?)',
      ),
      destroy: this.db.prepare<[string, string, string]>(
        `INSERT INTO sleutels (id, sleutel, vernietigd_op) VALUES (?, NULL, ?)
         ON CONFLICT (id) DO UPDATE SET sleutel = NULL, vernietigd_op = ?
         WHERE vernietigd_op IS NULL`,
      ),
      active: this.db.prepare<[], { id: string }>(
        'SELECT id FROM sleutels WHERE vernietigd_op IS NULL ORDER BY id',
      ),
    };
    this.keysForTransaction = this.db.transaction((ids: readonly string[]) => {
      const keys = new Map<string, Buffer>();
      for (const id of ids) {
        let row = this.statements.find.get(id);
        if (!row) {
          this.statements.insert.run(id, randomBytes(32));
          row = this.statements.find.get(id)!;
        }
        if (row.sleutel === null) throw new GegevensVerwijderdError(id);
        keys.set(id, row.sleutel);
      }
      return keys;
    });
  }

  async keyFor(sleutelId: string): Promise<Buffer> {
    return (await this.keysFor([sleutelId])).get(sleutelId)!;
  }

  /** Known keys are only read; missing ones are made in one transaction: one fsync for all. */
  override keysFor(sleutelIds: readonly string[]): Promise<Map<string, Buffer>> {
    try {
      const known = sleutelIds.every((id) => this.statements.find.get(id) !== undefined);
      return Promise.resolve(
        known ? this.keysForTransaction(sleutelIds) : this.keysForTransaction.immediate(sleutelIds),
      );
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  find(sleutelId: string): Promise<Sleutelstand> {
    return Promise.resolve(this.findNow(sleutelId));
  }

  private findNow(sleutelId: string): Sleutelstand {
    const row = this.statements.find.get(sleutelId);
    if (!row) return { stand: 'onbekend' };
    if (row.sleutel === null) return { stand: 'vernietigd', op: row.vernietigd_op ?? '' };
    return { stand: 'actief', sleutel: row.sleutel };
  }

  destroy(sleutelId: string, op: string): Promise<boolean> {
    const changed = this.statements.destroy.run(sleutelId, op, op).changes > 0;
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    return Promise.resolve(changed);
  }

  activeIds(): Promise<string[]> {
    return Promise.resolve(this.statements.active.all().map((row) => row.id));
  }

  close(): Promise<void> {
    this.db.close();
    return Promise.resolve();
  }
}
