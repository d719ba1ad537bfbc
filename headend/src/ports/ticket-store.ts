import type { Page } from './registry-store';

/** T1 repair severities and the T7 kinds with their own deadlines. */
export type TicketKind =
  'repair' | 'installation' | 'service-restore' | 'complaint' | 'install-no-survey' | 'line-survey';
export type Severity = 'urgent' | 'ordinary' | 'complex';
export type TicketStatus = 'assigned' | 'in_progress' | 'paused' | 'resolved' | 'closed';
export type PauseReason = 'force-majeure' | 'waiting-on-customer';
export type FollowUp = '' | 'survey' | 'callback-reached' | 'callback-unreachable';

export interface Ticket {
  readonly id: string;
  readonly kind: TicketKind;
  readonly status: TicketStatus;
  readonly severity: Severity;
  readonly severityReason: string;
  readonly boxId: string;
  readonly accountId: string;
  readonly zoneId: string;
  /** box-report, diagnostics, operator */
  readonly source: string;
  readonly symptom: string;
  readonly code: string;
  /** One open ticket per box and fault: `<boxId>:<fault class>`. */
  readonly faultKey: string;
  readonly diagnostics: Record<string, unknown>;
  readonly summary: string;
  /** Z3: exactly one owner at all times. */
  readonly owner: string;
  readonly openedAtMs: number;
  /** T1/T7 deadline, moved by pauses (T2/T3) and approved extensions (T8). */
  readonly dueAtMs: number;
  /** T6: first reply to the customer. */
  readonly firstReplyAtMs: number;
  readonly pausedAtMs: number;
  readonly pauseReason: string;
  readonly resolvedAtMs: number;
  readonly closedAtMs: number;
  readonly resolution: string;
  readonly incidentId: string;
  readonly breachedAtMs: number;
  readonly extensions: number;
  readonly reportCount: number;
  readonly lastReportAtMs: number;
  /** T4 follow-up. */
  readonly surveyId: string;
  readonly answerByMs: number;
  readonly followUp: FollowUp;
  readonly followUpAtMs: number;
  /** 1-5, 0 = none. */
  readonly rating: number;
  /** -1 unknown, 0 no, 1 yes. */
  readonly customerResolved: number;
}

export interface TicketEvent {
  readonly ticketId: string;
  readonly atMs: number;
  readonly actor: string;
  /** opened, report, severity, reply, status, paused, resumed, extended, handover, breached, resolved, reopened, survey, callback, incident */
  readonly type: string;
  readonly detail: Record<string, unknown>;
}

export interface Incident {
  readonly id: string;
  readonly zoneId: string;
  readonly status: 'open' | 'resolved';
  readonly openedAtMs: number;
  readonly etaMs: number;
  readonly resolvedAtMs: number;
  readonly noticeId: string;
  readonly reportCount: number;
}

export interface Callback {
  readonly id: string;
  readonly ticketId: string;
  readonly createdAtMs: number;
  /** T4: the callback must be done by then (72 h after the repair). */
  readonly dueAtMs: number;
  readonly status: 'open' | 'done';
  readonly outcome: string;
  readonly doneAtMs: number;
  readonly agent: string;
}

export interface TicketFilter {
  readonly limit: number;
  readonly offset: number;
  readonly status?: TicketStatus;
  readonly zoneId?: string;
  readonly owner?: string;
  readonly boxId?: string;
  readonly incidentId?: string;
  readonly kind?: TicketKind;
  readonly breached?: boolean;
}

export type TicketChange = Partial<
  Omit<Ticket, 'id' | 'kind' | 'openedAtMs' | 'boxId' | 'accountId' | 'zoneId' | 'faultKey'>
>;

export interface TicketStore {
  /**
   * Inserts a ticket and its "opened" event — and, when given, claims the report id that
   * opened it, in the same write (so a concurrent resend of that report can only ever find the
   * ticket with its report already claimed). False (nothing written) when the box already has
   * an open ticket for this fault (a unique index: one open ticket per fault key).
   */
  insert(
    t: Ticket,
    event: TicketEvent,
    report?: { readonly reportId: string; readonly atMs: number },
  ): Promise<boolean>;
  get(id: string): Promise<Ticket | undefined>;
  /** Applies a change and appends its event atomically; returns the updated ticket. */
  update(id: string, change: TicketChange, event: TicketEvent): Promise<Ticket>;
  /** One more report of an open ticket's fault: the count goes up in the database (no lost updates), with its event. */
  addReport(
    id: string,
    atMs: number,
    diagnostics: Record<string, unknown> | undefined,
    event: TicketEvent,
  ): Promise<Ticket>;
  /**
   * Links a ticket to an outage incident unless it is linked already; when it links, the
   * incident's report count goes up and the event is written, together. True when it linked.
   */
  linkIncident(ticketId: string, incidentId: string, event: TicketEvent): Promise<boolean>;
  /** The open (not resolved or closed) ticket of a box for one fault class. */
  findOpenByFaultKey(faultKey: string): Promise<Ticket | undefined>;
  /** Remembers which ticket or incident a box's report went to; false when it was seen before (a resend). */
  rememberReport(reportId: string, boxId: string, ticketId: string, atMs: number): Promise<boolean>;
  /** The ticket or incident id a report went to, if it was seen. */
  findReport(boxId: string, reportId: string): Promise<string | undefined>;
  list(filter: TicketFilter): Promise<Page<Ticket>>;
  events(ticketId: string): Promise<TicketEvent[]>;
  /** Tickets that were due by `nowMs`, are not finished, paused or already breached. */
  overdue(nowMs: number): Promise<Ticket[]>;
  /** Tickets opened or resolved in [fromMs, toMs) (for the monthly figures). */
  forPeriod(fromMs: number, toMs: number): Promise<Ticket[]>;
  /** Resolved tickets whose follow-up is still missing at `beforeMs` (T4 gaps). */
  withoutFollowUp(resolvedBeforeMs: number): Promise<Ticket[]>;

  /** Signal-fault reports per zone for outage correlation. */
  recordSignalReport(zoneId: string, boxId: string, atMs: number): Promise<void>;
  distinctSignalBoxes(zoneId: string, sinceMs: number): Promise<number>;

  /** False (nothing written) when the zone already has an open incident (a unique index). */
  insertIncident(i: Incident): Promise<boolean>;
  /** Adds `n` to an incident's report count in the database. */
  addIncidentReports(id: string, n: number): Promise<void>;
  getIncident(id: string): Promise<Incident | undefined>;
  openIncidentForZone(zoneId: string): Promise<Incident | undefined>;
  updateIncident(
    id: string,
    change: Partial<Pick<Incident, 'status' | 'etaMs' | 'resolvedAtMs' | 'noticeId' | 'reportCount'>>,
  ): Promise<void>;
  listIncidents(filter: { status?: 'open' | 'resolved'; limit: number }): Promise<Incident[]>;

  insertCallback(c: Callback): Promise<void>;
  getCallback(id: string): Promise<Callback | undefined>;
  listCallbacks(filter: { status?: 'open' | 'done'; limit: number }): Promise<Callback[]>;
  completeCallback(id: string, outcome: string, agent: string, atMs: number): Promise<void>;
}
