import { ticketDeadline } from '../../domain/ticket-deadline';
import { HeadendError, notFound } from '../../errors';
import type { PauseReason, Severity, Ticket, TicketChange } from '../../ports/ticket-store';
import { crashPoint } from '../crash-points';
import { Outgoing } from '../notice-input';
import { NO_FOLLOW_UP } from './blank-ticket';
import type { TicketBoxLink } from './ticket-box-link';
import type { TicketBreaches } from './ticket-breaches';
import { handOverTo } from './ticket-owner';
import { resolveIncident } from './incident-resolution';
import type { ChangeEffects, TicketDeps } from './ticket-deps';
import type { TicketFollowUp } from './ticket-follow-up';

const FINISHED = new Set(['resolved', 'closed']);
/** T2/T3: pauses after which the full time limit starts again (and that a supervisor approves). */
export const RESTARTS: ReadonlySet<string> = new Set(['force-majeure', 'waiting-on-materials']);

/**
 * What maintainers and operators do to a ticket. Every change first records a breach the SLA
 * clock already made (breaches are facts, whatever runs when), then is one atomic update plus
 * an event (the audit trail), and reaches the box as a TICKET_UPDATE.
 */
export class TicketLifecycle {
  constructor(
    private readonly d: TicketDeps,
    private readonly box: TicketBoxLink,
    private readonly breaches: TicketBreaches,
    private readonly followUp: TicketFollowUp,
  ) {}

  async get(id: string): Promise<Ticket> {
    const t = await this.d.stores.tickets.get(id);
    if (t === undefined) throw notFound('ticket', id);
    return t;
  }

  /**
   * An unfinished ticket, with any breach its clock made by `now` recorded (one reading of the
   * clock for the whole change: a resolve straddling the deadline is decided on one instant).
   */
  async open(id: string, actor: string, now = this.d.clock.now()): Promise<Ticket> {
    const t = await this.get(id);
    if (FINISHED.has(t.status)) throw new HeadendError('CONFLICT', `ticket ${id} is ${t.status}`);
    return this.breaches.settle(t, actor, now);
  }

  /** One unit of work (issue 15): the compare-and-set update with its event and its `effects`. */
  async change(
    t: Ticket,
    change: TicketChange,
    actor: string,
    type: string,
    detail: Record<string, unknown>,
    effects: ChangeEffects = {},
  ): Promise<Ticket> {
    const out = new Outgoing();
    const updated = await this.d.stores.transaction(async (tx) => {
      // Compare-and-set on the state decided on: of a pause and a resolve at once, one applies.
      const u = await tx.tickets.updateIf(
        t.id,
        { status: t.status, resolutions: t.resolutions, dueAtMs: t.dueAtMs },
        change,
        { ticketId: t.id, atMs: this.d.clock.now(), actor, type, detail },
      );
      if (u === undefined) return undefined;
      if (effects.breachCheck === true) await this.breaches.schedule(u, tx.jobs);
      if (effects.notify !== false) await this.box.stageUpdate(tx, out, u, { missing: effects.missing ?? [] });
      if (effects.followUp === true) await this.followUp.stage(tx, out, u); // T4
      return u;
    });
    if (updated === undefined) throw new HeadendError('CONFLICT', `ticket ${t.id} changed meanwhile: look at it again`);
    if (effects.followUp === true) crashPoint('ticket.resolved');
    await this.d.notices.dispatch(out.items, out.prepared);
    return updated;
  }

  /** The full time limit of the ticket's kind and severity, counted from `fromMs` (T1, T7). */
  async limitFrom(t: Ticket, severity: Severity, fromMs: number): Promise<number> {
    const zone = await this.d.stores.registry.getZone(t.zoneId);
    return ticketDeadline(t.kind, severity, zone?.type ?? 'urban', fromMs, this.d.calendar);
  }

