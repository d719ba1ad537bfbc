import { newId } from '../domain/ids';
import { HeadendError, notFound } from '../errors';
import type { Invoice, Payment, Suspension } from '../ports/billing-store';
import type { Delivery } from '../ports/notice-store';
import { DAY, HOUR } from './billing-deps';
import type { BillingRulesDeps, OverdueInput } from './billing-deps';
import { crashPoint } from './crash-points';
import { Outgoing } from './notice-input';
import { consumeDraft } from './consume-draft';
import type { PaymentOutcome } from './payment-rules';
import { PaymentRules } from './payment-rules';

/**
 * N1 fee-due reminders, N2 suspension only after 24 h notice to every box, N3 restore on
 * payment within 24 h. Driven by billing events; time-based steps are durable jobs.
 */
export class BillingRules {
  private readonly payments: PaymentRules;
  constructor(private readonly d: BillingRulesDeps) {
    this.payments = new PaymentRules(d);
    d.scheduler.register('fee-reminder', (job) => this.sendFeeReminder(String(job.payload.invoiceId)));
    d.scheduler.register('suspend', (job) => this.executeSuspension(String(job.payload.suspensionId)));
  }

  private refuse(code: 'N2_NOTICE_TOO_SHORT', message: string, details: Record<string, unknown>): HeadendError {
    this.d.metrics.ruleRefusals.inc({ code });
    return new HeadendError(code, message, details);
  }

  private async requireAccount(accountId: string): Promise<void> {
    if ((await this.d.stores.registry.getAccount(accountId)) === undefined) throw notFound('account', accountId);
  }

  /** N1: an invoice is due; schedule its reminders (e.g. 7, 3 and 1 days before). */
  async invoiceDue(
    inv: Omit<Invoice, 'status' | 'paidAtMs' | 'paidMinor'>,
    actor: string,
  ): Promise<{ reminderAtMs: number[] }> {
    await this.requireAccount(inv.accountId);
    const now = this.d.clock.now();
    const times = this.d.rules.feeReminderDaysBefore
      .map((days) => ({ days, at: inv.dueAtMs - days * DAY }))
      .filter((r) => r.at > now);
    // Due sooner than the earliest reminder: remind once, now.
    if (times.length === 0 && inv.dueAtMs > now) times.push({ days: 0, at: now });
    // One unit of work (issue 15): an invoice stored without its reminders would never be reminded of (N1).
    await this.d.stores.transaction(async (tx) => {
      await tx.billing.upsertInvoice(inv);
      for (const t of times) {
        const job = { kind: 'fee-reminder', runAtMs: t.at, payload: { invoiceId: inv.id } };
        await this.d.scheduler.schedule({ ...job, dedupeKey: `fee:${inv.id}:${t.days}` }, tx.jobs);
      }
      await tx.audit.append({ atMs: now, actor, action: 'invoice.due', subject: inv.accountId, detail: { ...inv } });
    });
    return { reminderAtMs: times.map((t) => t.at) };
  }

  private async sendFeeReminder(invoiceId: string): Promise<void> {
    const inv = await this.d.stores.billing.getInvoice(invoiceId);
    if (inv === undefined || inv.status !== 'open') return; // paid meanwhile: nothing to remind
    await this.d.notices
      .send({
        kind: 'FEE_DUE',
        target: { type: 'accounts', accountIds: [inv.accountId] },
        accountId: inv.accountId,
        collapseKey: `fee:${inv.id}`,
        texts: this.d.texts.feeDue(inv.amountMinor, inv.currency, inv.dueAtMs, inv.accountId),
        detail: {
          amountMinor: inv.amountMinor,
          currency: inv.currency,
          dueAtMs: inv.dueAtMs,
          paymentReference: inv.accountId,
        },
        expiresAtMs: Math.max(inv.dueAtMs + DAY, this.d.clock.now() + HOUR),
        createdBy: 'system:N1',
      })
      .catch((err: unknown) => {
        // The send read the account's boxes itself (one read less per job in a billing run).
        if (!(err instanceof HeadendError && err.code === 'TARGET_EMPTY')) throw err;
        this.d.log.warn({ invoiceId, account: inv.accountId }, 'fee reminder: account has no box');
      });
  }

  /** The N2 lead-time check alone, for the console's composer: undefined when allowed, else the refusal. */
  checkSuspension(suspendAtMs: number): HeadendError | undefined {
    const now = this.d.clock.now();
    const minNotice = this.d.rules.suspensionNoticeHours * HOUR;
    if (suspendAtMs >= now + minNotice) return undefined;
    const leadH = Math.max(0, (suspendAtMs - now) / HOUR);
    return new HeadendError(
      'N2_NOTICE_TOO_SHORT',
      `N2: a suspension needs ${this.d.rules.suspensionNoticeHours} h notice; this is ${leadH.toFixed(1)} h`,
      {
        earliestAllowedAtMs: now + minNotice,
        earliestAllowedAt: new Date(now + minNotice).toISOString(),
        leadHours: Number(leadH.toFixed(2)),
      },
    );
  }

