import { TicketSeverity, TicketStatus } from '@stb-notify/protocol';
import type { StorePorts } from '../../ports/store';
import type { Incident, Ticket } from '../../ports/ticket-store';
import type { BoxRef, NoticeInput, Outgoing } from '../notice-input';
import type { TicketDeps } from './ticket-deps';

const STATUS: Record<Ticket['status'], TicketStatus> = {
  assigned: TicketStatus.TICKET_STATUS_ASSIGNED,
  in_progress: TicketStatus.TICKET_STATUS_IN_PROGRESS,
  paused: TicketStatus.TICKET_STATUS_PAUSED,
  resolved: TicketStatus.TICKET_STATUS_RESOLVED,
  closed: TicketStatus.TICKET_STATUS_CLOSED,
};
const SEVERITY: Record<Ticket['severity'], TicketSeverity> = {
  urgent: TicketSeverity.TICKET_SEVERITY_URGENT,
  ordinary: TicketSeverity.TICKET_SEVERITY_ORDINARY,
  complex: TicketSeverity.TICKET_SEVERITY_COMPLEX,
};

/** What a TICKET_UPDATE tells the box about its ticket: status, T1 promise, T2/T3 pause. */
function ticketDetail(t: Ticket, reportId: string, surveyId: string) {
  return {
    ticketId: t.id,
    ticketNumber: t.number,
    status: STATUS[t.status],
    severity: t.kind === 'repair' ? SEVERITY[t.severity] : 0,
    dueAtMs: t.dueAtMs,
    pauseReason: t.status === 'paused' ? t.pauseReason : '',
    incidentId: t.incidentId,
    reportId,
    surveyId,
  };
}

/**
 * Tells the box about its ticket: every status change is a TICKET_UPDATE notice (same
 * collapse key, so the box keeps only the latest), the repair promise included (T1), the
 * pause reason (T2/T3), the new due time after an extension (T8).
 */
export class TicketBoxLink {
  constructor(private readonly d: TicketDeps) {}

  async update(t: Ticket, reportId = '', missing: readonly string[] = [], surveyId = ''): Promise<void> {
    if (t.boxId === '') return;
    try {
      await this.d.notices.send(this.updateNotice(t, reportId, missing, surveyId));
    } catch (err) {
      // The ticket stands whatever happens to the notice; the box will ask again on its next report.
      this.d.log.error({ err, ticket: t.id }, 'ticket update to box failed');
    }
  }

  /**
   * The TICKET_UPDATE staged in the unit of work that changed the ticket (outbox, issue 15):
   * committed with the change, published by `out`'s dispatch after the commit. `box`: the
   * ticket's box when the caller has just read it. A box gone from the registry is not told
   * (the change itself stands).
   */
  async stageUpdate(
    tx: StorePorts,
    out: Outgoing,
    t: Ticket,
    o: {
      readonly reportId?: string;
      /** T4: the survey answer this update confirms to the box. */
      readonly surveyId?: string;
      readonly missing?: readonly string[];
      readonly box?: BoxRef;
    } = {},
  ): Promise<void> {
    if (t.boxId === '') return;
    const box = o.box ?? (await tx.registry.getBox(t.boxId));
    if (box === undefined) {
      this.d.log.warn({ ticket: t.id, box: t.boxId }, 'ticket update not sent: the box is not registered');
      return;
    }
    await this.d.notices.stageInto(tx, this.updateNotice(t, o.reportId ?? '', o.missing ?? [], o.surveyId ?? ''), out, [
      box,
    ]);
  }

  /** The TICKET_UPDATE that answers report `reportId` with its new ticket (a pass of reports stages many at once). */
  answerInput(t: Ticket, reportId: string): NoticeInput {
    return this.updateNotice(t, reportId, []);
  }

  private updateNotice(t: Ticket, reportId: string, missing: readonly string[], surveyId = ''): NoticeInput {
    return {
      kind: 'TICKET_UPDATE',
      target: { type: 'boxes', boxIds: [t.boxId] },
      accountId: t.accountId,
      collapseKey: `ticket:${t.id}`,
      texts: this.d.texts.update(t, missing),
      detail: ticketDetail(t, reportId, surveyId),
      createdBy: 'system:tickets',
    };
  }

  /**
   * T6: a staff member's reply, shown on the TV. Its own collapse key: a later status update
   * does not replace the answer the subscriber has not read yet. Returns the notice id.
   */
  async reply(t: Ticket, message: string): Promise<string> {
    const n = await this.d.notices.send({
      kind: 'TICKET_UPDATE',
      target: { type: 'boxes', boxIds: [t.boxId] },
      accountId: t.accountId,
      collapseKey: `ticket-reply:${t.id}`,
      texts: this.d.texts.reply(t, message),
      detail: ticketDetail(t, '', ''),
      createdBy: 'system:tickets',
    });
    return n.id;
  }

  /** The answer to a report that joined a known outage (no new ticket). */
  async knownOutage(boxId: string, accountId: string, incident: Incident, reportId: string): Promise<void> {
    await this.d.notices.send(this.knownOutageNotice(boxId, accountId, incident, reportId));
  }

  /** The same answer, staged in the unit of work that counted the report on the incident. */
  async stageKnownOutage(
    tx: StorePorts,
    out: Outgoing,
    box: BoxRef & { readonly accountId: string },
    incident: Incident,
    reportId: string,
  ): Promise<void> {
    await this.d.notices.stageInto(tx, this.knownOutageNotice(box.id, box.accountId, incident, reportId), out, [box]);
  }

  private knownOutageNotice(boxId: string, accountId: string, incident: Incident, reportId: string): NoticeInput {
    return {
      kind: 'TICKET_UPDATE',
      target: { type: 'boxes', boxIds: [boxId] },
      accountId,
      collapseKey: `incident:${incident.id}`,
      texts: this.d.texts.knownOutage(incident),
      detail: {
        ticketId: '',
        status: TicketStatus.TICKET_STATUS_IN_PROGRESS,
        dueAtMs: incident.etaMs,
        incidentId: incident.id,
        reportId,
      },
      createdBy: 'system:tickets',
    };
  }

  /** T4: the after-repair survey on the box (staged with the resolution: TicketFollowUp.stage). */
  surveyNotice(t: Ticket, surveyId: string, answerByMs: number): NoticeInput {
    return {
      kind: 'SURVEY_REQUEST',
      target: { type: 'boxes', boxIds: [t.boxId] },
      accountId: t.accountId,
      collapseKey: `survey:${t.id}`,
      texts: this.d.texts.survey(t),
      detail: { surveyId, ticketId: t.id, ticketNumber: t.number, questionId: 'repair-v1', answerByMs },
      expiresAtMs: answerByMs,
      createdBy: 'system:T4',
    };
  }
}