  /**
   * T6: a reply is a message to the subscriber. With a box it goes to the box as a
   * TICKET_UPDATE the TV shows, and the ticket's first reply is the moment the box
   * acknowledges it (see settleFirstReplies); without one (a phone complaint) it is the call
   * the agent records. Only a reply counts — not a hand-over, a pause or a status change.
   */
  async reply(id: string, message: string, actor: string, channel: 'box' | 'phone' = 'box'): Promise<Ticket> {
    let t = await this.get(id);
    const now = this.d.clock.now();
    const byPhone = channel === 'phone' || t.boxId === '';
    const noticeId = byPhone ? '' : await this.box.reply(t, message);
    if (noticeId !== '') await this.d.stores.tickets.rememberReply(t.id, noticeId, now);
    // The reply is sent: record it, on the ticket as it now is (a concurrent change may have moved it).
    for (let attempt = 1; ; attempt++) {
      const first: TicketChange =
        t.firstReplyAtMs !== 0
          ? {}
          : byPhone
            ? { firstReplyAtMs: now }
            : { firstReplyNoticeId: t.firstReplyNoticeId || noticeId };
      try {
        return await this.change(
          t,
          first,
          actor,
          'reply',
          { message, channel: byPhone ? 'phone' : 'box', noticeId },
          { notify: false },
        );
      } catch (err) {
        if (attempt >= 3 || !(err instanceof HeadendError && err.code === 'CONFLICT')) throw err;
        t = await this.get(id);
      }
    }
  }

  /** T6: first replies the boxes have acknowledged since the last pass (a scheduler sweep). */
  settleFirstReplies(): Promise<number> {
    return this.d.stores.tickets.settleFirstReplies(this.d.clock.now(), 500);
  }

  async start(id: string, actor: string): Promise<Ticket> {
    const t = await this.open(id, actor);
    if (t.status === 'paused') throw new HeadendError('CONFLICT', 'the ticket is paused: resume it');
    return this.change(t, { status: 'in_progress' }, actor, 'status', { status: 'in_progress' });
  }

  /**
   * T1: a new severity, with a reason; the deadline is the new severity's limit from when the
   * clock started (never in the past). A change that moves the deadline later — or any change
   * once the ticket has missed a deadline — is a supervisor's decision (T8, see Approvals): a
   * lower severity must not be an extension by another name, and the breach stays either way.
   */
  async setSeverity(id: string, severity: Severity, reason: string, actor: string): Promise<Ticket> {
    const now = this.d.clock.now();
    const t = await this.open(id, actor, now);
    if (t.kind !== 'repair') throw new HeadendError('CONFLICT', 'only repair tickets have a severity');
    if (t.breachCount > 0 || (await this.severityDue(t, severity, now)) > t.dueAtMs) {
      throw new HeadendError(
        'APPROVAL_REQUIRED',
        'T8: a severity that moves the deadline later, or any change after a breach, needs a supervisor’s approval (POST /api/v1/approvals)',
      );
    }
    return this.applySeverity(t, severity, reason, actor, {});
  }

  /** The deadline a severity gives: its limit from the clock's start, never in the past. */
  async severityDue(t: Ticket, severity: Severity, now: number): Promise<number> {
    return Math.max(await this.limitFrom(t, severity, t.clockStartedAtMs), now);
  }

  async applySeverity(
    t: Ticket,
    severity: Severity,
    reason: string,
    actor: string,
    approval: Record<string, unknown>,
  ): Promise<Ticket> {
    const dueAtMs = await this.severityDue(t, severity, this.d.clock.now());
    return this.change(
      t,
      { severity, severityReason: reason, dueAtMs },
      actor,
      'severity',
      { from: t.severity, to: severity, reason, dueAtMs, ...approval },
      { breachCheck: true },
    );
  }

  /**
   * T3: the customer cannot be reached (or has no time for a visit): the clock stops at once
   * and the time lost does not count (视为按期办结) — resuming adds exactly the paused time.
   * The pauses that restart the full limit (force majeure, T2; the customer's materials, T3)
   * are a supervisor's decision: they go through an approval and `applyPause`.
   */
  async pause(id: string, reason: PauseReason, note: string, actor: string): Promise<Ticket> {
    if (RESTARTS.has(reason)) {
      throw new HeadendError(
        'APPROVAL_REQUIRED',
        `T2/T3: a ${reason} pause restarts the time limit: it needs a supervisor’s approval (POST /api/v1/approvals)`,
      );
    }
    if (note.trim() === '') {
      throw new HeadendError('VALIDATION', 'T3: say how the customer was tried (the note), so the stop can be checked');
    }
    return this.applyPause(await this.open(id, actor), reason, note, [], actor, {});
  }

