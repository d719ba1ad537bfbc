import type { Generated } from 'kysely';

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
}

export interface AuditTable {
  id: Generated<number>;
  at_ms: number;
  actor: string;
  action: string;
  subject: string;
  detail_json: string;
}

export interface TicketsTable {
  id: string;
  kind: string;
  status: string;
  severity: string;
  severity_reason: string;
  box_id: string;
  account_id: string;
  zone_id: string;
  source: string;
  symptom: string;
  code: string;
  fault_key: string;
  diagnostics_json: string;
  summary: string;
  owner: string;
  opened_at_ms: number;
  due_at_ms: number;
  first_reply_at_ms: number;
  paused_at_ms: number;
  pause_reason: string;
  resolved_at_ms: number;
  closed_at_ms: number;
  resolution: string;
  incident_id: string;
  breached_at_ms: number;
  extensions: number;
  report_count: number;
  last_report_at_ms: number;
  survey_id: string;
  answer_by_ms: number;
  follow_up: string;
  follow_up_at_ms: number;
  rating: number;
  customer_resolved: number;
}

export interface TicketEventsTable {
  id: Generated<number>;
  ticket_id: string;
  at_ms: number;
  actor: string;
  type: string;
  detail_json: string;
}

export interface TicketReportsTable {
  report_id: string;
  box_id: string;
  ticket_id: string;
  at_ms: number;
}

export interface SignalReportsTable {
  zone_id: string;
  box_id: string;
  at_ms: number;
}

export interface IncidentsTable {
  id: string;
  zone_id: string;
  status: string;
  opened_at_ms: number;
  eta_ms: number;
  resolved_at_ms: number;
  notice_id: string;
  report_count: number;
}

export interface CallbacksTable {
  id: string;
  ticket_id: string;
  created_at_ms: number;
  due_at_ms: number;
  status: string;
  outcome: string;
  done_at_ms: number;
  agent: string;
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
  audit: AuditTable;
  tickets: TicketsTable;
  ticket_events: TicketEventsTable;
  ticket_reports: TicketReportsTable;
  signal_reports: SignalReportsTable;
  incidents: IncidentsTable;
  callbacks: CallbacksTable;
  revoked_certificates: RevokedCertificatesTable;
  outbox: OutboxTable;
}
