import { REPAIR_HOURS } from '../../domain/ticket-deadline';
import { HeadendError, notFound } from '../../errors';
import type { PauseReason, Severity, Ticket, TicketChange } from '../../ports/ticket-store';
import type { TicketBoxLink } from './ticket-box-link';
import { HOUR } from './ticket-deps';
import type { TicketDeps } from './ticket-deps';
import type { TicketFollowUp } from './ticket-follow-up';
import type { TicketIntake } from './ticket-intake';

const FINISHED = new Set(['resolved', 'closed']);

/**
 * What maintainers and operators do to a ticket. Every change is one atomic update plus an
 * event (the audit trail), and reaches the box as a TICKET_UPDATE.
 */
export class TicketLifecycle {
  constructor(
    private readonly d: TicketDeps,
    private readonly box: TicketBoxLink,
    private readonly intake: TicketIntake,
    private readonly followUp: TicketFollowUp,
  ) {
    d.scheduler.register('ticket-breach-check', (job) => this.checkBreach(String(job.payload.ticketId)));
  }

  async get(id: string): Promise<Ticket> {
    const t = await this.d.stores.tickets.get(id);
    if (t === undefined) throw notFound('ticket', id);
    return t;
  }

  private async open(id: string): Promise<Ticket> {
    const t = await this.get(id);
    if (FINISHED.has(t.status)) throw new HeadendError('CONFLICT', `ticket ${id} is ${t.status}`);
    return t;
  }

  /** T6: the first human answer counts as the reply. */
  private firstReply(t: Ticket, now: number): TicketChange {
    return t.firstReplyAtMs === 0 ? { firstReplyAtMs: now } : {};
  }

  private async change(
    t: Ticket,
    change: TicketChange,
    actor: string,
    type: string,
    detail: Record<string, unknown>,
    notifyBox = true,
  ): Promise<Ticket> {
    const now = this.d.clock.now();
    const updated = await this.d.stores.tickets.update(t.id, change, {
      ticketId: t.id,
      atMs: now,
      actor,
      type,
      detail,
    });
    if (notifyBox) await this.box.update(updated);
    return updated;
  }

  async reply(id: string, message: string, actor: string): Promise<Ticket> {
    const t = await this.get(id);
    return this.change(t, this.firstReply(t, this.d.clock.now()), actor, 'reply', { message }, false);
  }

  async start(id: string, actor: string): Promise<Ticket> {
    const t = await this.open(id);
    if (t.status === 'paused') throw new HeadendError('CONFLICT', 'the ticket is paused: resume it');
    return this.change(t, { status: 'in_progress', ...this.firstReply(t, this.d.clock.now()) }, actor, 'status', {
      status: 'in_progress',
    });
  }

  /** T1: a maintainer may change the severity, with a reason; the deadline follows from the opening time. */
  async setSeverity(id: string, severity: Severity, reason: string, actor: string): Promise<Ticket> {
    const t = await this.open(id);
    if (t.kind !== 'repair') throw new HeadendError('CONFLICT', 'only repair tickets have a severity');
    const pausedMs = t.dueAtMs - (t.openedAtMs + REPAIR_HOURS[t.severity] * HOUR); // time added by pauses and extensions
    const dueAtMs = t.openedAtMs + REPAIR_HOURS[severity] * HOUR + pausedMs;
    const updated = await this.change(
      t,
      { severity, severityReason: reason, dueAtMs, breachedAtMs: 0 },
      actor,
      'severity',
      { from: t.severity, to: severity, reason },
    );
    await this.intake.scheduleBreachCheck(updated);
    return updated;
  }

  /** T2/T3: the clock stops for force majeure or while the customer cannot be reached. */
  async pause(id: string, reason: PauseReason, note: string, actor: string): Promise<Ticket> {
    const t = await this.open(id);
    if (t.status === 'paused') throw new HeadendError('CONFLICT', 'already paused');
    const now = this.d.clock.now();
    return this.change(
      t,
      { status: 'paused', pausedAtMs: now, pauseReason: reason, ...this.firstReply(t, now) },
      actor,
      'paused',
      { reason, note },
    );
  }

