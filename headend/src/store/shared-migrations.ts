/**
 * Migrations whose SQL is the same in SQLite and PostgreSQL, included in both lists.
 *
 * Issue 15: one open ticket per box and fault, one open incident per zone — in the database,
 * so concurrent reports (and several headend instances) cannot make two. Duplicates made
 * before this are kept apart (tickets) or resolved as merged into the oldest (incidents) so
 * the indexes can be built.
 */
export const ONE_OPEN_TICKET_AND_INCIDENT = `
  UPDATE tickets SET fault_key = fault_key || ':dup:' || id
    WHERE status NOT IN ('resolved','closed') AND id NOT IN (
      SELECT MIN(id) FROM tickets WHERE status NOT IN ('resolved','closed') GROUP BY fault_key);
  CREATE UNIQUE INDEX tickets_one_open_per_fault ON tickets(fault_key) WHERE status NOT IN ('resolved','closed');
  UPDATE incidents SET status = 'resolved', resolved_at_ms = opened_at_ms
    WHERE status = 'open' AND id NOT IN (SELECT MIN(id) FROM incidents WHERE status = 'open' GROUP BY zone_id);
  CREATE UNIQUE INDEX incidents_one_open_per_zone ON incidents(zone_id) WHERE status = 'open';
`;

/** Issue 14: the one certificate a box may connect with (revocation on re-provisioning). */
export const BOX_CERT_FINGERPRINT = `ALTER TABLE boxes ADD COLUMN cert_fingerprint TEXT NOT NULL DEFAULT '';`;

/**
 * Issue 15, N3 as a ledger: what was paid on each invoice and during each suspension, the
 * suspension's arrears, whether a payment's consequences were completed, one restore per
 * suspension. Payments recorded before this were processed; paid invoices were paid in full.
 */
export const PAYMENT_LEDGER = `
  ALTER TABLE invoices ADD COLUMN paid_minor BIGINT NOT NULL DEFAULT 0;
  UPDATE invoices SET paid_minor = amount_minor WHERE status = 'paid';
  ALTER TABLE suspensions ADD COLUMN amount_minor BIGINT NOT NULL DEFAULT 0;
  ALTER TABLE suspensions ADD COLUMN paid_minor BIGINT NOT NULL DEFAULT 0;
  ALTER TABLE payments ADD COLUMN processed_at_ms BIGINT NOT NULL DEFAULT 0;
  UPDATE payments SET processed_at_ms = paid_at_ms;
  UPDATE restores SET suspension_id = suspension_id || ':dup:' || id
    WHERE id NOT IN (SELECT MIN(id) FROM restores GROUP BY suspension_id);
  CREATE UNIQUE INDEX restores_one_per_suspension ON restores(suspension_id);
`;

/**
 * Issue 14: the serial of each box's current certificate, and the certificates a later
 * provisioning replaced — the CRL handed to external brokers (Mosquitto's crlfile).
 */
export const REVOKED_CERTIFICATES = `
  ALTER TABLE boxes ADD COLUMN cert_serial TEXT NOT NULL DEFAULT '';
  CREATE TABLE revoked_certificates (
    serial TEXT PRIMARY KEY, box_id TEXT NOT NULL, revoked_at_ms BIGINT NOT NULL
  );
`;

/**
 * Issue 15: one pending (scheduled or executed) suspension per account — concurrent overdue
 * events cannot warn twice. Duplicates made before this are cancelled, keeping the newest.
 */
export const ONE_ACTIVE_SUSPENSION = `
  UPDATE suspensions SET state = 'cancelled', note = note || ' (duplicate)'
    WHERE state IN ('scheduled','executed') AND id NOT IN (
      SELECT MAX(id) FROM suspensions WHERE state IN ('scheduled','executed') GROUP BY account_id);
  CREATE UNIQUE INDEX suspensions_one_active_per_account ON suspensions(account_id)
    WHERE state IN ('scheduled','executed');
`;

/**
 * Issue 15: the outbox. A decision and the notices it must publish are committed together;
 * the dispatcher publishes and marks what it sent, so a crash between "decided" and
 * "published" publishes after restart. A notice's own publish state is on its row (see
 * NOTICE_PUBLISH_STATE: no extra row per notice on the hot path); withdrawals are rows here,
 * one per notice at most. `id` is per-engine (see each migration list).
 */
export const OUTBOX_INDEXES = `
  CREATE UNIQUE INDEX outbox_one_per_op ON outbox(notice_id, op);
  CREATE INDEX outbox_unpublished ON outbox(published_at_ms, id);
`;

/**
 * Issue 15: each notice's publish state, the outbox of its first publish: unpublished rows
 * are found through a partial index; `publish_claim_until_ms` is the deciding instance's claim
 * (set at insert), then the sweep's lease. Notices stored before this were published.
 */
export const NOTICE_PUBLISH_STATE = `
  ALTER TABLE notices ADD COLUMN published_at_ms BIGINT NOT NULL DEFAULT 0;
  ALTER TABLE notices ADD COLUMN publish_claim_until_ms BIGINT NOT NULL DEFAULT 0;
  ALTER TABLE notices ADD COLUMN publish_attempts INTEGER NOT NULL DEFAULT 0;
  UPDATE notices SET published_at_ms = issued_at_ms;
  CREATE INDEX notices_unpublished ON notices(issued_at_ms) WHERE published_at_ms = 0;
`;
