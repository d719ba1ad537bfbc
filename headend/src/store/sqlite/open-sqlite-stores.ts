import { chmodSync, closeSync, existsSync, openSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Stores } from '../../ports/store';
import { GroupCommit } from './group-commit';
import { migrate } from './migrations';
import { SqliteAuditLog } from './sqlite-audit-log';
import { SqliteBillingStore } from './sqlite-billing-store';
import { SqliteJobStore } from './sqlite-job-store';
import { SqliteNoticeStore } from './sqlite-notice-store';
import { SqliteRegistryStore } from './sqlite-registry-store';
import { SqliteTicketStore } from './sqlite-ticket-store';
import { SqliteTokenStore } from './sqlite-token-store';

/** The embedded store: one SQLite file (or ':memory:'), WAL mode, migrated on open, writes group-committed. */
export function openSqliteStores(file: string): Stores {
  // The database holds credential hashes and subscribers' data: readable by the headend's
  // user only, also the WAL and shared-memory files SQLite creates beside it.
  if (file !== ':memory:' && !existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  if (file !== ':memory:') for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  migrate(db);
  const tx = new GroupCommit(db);
  return {
    registry: new SqliteRegistryStore(db, tx),
    notices: new SqliteNoticeStore(db, tx),
    jobs: new SqliteJobStore(db, tx),
    billing: new SqliteBillingStore(db, tx),
    tokens: new SqliteTokenStore(db, tx),
    audit: new SqliteAuditLog(db, tx),
    tickets: new SqliteTicketStore(db, tx),
    close: async () => {
      tx.commit();
      db.close();
    },
  };
}
