import type { TicketIntakeBatch } from './ticket-intake-batch';
import type { Page } from './registry-store';

/** T1 repair severities and the T7 kinds with their own deadlines. */
export type TicketKind =
  'repair' | 'installation' | 'relocation' | 'service-restore' | 'complaint' | 'install-no-survey' | 'line-survey';
export type Severity = 'urgent' | 'ordinary' | 'complex';
export type TicketStatus = 'assigned' | 'in_progress' | 'paused' | 'resolved' | 'closed';
/** T2 force majeure; T3 the customer's materials (both restart the limit), or the customer cannot be reached. */
export type PauseReason = 'force-majeure' | 'waiting-on-materials' | 'waiting-on-customer';
export type FollowUp = '' | 'survey' | 'callback-reached' | 'callback-unreachable';

export interface Ticket {
  readonly id: string;
  /**
   * The short number (工单号) the subscriber sees on the TV and reads out on the phone:
   * unique, from 100001 up, given by the store when the ticket is inserted (0 before).
   */
  readonly number: number;
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
  /** T9: a complaint caller's own words, verbatim (如实记录). */
  readonly callerWords: string;
  /** T5: when the call came in, for a request taken by staff (0 = a box report). */
  readonly callReceivedAtMs: number;
  /** T9: a major complaint or a key customer — handled first (急事急办). */
  readonly urgentHandling: boolean;
  /** Z3: exactly one owner at all times. */
  readonly owner: string;
  readonly openedAtMs: number;
  /** When the running time limit started: the opening, or the end of the last pause (T2/T3). */
  readonly clockStartedAtMs: number;
  /** T1/T7 deadline: the full limit from `clockStartedAtMs`, or later by an approved extension (T8). */
  readonly dueAtMs: number;
  /** T6: when the first reply reached the customer (the box acknowledged it, or the call was made). */
  readonly firstReplyAtMs: number;
  /** T6: the first reply on its way to the box (not yet acknowledged), '' when none. */
  readonly firstReplyNoticeId: string;
  readonly pausedAtMs: number;
  readonly pauseReason: string;
  readonly resolvedAtMs: number;
  readonly closedAtMs: number;
  readonly resolution: string;
  readonly incidentId: string;
  /** The deadline of the ticket's first breach; a fact, never cleared (T1/T8, issue 16). */
  readonly breachedAtMs: number;
  /** Deadlines missed so far (each is a row of `breaches`). */
  readonly breachCount: number;
  /** How many times the ticket was resolved (a reopened ticket is resolved again); T4 follows up each. */
  readonly resolutions: number;
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
  /** The resolution of the ticket this callback follows up (T4: every resolution gets its own). */
  readonly resolution: number;
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
  /** The short number a subscriber reads out on the phone (issue 17). */
  readonly number?: number;
  readonly status?: TicketStatus;
  readonly zoneId?: string;
  readonly owner?: string;
  readonly boxId?: string;
  readonly incidentId?: string;
  readonly kind?: TicketKind;
  readonly breached?: boolean;
}

export type TicketChange = Partial<
  Omit<
    Ticket,
    | 'id'
    | 'number'
    | 'kind'
    | 'openedAtMs'
    | 'boxId'
    | 'accountId'
    | 'zoneId'
    | 'faultKey'
    | 'breachedAtMs'
    | 'breachCount'
  >
>;

/** One resolution of a ticket and its follow-up outcome (T4), kept when the ticket is reopened (Z2). */
export interface Resolution {
  readonly ticketId: string;
  readonly resolution: number;
  readonly zoneId: string;
  readonly kind: TicketKind;
  readonly owner: string;
  readonly resolvedAtMs: number;
  readonly dueAtMs: number;
  /** Deadlines missed in the work this resolution ended (since the previous one). */
  readonly breaches: number;
  readonly followUp: FollowUp;
  readonly followUpAtMs: number;
  readonly rating: number;
  /** -1 unknown, 0 not fixed (the work reopened), 1 fixed. */
  readonly customerResolved: number;
}

/** A follow-up's outcome for one resolution. */
export interface Outcome {
  readonly followUp: FollowUp;
  readonly atMs: number;
  readonly rating: number;
  readonly customerResolved: number;
}

