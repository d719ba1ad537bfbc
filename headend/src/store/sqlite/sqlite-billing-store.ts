import type Database from 'better-sqlite3';
import type { GroupCommit } from './group-commit';
import { statementCache } from './statement-cache';
import type { BillingStore, Invoice, Payment, Restore, Suspension } from '../../ports/billing-store';
import { allocatePayment } from '../payment-allocation';

const INVOICE = `id, account_id AS accountId, amount_minor AS amountMinor, currency, due_at_ms AS dueAtMs,
  status, paid_at_ms AS paidAtMs, paid_minor AS paidMinor`;
const PAYMENT = `id, account_id AS accountId, amount_minor AS amountMinor, currency, paid_at_ms AS paidAtMs,
  invoice_id AS invoiceId, method`;
const SUSPENSION = `id, account_id AS accountId, warning_notice_id AS warningNoticeId, warned_at_ms AS warnedAtMs,
  suspend_at_ms AS suspendAtMs, state, executed_at_ms AS executedAtMs, suspended_notice_id AS suspendedNoticeId, note,
  amount_minor AS amountMinor, paid_minor AS paidMinor`;
const RESTORE = `id, account_id AS accountId, suspension_id AS suspensionId, paid_at_ms AS paidAtMs,
  deadline_ms AS deadlineMs, restored_at_ms AS restoredAtMs, notice_id AS noticeId`;

const SUSPENSION_COLUMNS: Record<string, string> = {
  state: 'state',
  executedAtMs: 'executed_at_ms',
  suspendedNoticeId: 'suspended_notice_id',
  note: 'note',
  suspendAtMs: 'suspend_at_ms',
  warningNoticeId: 'warning_notice_id',
  warnedAtMs: 'warned_at_ms',
};

export class SqliteBillingStore implements BillingStore {
  private readonly prepare: (sql: string) => Database.Statement;

  constructor(
    db: Database.Database,
    private readonly tx: GroupCommit,
  ) {
    this.prepare = statementCache(db);
  }

  async upsertInvoice(inv: Omit<Invoice, 'status' | 'paidAtMs' | 'paidMinor'>): Promise<void> {
    await this.tx.write(() =>
      this.prepare(
        `INSERT INTO invoices (id, account_id, amount_minor, currency, due_at_ms) VALUES (@id, @accountId, @amountMinor, @currency, @dueAtMs)
         ON CONFLICT(id) DO UPDATE SET amount_minor = excluded.amount_minor, currency = excluded.currency, due_at_ms = excluded.due_at_ms`,
      ).run(inv),
    );
  }

  async getInvoice(id: string): Promise<Invoice | undefined> {
    return this.prepare(`SELECT ${INVOICE} FROM invoices WHERE id = ?`).get(id) as Invoice | undefined;
  }

  async openInvoices(accountId: string): Promise<Invoice[]> {
    return this.prepare(
      `SELECT ${INVOICE} FROM invoices WHERE account_id = ? AND status = 'open' ORDER BY due_at_ms`,
    ).all(accountId) as Invoice[];
  }

  async recordPayment(p: Payment): Promise<{ fresh: boolean; processed: boolean }> {
    return this.tx.write(() => {
      const r = this.prepare(
        `INSERT INTO payments (id, account_id, amount_minor, currency, paid_at_ms, invoice_id, method)
           VALUES (@id, @accountId, @amountMinor, @currency, @paidAtMs, @invoiceId, @method) ON CONFLICT DO NOTHING`,
      ).run(p);
      if (r.changes === 0) {
        const seen = this.prepare('SELECT processed_at_ms AS at FROM payments WHERE id = ?').get(p.id) as
          { at: number } | undefined;
        return { fresh: false, processed: (seen?.at ?? 0) > 0 };
      }
      const open = this.prepare(
        `SELECT ${INVOICE} FROM invoices WHERE account_id = ? AND status = 'open' ORDER BY due_at_ms, id`,
      ).all(p.accountId) as Invoice[];
      const active = this.activeNow(p.accountId);
      const plan = allocatePayment(p, open, active);
      for (const a of plan.invoices) {
        this.prepare(
          `UPDATE invoices SET paid_minor = paid_minor + @add,
             status = CASE WHEN @settled = 1 THEN 'paid' ELSE status END,
             paid_at_ms = CASE WHEN @settled = 1 THEN @at ELSE paid_at_ms END WHERE id = @id`,
        ).run({ id: a.id, add: a.addMinor, settled: a.settled ? 1 : 0, at: p.paidAtMs });
      }
      if (active !== undefined && plan.suspensionAddMinor > 0)
        this.prepare('UPDATE suspensions SET paid_minor = paid_minor + ? WHERE id = ?').run(
          plan.suspensionAddMinor,
          active.id,
        );
      return { fresh: true, processed: false };
    });
  }

