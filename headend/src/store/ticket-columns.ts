import type { Ticket } from '../ports/ticket-store';

/** camelCase field → snake_case column, shared by the SQLite and PostgreSQL ticket stores. */
export const snake = (k: string): string => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Ticket fields in column order; `diagnostics` is stored as JSON text. */
export const TICKET_FIELDS: ReadonlyArray<keyof Ticket> = [
  'id',
  'kind',
  'status',
  'severity',
  'severityReason',
  'boxId',
  'accountId',
  'zoneId',
  'source',
  'symptom',
  'code',
  'faultKey',
  'diagnostics',
  'summary',
  'owner',
  'openedAtMs',
  'dueAtMs',
  'firstReplyAtMs',
  'pausedAtMs',
  'pauseReason',
  'resolvedAtMs',
  'closedAtMs',
  'resolution',
  'incidentId',
  'breachedAtMs',
  'extensions',
  'reportCount',
  'lastReportAtMs',
  'surveyId',
  'answerByMs',
  'followUp',
  'followUpAtMs',
  'rating',
  'customerResolved',
];

export const ticketColumn = (f: string): string => (f === 'diagnostics' ? 'diagnostics_json' : snake(f));

/** Row as stored: diagnostics still JSON text. */
export type TicketRow = Omit<Ticket, 'diagnostics'> & { diagnostics: string };

export function toTicket(r: TicketRow): Ticket {
  return { ...r, diagnostics: JSON.parse(r.diagnostics) as Record<string, unknown> };
}