  /** N2: the account is overdue. Warn every box now; suspend no sooner than 24 h later. */
  async accountOverdue(input: OverdueInput, actor: string, fromDraft?: string): Promise<Suspension> {
    await this.requireAccount(input.accountId);
    const now = this.d.clock.now();
    const suspendAt = input.suspendAtMs ?? now + this.d.rules.suspensionNoticeHours * HOUR;
    const refusal = this.checkSuspension(suspendAt);
    if (refusal !== undefined) {
      this.d.metrics.ruleRefusals.inc({ code: refusal.code });
      throw refusal;
    }
    const warning = await this.d.notices.prepare({
      kind: 'SUSPENSION_WARNING',
      target: { type: 'accounts', accountIds: [input.accountId] },
      accountId: input.accountId,
      collapseKey: `suspension:${input.accountId}`,
      texts: this.d.texts.suspensionWarning(input.amountMinor, input.currency, suspendAt),
      detail: { amountMinor: input.amountMinor, currency: input.currency, suspendAtMs: suspendAt },
      expiresAtMs: suspendAt + 7 * DAY,
      createdBy: actor,
    });
    const s: Suspension = {
      id: newId('s', now),
      accountId: input.accountId,
      warningNoticeId: warning.record.id,
      warnedAtMs: warning.record.issuedAtMs,
      suspendAtMs: suspendAt,
      state: 'scheduled',
      executedAtMs: 0,
      suspendedNoticeId: '',
      note: `${input.amountMinor} ${input.currency}`,
      amountMinor: input.amountMinor,
      paidMinor: 0,
    };
    // One unit of work (issue 15): the suspension, its warning to every box (through the
    // outbox), the job that executes it, the account's status and the audit entry commit
    // together or not at all. The account's one pending suspension is a unique index: of
    // overdue events handled at once, one inserts it; the others write nothing.
    const claimed = await this.d.stores.transaction(async (tx) => {
      if (!(await tx.billing.insertSuspension(s))) return false;
      await consumeDraft(tx, fromDraft); // issue 18: its draft goes with it
      await this.d.notices.stage(tx, warning);
      await this.d.scheduler.schedule(
        { kind: 'suspend', runAtMs: suspendAt, payload: { suspensionId: s.id }, dedupeKey: `suspend:${s.id}` },
        tx.jobs,
      );
      await tx.registry.setAccountStatus(input.accountId, 'overdue');
      await tx.audit.append({
        atMs: now,
        actor,
        action: 'suspension.scheduled',
        subject: input.accountId,
        detail: { ...s },
      });
      return true;
    });
    if (!claimed) {
      const active = await this.d.stores.billing.activeSuspension(input.accountId);
      throw new HeadendError(
        'CONFLICT',
        `account already has a ${active?.state ?? 'pending'} suspension ${active?.id ?? ''}`,
        { suspensionId: active?.id ?? '' },
      );
    }
    crashPoint('suspension.committed');
    await this.d.notices.dispatch([{ noticeId: warning.record.id, op: 'publish' }], [warning]);
    return s;
  }

  /**
   * N2 check: the warning reached every current box of the account (it was issued to each)
   * and `suspendAtMs` is at least 24 h after it. Returns the earliest lawful time or a reason.
   */
  private async lawfulFrom(s: Suspension): Promise<{ earliestMs: number; unwarnedBoxes: string[] }> {
    const boxes = await this.d.stores.registry.boxIdsForAccounts([s.accountId]);
    const warned = await this.d.stores.notices.deliveriesForBoxes(
      s.warningNoticeId,
      boxes.map((b) => b.id),
    );
    const warnedIds = new Set(warned.map((w) => w.boxId));
    return {
      earliestMs: s.warnedAtMs + this.d.rules.suspensionNoticeHours * HOUR,
      unwarnedBoxes: boxes.filter((b) => !warnedIds.has(b.id)).map((b) => b.id),
    };
  }