/** A deadline a ticket missed: recorded once, when the SLA clock passed it, and kept for ever. */
export interface Breach {
  readonly ticketId: string;
  readonly dueAtMs: number;
  readonly kind: TicketKind;
  readonly zoneId: string;
  /** Who owned the ticket when its deadline passed (Z5: staff with two or more breaches a year). */
  readonly owner: string;
  readonly recordedAtMs: number;
}

export interface TicketStore extends TicketIntakeBatch {
  /**
   * Inserts a ticket and its "opened" event — and, when given, claims the report id that
   * opened it, in the same write (so a concurrent resend of that report can only ever find the
   * ticket with its report already claimed). Resolves to the stored ticket with its number (issue
   * 17), or undefined (nothing written) when the box already has an open ticket for this fault
   * (a unique index: one open ticket per fault key).
   */
  insert(
    t: Ticket,
    event: TicketEvent,
    report?: { readonly reportId: string; readonly atMs: number },
  ): Promise<Ticket | undefined>;
  get(id: string): Promise<Ticket | undefined>;
  /** Applies a change and appends its event atomically; returns the updated ticket. */
  update(id: string, change: TicketChange, event: TicketEvent): Promise<Ticket>;
  /**
   * The same, only if the ticket is still in the state the change was decided on (its status,
   * resolution count and deadline): a compare-and-set, so two concurrent changes (a pause and a
   * resolve, two resolves, a severity change and an extension) cannot both apply. Undefined
   * (nothing written) when it moved on.
   */
  updateIf(
    id: string,
    expected: { readonly status: TicketStatus; readonly resolutions: number; readonly dueAtMs: number },
    change: TicketChange,
    event: TicketEvent,
  ): Promise<Ticket | undefined>;
  /**
   * A follow-up's outcome: written on the resolution it follows up and on the ticket (with
   * `change`, e.g. closed or reopened) and its event, together; undefined when the ticket has
   * been resolved again since (a newer resolution).
   */
  recordOutcome(
    id: string,
    resolution: number,
    outcome: Outcome,
    change: TicketChange,
    event: TicketEvent,
  ): Promise<Ticket | undefined>;
  /** T6: a reply notice sent to the ticket's box. */
  rememberReply(ticketId: string, noticeId: string, sentAtMs: number): Promise<void>;
  /**
   * T6: tickets one of whose replies the box has now acknowledged get that time as their first
   * reply — the box's receipt time, kept between when the reply was sent and `nowMs` (a box's
   * clock cannot date a reply before it existed) — with an event. How many.
   */
  settleFirstReplies(nowMs: number, limit: number): Promise<number>;
  /** Resolutions made in [fromMs, toMs) (the monthly figures). */
  resolutionsIn(fromMs: number, toMs: number): Promise<Resolution[]>;
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
  /**
   * Records that the ticket missed its current deadline `dueAtMs`, with its event: one row per
   * deadline (a primary key), so the breach job and a late resolve racing record it once.
   * Returns the updated ticket, or undefined when this deadline's breach was already recorded
   * or the ticket's deadline is no longer `dueAtMs`. `deadline: 'work-order'` records the T5
   * deadline (30 minutes after the call came in) instead of the ticket's current one.
   */
  recordBreach(
    ticketId: string,
    dueAtMs: number,
    event: TicketEvent,
    deadline?: 'current' | 'work-order',
  ): Promise<Ticket | undefined>;
  /** Breaches whose deadline fell in [fromMs, toMs), oldest first. */
  breaches(fromMs: number, toMs: number): Promise<Breach[]>;
  /** Tickets past their deadline by `nowMs`, not finished or paused, whose current deadline has no breach yet. */
  overdue(nowMs: number): Promise<Ticket[]>;
  /** Unfinished tickets breached, paused, or due before `dueBeforeMs` (T10 escalation), urgent ones first, then by deadline. */
  escalations(dueBeforeMs: number, zoneId: string | undefined, limit: number): Promise<Ticket[]>;
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
  /** The callback following up one resolution of a ticket. */
  callbackFor(ticketId: string, resolution: number): Promise<Callback | undefined>;
  /** Marks an open callback done; false when it was done already (two agents, one callback). */
  completeCallback(id: string, outcome: string, agent: string, atMs: number): Promise<boolean>;
}
