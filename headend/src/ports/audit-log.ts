export interface AuditEntry {
  readonly atMs: number;
  /** Token name, "system" for rules, or "cli". */
  readonly actor: string;
  readonly action: string;
  readonly subject: string;
  readonly detail: Record<string, unknown>;
}

/** Append-only record of who did what (proof for N2–N4, T8). */
export interface AuditLog {
  append(entry: AuditEntry): Promise<void>;
  list(filter: { subject?: string; action?: string; limit: number }): Promise<AuditEntry[]>;
}
