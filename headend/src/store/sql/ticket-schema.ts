import type { Generated } from 'kysely';

/** The ticket tables (T1–T9): tickets, their history, breaches, reports, incidents, callbacks. See schema.ts. */
export interface TicketsTable {
  id: string;
  kind: string;
  status: string;
  severity: string;
  severity_reason: string;
  box_id: string;
  account_id: string;
  zone_id: string;
  source: string;
  symptom: string;
  code: string;
  fault_key: string;
  diagnostics_json: string;
  summary: string;
  owner: string;
  opened_at_ms: number;
  due_at_ms: number;
  first_reply_at_ms: number;
  paused_at_ms: number;
  pause_reason: string;
  resolved_at_ms: number;
  closed_at_ms: number;
  resolution: string;
  incident_id: string;
  breached_at_ms: number;
  extensions: number;
  report_count: number;
  last_report_at_ms: number;
  survey_id: string;
  answer_by_ms: number;
  follow_up: string;
  follow_up_at_ms: number;
  rating: number;
  customer_resolved: number;
  breach_count: Generated<number>;
  resolutions: Generated<number>;
  clock_started_at_ms: Generated<number>;
  caller_words: Generated<string>;
  call_received_at_ms: Generated<number>;
  urgent_handling: Generated<number>;
  first_reply_notice_id: Generated<string>;
  /** The short ticket number (工单号), assigned when the ticket is stored. */
  number: number;
}

export interface TicketBreachesTable {
  ticket_id: string;
  due_at_ms: number;
  kind: string;
  zone_id: string;
  owner: string;
  recorded_at_ms: number;
}

export interface TicketEventsTable {
  id: Generated<number>;
  ticket_id: string;
  at_ms: number;
  actor: string;
  type: string;
  detail_json: string;
}

export interface TicketReportsTable {
  report_id: string;
  box_id: string;
  ticket_id: string;
  at_ms: number;
}

export interface SignalReportsTable {
  zone_id: string;
  box_id: string;
  at_ms: number;
}

export interface IncidentsTable {
  id: string;
  zone_id: string;
  status: string;
  opened_at_ms: number;
  eta_ms: number;
  resolved_at_ms: number;
  notice_id: string;
  report_count: number;
}

export interface CallbacksTable {
  id: string;
  ticket_id: string;
  resolution: number;
  created_at_ms: number;
  due_at_ms: number;
  status: string;
  outcome: string;
  done_at_ms: number;
  agent: string;
}

export interface TicketResolutionsTable {
  ticket_id: string;
  resolution: number;
  zone_id: string;
  kind: string;
  owner: string;
  resolved_at_ms: number;
  due_at_ms: number;
  breaches: number;
  follow_up: Generated<string>;
  follow_up_at_ms: Generated<number>;
  rating: Generated<number>;
  customer_resolved: Generated<number>;
}

export interface TicketRepliesTable {
  notice_id: string;
  ticket_id: string;
  sent_at_ms: number;
}
