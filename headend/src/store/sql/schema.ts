import type { Generated } from 'kysely';
import type * as T from './ticket-schema';

export type * from './ticket-schema';

/**
 * The headend's tables as Kysely sees them: one description for SQLite and PostgreSQL
 * (the DDL lives in each engine's migration list; schema-parity.test.ts proves both build
 * these columns and constraints). `Generated` marks a column with a default, optional on
 * insert. Milliseconds and money are numbers (PostgreSQL BIGINT is parsed to number).
 */
export interface ZonesTable {
  id: string;
  name: string;
  type: string;
  maintainer: string;
}

export interface AccountsTable {
  id: string;
  name: string;
  status: Generated<string>;
}

export interface BoxesTable {
  id: string;
  account_id: string;
  zone_id: string;
  model: Generated<string>;
  firmware: Generated<string>;
  app_version: Generated<string>;
  uplink_public_key: Generated<string>;
  credential_hash: Generated<string>;
  provisioned_at_ms: Generated<number>;
  last_seen_ms: Generated<number>;
  online: Generated<number>;
  cert_fingerprint: Generated<string>;
  cert_serial: Generated<string>;
}

export interface NoticesTable {
  id: string;
  kind: string;
  display: string;
  priority: string;
  collapse_key: string;
  texts_json: string;
  hotline: string;
  action_required: number;
  account_id: string;
  detail_json: string;
  target_json: string;
  status: string;
  created_by: string;
  issued_at_ms: number;
  expires_at_ms: number;
  cancelled_at_ms: Generated<number>;
  cancel_reason: Generated<string>;
  /** Issue 15: the notice's own outbox state (see NOTICE_PUBLISH_STATE). */
  published_at_ms: Generated<number>;
  publish_claim_until_ms: Generated<number>;
  publish_attempts: Generated<number>;
}

export interface DeliveriesTable {
  notice_id: string;
  box_id: string;
  zone_id: string;
  state: string;
  rank: number;
  queued_at_ms: number;
  delivered_at_ms: Generated<number>;
  displayed_at_ms: Generated<number>;
  read_at_ms: Generated<number>;
  dismissed_at_ms: Generated<number>;
  withdrawn_at_ms: Generated<number>;
  expires_at_ms: number;
  resends: Generated<number>;
  resend_at_ms: number;
}

export interface JobsTable {
  id: Generated<number>;
  kind: string;
  run_at_ms: number;
  payload_json: string;
  state: Generated<string>;
  attempts: Generated<number>;
  last_error: Generated<string>;
  dedupe_key: string | null;
  locked_by: Generated<string>;
  locked_until_ms: Generated<number>;
  done_at_ms: Generated<number>;
}

export interface InvoicesTable {
  id: string;
  account_id: string;
  amount_minor: number;
  currency: string;
  due_at_ms: number;
  status: Generated<string>;
  paid_at_ms: Generated<number>;
  paid_minor: Generated<number>;
}

export interface PaymentsTable {
  id: string;
  account_id: string;
  amount_minor: number;
  currency: string;
  paid_at_ms: number;
  invoice_id: string;
  method: string;
  processed_at_ms: Generated<number>;
}

export interface SuspensionsTable {
  id: string;
  account_id: string;
  warning_notice_id: string;
  warned_at_ms: number;
  suspend_at_ms: number;
  state: string;
  executed_at_ms: Generated<number>;
  suspended_notice_id: Generated<string>;
  note: Generated<string>;
  amount_minor: Generated<number>;
  paid_minor: Generated<number>;
}

export interface RestoresTable {
  id: string;
  account_id: string;
  suspension_id: string;
  paid_at_ms: number;
  deadline_ms: number;
  restored_at_ms: Generated<number>;
  notice_id: Generated<string>;
}

export interface ApiTokensTable {
  id: string;
  name: string;
  role: string;
  token_hash: string;
  created_at_ms: number;
  revoked_at_ms: Generated<number>;
  staff_no: Generated<string>;
}

export interface StaffTable {
  staff_no: string;
  name: string;
  phone: string;
  role: string;
  zone_id: string;
  created_at_ms: number;
  left_at_ms: Generated<number>;
}

export interface ApprovalsTable {
  id: string;
  kind: string;
  subject: string;
  request_json: string;
  reason: string;
  requested_by: string;
  requested_at_ms: number;
  status: string;
  decided_by: Generated<string>;
  decided_at_ms: Generated<number>;
  note: Generated<string>;
  result: Generated<string>;
}

export interface AuditTable {
  id: Generated<number>;
  at_ms: number;
  actor: string;
  action: string;
  subject: string;
  detail_json: string;
}

export interface RevokedCertificatesTable {
  serial: string;
  box_id: string;
  revoked_at_ms: number;
}

/** Issue 15: withdrawals a committed cancel must still publish (a notice's publish state is on its row). */
export interface OutboxTable {
  id: Generated<number>;
  notice_id: string;
  op: string;
  created_at_ms: number;
  published_at_ms: Generated<number>;
  lease_until_ms: Generated<number>;
  attempts: Generated<number>;
}

/** Issue 18: a box's online history (connect, disconnect, hello). */
export interface BoxPresenceTable {
  id: Generated<number>;
  box_id: string;
  at_ms: number;
  event: string;
}

/** Issue 18: notices still being written. */
export interface NoticeDraftsTable {
  id: string;
  created_by: string;
  created_at_ms: number;
  updated_by: string;
  updated_at_ms: number;
  content_json: string;
}

export interface DB {
  zones: ZonesTable;
  accounts: AccountsTable;
  boxes: BoxesTable;
  notices: NoticesTable;
  deliveries: DeliveriesTable;
  jobs: JobsTable;
  invoices: InvoicesTable;
  payments: PaymentsTable;
  suspensions: SuspensionsTable;
  restores: RestoresTable;
  api_tokens: ApiTokensTable;
  staff: StaffTable;
  approvals: ApprovalsTable;
  audit: AuditTable;
  tickets: T.TicketsTable;
  ticket_events: T.TicketEventsTable;
  ticket_reports: T.TicketReportsTable;
  signal_reports: T.SignalReportsTable;
  incidents: T.IncidentsTable;
  callbacks: T.CallbacksTable;
  ticket_breaches: T.TicketBreachesTable;
  ticket_resolutions: T.TicketResolutionsTable;
  ticket_replies: T.TicketRepliesTable;
  revoked_certificates: RevokedCertificatesTable;
  outbox: OutboxTable;
  box_presence: BoxPresenceTable;
  notice_drafts: NoticeDraftsTable;
}
