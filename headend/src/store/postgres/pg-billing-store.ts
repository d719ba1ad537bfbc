import type { BillingStore, Invoice, Payment, Restore, Suspension } from '../../ports/billing-store';
import { allocatePayment } from '../payment-allocation';
import type { PgDb } from './pg-db';

const INVOICE = `id, account_id AS "accountId", amount_minor AS "amountMinor", currency, due_at_ms AS "dueAtMs", status, paid_at_ms AS "paidAtMs", paid_minor AS "paidMinor"`;
const PAYMENT = `id, account_id AS "accountId", amount_minor AS "amountMinor", currency, paid_at_ms AS "paidAtMs", invoice_id AS "invoiceId", method`;
const SUSPENSION = `id, account_id AS "accountId", warning_notice_id AS "warningNoticeId", warned_at_ms AS "warnedAtMs",
  suspend_at_ms AS "suspendAtMs", state, executed_at_ms AS "executedAtMs", suspended_notice_id AS "suspendedNoticeId", note,
  amount_minor AS "amountMinor", paid_minor AS "paidMinor"`;
const RESTORE = `id, account_id AS "accountId", suspension_id AS "suspensionId", paid_at_ms AS "paidAtMs", deadline_ms AS "deadlineMs",
  restored_at_ms AS "restoredAtMs", notice_id AS "noticeId"`;
const SUSPENSION_COLUMNS: Record<string, string> = {
  state: 'state',
  executedAtMs: 'executed_at_ms',
  suspendedNoticeId: 'suspended_notice_id',
  note: 'note',
  suspendAtMs: 'suspend_at_ms',
  warningNoticeId: 'warning_notice_id',
  warnedAtMs: 'warned_at_ms',
};

export class PgBillingStore implements BillingStore {
  constructor(private readonly db: PgDb) {}

  async upsertInvoice(i: Omit<Invoice, 'status' | 'paidAtMs' | 'paidMinor'>): Promise<void> {
    await this.db.run(
      `INSERT INTO invoices (id, account_id, amount_minor, currency, due_at_ms) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET amount_minor = EXCLUDED.amount_minor, currency = EXCLUDED.currency, due_at_ms = EXCLUDED.due_at_ms`,
      [i.id, i.accountId, i.amountMinor, i.currency, i.dueAtMs],
    );
  }

  getInvoice(id: string): Promise<Invoice | undefined> {
    return this.db.one<Invoice>(`SELECT ${INVOICE} FROM invoices WHERE id = $1`, [id]);
  }

  openInvoices(accountId: string): Promise<Invoice[]> {
    return this.db.rows<Invoice>(
      `SELECT ${INVOICE} FROM invoices WHERE account_id = $1 AND status = 'open' ORDER BY due_at_ms`,
      [accountId],
    );
  }

  recordPayment(p: Payment): Promise<{ fresh: boolean; processed: boolean }> {
    return this.db.tx(async (c) => {
      const r = await c.query(
        'INSERT INTO payments (id, account_id, amount_minor, currency, paid_at_ms, invoice_id, method) VALUES ($1,$2,$3,$4,$5,$6,$7) ON CONFLICT DO NOTHING',
        [p.id, p.accountId, p.amountMinor, p.currency, p.paidAtMs, p.invoiceId, p.method],
      );
      if ((r.rowCount ?? 0) === 0) {
        const seen = await c.query<{ at: number }>('SELECT processed_at_ms AS at FROM payments WHERE id = $1', [p.id]);
        return { fresh: false, processed: Number(seen.rows[0]?.at ?? 0) > 0 };
      }
      // Locked, so two payments of one account book one after the other.
      const open = (
        await c.query<Invoice>(
          `SELECT ${INVOICE} FROM invoices WHERE account_id = $1 AND status = 'open' ORDER BY due_at_ms, id FOR UPDATE`,
          [p.accountId],
        )
      ).rows;
      const active = (
        await c.query<Suspension>(
          `SELECT ${SUSPENSION} FROM suspensions WHERE account_id = $1 AND state IN ('scheduled','executed')
             ORDER BY warned_at_ms DESC LIMIT 1 FOR UPDATE`,
          [p.accountId],
        )
      ).rows[0];
      const plan = allocatePayment(p, open, active);
      for (const a of plan.invoices) {
        await c.query(
          `UPDATE invoices SET paid_minor = paid_minor + $2,
             status = CASE WHEN $3 THEN 'paid' ELSE status END,
             paid_at_ms = CASE WHEN $3 THEN $4 ELSE paid_at_ms END WHERE id = $1`,
          [a.id, a.addMinor, a.settled, p.paidAtMs],
        );
      }
      if (active !== undefined && plan.suspensionAddMinor > 0)
        await c.query('UPDATE suspensions SET paid_minor = paid_minor + $2 WHERE id = $1', [
          active.id,
          plan.suspensionAddMinor,
        ]);
      return { fresh: true, processed: false };
    });
  }

