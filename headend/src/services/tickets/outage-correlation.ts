import { newId } from '../../domain/ids';
import type { Incident, Ticket, TicketEvent } from '../../ports/ticket-store';
import { Outgoing } from '../notice-input';
import { HOUR } from './ticket-deps';
import type { TicketDeps } from './ticket-deps';

/** Signal faults of many boxes in one zone become one outage incident (used by TicketIntake). */
export class OutageCorrelation {
  constructor(private readonly d: TicketDeps) {}

  /**
   * Opens an incident when enough distinct boxes of the zone reported signal faults within
   * the window. The zone's one open incident is a unique index: the report that inserts it
   * sends the OUTAGE notice and links the zone's open signal tickets; a report that loses
   * the race (or comes just after) links its own ticket to the incident instead.
   */
  async correlate(zoneId: string, boxId: string, ticket: Ticket, now: number): Promise<void> {
    const t = this.d.stores.tickets;
    await t.recordSignalReport(zoneId, boxId, now);
    let incident = await t.openIncidentForZone(zoneId);
    if (incident === undefined) {
      const since = now - this.d.cfg.correlation.windowMinutes * 60_000;
      if ((await t.distinctSignalBoxes(zoneId, since)) < this.d.cfg.correlation.minBoxes) return;
      const fresh: Incident = {
        id: newId('inc', now),
        zoneId,
        status: 'open',
        openedAtMs: now,
        etaMs: now + this.d.cfg.defaultOutageEtaHours * HOUR,
        resolvedAtMs: 0,
        noticeId: '',
        reportCount: 0,
      };
      // The incident and its OUTAGE notice commit together (a crash between them would leave
      // an incident the zone was never told of); the notice is published after the commit.
      const out = new Outgoing();
      const opened = await this.d.stores.transaction(async (tx) => {
        if (!(await tx.tickets.insertIncident(fresh))) return false;
        const notice = await this.d.notices.stageInto(
          tx,
          this.d.maintenance.outageNotice(
            { zoneIds: [zoneId], etaMs: fresh.etaMs, incidentId: fresh.id },
            'system:correlation',
          ),
          out,
        );
        await tx.tickets.updateIncident(fresh.id, { noticeId: notice.id });
        return true;
      });
      if (opened) {
        await this.d.notices.dispatch(out.items, out.prepared);
        await this.announce(fresh, now);
        return;
      }
      incident = await t.openIncidentForZone(zoneId);
      if (incident === undefined) return;
    }
    if (ticket.incidentId === '')
      await t.linkIncident(ticket.id, incident.id, this.incidentEvent(ticket.id, incident.id, now));
  }

  private incidentEvent(ticketId: string, incidentId: string, now: number): TicketEvent {
    return { ticketId, atMs: now, actor: 'system:correlation', type: 'incident', detail: { incidentId } };
  }

  /** The zone's open signal tickets linked to the new incident. */
  private async announce(incident: Incident, now: number): Promise<void> {
    const t = this.d.stores.tickets;
    const open = (await t.list({ zoneId: incident.zoneId, limit: 10_000, offset: 0 })).items.filter(
      (x) => x.faultKey.endsWith(':signal') && x.status !== 'resolved' && x.status !== 'closed' && x.incidentId === '',
    );
    let linked = 0;
    for (const x of open)
      if (await t.linkIncident(x.id, incident.id, this.incidentEvent(x.id, incident.id, now))) linked++;
    this.d.metrics.incidentsOpened.inc({ zone: incident.zoneId });
    this.d.log.warn({ incident: incident.id, zone: incident.zoneId, tickets: linked }, 'outage incident opened');
  }
}
