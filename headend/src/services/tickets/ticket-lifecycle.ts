import { ticketDeadline } from '../../domain/ticket-deadline';
import { HeadendError, notFound } from '../../errors';
import type { PauseReason, Severity, Ticket, TicketChange } from '../../ports/ticket-store';
import { NO_FOLLOW_UP } from './blank-ticket';
import type { TicketBoxLink } from './ticket-box-link';
import type { TicketBreaches } from './ticket-breaches';
import type { TicketDeps } from './ticket-deps';
import type { TicketFollowUp } from './ticket-follow-up';

const FINISHED = new Set(['resolved', 'closed']);

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

  /** An unfinished ticket, with any breach its clock already made recorded. */
  async open(id: string, actor: string): Promise<Ticket> {
    const t = await this.get(id);
    if (FINISHED.has(t.status)) throw new HeadendError('CONFLICT', `ticket ${id} is ${t.status}`);
    return this.breaches.settle(t, actor);
  }

  async change(
    t: Ticket,
    change: TicketChange,
    actor: string,
    type: string,
    detail: Record<string, unknown>,
    notifyBox = true,
  ): Promise<Ticket> {
    const updated = await this.d.stores.tickets.update(t.id, change, {
      ticketId: t.id,
      atMs: this.d.clock.now(),
      actor,
      type,
      detail,
    });
    if (notifyBox) await this.box.update(updated);
    return updated;
  }

  /** The full time limit of the ticket's kind and severity, counted from `fromMs` (T1, T7). */
  async limitFrom(t: Ticket, severity: Severity, fromMs: number): Promise<number> {
    const zone = await this.d.stores.registry.getZone(t.zoneId);
    return ticketDeadline(t.kind, severity, zone?.type ?? 'urban', fromMs, this.d.calendar);
  }

  /**
   * T6: a reply is a message to the subscriber. With a box it goes to the box as a
   * TICKET_UPDATE the TV shows; without one (a phone complaint) it is the call the agent
   * records. Only a reply counts as the ticket's first reply — not a hand-over or a pause.
   */
  async reply(id: string, message: string, actor: string): Promise<Ticket> {
    const t = await this.get(id);
    const now = this.d.clock.now();
    const noticeId = t.boxId === '' ? '' : await this.box.reply(t, message);
    const first = t.firstReplyAtMs === 0 ? { firstReplyAtMs: now } : {};
    return this.change(
      t,
      first,
      actor,
      'reply',
      { message, channel: t.boxId === '' ? 'phone' : 'box', noticeId },
      false,
    );
  }

  async start(id: string, actor: string): Promise<Ticket> {
    const t = await this.open(id, actor);
    if (t.status === 'paused') throw new HeadendError('CONFLICT', 'the ticket is paused: resume it');
    return this.change(t, { status: 'in_progress' }, actor, 'status', { status: 'in_progress' });
  }

  /**
   * T1: a new severity, with a reason; the deadline is the new severity's limit from when the
   * clock started (never in the past). Once the ticket has a breach, a change of severity is a
   * supervisor's decision (see Approvals): its breach stays whatever the new deadline is.
   */
  async setSeverity(id: string, severity: Severity, reason: string, actor: string): Promise<Ticket> {
    const t = await this.open(id, actor);
    if (t.kind !== 'repair') throw new HeadendError('CONFLICT', 'only repair tickets have a severity');
    if (t.breachCount > 0) {
      throw new HeadendError(
        'APPROVAL_REQUIRED',
        'T8: this ticket has missed a deadline; a new severity needs a supervisor’s approval (POST /api/v1/approvals)',
      );
    }
    return this.applySeverity(t, severity, reason, actor, {});
  }

  async applySeverity(
    t: Ticket,
    severity: Severity,
    reason: string,
    actor: string,
    approval: Record<string, unknown>,
  ): Promise<Ticket> {
    const dueAtMs = Math.max(await this.limitFrom(t, severity, t.clockStartedAtMs), this.d.clock.now());
    const updated = await this.change(t, { severity, severityReason: reason, dueAtMs }, actor, 'severity', {
      from: t.severity,
      to: severity,
      reason,
      dueAtMs,
      ...approval,
    });
    await this.breaches.schedule(updated);
    return updated;
  }

  /**
   * T2/T3: the clock stops for force majeure, or while the ticket waits on the customer (their
   * materials, or a time they can be reached). Waiting on materials names everything missing
   * at once; the box shows the reason and the list.
   */
  async pause(id: string, reason: PauseReason, note: string, missing: readonly string[], actor: string) {
    const t = await this.open(id, actor);
    if (t.status === 'paused') throw new HeadendError('CONFLICT', 'already paused');
    const now = this.d.clock.now();
    const updated = await this.change(
      t,
      { status: 'paused', pausedAtMs: now, pauseReason: reason },
      actor,
      'paused',
      { reason, note, missing },
      false,
    );
    await this.box.update(updated, '', missing);
    return updated;
  }

  /**
   * T2/T3 as worded: the full time limit starts again when the force majeure ends or the
   * customer's materials are complete (修复时限从不可抗力原因消除后开始计算; 补办齐全后开始计算).
   */
  async resume(id: string, actor: string): Promise<Ticket> {
    const t = await this.open(id, actor);
    if (t.status !== 'paused') throw new HeadendError('CONFLICT', 'the ticket is not paused');
    const now = this.d.clock.now();
    const dueAtMs = await this.limitFrom(t, t.severity, now);
    const updated = await this.change(
      t,
      { status: 'in_progress', pausedAtMs: 0, pauseReason: '', clockStartedAtMs: now, dueAtMs },
      actor,
      'resumed',
      { pausedMs: now - t.pausedAtMs, clockStartedAtMs: now, dueAtMs },
    );
    await this.breaches.schedule(updated);
    return updated;
  }

  /** T8: applied only by an approval (see Approvals): a later deadline, with reason, requester and approver. */
  async applyExtension(t: Ticket, newDueAtMs: number, actor: string, approval: Record<string, unknown>) {
    if (newDueAtMs <= t.dueAtMs) throw new HeadendError('VALIDATION', 'an extension must move the deadline later');
    const updated = await this.change(t, { dueAtMs: newDueAtMs, extensions: t.extensions + 1 }, actor, 'extended', {
      from: t.dueAtMs,
      to: newDueAtMs,
      ...approval,
    });
    await this.breaches.schedule(updated);
    return updated;
  }

  /** Z3: hand-over to a new owner; the ticket is never without one. */
  async reassign(id: string, to: string, reason: string, actor: string): Promise<Ticket> {
    const t = await this.open(id, actor);
    if (to.trim() === '') throw new HeadendError('VALIDATION', 'Z3: a ticket must always have an owner');
    return this.change(t, { owner: to }, actor, 'handover', { from: t.owner, to, reason }, false);
  }

  /** Resolved: this resolution gets its own follow-up (T4), also when the ticket was resolved before. */
  async resolve(id: string, resolution: string, actor: string): Promise<Ticket> {
    const t = await this.open(id, actor);
    const now = this.d.clock.now();
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
    );
    await this.followUp.start(updated); // T4
    return updated;
  }

  /** Resolving an incident resolves every linked ticket (each gets its follow-up) and withdraws the outage notice. */
  async resolveIncident(id: string, resolution: string, actor: string): Promise<{ resolvedTickets: number }> {
    const incident = await this.d.stores.tickets.getIncident(id);
    if (incident === undefined) throw notFound('incident', id);
    if (incident.status !== 'open') throw new HeadendError('CONFLICT', `incident ${id} is already resolved`);
    const now = this.d.clock.now();
    await this.d.stores.tickets.updateIncident(id, { status: 'resolved', resolvedAtMs: now });
    const linked = (await this.d.stores.tickets.list({ incidentId: id, limit: 100_000, offset: 0 })).items.filter(
      (t) => !FINISHED.has(t.status),
    );
    for (const t of linked) await this.resolve(t.id, resolution, actor);
    if (incident.noticeId !== '') {
      const n = await this.d.stores.notices.get(incident.noticeId);
      if (n?.status === 'sent') await this.d.notices.cancel(incident.noticeId, 'outage over', actor);
    }
    return { resolvedTickets: linked.length };
  }
}
