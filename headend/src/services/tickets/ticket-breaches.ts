import type { JobStore, NewJob } from '../../ports/job-store';
import type { Ticket } from '../../ports/ticket-store';
import { HOUR } from './ticket-deps';
import type { TicketDeps } from './ticket-deps';

const FINISHED = new Set(['resolved', 'closed']);

/**
 * T1/T8/T10 — breaches are facts. A deadline is missed the moment the running SLA clock
 * passes it (a ticket due at 10:00 resolved at 10:00 is on time, at 10:00:00.001 late),
 * whatever runs when: the breach job at the deadline, or any change to the ticket before the
 * job got to it (a pause, a resolve, a new severity) records it first, at the deadline. A
 * breach is a row per missed deadline, never cleared by a later severity change, extension or
 * reopen, and it goes on the zone supervisor's escalation list (T10).
 */
export class TicketBreaches {
  constructor(private readonly d: TicketDeps) {
    d.scheduler.register('ticket-breach-check', async (job) => {
      const t = await d.stores.tickets.get(String(job.payload.ticketId));
      if (t === undefined) return;
      const now = d.clock.now();
      await this.settle(t, 'system:sla', now);
      // A check that ran at the deadline itself (scheduled before breaches were decided strictly
      // after it): look again just after it.
      if (!FINISHED.has(t.status) && t.status !== 'paused' && now <= t.dueAtMs) {
        await d.scheduler.schedule({
          kind: 'ticket-breach-check',
          runAtMs: t.dueAtMs + 1,
          payload: { ticketId: t.id },
          dedupeKey: `breach:${t.id}:${t.dueAtMs}:after`,
        });
      }
    });
  }

  /** Schedules the check just after the ticket's current deadline; `via`: the unit of work's jobs. */
  async schedule(t: Ticket, via?: JobStore): Promise<void> {
    await this.d.scheduler.schedule(this.checkJob(t), via);
  }

  /** T1/T8: the job that checks the ticket's current deadline once it has passed. */
  checkJob(t: Ticket): NewJob {
    return {
      kind: 'ticket-breach-check',
      runAtMs: t.dueAtMs + 1,
      payload: { ticketId: t.id },
      dedupeKey: `breach:${t.id}:${t.dueAtMs}`,
    };
  }

  /**
   * Records the breach of the ticket's current deadline if its clock passed it: until now, or
   * until the pause that stopped it. Returns the ticket as it now stands.
   */
  async settle(t: Ticket, actor: string, now = this.d.clock.now()): Promise<Ticket> {
    if (FINISHED.has(t.status)) return t;
    const clockStoppedAt = t.status === 'paused' ? t.pausedAtMs : now;
    if (clockStoppedAt <= t.dueAtMs) return t;
    const breached = await this.d.stores.tickets.recordBreach(t.id, t.dueAtMs, {
      ticketId: t.id,
      atMs: this.d.clock.now(),
      actor,
      type: 'breached',
      detail: { dueAtMs: t.dueAtMs, owner: t.owner, escalatedTo: `zone:${t.zoneId}:supervisor` },
    });
    if (breached === undefined) return (await this.d.stores.tickets.get(t.id)) ?? t; // recorded by a racing change
    this.d.metrics.ticketBreaches.inc({ kind: t.kind });
    this.d.log.warn({ ticket: t.id, owner: t.owner, zone: t.zoneId }, 'ticket deadline breached: escalated');
    return breached;
  }

  /**
   * T10: unfinished tickets breached, due within the escalation lead time, or with their clock
   * stopped (a pause is a claim the supervisor should see), urgent ones first.
   */
  async escalations(zoneId: string | undefined, limit: number): Promise<Array<Ticket & { escalation: string }>> {
    const now = this.d.clock.now();
    const due = await this.d.stores.tickets.escalations(now + this.d.cfg.escalateBeforeHours * HOUR, zoneId, limit);
    return due.map((t) => ({
      ...t,
      escalation:
        t.breachCount > 0 || (t.status !== 'paused' && now > t.dueAtMs)
          ? 'breached'
          : t.status === 'paused'
            ? 'paused'
            : 'due-soon',
    }));
  }
}
