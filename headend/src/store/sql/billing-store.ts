import type { Updateable } from 'kysely';
import type { BillingStore, Invoice, Payment, Restore, Suspension } from '../../ports/billing-store';
import { allocatePayment } from '../payment-allocation';
import type { SuspensionsTable } from './schema';
import { affected, atomically } from './sql-context';
import type { SqlContext } from './sql-context';

const INVOICE = [
  'id',
  'account_id as accountId',
  'amount_minor as amountMinor',
  'currency',
  'due_at_ms as dueAtMs',
  'status',
  'paid_at_ms as paidAtMs',
  'paid_minor as paidMinor',
] as const;
const PAYMENT = [
  'id',
  'account_id as accountId',
  'amount_minor as amountMinor',
  'currency',
  'paid_at_ms as paidAtMs',
  'invoice_id as invoiceId',
  'method',
] as const;
const SUSPENSION = [
  'id',
  'account_id as accountId',
  'warning_notice_id as warningNoticeId',
  'warned_at_ms as warnedAtMs',
  'suspend_at_ms as suspendAtMs',
  'state',
  'executed_at_ms as executedAtMs',
  'suspended_notice_id as suspendedNoticeId',
  'note',
  'amount_minor as amountMinor',
  'paid_minor as paidMinor',
] as const;
const RESTORE = [
  'id',
  'account_id as accountId',
  'suspension_id as suspensionId',
  'paid_at_ms as paidAtMs',
  'deadline_ms as deadlineMs',
  'restored_at_ms as restoredAtMs',
  'notice_id as noticeId',
] as const;

type SuspensionChange = Partial<
  Pick<
    Suspension,
    'state' | 'executedAtMs' | 'suspendedNoticeId' | 'note' | 'suspendAtMs' | 'warningNoticeId' | 'warnedAtMs'
  >
>;

export class SqlBillingStore implements BillingStore {
  constructor(private readonly ctx: SqlContext) {}

