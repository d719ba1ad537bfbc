export interface AuditEntry {
  readonly atMs: number;
  /** Token name, "system" for rules, or "cli". */
  readonly actor: string;
  readonly action: string;
  readonly subject: string;
  readonly detail: Record<string, unknown>;
}

/** Which entries to list: each given field narrows it; `sinceMs` inclusive, `untilMs` exclusive. */
export interface AuditFilter {
  readonly subject?: string;
  readonly action?: string;
  readonly actor?: string;
  readonly sinceMs?: number;
  readonly untilMs?: number;
  readonly limit: number;
  readonly offset?: number;
}

/** Append-only record of who did what (proof for N2–N4, T8). */
export interface AuditLog {
  append(entry: AuditEntry): Promise<void>;
  /** A batch's `append`, in order. */
  appendMany(entries: readonly AuditEntry[]): Promise<void>;
  /** Newest first. */
  list(filter: AuditFilter): Promise<AuditEntry[]>;
}
