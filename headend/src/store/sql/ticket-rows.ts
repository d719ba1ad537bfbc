import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type {
  Callback,
  FollowUp,
  Incident,
  Severity,
  Ticket,
  TicketChange,
  TicketEvent,
  TicketKind,
  TicketStatus,
} from '../../ports/ticket-store';
import type { CallbacksTable, DB, IncidentsTable, TicketsTable } from './schema';

/** A stored ticket row as the domain sees it (diagnostics are JSON text in the row). */
export function toTicket(r: Selectable<TicketsTable>): Ticket {
  return {
    id: r.id,
    number: r.number,
    kind: r.kind as TicketKind,
    status: r.status as TicketStatus,
    severity: r.severity as Severity,
    severityReason: r.severity_reason,
    boxId: r.box_id,
    accountId: r.account_id,
    zoneId: r.zone_id,
    source: r.source,
    symptom: r.symptom,
    code: r.code,
    faultKey: r.fault_key,
    diagnostics: JSON.parse(r.diagnostics_json) as Record<string, unknown>,
    summary: r.summary,
    callerWords: r.caller_words,
    callReceivedAtMs: r.call_received_at_ms,
    urgentHandling: r.urgent_handling === 1,
    owner: r.owner,
    openedAtMs: r.opened_at_ms,
    clockStartedAtMs: r.clock_started_at_ms,
    dueAtMs: r.due_at_ms,
    firstReplyAtMs: r.first_reply_at_ms,
    firstReplyNoticeId: r.first_reply_notice_id,
    pausedAtMs: r.paused_at_ms,
    pauseReason: r.pause_reason,
    resolvedAtMs: r.resolved_at_ms,
    closedAtMs: r.closed_at_ms,
    resolution: r.resolution,
    incidentId: r.incident_id,
    breachedAtMs: r.breached_at_ms,
    breachCount: r.breach_count,
    resolutions: r.resolutions,
    extensions: r.extensions,
    reportCount: r.report_count,
    lastReportAtMs: r.last_report_at_ms,
    surveyId: r.survey_id,
    answerByMs: r.answer_by_ms,
    followUp: r.follow_up as FollowUp,
    followUpAtMs: r.follow_up_at_ms,
    rating: r.rating,
    customerResolved: r.customer_resolved,
  };
}

/** The columns a change touches; fields a change may not carry (id, box, fault key, …) are never written. */
export function ticketUpdate(c: TicketChange): Updateable<TicketsTable> {
  const u: Updateable<TicketsTable> = {};
  if (c.status !== undefined) u.status = c.status;
  if (c.severity !== undefined) u.severity = c.severity;
  if (c.severityReason !== undefined) u.severity_reason = c.severityReason;
  if (c.source !== undefined) u.source = c.source;
  if (c.symptom !== undefined) u.symptom = c.symptom;
  if (c.code !== undefined) u.code = c.code;
  if (c.diagnostics !== undefined) u.diagnostics_json = JSON.stringify(c.diagnostics);
  if (c.summary !== undefined) u.summary = c.summary;
  if (c.owner !== undefined) u.owner = c.owner;
  if (c.clockStartedAtMs !== undefined) u.clock_started_at_ms = c.clockStartedAtMs;
  if (c.dueAtMs !== undefined) u.due_at_ms = c.dueAtMs;
  if (c.firstReplyAtMs !== undefined) u.first_reply_at_ms = c.firstReplyAtMs;
  if (c.firstReplyNoticeId !== undefined) u.first_reply_notice_id = c.firstReplyNoticeId;
  if (c.pausedAtMs !== undefined) u.paused_at_ms = c.pausedAtMs;
  if (c.pauseReason !== undefined) u.pause_reason = c.pauseReason;
  if (c.resolvedAtMs !== undefined) u.resolved_at_ms = c.resolvedAtMs;
  if (c.closedAtMs !== undefined) u.closed_at_ms = c.closedAtMs;
  if (c.resolution !== undefined) u.resolution = c.resolution;
  if (c.incidentId !== undefined) u.incident_id = c.incidentId;
  if (c.resolutions !== undefined) u.resolutions = c.resolutions;
  if (c.extensions !== undefined) u.extensions = c.extensions;
  if (c.reportCount !== undefined) u.report_count = c.reportCount;
  if (c.lastReportAtMs !== undefined) u.last_report_at_ms = c.lastReportAtMs;
  if (c.surveyId !== undefined) u.survey_id = c.surveyId;
  if (c.answerByMs !== undefined) u.answer_by_ms = c.answerByMs;
  if (c.followUp !== undefined) u.follow_up = c.followUp;
  if (c.followUpAtMs !== undefined) u.follow_up_at_ms = c.followUpAtMs;
  if (c.rating !== undefined) u.rating = c.rating;
  if (c.customerResolved !== undefined) u.customer_resolved = c.customerResolved;
  return u;
}

