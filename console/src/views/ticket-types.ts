export interface TicketRow {
  readonly id: string;
  /** The short number the subscriber reads out on the phone (issue 17). */
  readonly number: number;
  readonly kind: string;
  readonly status: string;
  readonly severity: string;
  readonly boxId: string;
  readonly accountId: string;
  readonly zoneId: string;
  readonly symptom: string;
  readonly summary: string;
  readonly owner: string;
  readonly openedAtMs: number;
  readonly dueAtMs: number;
  readonly pausedAtMs: number;
  readonly pauseReason: string;
  readonly resolvedAtMs: number;
  readonly resolution: string;
  readonly breachedAtMs: number;
  /** Deadlines missed so far (T1/T8: facts, never cleared). */
  readonly breachCount: number;
  readonly incidentId: string;
  readonly followUp: string;
  readonly rating: number;
  /** From /escalations (T10): breached, or due soon. */
  readonly escalation?: 'breached' | 'due-soon' | 'paused';
  /** From the list endpoint: time left on the SLA clock when fetched. */
  readonly remainingMs?: number;
}

export interface TicketEvent {
  readonly atMs: number;
  readonly actor: string;
  readonly type: string;
  readonly detail: Record<string, unknown>;
}

export const OPEN_STATUSES = ['assigned', 'in_progress', 'paused'];
