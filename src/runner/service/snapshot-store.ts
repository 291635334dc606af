import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/** One stored snapshot: the share payload's UTF-8 JSON bytes and its format version. */
export interface StoredSnapshot {
  version: number;
  bytes: Uint8Array;
  /** Milliseconds since the epoch when it was first stored. */
  createdAt: number;
}

/**
 * Where short-link snapshots are kept. Small and synchronous, so the share service's logic is
 * tested against any store; `add` never overwrites, so an id once handed out always reads
 * back what it was given for.
 */
export interface SnapshotStore {
  /** The snapshot stored under `id`, if any. */
  get(id: string): StoredSnapshot | undefined;
  /** Stores `snapshot` under `id` unless the id is taken (by anything): which happened. */
  add(id: string, snapshot: StoredSnapshot): 'added' | 'taken';
  /** How many snapshots are stored. */
  count(): number;
  close(): void;
}

/**
 * A store in an embedded SQLite database at `path` (its folder is created), or in memory for
 * `:memory:`. Several runners may share one file: the insert is atomic, and WAL mode lets
 * readers go on while one writes.
 */
export function createSqliteSnapshotStore(path: string): SnapshotStore {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('busy_timeout = 5000');
  if (path !== ':memory:') db.pragma('journal_mode = WAL');
  db.exec(`CREATE TABLE IF NOT EXISTS snapshots (
    id TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    payload BLOB NOT NULL,
    created_at INTEGER NOT NULL
  ) WITHOUT ROWID`);
  const select = db.prepare<[string], { version: number; payload: Buffer; created_at: number }>(
    'SELECT version, payload, created_at FROM snapshots WHERE id = ?',
  );
  const insert = db.prepare<[string, number, Buffer, number]>(
    'INSERT INTO snapshots (id, version, payload, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING',
  );
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM snapshots');
  return {
    get(id) {
      const row = select.get(id);
      if (!row) return undefined;
      return {
        version: row.version,
        bytes: new Uint8Array(row.payload),
        createdAt: row.created_at,
      };
    },
    add(id, s) {
      const buffer = Buffer.from(s.bytes.buffer, s.bytes.byteOffset, s.bytes.byteLength);
      return insert.run(id, s.version, buffer, s.createdAt).changes === 1 ? 'added' : 'taken';
    },
    count: () => count.get()?.n ?? 0,
    close: () => db.close(),
  };
}
