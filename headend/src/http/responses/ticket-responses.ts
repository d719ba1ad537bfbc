import { Type } from 'typebox';
import type {
  Callback as CallbackRecord,
  Incident as IncidentRecord,
  Ticket as TicketRecord,
  TicketEvent as TicketEventRecord,
} from '../../ports/ticket-store';
import { describes } from './describes';
import { At, Count, itemsOf, listOf, oneOf, openRecord, pageOf } from './response-shapes';

export const TICKET_KINDS = [
  'repair',
  'installation',
  'relocation',
  'service-restore',
  'complaint',
  'install-no-survey',
  'line-survey',
] as const;
export const SEVERITIES = ['urgent', 'ordinary', 'complex'] as const;
export const TICKET_STATUSES = ['assigned', 'in_progress', 'paused', 'resolved', 'closed'] as const;

export const Ticket = describes<TicketRecord>()(
  Type.Object({
    id: Type.String(),
    number: Type.Integer({ minimum: 0, description: 'the short number (工单号) the subscriber reads out (issue 17)' }),
    kind: oneOf(TICKET_KINDS),
    status: oneOf(TICKET_STATUSES),
    severity: oneOf(SEVERITIES),
    severityReason: Type.String(),
    boxId: Type.String(),
    accountId: Type.String(),
    zoneId: Type.String(),
    source: Type.String({ description: 'box-report, diagnostics, operator' }),
    symptom: Type.String(),
    code: Type.String(),
    faultKey: Type.String(),
    diagnostics: openRecord('the box’s readings, as it sent them'),
    summary: Type.String(),
    callerWords: Type.String({ description: 'T9: a complaint caller’s own words, verbatim' }),
    callReceivedAtMs: Type.Integer({ minimum: 0, description: 'T5: when the call came in (0 = a box report)' }),
    urgentHandling: Type.Boolean({ description: 'T9: a major complaint or a key customer' }),
    owner: Type.String({ description: 'Z3: exactly one owner at all times' }),
    openedAtMs: At,
    clockStartedAtMs: At,
    dueAtMs: At,
    firstReplyAtMs: At,
    firstReplyNoticeId: Type.String(),
    pausedAtMs: At,
    pauseReason: Type.String(),
    resolvedAtMs: At,
    closedAtMs: At,
    resolution: Type.String(),
    incidentId: Type.String(),
    breachedAtMs: Type.Integer({ minimum: 0, description: 'the deadline of the first breach; never cleared (T1/T8)' }),
    breachCount: Type.Integer({ minimum: 0, description: 'deadlines missed so far' }),
    resolutions: Count,
    extensions: Count,
    reportCount: Count,
    lastReportAtMs: At,
    surveyId: Type.String(),
    answerByMs: At,
    followUp: oneOf(['', 'survey', 'callback-reached', 'callback-unreachable'] as const),
    followUpAtMs: At,
    rating: Type.Integer({ minimum: 0, maximum: 5, description: '1-5, 0 = none' }),
    customerResolved: Type.Integer({ minimum: -1, maximum: 1, description: '-1 unknown, 0 no, 1 yes' }),
  }),
);

/** A row of the ticket list: the ticket and the time left on its SLA clock when it was read. */
export const TicketListItem = Type.Object({
  ...Ticket.properties,
  remainingMs: Type.Integer({ description: 'time left on the SLA clock (negative: overdue)' }),
});
export const TicketPage = pageOf(TicketListItem);

export const TicketEvent = describes<TicketEventRecord>()(
  Type.Object({
    ticketId: Type.String(),
    atMs: At,
    actor: Type.String(),
    type: Type.String({ description: 'opened, report, severity, reply, status, paused, resumed, extended, …' }),
    detail: openRecord('what changed'),
  }),
);

/** The limits a box's diagnostics are judged by (config `tickets.diagnostics`). */
export const DiagnosticLimits = Type.Object({
  minSignalDbuv: Type.Number(),
  maxSignalDbuv: Type.Number(),
  minSnrDb: Type.Number(),
  minMerDb: Type.Number(),
  maxDecoderErrors: Type.Number(),
});

/** A ticket with its full history and the limits its diagnostics are judged by. */
export const TicketDetail = Type.Object({
  ...Ticket.properties,
  events: listOf(TicketEvent),
  diagnosticLimits: DiagnosticLimits,
});

/** T10: an unfinished ticket on the supervisor's list, and why it is there. */
export const Escalation = Type.Object({
  ...Ticket.properties,
  escalation: Type.String({ description: 'breached, due-soon or paused' }),
});
export const Escalations = itemsOf(Escalation);
export const Tickets = itemsOf(Ticket);

export const Incident = describes<IncidentRecord>()(
  Type.Object({
    id: Type.String(),
    zoneId: Type.String(),
    status: oneOf(['open', 'resolved'] as const),
    openedAtMs: At,
    etaMs: At,
    resolvedAtMs: At,
    noticeId: Type.String(),
    reportCount: Count,
  }),
);
export const Incidents = itemsOf(Incident);
export const IncidentResolved = Type.Object({ resolvedTickets: Count });

export const Callback = describes<CallbackRecord>()(
  Type.Object({
    id: Type.String(),
    ticketId: Type.String(),
    resolution: Type.Integer({ minimum: 0, description: 'which resolution of the ticket it follows up (T4)' }),
    createdAtMs: At,
    dueAtMs: Type.Integer({ minimum: 0, description: 'T4: done by then (72 h after the repair)' }),
    status: oneOf(['open', 'done'] as const),
    outcome: Type.String(),
    doneAtMs: At,
    agent: Type.String(),
  }),
);
export const Callbacks = itemsOf(Callback);