  async markPaymentProcessed(id: string, atMs: number): Promise<void> {
    await this.db.run('UPDATE payments SET processed_at_ms = $2 WHERE id = $1 AND processed_at_ms = 0', [id, atMs]);
  }

  payments(accountId: string, sinceMs: number): Promise<Payment[]> {
    return this.db.rows<Payment>(
      `SELECT ${PAYMENT} FROM payments WHERE account_id = $1 AND paid_at_ms >= $2 ORDER BY paid_at_ms DESC`,
      [accountId, sinceMs],
    );
  }

  async insertSuspension(s: Suspension): Promise<boolean> {
    const inserted = await this.db.run(
      `INSERT INTO suspensions (id, account_id, warning_notice_id, warned_at_ms, suspend_at_ms, state, executed_at_ms,
         suspended_notice_id, note, amount_minor, paid_minor)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) ON CONFLICT DO NOTHING`,
      [
        s.id,
        s.accountId,
        s.warningNoticeId,
        s.warnedAtMs,
        s.suspendAtMs,
        s.state,
        s.executedAtMs,
        s.suspendedNoticeId,
        s.note,
        s.amountMinor,
        s.paidMinor,
      ],
    );
    return inserted === 1;
  }

  getSuspension(id: string): Promise<Suspension | undefined> {
    return this.db.one<Suspension>(`SELECT ${SUSPENSION} FROM suspensions WHERE id = $1`, [id]);
  }

  suspensions(accountId: string): Promise<Suspension[]> {
    return this.db.rows<Suspension>(
      `SELECT ${SUSPENSION} FROM suspensions WHERE account_id = $1 ORDER BY warned_at_ms DESC`,
      [accountId],
    );
  }

  activeSuspension(accountId: string): Promise<Suspension | undefined> {
    return this.db.one<Suspension>(
      `SELECT ${SUSPENSION} FROM suspensions WHERE account_id = $1 AND state IN ('scheduled','executed') ORDER BY warned_at_ms DESC LIMIT 1`,
      [accountId],
    );
  }

  async updateSuspension(
    id: string,
    change: Partial<
      Pick<
        Suspension,
        'state' | 'executedAtMs' | 'suspendedNoticeId' | 'note' | 'suspendAtMs' | 'warningNoticeId' | 'warnedAtMs'
      >
    >,
  ): Promise<void> {
    const entries = Object.entries(change).filter(([k]) => SUSPENSION_COLUMNS[k] !== undefined);
    if (entries.length === 0) return;
    const set = entries.map(([k], i) => `${SUSPENSION_COLUMNS[k]} = $${i + 2}`).join(', ');
    await this.db.run(`UPDATE suspensions SET ${set} WHERE id = $1`, [id, ...entries.map(([, v]) => v)]);
  }

  async insertRestore(r: Restore): Promise<boolean> {
    return (
      (await this.db.run(
        'INSERT INTO restores (id, account_id, suspension_id, paid_at_ms, deadline_ms, restored_at_ms, notice_id) VALUES ($1,$2,$3,$4,$5,$6,$7) ON CONFLICT DO NOTHING',
        [r.id, r.accountId, r.suspensionId, r.paidAtMs, r.deadlineMs, r.restoredAtMs, r.noticeId],
      )) === 1
    );
  }

  async markRestored(id: string, restoredAtMs: number, noticeId: string): Promise<void> {
    await this.db.run('UPDATE restores SET restored_at_ms = $1, notice_id = $2 WHERE id = $3', [
      restoredAtMs,
      noticeId,
      id,
    ]);
  }

  restores(f: { accountId?: string; unrestoredOnly?: boolean; limit: number }): Promise<Restore[]> {
    return this.db.rows<Restore>(
      `SELECT ${RESTORE} FROM restores WHERE ($1::text IS NULL OR account_id = $1) AND ($2::int = 0 OR restored_at_ms = 0) ORDER BY paid_at_ms DESC LIMIT $3`,
      [f.accountId ?? null, f.unrestoredOnly === true ? 1 : 0, f.limit],
    );
  }
}
