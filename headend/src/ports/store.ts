import type { AuditLog } from './audit-log';
import type { BillingStore } from './billing-store';
import type { DraftStore } from './draft-store';
import type { JobStore } from './job-store';
import type { NoticeStore } from './notice-store';
import type { RegistryStore } from './registry-store';
import type { StaffStore } from './staff-store';
import type { TicketStore } from './ticket-store';
import type { TokenStore } from './token-store';

/** Every store port of the headend, as one database provides them. */
export interface StorePorts {
  readonly registry: RegistryStore;
  readonly notices: NoticeStore;
  readonly jobs: JobStore;
  readonly billing: BillingStore;
  readonly tokens: TokenStore;
  readonly staff: StaffStore;
  readonly audit: AuditLog;
  readonly tickets: TicketStore;
  readonly drafts: DraftStore;
}

export interface Stores extends StorePorts {
  /**
   * A unit of work: every write `fn` makes through `tx` commits together or not at all
   * (issue 15). A decision that writes more than one row — a suspension with its warning,
   * its job and its audit entry — goes through here. `fn` must not publish or wait on
   * anything but the database: what it decides to publish goes into the outbox.
   */
  transaction<T>(fn: (tx: StorePorts) => Promise<T>): Promise<T>;
  /** A connection pool's state (PostgreSQL); undefined where there is no pool (SQLite's one connection). */
  connections?(): ConnectionCounts;
  close(): Promise<void>;
}

export interface ConnectionCounts {
  readonly inUse: number;
  readonly idle: number;
  /** Callers waiting for a connection: the pool is exhausted (a stall shows here first). */
  readonly waiting: number;
}
