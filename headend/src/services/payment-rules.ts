import { newId } from '../domain/ids';
import { notFound } from '../errors';
import type { Payment, Restore, Suspension } from '../ports/billing-store';
import type { StorePorts } from '../ports/store';
import { HOUR } from './billing-deps';
import type { BillingRulesDeps } from './billing-deps';
import { crashPoint } from './crash-points';
import { Outgoing } from './notice-input';

export interface PaymentOutcome {
  readonly payment: Payment;
  readonly duplicate: boolean;
  readonly cancelledSuspension?: string;
  readonly restore?: Restore;
}

/** N3: restore on payment within 24 h. Used by BillingRules, which exposes `paymentReceived`. */
export class PaymentRules {
  constructor(private readonly d: BillingRulesDeps) {}

  private async requireAccount(accountId: string): Promise<void> {
    if ((await this.d.stores.registry.getAccount(accountId)) === undefined) throw notFound('account', accountId);
  }

  /**
   * N3: a payment. Booked once per payment id with the ledger (invoices paid only when
   * covered, the suspension's arrears counted); then, if nothing overdue is left, the
   * suspension is cancelled or service restored. Those consequences are idempotent and the
   * payment is marked processed only after them: a retry of a payment whose processing
   * did not finish (a failed publish, a crash) completes it, a retry of a finished one is a
   * duplicate.
   */
  async paymentReceived(p: Payment, actor: string): Promise<PaymentOutcome> {
    await this.requireAccount(p.accountId);
    const now = this.d.clock.now();
    const out = new Outgoing();
    // One unit of work (issue 15): the payment, its ledger entries, the suspension lifted or
    // restored with its notices (through the outbox) and "processed" commit together — a crash
    // or failure midway leaves the payment unbooked, so the billing system's retry is fresh.
    const outcome = await this.d.stores.transaction(async (tx) => {
      const booked = await tx.billing.recordPayment(p);
      if (!booked.fresh && booked.processed) return { payment: p, duplicate: true };
      if (booked.fresh)
        await tx.audit.append({ atMs: now, actor, action: 'payment.received', subject: p.accountId, detail: { ...p } });
      const settled = await this.settle(tx, p, now, out);
      await tx.billing.markPaymentProcessed(p.id, now);
      return settled;
    });
    crashPoint('payment.committed');
    await this.d.notices.dispatch(out.items, out.prepared);
    return outcome;
  }

  private async settle(tx: StorePorts, p: Payment, now: number, out: Outgoing): Promise<PaymentOutcome> {
    const billing = tx.billing;
    const open = await billing.openInvoices(p.accountId);
    // Reminders of invoices this payment settled stop; a partly paid invoice keeps them.
    if (p.invoiceId !== '' && !open.some((i) => i.id === p.invoiceId))
      await tx.jobs.cancelByKeyPrefix(`fee:${p.invoiceId}:`);
    await this.replaceSettledReminders(tx, p, new Set(open.map((i) => i.id)), out);
    // A restore decided but not completed (before units of work) is completed first.
    const pending = (await billing.restores({ accountId: p.accountId, unrestoredOnly: true, limit: 10 }))[0];
    if (pending !== undefined)
      return { payment: p, duplicate: false, restore: await this.completeRestore(tx, pending, out) };
    if (open.some((i) => i.dueAtMs <= now)) return { payment: p, duplicate: false };
    const s = await billing.activeSuspension(p.accountId);
    if (s === undefined) {
      await tx.registry.setAccountStatus(p.accountId, 'active');
      return { payment: p, duplicate: false };
    }
    // N3: a partial payment that leaves arrears does not lift the suspension.
    if (s.paidMinor < s.amountMinor) return { payment: p, duplicate: false };
    // Cancelled only while still scheduled: if the suspension job executed it meanwhile, the
    // account is restored instead (the guarded transition decides, not the read above).
    if (
      s.state === 'scheduled' &&
      (await billing.updateSuspension(s.id, { state: 'cancelled', note: `paid ${p.id}` }, 'scheduled'))
    ) {
      await tx.jobs.cancelByKeyPrefix(`suspend:${s.id}`);
      await tx.registry.setAccountStatus(p.accountId, 'active');
      const warning = await tx.notices.get(s.warningNoticeId);
      if (warning?.status === 'sent') await this.d.notices.stageCancel(tx, s.warningNoticeId, 'paid', 'system:N3', out);
      // The warning is replaced on every box (same collapse key): a paying subscriber is not told to pay.
      await this.confirm(tx, p, `suspension:${p.accountId}`, true, out);
      return { payment: p, duplicate: false, cancelledSuspension: s.id };
    }
    const current = (await billing.getSuspension(s.id)) ?? s;
    if (current.state !== 'executed' && current.state !== 'lifted') return { payment: p, duplicate: false };
    return { payment: p, duplicate: false, restore: await this.restore(tx, current, p, out) };
  }

