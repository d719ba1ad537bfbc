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

/**
 * Issue 16, T1/T8/T10 breaches as facts: one row per deadline a ticket missed, written when the
 * SLA clock passed it and never deleted; a later severity change, extension or reopen gives the
 * ticket a new deadline but leaves its breaches. `breach_count` counts them on the ticket.
 * T2/T3: `clock_started_at_ms` is when the running time limit started (opening, or the end of
 * a force-majeure or waiting-on-customer pause: the full limit starts again then).
 * T4 per resolution: `resolutions` numbers each resolution of a ticket (a reopened ticket is
 * resolved again), and each gets its own follow-up; `ticket_resolutions` keeps each one with
 * its outcome, so a reopen never erases the unhappy answer that caused it (Z2 figures).
 */
export const TICKET_BREACHES_AND_RESOLUTIONS = `
  CREATE TABLE ticket_breaches (
    ticket_id TEXT NOT NULL, due_at_ms BIGINT NOT NULL, kind TEXT NOT NULL, zone_id TEXT NOT NULL,
    owner TEXT NOT NULL, recorded_at_ms BIGINT NOT NULL, PRIMARY KEY (ticket_id, due_at_ms)
  );
  CREATE INDEX ticket_breaches_due ON ticket_breaches(due_at_ms);
  INSERT INTO ticket_breaches (ticket_id, due_at_ms, kind, zone_id, owner, recorded_at_ms)
    SELECT id, breached_at_ms, kind, zone_id, owner, breached_at_ms FROM tickets WHERE breached_at_ms > 0;
  ALTER TABLE tickets ADD COLUMN breach_count INTEGER NOT NULL DEFAULT 0;
  UPDATE tickets SET breach_count = 1 WHERE breached_at_ms > 0;
  ALTER TABLE tickets ADD COLUMN resolutions INTEGER NOT NULL DEFAULT 0;
  UPDATE tickets SET resolutions = 1 WHERE resolved_at_ms > 0;
  ALTER TABLE tickets ADD COLUMN clock_started_at_ms BIGINT NOT NULL DEFAULT 0;
  UPDATE tickets SET clock_started_at_ms = opened_at_ms;
  CREATE TABLE ticket_resolutions (
    ticket_id TEXT NOT NULL, resolution INTEGER NOT NULL, zone_id TEXT NOT NULL, kind TEXT NOT NULL,
    owner TEXT NOT NULL, resolved_at_ms BIGINT NOT NULL, due_at_ms BIGINT NOT NULL, breaches INTEGER NOT NULL,
    follow_up TEXT NOT NULL DEFAULT '', follow_up_at_ms BIGINT NOT NULL DEFAULT 0,
    rating INTEGER NOT NULL DEFAULT 0, customer_resolved INTEGER NOT NULL DEFAULT -1,
    PRIMARY KEY (ticket_id, resolution)
  );
  CREATE INDEX ticket_resolutions_resolved ON ticket_resolutions(resolved_at_ms);
  INSERT INTO ticket_resolutions (ticket_id, resolution, zone_id, kind, owner, resolved_at_ms, due_at_ms, breaches,
      follow_up, follow_up_at_ms, rating, customer_resolved)
    SELECT id, resolutions, zone_id, kind, owner, resolved_at_ms, due_at_ms, breach_count,
      follow_up, follow_up_at_ms, rating, customer_resolved FROM tickets WHERE resolved_at_ms > 0;
`;

/**
 * Issue 16, people and approvals: named staff with a staff number and a role (the supervisor
 * approves), tokens issued to a staff member, and approvals — a change that is a supervisor's
 * decision (T8 extension, a severity change after a breach, a hand-made OUTAGE notice) waits
 * here until a different staff member with the supervisor role decides it. The database
 * refuses an approval decided by its own requester, and two pending requests for one subject.
 */
export const STAFF_AND_APPROVALS = `
  CREATE TABLE staff (
    staff_no TEXT PRIMARY KEY, name TEXT NOT NULL, phone TEXT NOT NULL, role TEXT NOT NULL,
    zone_id TEXT NOT NULL, created_at_ms BIGINT NOT NULL, left_at_ms BIGINT NOT NULL DEFAULT 0
  );
  ALTER TABLE api_tokens ADD COLUMN staff_no TEXT NOT NULL DEFAULT '';
  CREATE TABLE approvals (
    id TEXT PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('extension','severity','outage','pause')),
    subject TEXT NOT NULL, request_json TEXT NOT NULL, reason TEXT NOT NULL,
    requested_by TEXT NOT NULL, requested_at_ms BIGINT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending','approved','rejected','failed')),
    decided_by TEXT NOT NULL DEFAULT '', decided_at_ms BIGINT NOT NULL DEFAULT 0,
    note TEXT NOT NULL DEFAULT '', result TEXT NOT NULL DEFAULT '',
    CHECK (decided_by = '' OR decided_by <> requested_by)
  );
  CREATE UNIQUE INDEX approvals_one_pending ON approvals(kind, subject) WHERE status = 'pending';
`;

