import type { ClientBase } from 'pg';
import * as shared from '../shared-migrations';

/**
 * PostgreSQL schema, kept in step with the SQLite migrations (same tables and columns;
 * BIGINT for milliseconds, a `seq` column where SQLite's rowid gives creation order).
 * Applied under an advisory lock so several headends starting at once migrate once.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE zones (id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL CHECK (type IN ('urban','township')), maintainer TEXT NOT NULL);
  CREATE TABLE accounts (id TEXT PRIMARY KEY, name TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'active');
  CREATE TABLE boxes (
    id TEXT PRIMARY KEY, account_id TEXT NOT NULL, zone_id TEXT NOT NULL, model TEXT NOT NULL DEFAULT '',
    firmware TEXT NOT NULL DEFAULT '', app_version TEXT NOT NULL DEFAULT '', uplink_public_key TEXT NOT NULL DEFAULT '',
    credential_hash TEXT NOT NULL DEFAULT '', provisioned_at_ms BIGINT NOT NULL DEFAULT 0, last_seen_ms BIGINT NOT NULL DEFAULT 0,
    online INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX boxes_account ON boxes(account_id);
  CREATE INDEX boxes_zone ON boxes(zone_id);
  CREATE TABLE notices (
    seq BIGSERIAL, id TEXT PRIMARY KEY, kind TEXT NOT NULL, display TEXT NOT NULL, priority TEXT NOT NULL,
    collapse_key TEXT NOT NULL, texts_json TEXT NOT NULL, hotline TEXT NOT NULL, action_required INTEGER NOT NULL,
    account_id TEXT NOT NULL, detail_json TEXT NOT NULL, target_json TEXT NOT NULL, status TEXT NOT NULL,
    created_by TEXT NOT NULL, issued_at_ms BIGINT NOT NULL, expires_at_ms BIGINT NOT NULL,
    cancelled_at_ms BIGINT NOT NULL DEFAULT 0, cancel_reason TEXT NOT NULL DEFAULT ''
  );
  CREATE INDEX notices_account ON notices(account_id, issued_at_ms);
  CREATE TABLE deliveries (
    notice_id TEXT NOT NULL, box_id TEXT NOT NULL, zone_id TEXT NOT NULL, state TEXT NOT NULL, rank INTEGER NOT NULL,
    queued_at_ms BIGINT NOT NULL, delivered_at_ms BIGINT NOT NULL DEFAULT 0, displayed_at_ms BIGINT NOT NULL DEFAULT 0,
    read_at_ms BIGINT NOT NULL DEFAULT 0, dismissed_at_ms BIGINT NOT NULL DEFAULT 0, withdrawn_at_ms BIGINT NOT NULL DEFAULT 0,
    expires_at_ms BIGINT NOT NULL, PRIMARY KEY (notice_id, box_id)
  );
  CREATE INDEX deliveries_box_state ON deliveries(box_id, state);
  CREATE TABLE jobs (
    id BIGSERIAL PRIMARY KEY, kind TEXT NOT NULL, run_at_ms BIGINT NOT NULL, payload_json TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending', attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT NOT NULL DEFAULT '',
    dedupe_key TEXT UNIQUE, locked_by TEXT NOT NULL DEFAULT '', locked_until_ms BIGINT NOT NULL DEFAULT 0,
    done_at_ms BIGINT NOT NULL DEFAULT 0
  );
  CREATE INDEX jobs_due ON jobs(state, run_at_ms);
  CREATE TABLE invoices (
    id TEXT PRIMARY KEY, account_id TEXT NOT NULL, amount_minor BIGINT NOT NULL, currency TEXT NOT NULL,
    due_at_ms BIGINT NOT NULL, status TEXT NOT NULL DEFAULT 'open', paid_at_ms BIGINT NOT NULL DEFAULT 0
  );
  CREATE INDEX invoices_account ON invoices(account_id, status);
  CREATE TABLE payments (
    id TEXT PRIMARY KEY, account_id TEXT NOT NULL, amount_minor BIGINT NOT NULL, currency TEXT NOT NULL,
    paid_at_ms BIGINT NOT NULL, invoice_id TEXT NOT NULL, method TEXT NOT NULL
  );
  CREATE INDEX payments_account ON payments(account_id, paid_at_ms);
  CREATE TABLE suspensions (
    id TEXT PRIMARY KEY, account_id TEXT NOT NULL, warning_notice_id TEXT NOT NULL, warned_at_ms BIGINT NOT NULL,
    suspend_at_ms BIGINT NOT NULL, state TEXT NOT NULL, executed_at_ms BIGINT NOT NULL DEFAULT 0,
    suspended_notice_id TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT ''
  );
  CREATE INDEX suspensions_account ON suspensions(account_id);
  CREATE TABLE restores (
    id TEXT PRIMARY KEY, account_id TEXT NOT NULL, suspension_id TEXT NOT NULL, paid_at_ms BIGINT NOT NULL,
    deadline_ms BIGINT NOT NULL, restored_at_ms BIGINT NOT NULL DEFAULT 0, notice_id TEXT NOT NULL DEFAULT ''
  );
  CREATE TABLE api_tokens (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE,
    created_at_ms BIGINT NOT NULL, revoked_at_ms BIGINT NOT NULL DEFAULT 0
  );
  CREATE TABLE audit (id BIGSERIAL PRIMARY KEY, at_ms BIGINT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, subject TEXT NOT NULL, detail_json TEXT NOT NULL);
  CREATE INDEX audit_subject ON audit(subject, at_ms);
  `,
  `
  CREATE TABLE tickets (
    seq BIGSERIAL, id TEXT PRIMARY KEY, kind TEXT NOT NULL, status TEXT NOT NULL, severity TEXT NOT NULL,
    severity_reason TEXT NOT NULL, box_id TEXT NOT NULL, account_id TEXT NOT NULL, zone_id TEXT NOT NULL,
    source TEXT NOT NULL, symptom TEXT NOT NULL, code TEXT NOT NULL, fault_key TEXT NOT NULL, diagnostics_json TEXT NOT NULL,
    summary TEXT NOT NULL, owner TEXT NOT NULL, opened_at_ms BIGINT NOT NULL, due_at_ms BIGINT NOT NULL,
    first_reply_at_ms BIGINT NOT NULL, paused_at_ms BIGINT NOT NULL, pause_reason TEXT NOT NULL, resolved_at_ms BIGINT NOT NULL,
    closed_at_ms BIGINT NOT NULL, resolution TEXT NOT NULL, incident_id TEXT NOT NULL, breached_at_ms BIGINT NOT NULL,
    extensions INTEGER NOT NULL, report_count INTEGER NOT NULL, last_report_at_ms BIGINT NOT NULL, survey_id TEXT NOT NULL,
    answer_by_ms BIGINT NOT NULL, follow_up TEXT NOT NULL, follow_up_at_ms BIGINT NOT NULL, rating INTEGER NOT NULL,
    customer_resolved INTEGER NOT NULL
  );
  CREATE INDEX tickets_fault_open ON tickets(fault_key, status);
  CREATE INDEX tickets_zone ON tickets(zone_id, opened_at_ms);
  CREATE INDEX tickets_due ON tickets(status, due_at_ms);
  CREATE INDEX tickets_incident ON tickets(incident_id);
  CREATE TABLE ticket_events (id BIGSERIAL PRIMARY KEY, ticket_id TEXT NOT NULL, at_ms BIGINT NOT NULL, actor TEXT NOT NULL, type TEXT NOT NULL, detail_json TEXT NOT NULL);
  CREATE INDEX ticket_events_ticket ON ticket_events(ticket_id, id);
  CREATE TABLE ticket_reports (report_id TEXT NOT NULL, box_id TEXT NOT NULL, ticket_id TEXT NOT NULL, at_ms BIGINT NOT NULL, PRIMARY KEY (box_id, report_id));
  CREATE TABLE signal_reports (zone_id TEXT NOT NULL, box_id TEXT NOT NULL, at_ms BIGINT NOT NULL);
  CREATE INDEX signal_reports_zone ON signal_reports(zone_id, at_ms);
  CREATE TABLE incidents (
    id TEXT PRIMARY KEY, zone_id TEXT NOT NULL, status TEXT NOT NULL, opened_at_ms BIGINT NOT NULL, eta_ms BIGINT NOT NULL,
    resolved_at_ms BIGINT NOT NULL, notice_id TEXT NOT NULL, report_count INTEGER NOT NULL
  );
  CREATE INDEX incidents_zone ON incidents(zone_id, status);
  CREATE TABLE callbacks (
    id TEXT PRIMARY KEY, ticket_id TEXT NOT NULL UNIQUE, created_at_ms BIGINT NOT NULL, due_at_ms BIGINT NOT NULL,
    status TEXT NOT NULL, outcome TEXT NOT NULL, done_at_ms BIGINT NOT NULL, agent TEXT NOT NULL
  );
  `,
  shared.BOX_CERT_FINGERPRINT,
  shared.ONE_OPEN_TICKET_AND_INCIDENT,
  shared.PAYMENT_LEDGER,
  shared.REVOKED_CERTIFICATES,
  // The account status check SQLite has had from its first migration (schema parity, issue 15).
  `ALTER TABLE accounts ADD CONSTRAINT accounts_status_check CHECK (status IN ('active','overdue','suspended'));`,
  shared.ONE_ACTIVE_SUSPENSION,
  `CREATE TABLE outbox (
    id BIGSERIAL PRIMARY KEY, notice_id TEXT NOT NULL,
    op TEXT NOT NULL CHECK (op IN ('publish','withdraw')), created_at_ms BIGINT NOT NULL,
    published_at_ms BIGINT NOT NULL DEFAULT 0, lease_until_ms BIGINT NOT NULL DEFAULT 0,
    attempts INTEGER NOT NULL DEFAULT 0
  );
  ${shared.OUTBOX_INDEXES}
  ${shared.NOTICE_PUBLISH_STATE}`,
  shared.TICKET_BREACHES_AND_RESOLUTIONS +
    // T4: one callback per resolution, not per ticket.
    `ALTER TABLE callbacks ADD COLUMN resolution INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE callbacks DROP CONSTRAINT callbacks_ticket_id_key;
    ALTER TABLE callbacks ADD CONSTRAINT callbacks_one_per_resolution UNIQUE (ticket_id, resolution);`,
  shared.STAFF_AND_APPROVALS,
  shared.TICKET_CALLS,
  // T7 (issue 16): rural zones (农村) get the rural installation limit.
  `ALTER TABLE zones DROP CONSTRAINT zones_type_check;
  ALTER TABLE zones ADD CONSTRAINT zones_type_check CHECK (type IN ('urban','township','rural'));`,
  shared.REDUNDANT_TICKET_INDEX,
  `${shared.TICKET_NUMBERS}
  CREATE SEQUENCE ticket_numbers;
  SELECT setval('ticket_numbers', (SELECT COALESCE(MAX(number), 100000) + 1 FROM tickets), false);`,
  `CREATE TABLE box_presence (
    id BIGSERIAL PRIMARY KEY, box_id TEXT NOT NULL, at_ms BIGINT NOT NULL,
    event TEXT NOT NULL CHECK (event IN ('online','offline','hello'))
  );
  ${shared.BOX_PRESENCE_INDEX}`,
  shared.NOTICE_DRAFTS,
  shared.UNANSWERED_DELIVERIES,
];

/** Applies the migrations not applied yet (up to `upTo` of them: tests build older databases). */
export async function migratePostgres(client: ClientBase, upTo = MIGRATIONS.length): Promise<void> {
  await client.query('SELECT pg_advisory_lock(742001)');
  try {
    await client.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
    const r = await client.query<{ version: number }>('SELECT version FROM schema_version');
    let v = r.rows[0]?.version ?? 0;
    if (r.rows.length === 0) await client.query('INSERT INTO schema_version (version) VALUES (0)');
    for (; v < upTo; v++) {
      await client.query('BEGIN');
      await client.query(MIGRATIONS[v] ?? '');
      await client.query('UPDATE schema_version SET version = $1', [v + 1]);
      await client.query('COMMIT');
    }
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    await client.query('SELECT pg_advisory_unlock(742001)');
  }
}
