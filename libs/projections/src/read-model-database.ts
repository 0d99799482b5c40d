import Database from 'better-sqlite3';

/**
 * The SQLite file that holds this instance's read models and their checkpoints. It can always be
 * rebuilt from the event log, so it is kept per API instance (see docs/architecture.md).
 */
export class ReadModelDatabase {
  readonly db: Database.Database;

  constructor(filename: string) {
    this.db = new Database(filename);
    this.db.pragma('journal_mode = WAL');
    // The checkpoint commits with the read-model change, so a crash loses at most a batch that is
    // replayed on start; NORMAL keeps the database consistent in WAL mode.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    // Rows of erased data are overwritten in the file when deleted, not left in free pages.
    this.db.pragma('secure_delete = ON');
    this.db.exec(`CREATE TABLE IF NOT EXISTS projection_checkpoints (
      name     TEXT PRIMARY KEY,
      version  INTEGER NOT NULL,
      position TEXT    NOT NULL
    )`);
  }

  /**
   * Rewrites the file without free pages and empties the WAL: after an erasure no old copy of a
   * rebuilt row stays in either file (ADR 0015).
   */
  compact(): void {
    this.db.exec('VACUUM');
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  close(): void {
    this.db.close();
  }
}