  /**
   * Fee reminders (N1) of invoices no longer open are withdrawn — a box that comes online later
   * never receives them — and replaced by a "payment received" confirmation with the same
   * collapse key on the boxes that showed them.
   */
  private async replaceSettledReminders(
    tx: StorePorts,
    p: Payment,
    stillOpen: ReadonlySet<string>,
    out: Outgoing,
  ): Promise<void> {
    const reminders = await tx.notices.list({ limit: 100, offset: 0, kind: 'FEE_DUE', accountId: p.accountId });
    for (const n of reminders.items) {
      const invoiceId = n.collapseKey.startsWith('fee:') ? n.collapseKey.slice(4) : '';
      if (n.status !== 'sent' || invoiceId === '' || stillOpen.has(invoiceId)) continue;
      await this.d.notices.stageCancel(tx, n.id, `paid ${p.id}`, 'system:N1', out);
      await this.confirm(tx, p, n.collapseKey, false, out);
    }
  }

  private async confirm(tx: StorePorts, p: Payment, collapseKey: string, suspensionCancelled: boolean, out: Outgoing) {
    if ((await tx.registry.boxIdsForAccounts([p.accountId])).length === 0) return; // nobody to tell
    const now = this.d.clock.now();
    await this.d.notices.stageInto(
      tx,
      {
        kind: 'ANNOUNCEMENT',
        target: { type: 'accounts', accountIds: [p.accountId] },
        accountId: p.accountId,
        collapseKey,
        display: 'BANNER',
        texts: this.d.texts.paymentReceived(p.amountMinor, p.currency, p.paidAtMs, suspensionCancelled),
        detail: { topic: 'payment-received', effectiveAtMs: now },
        expiresAtMs: now + 30 * 24 * HOUR,
        createdBy: 'system:N3',
      },
      out,
    );
  }

  private async restore(tx: StorePorts, s: Suspension, p: Payment, out: Outgoing): Promise<Restore> {
    const now = this.d.clock.now();
    const r: Restore = {
      id: newId('r', now),
      accountId: s.accountId,
      suspensionId: s.id,
      paidAtMs: p.paidAtMs,
      deadlineMs: p.paidAtMs + this.d.rules.restoreDeadlineHours * HOUR,
      restoredAtMs: 0,
      noticeId: '',
    };
    // One restore per suspension (a unique index): two payments at once restore once.
    const first = await tx.billing.insertRestore(r);
    await tx.billing.updateSuspension(s.id, { state: 'lifted' });
    if (!first) {
      const existing = (await tx.billing.restores({ accountId: s.accountId, limit: 10 })).find(
        (x) => x.suspensionId === s.id,
      );
      return existing ?? r;
    }
    return this.completeRestore(tx, r, out);
  }

  /** Service back and the RESTORED notice to every box of the account; safe to run again. */
  private async completeRestore(tx: StorePorts, r: Restore, out: Outgoing): Promise<Restore> {
    const now = this.d.clock.now();
    await tx.registry.setAccountStatus(r.accountId, 'active');
    await tx.billing.updateSuspension(r.suspensionId, { state: 'lifted' });
    const hasBoxes = (await tx.registry.boxIdsForAccounts([r.accountId])).length > 0;
    if (!hasBoxes) {
      await tx.billing.markRestored(r.id, now, '');
      return { ...r, restoredAtMs: now };
    }
    const notice = await this.d.notices.stageInto(
      tx,
      {
        kind: 'RESTORED',
        target: { type: 'accounts', accountIds: [r.accountId] },
        accountId: r.accountId,
        collapseKey: `suspension:${r.accountId}`,
        texts: this.d.texts.restored(now),
        detail: { restoredAtMs: now, paidAtMs: r.paidAtMs },
        createdBy: 'system:N3',
      },
      out,
    );
    await tx.billing.markRestored(r.id, now, notice.id);
    await tx.audit.append({
      atMs: now,
      actor: 'system:N3',
      action: 'service.restored',
      subject: r.accountId,
      detail: { ...r, restoredAtMs: now },
    });
    return { ...r, restoredAtMs: now, noticeId: notice.id };
  }
}