/**
 * Issue 16, calls taken by staff: T9 keeps a complaint caller's words verbatim and flags major
 * complaints and key customers (急事急办: handled first); T5 records when the call came in (a
 * work order made more than 30 minutes later is a breach). T6: the first reply counts when it
 * reaches the box — `first_reply_notice_id` marks a ticket whose replies are on their way, and
 * `ticket_replies` holds every reply notice: the first any of them the box acknowledges counts.
 */
export const TICKET_CALLS = `
  ALTER TABLE tickets ADD COLUMN caller_words TEXT NOT NULL DEFAULT '';
  ALTER TABLE tickets ADD COLUMN call_received_at_ms BIGINT NOT NULL DEFAULT 0;
  ALTER TABLE tickets ADD COLUMN urgent_handling INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE tickets ADD COLUMN first_reply_notice_id TEXT NOT NULL DEFAULT '';
  CREATE INDEX tickets_reply_on_its_way ON tickets(first_reply_notice_id)
    WHERE first_reply_at_ms = 0 AND first_reply_notice_id <> '';
  CREATE TABLE ticket_replies (
    notice_id TEXT PRIMARY KEY, ticket_id TEXT NOT NULL, sent_at_ms BIGINT NOT NULL
  );
  CREATE INDEX ticket_replies_ticket ON ticket_replies(ticket_id);
`;

/**
 * Issue 19: tickets_fault_open(fault_key, status) duplicates tickets_one_open_per_fault — the
 * only lookup by fault key is of the open ticket — and cost a B-tree write on every ticket
 * insert and status change.
 */
export const REDUNDANT_TICKET_INDEX = `DROP INDEX tickets_fault_open;`;

/**
 * Issue 17: a short number for every ticket (工单号), the one a subscriber reads out on the
 * phone from the TV — `t-mx4kl4us-8781e5` cannot be (l or 1?). Unique, from 100001 up in the
 * order tickets were opened; the internal id stays the key. New numbers: SQLite takes the
 * highest plus one inside the ticket's write (one writer at a time); PostgreSQL has a
 * sequence (pg-migrations.ts).
 */
export const TICKET_NUMBERS = `
  ALTER TABLE tickets ADD COLUMN number BIGINT NOT NULL DEFAULT 0;
  UPDATE tickets SET number = n.num FROM (
    SELECT id, 100000 + ROW_NUMBER() OVER (ORDER BY opened_at_ms, id) AS num FROM tickets
  ) AS n WHERE tickets.id = n.id;
  CREATE UNIQUE INDEX tickets_number ON tickets(number);
`;

/**
 * Issue 18: each box's online history for the console's box page — when it connected to the
 * broker, disconnected, or said hello (the only sign of life an external broker gives). The
 * primary key is engine-specific (see each engine's list); kept for PRESENCE_KEEP_MS.
 */
export const BOX_PRESENCE_INDEX = `
  CREATE INDEX box_presence_by_box ON box_presence(box_id, at_ms);
`;

/** Issue 18: notices an operator is still writing; the send deletes its draft in the same unit of work. */
export const NOTICE_DRAFTS = `
  CREATE TABLE notice_drafts (
    id TEXT PRIMARY KEY, created_by TEXT NOT NULL, created_at_ms BIGINT NOT NULL,
    updated_by TEXT NOT NULL, updated_at_ms BIGINT NOT NULL, content_json TEXT NOT NULL
  );
  CREATE INDEX notice_drafts_by_update ON notice_drafts(updated_at_ms);
`;

/**
 * Issue 21, N2's proof: a delivery its box has not acknowledged is sent to the box again,
 * later and later, until it is (UNANSWERED_RESEND_MS) — a receipt lost on the way (a broker
 * cluster acknowledges an uplink publish before its stream stores it) no longer leaves a
 * delivery "queued" for ever. `resend_at_ms` = 0: no more resends (the box's hello still
 * brings what it missed) — so for deliveries made before this, which may be months old.
 */
export const UNANSWERED_DELIVERIES = `
  ALTER TABLE deliveries ADD COLUMN resends INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE deliveries ADD COLUMN resend_at_ms BIGINT NOT NULL DEFAULT 0;
  CREATE INDEX deliveries_unanswered ON deliveries(resend_at_ms) WHERE state = 'queued';
`;