  /** Stops the clock; the box shows the reason (T2/T3) and, waiting on materials, everything missing in one list. */
  async applyPause(
    t: Ticket,
    reason: PauseReason,
    note: string,
    missing: readonly string[],
    actor: string,
    approval: Record<string, unknown>,
  ): Promise<Ticket> {
    if (t.status === 'paused') throw new HeadendError('CONFLICT', 'already paused');
    if (reason === 'waiting-on-materials' && missing.length === 0) {
      throw new HeadendError('VALIDATION', 'T3: list everything the customer still has to provide, at once (missing)');
    }
    return this.change(
      t,
      { status: 'paused', pausedAtMs: this.d.clock.now(), pauseReason: reason },
      actor,
      'paused',
      { reason, note, missing, ...approval },
      { missing },
    );
  }

  /**
   * T2/T3 as worded: after force majeure or once the customer's materials are complete the
   * full time limit starts again (修复时限从不可抗力原因消除后开始计算; 补办齐全后开始计算); after
   * the customer could not be reached, the deadline moves by exactly the time lost.
   */
  async resume(id: string, actor: string): Promise<Ticket> {
    const now = this.d.clock.now();
    const t = await this.open(id, actor, now);
    if (t.status !== 'paused') throw new HeadendError('CONFLICT', 'the ticket is not paused');
    const pausedMs = now - t.pausedAtMs;
    const restart = RESTARTS.has(t.pauseReason);
    const clockStartedAtMs = restart ? now : t.clockStartedAtMs + pausedMs;
    const dueAtMs = restart ? await this.limitFrom(t, t.severity, now) : t.dueAtMs + pausedMs;
    return this.change(
      t,
      { status: 'in_progress', pausedAtMs: 0, pauseReason: '', clockStartedAtMs, dueAtMs },
      actor,
      'resumed',
      { pausedMs, restarted: restart, clockStartedAtMs, dueAtMs },
      { breachCheck: true },
    );
  }

  /** T8: applied only by an approval (see Approvals): a later deadline, with reason, requester and approver. */
  async applyExtension(t: Ticket, newDueAtMs: number, actor: string, approval: Record<string, unknown>) {
    if (newDueAtMs <= t.dueAtMs) throw new HeadendError('VALIDATION', 'an extension must move the deadline later');
    if (t.status === 'paused')
      throw new HeadendError('CONFLICT', 'the ticket is paused: its limit is set when it resumes');
    return this.change(
      t,
      { dueAtMs: newDueAtMs, extensions: t.extensions + 1 },
      actor,
      'extended',
      { from: t.dueAtMs, to: newDueAtMs, ...approval },
      { breachCheck: true },
    );
  }

  /** Z3: hand-over to a new owner; the ticket is never without one. */
  async reassign(id: string, to: string, reason: string, actor: string): Promise<Ticket> {
    const t = await this.open(id, actor);
    const owner = await handOverTo(this.d.stores, to);
    return this.change(t, { owner }, actor, 'handover', { from: t.owner, to: owner, reason }, { notify: false });
  }

  /** Resolved: this resolution gets its own follow-up (T4), also when the ticket was resolved before. */
  async resolve(id: string, resolution: string, actor: string): Promise<Ticket> {
    const now = this.d.clock.now();
    const t = await this.open(id, actor, now);
    const updated = await this.change(
      t,
      {
        status: 'resolved',
        resolvedAtMs: now,
        resolution,
        resolutions: t.resolutions + 1,
        pausedAtMs: 0,
        pauseReason: '',
        ...NO_FOLLOW_UP,
      },
      actor,
      'resolved',
      { resolution, resolutionNo: t.resolutions + 1, onTime: t.breachCount === 0 },
      { followUp: true },
    );
    return updated;
  }

  /** The outage is over: its tickets resolved (T4 follow-ups), then the incident and its notice (incident-resolution.ts). */
  resolveIncident(id: string, resolution: string, actor: string): Promise<{ resolvedTickets: number }> {
    return resolveIncident(this.d, (ticketId) => this.resolve(ticketId, resolution, actor), id, actor);
  }
}