  /** Moves a scheduled suspension; refused (N2) when it would come sooner than 24 h after the warning. */
  async rescheduleSuspension(accountId: string, suspendAtMs: number, actor: string): Promise<Suspension> {
    const s = await this.d.stores.billing.activeSuspension(accountId);
    if (s === undefined || s.state !== 'scheduled') throw notFound('scheduled suspension of account', accountId);
    const { earliestMs, unwarnedBoxes } = await this.lawfulFrom(s);
    if (unwarnedBoxes.length > 0) {
      throw this.refuse('N2_NOTICE_TOO_SHORT', 'N2: not every box of the account was warned', { unwarnedBoxes });
    }
    if (suspendAtMs < earliestMs) {
      throw this.refuse(
        'N2_NOTICE_TOO_SHORT',
        `N2: the earliest allowed suspension is ${new Date(earliestMs).toISOString()}`,
        {
          earliestAllowedAtMs: earliestMs,
          earliestAllowedAt: new Date(earliestMs).toISOString(),
        },
      );
    }
    // One unit of work (issue 15): a crash between cancelling the old job and scheduling the new
    // one would leave a suspension that never runs.
    await this.d.stores.transaction(async (tx) => {
      await tx.billing.updateSuspension(s.id, { suspendAtMs });
      await tx.jobs.cancelByKeyPrefix(`suspend:${s.id}`);
      const job = { kind: 'suspend', runAtMs: suspendAtMs, payload: { suspensionId: s.id } };
      await this.d.scheduler.schedule({ ...job, dedupeKey: `suspend:${s.id}:${suspendAtMs}` }, tx.jobs);
      const detail = { id: s.id, suspendAtMs };
      await tx.audit.append({
        atMs: this.d.clock.now(),
        actor,
        action: 'suspension.rescheduled',
        subject: accountId,
        detail,
      });
    });
    return { ...s, suspendAtMs };
  }

  private async executeSuspension(id: string): Promise<void> {
    const s = await this.d.stores.billing.getSuspension(id);
    if (s === undefined || s.state !== 'scheduled') return; // paid or cancelled meanwhile
    const now = this.d.clock.now();
    if (now < s.suspendAtMs) return; // rescheduled later; the later job will run
    const { earliestMs, unwarnedBoxes } = await this.lawfulFrom(s);
    if (unwarnedBoxes.length > 0 || now < earliestMs) {
      // N2 guard at the last moment: a box joined the account after the warning. Do not
      // suspend; record it and leave the decision to an operator (a new overdue event).
      await this.d.stores.billing.updateSuspension(id, {
        state: 'cancelled',
        note: `N2: unwarned boxes ${unwarnedBoxes.join(',')}`,
      });
      this.d.metrics.ruleRefusals.inc({ code: 'N2_NOTICE_TOO_SHORT' });
      this.d.log.warn({ suspension: id, unwarnedBoxes }, 'suspension not executed: N2 notice incomplete');
      return;
    }
    const amount = /^(\d+) (\w+)$/.exec(s.note);
    const out = new Outgoing();
    await this.d.stores.transaction(async (tx) => {
      // Claimed only while still scheduled: a payment that cancelled it meanwhile wins, and
      // nothing of the suspension happens (no status, no notice) — in the database, not by the
      // read above.
      if (!(await tx.billing.updateSuspension(id, { state: 'executed', executedAtMs: now }, 'scheduled'))) return;
      const notice = await this.d.notices.stageInto(
        tx,
        {
          kind: 'SUSPENDED',
          target: { type: 'accounts', accountIds: [s.accountId] },
          accountId: s.accountId,
          collapseKey: `suspension:${s.accountId}`,
          texts: this.d.texts.suspended(Number(amount?.[1] ?? 0), amount?.[2] ?? 'CNY'),
          detail: { suspendedAtMs: now, amountMinor: Number(amount?.[1] ?? 0), currency: amount?.[2] ?? 'CNY' },
          expiresAtMs: now + 30 * DAY,
          createdBy: 'system:N2',
        },
        out,
      );
      await tx.billing.updateSuspension(id, { suspendedNoticeId: notice.id });
      await tx.registry.setAccountStatus(s.accountId, 'suspended');
      await tx.audit.append({
        atMs: now,
        actor: 'system:N2',
        action: 'suspension.executed',
        subject: s.accountId,
        detail: { id },
      });
    });
    await this.d.notices.dispatch(out.items, out.prepared);
  }

  paymentReceived(p: Payment, actor: string): Promise<PaymentOutcome> {
    return this.payments.paymentReceived(p, actor); // N3: see PaymentRules
  }

  /** N2 proof: per box, when the warning was issued, delivered and displayed. */
  async proof(suspensionId: string): Promise<{ suspension: Suspension; boxes: Delivery[] }> {
    const s = await this.d.stores.billing.getSuspension(suspensionId);
    if (s === undefined) throw notFound('suspension', suspensionId);
    const boxes = await this.d.stores.registry.boxIdsForAccounts([s.accountId]);
    const deliveries = await this.d.stores.notices.deliveriesForBoxes(
      s.warningNoticeId,
      boxes.map((b) => b.id),
    );
    return { suspension: s, boxes: deliveries };
  }
}