  /** The deadline moves by exactly the paused time. */
  async resume(id: string, actor: string): Promise<Ticket> {
    const t = await this.open(id);
    if (t.status !== 'paused') throw new HeadendError('CONFLICT', 'the ticket is not paused');
    const now = this.d.clock.now();
    const pausedMs = now - t.pausedAtMs;
    const updated = await this.change(
      t,
      { status: 'in_progress', pausedAtMs: 0, pauseReason: '', dueAtMs: t.dueAtMs + pausedMs },
      actor,
      'resumed',
      { pausedMs },
    );
    await this.intake.scheduleBreachCheck(updated);
    return updated;
  }

  /** T8: a later deadline only with a reason and an approver, both recorded. */
  async extend(id: string, newDueAtMs: number, reason: string, approver: string, actor: string): Promise<Ticket> {
    const t = await this.open(id);
    if (reason.trim() === '' || approver.trim() === '')
      throw new HeadendError('VALIDATION', 'T8: an extension needs a reason and an approver');
    if (approver === actor || `${approver}` === actor.replace(/^[^:]+:/, '')) {
      throw new HeadendError('FORBIDDEN', 'T8: the approver must be someone other than the requester');
    }
    if (newDueAtMs <= t.dueAtMs) throw new HeadendError('VALIDATION', 'an extension must move the deadline later');
    const updated = await this.change(t, { dueAtMs: newDueAtMs, extensions: t.extensions + 1 }, actor, 'extended', {
      from: t.dueAtMs,
      to: newDueAtMs,
      reason,
      approver,
    });
    await this.intake.scheduleBreachCheck(updated);
    return updated;
  }

  /** Z3: hand-over to a new owner; the ticket is never without one. */
  async reassign(id: string, to: string, reason: string, actor: string): Promise<Ticket> {
    const t = await this.open(id);
    if (to.trim() === '') throw new HeadendError('VALIDATION', 'Z3: a ticket must always have an owner');
    return this.change(
      t,
      { owner: to, ...this.firstReply(t, this.d.clock.now()) },
      actor,
      'handover',
      { from: t.owner, to, reason },
      false,
    );
  }

  async resolve(id: string, resolution: string, actor: string): Promise<Ticket> {
    const t = await this.open(id);
    const now = this.d.clock.now();
    const late = t.status !== 'paused' && now > t.dueAtMs && t.breachedAtMs === 0 ? { breachedAtMs: t.dueAtMs } : {};
    const updated = await this.change(
      t,
      {
        status: 'resolved',
        resolvedAtMs: now,
        resolution,
        pausedAtMs: 0,
        pauseReason: '',
        ...late,
        ...this.firstReply(t, now),
      },
      actor,
      'resolved',
      { resolution },
    );
    await this.followUp.start(updated); // T4
    return updated;
  }

  /** Runs at the deadline: a ticket still open and not paused is breached and escalated. */
  private async checkBreach(id: string): Promise<void> {
    const t = await this.d.stores.tickets.get(id);
    const now = this.d.clock.now();
    if (t === undefined || FINISHED.has(t.status) || t.status === 'paused' || t.breachedAtMs !== 0 || now < t.dueAtMs)
      return;
    await this.d.stores.tickets.update(
      id,
      { breachedAtMs: t.dueAtMs },
      {
        ticketId: id,
        atMs: now,
        actor: 'system:sla',
        type: 'breached',
        detail: { dueAtMs: t.dueAtMs, owner: t.owner, escalatedTo: `zone:${t.zoneId}:supervisor` },
      },
    );
    this.d.metrics.ticketBreaches.inc({ kind: t.kind });
    this.d.log.warn({ ticket: id, owner: t.owner, zone: t.zoneId }, 'ticket deadline breached: escalated');
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