  async markPaymentProcessed(id: string, atMs: number): Promise<void> {
    await this.tx.write(() =>
      this.prepare('UPDATE payments SET processed_at_ms = ? WHERE id = ? AND processed_at_ms = 0').run(atMs, id),
    );
  }

  async payments(accountId: string, sinceMs: number): Promise<Payment[]> {
    return this.prepare(
      `SELECT ${PAYMENT} FROM payments WHERE account_id = ? AND paid_at_ms >= ? ORDER BY paid_at_ms DESC`,
    ).all(accountId, sinceMs) as Payment[];
  }

  async insertSuspension(s: Suspension): Promise<boolean> {
    return this.tx.write(
      () =>
        this.prepare(
          `INSERT INTO suspensions (id, account_id, warning_notice_id, warned_at_ms, suspend_at_ms, state, executed_at_ms,
           suspended_notice_id, note, amount_minor, paid_minor)
         VALUES (@id, @accountId, @warningNoticeId, @warnedAtMs, @suspendAtMs, @state, @executedAtMs, @suspendedNoticeId,
           @note, @amountMinor, @paidMinor) ON CONFLICT DO NOTHING`,
        ).run(s).changes === 1,
    );
  }

  async getSuspension(id: string): Promise<Suspension | undefined> {
    return this.prepare(`SELECT ${SUSPENSION} FROM suspensions WHERE id = ?`).get(id) as Suspension | undefined;
  }

  async suspensions(accountId: string): Promise<Suspension[]> {
    return this.prepare(`SELECT ${SUSPENSION} FROM suspensions WHERE account_id = ? ORDER BY warned_at_ms DESC`).all(
      accountId,
    ) as Suspension[];
  }

  async activeSuspension(accountId: string): Promise<Suspension | undefined> {
    return this.activeNow(accountId);
  }

  private activeNow(accountId: string): Suspension | undefined {
    return this.prepare(
      `SELECT ${SUSPENSION} FROM suspensions WHERE account_id = ? AND state IN ('scheduled','executed')
         ORDER BY warned_at_ms DESC LIMIT 1`,
    ).get(accountId) as Suspension | undefined;
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
    const set = entries.map(([k]) => `${SUSPENSION_COLUMNS[k]} = @${k}`).join(', ');
    await this.tx.write(() =>
      this.prepare(`UPDATE suspensions SET ${set} WHERE id = @id`).run({ ...Object.fromEntries(entries), id }),
    );
  }

  async insertRestore(r: Restore): Promise<boolean> {
    return this.tx.write(
      () =>
        this.prepare(
          `INSERT INTO restores (id, account_id, suspension_id, paid_at_ms, deadline_ms, restored_at_ms, notice_id)
           VALUES (@id, @accountId, @suspensionId, @paidAtMs, @deadlineMs, @restoredAtMs, @noticeId) ON CONFLICT DO NOTHING`,
        ).run(r).changes === 1,
    );
  }

  async markRestored(id: string, restoredAtMs: number, noticeId: string): Promise<void> {
    await this.tx.write(() =>
      this.prepare('UPDATE restores SET restored_at_ms = ?, notice_id = ? WHERE id = ?').run(
        restoredAtMs,
        noticeId,
        id,
      ),
    );
  }

  async restores(f: { accountId?: string; unrestoredOnly?: boolean; limit: number }): Promise<Restore[]> {
    return this.prepare(
      `SELECT ${RESTORE} FROM restores WHERE (@account IS NULL OR account_id = @account)
           AND (@unrestored = 0 OR restored_at_ms = 0) ORDER BY paid_at_ms DESC LIMIT @limit`,
    ).all({
      account: f.accountId ?? null,
      unrestored: f.unrestoredOnly === true ? 1 : 0,
      limit: f.limit,
    }) as Restore[];
  }
}