export function ticketInsert(t: Ticket): Insertable<TicketsTable> {
  return {
    id: t.id,
    number: t.number,
    kind: t.kind,
    box_id: t.boxId,
    account_id: t.accountId,
    zone_id: t.zoneId,
    fault_key: t.faultKey,
    opened_at_ms: t.openedAtMs,
    status: t.status,
    severity: t.severity,
    severity_reason: t.severityReason,
    source: t.source,
    symptom: t.symptom,
    code: t.code,
    diagnostics_json: JSON.stringify(t.diagnostics),
    summary: t.summary,
    caller_words: t.callerWords,
    call_received_at_ms: t.callReceivedAtMs,
    urgent_handling: t.urgentHandling ? 1 : 0,
    owner: t.owner,
    clock_started_at_ms: t.clockStartedAtMs,
    due_at_ms: t.dueAtMs,
    first_reply_at_ms: t.firstReplyAtMs,
    first_reply_notice_id: t.firstReplyNoticeId,
    paused_at_ms: t.pausedAtMs,
    pause_reason: t.pauseReason,
    resolved_at_ms: t.resolvedAtMs,
    closed_at_ms: t.closedAtMs,
    resolution: t.resolution,
    incident_id: t.incidentId,
    breached_at_ms: t.breachedAtMs,
    breach_count: t.breachCount,
    resolutions: t.resolutions,
    extensions: t.extensions,
    report_count: t.reportCount,
    last_report_at_ms: t.lastReportAtMs,
    survey_id: t.surveyId,
    answer_by_ms: t.answerByMs,
    follow_up: t.followUp,
    follow_up_at_ms: t.followUpAtMs,
    rating: t.rating,
    customer_resolved: t.customerResolved,
  };
}

export function toIncident(r: Selectable<IncidentsTable>): Incident {
  return {
    id: r.id,
    zoneId: r.zone_id,
    status: r.status === 'open' ? 'open' : 'resolved',
    openedAtMs: r.opened_at_ms,
    etaMs: r.eta_ms,
    resolvedAtMs: r.resolved_at_ms,
    noticeId: r.notice_id,
    reportCount: r.report_count,
  };
}

export function toCallback(r: Selectable<CallbacksTable>): Callback {
  return {
    id: r.id,
    ticketId: r.ticket_id,
    resolution: r.resolution,
    createdAtMs: r.created_at_ms,
    dueAtMs: r.due_at_ms,
    status: r.status === 'done' ? 'done' : 'open',
    outcome: r.outcome,
    doneAtMs: r.done_at_ms,
    agent: r.agent,
  };
}

export function eventRow(e: TicketEvent) {
  return { ticket_id: e.ticketId, at_ms: e.atMs, actor: e.actor, type: e.type, detail_json: JSON.stringify(e.detail) };
}

/** A ticket read inside a unit of work (it must exist: the caller just wrote it). */
export async function readTicket(db: Kysely<DB>, id: string): Promise<Ticket> {
  const r = await db.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirst();
  if (r === undefined) throw new Error(`ticket ${id} vanished`);
  return toTicket(r);
}