  async upsertInvoice(inv: Omit<Invoice, 'status' | 'paidAtMs' | 'paidMinor'>): Promise<void> {
    await this.ctx.db
      .insertInto('invoices')
      .values({
        id: inv.id,
        account_id: inv.accountId,
        amount_minor: inv.amountMinor,
        currency: inv.currency,
        due_at_ms: inv.dueAtMs,
      })
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          amount_minor: eb.ref('excluded.amount_minor'),
          currency: eb.ref('excluded.currency'),
          due_at_ms: eb.ref('excluded.due_at_ms'),
        })),
      )
      .execute();
  }

  async getInvoice(id: string): Promise<Invoice | undefined> {
    return this.ctx.db
      .selectFrom('invoices')
      .select(INVOICE)
      .where('id', '=', id)
      .$narrowType<{ status: Invoice['status'] }>()
      .executeTakeFirst();
  }

  async openInvoices(accountId: string): Promise<Invoice[]> {
    return this.ctx.db
      .selectFrom('invoices')
      .select(INVOICE)
      .where('account_id', '=', accountId)
      .where('status', '=', 'open')
      .orderBy('due_at_ms')
      .$narrowType<{ status: Invoice['status'] }>()
      .execute();
  }

  async recordPayment(p: Payment): Promise<{ fresh: boolean; processed: boolean }> {
    // N3: the payment and its booking commit together, once per payment id.
    return atomically(this.ctx, async (db) => {
      const r = await db
        .insertInto('payments')
        .values({
          id: p.id,
          account_id: p.accountId,
          amount_minor: p.amountMinor,
          currency: p.currency,
          paid_at_ms: p.paidAtMs,
          invoice_id: p.invoiceId,
          method: p.method,
        })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      if (affected(r) === 0) {
        const seen = await db
          .selectFrom('payments')
          .select('processed_at_ms')
          .where('id', '=', p.id)
          .executeTakeFirst();
        return { fresh: false, processed: (seen?.processed_at_ms ?? 0) > 0 };
      }
      // Locked on PostgreSQL, so two payments of one account book one after the other
      // (SQLite's transactions run one at a time already).
      const pg = this.ctx.dialect === 'postgres';
      const open = await db
        .selectFrom('invoices')
        .select(INVOICE)
        .where('account_id', '=', p.accountId)
        .where('status', '=', 'open')
        .orderBy('due_at_ms')
        .orderBy('id')
        .$if(pg, (qb) => qb.forUpdate())
        .$narrowType<{ status: Invoice['status'] }>()
        .execute();
      const active = await db
        .selectFrom('suspensions')
        .select(SUSPENSION)
        .where('account_id', '=', p.accountId)
        .where('state', 'in', ['scheduled', 'executed'])
        .orderBy('warned_at_ms', 'desc')
        .limit(1)
        .$if(pg, (qb) => qb.forUpdate())
        .$narrowType<{ state: Suspension['state'] }>()
        .executeTakeFirst();
      const plan = allocatePayment(p, open, active);
      for (const a of plan.invoices) {
        await db
          .updateTable('invoices')
          .set((eb) => ({ paid_minor: eb('paid_minor', '+', a.addMinor) }))
          .$if(a.settled, (qb) => qb.set({ status: 'paid', paid_at_ms: p.paidAtMs }))
          .where('id', '=', a.id)
          .execute();
      }
      if (active !== undefined && plan.suspensionAddMinor > 0) {
        await db
          .updateTable('suspensions')
          .set((eb) => ({ paid_minor: eb('paid_minor', '+', plan.suspensionAddMinor) }))
          .where('id', '=', active.id)
          .execute();
      }
      return { fresh: true, processed: false };
    });
  }

  async markPaymentProcessed(id: string, atMs: number): Promise<void> {
    await this.ctx.db
      .updateTable('payments')
      .set({ processed_at_ms: atMs })
      .where('id', '=', id)
      .where('processed_at_ms', '=', 0)
      .execute();
  }

  async payments(accountId: string, sinceMs: number): Promise<Payment[]> {
    return this.ctx.db
      .selectFrom('payments')
      .select(PAYMENT)
      .where('account_id', '=', accountId)
      .where('paid_at_ms', '>=', sinceMs)
      .orderBy('paid_at_ms', 'desc')
      .execute();
  }

  async insertSuspension(s: Suspension): Promise<boolean> {
    // The unique index on an account's active suspension turns a second one into "nothing written".
    const r = await this.ctx.db
      .insertInto('suspensions')
      .values({
        id: s.id,
        account_id: s.accountId,
        warning_notice_id: s.warningNoticeId,
        warned_at_ms: s.warnedAtMs,
        suspend_at_ms: s.suspendAtMs,
        state: s.state,
        executed_at_ms: s.executedAtMs,
        suspended_notice_id: s.suspendedNoticeId,
        note: s.note,
        amount_minor: s.amountMinor,
        paid_minor: s.paidMinor,
      })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    return affected(r) === 1;
  }

  async getSuspension(id: string): Promise<Suspension | undefined> {
    return this.ctx.db
      .selectFrom('suspensions')
      .select(SUSPENSION)
      .where('id', '=', id)
      .$narrowType<{ state: Suspension['state'] }>()
      .executeTakeFirst();
  }

  async suspensions(accountId: string): Promise<Suspension[]> {
    return this.ctx.db
      .selectFrom('suspensions')
      .select(SUSPENSION)
      .where('account_id', '=', accountId)
      .orderBy('warned_at_ms', 'desc')
      .$narrowType<{ state: Suspension['state'] }>()
      .execute();
  }

  async activeSuspension(accountId: string): Promise<Suspension | undefined> {
    return this.ctx.db
      .selectFrom('suspensions')
      .select(SUSPENSION)
      .where('account_id', '=', accountId)
      .where('state', 'in', ['scheduled', 'executed'])
      .orderBy('warned_at_ms', 'desc')
      .limit(1)
      .$narrowType<{ state: Suspension['state'] }>()
      .executeTakeFirst();
  }

  async updateSuspension(id: string, change: SuspensionChange, onlyIf?: Suspension['state']): Promise<boolean> {
    // Only the fields given (Kysely leaves undefined values out of SET).
    const set: Updateable<SuspensionsTable> = {
      state: change.state,
      executed_at_ms: change.executedAtMs,
      suspended_notice_id: change.suspendedNoticeId,
      note: change.note,
      suspend_at_ms: change.suspendAtMs,
      warning_notice_id: change.warningNoticeId,
      warned_at_ms: change.warnedAtMs,
    };
    if (Object.values(set).every((v) => v === undefined)) return false;
    const r = await this.ctx.db
      .updateTable('suspensions')
      .set(set)
      .where('id', '=', id)
      .$if(onlyIf !== undefined, (q) => q.where('state', '=', onlyIf ?? ''))
      .executeTakeFirst();
    return affected(r) > 0;
  }

  async insertRestore(r: Restore): Promise<boolean> {
    // One restore per suspension (a unique index): a second one is "nothing written".
    const res = await this.ctx.db
      .insertInto('restores')
      .values({
        id: r.id,
        account_id: r.accountId,
        suspension_id: r.suspensionId,
        paid_at_ms: r.paidAtMs,
        deadline_ms: r.deadlineMs,
        restored_at_ms: r.restoredAtMs,
        notice_id: r.noticeId,
      })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    return affected(res) === 1;
  }

  async markRestored(id: string, restoredAtMs: number, noticeId: string): Promise<void> {
    await this.ctx.db
      .updateTable('restores')
      .set({ restored_at_ms: restoredAtMs, notice_id: noticeId })
      .where('id', '=', id)
      .execute();
  }

  async restores(f: { accountId?: string; unrestoredOnly?: boolean; limit: number }): Promise<Restore[]> {
    let q = this.ctx.db.selectFrom('restores').select(RESTORE);
    if (f.accountId !== undefined) q = q.where('account_id', '=', f.accountId);
    if (f.unrestoredOnly === true) q = q.where('restored_at_ms', '=', 0);
    return q.orderBy('paid_at_ms', 'desc').limit(f.limit).execute();
  }
}
