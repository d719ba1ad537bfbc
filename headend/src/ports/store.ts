import type { AuditLog } from './audit-log';
import type { BillingStore } from './billing-store';
import type { JobStore } from './job-store';
import type { NoticeStore } from './notice-store';
import type { RegistryStore } from './registry-store';
import type { TicketStore } from './ticket-store';
import type { TokenStore } from './token-store';

/** Every store port of the headend, as one adapter provides them. */
export interface Stores {
  readonly registry: RegistryStore;
  readonly notices: NoticeStore;
  readonly jobs: JobStore;
  readonly billing: BillingStore;
  readonly tokens: TokenStore;
  readonly audit: AuditLog;
  readonly tickets: TicketStore;
  close(): Promise<void>;
}
