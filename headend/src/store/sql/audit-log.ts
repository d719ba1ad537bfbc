import type { AuditEntry, AuditFilter, AuditLog } from '../../ports/audit-log';
import { insertRuns } from './insert-runs';
import { insertRow } from './insert-row';
import type { SqlContext } from './sql-context';

/** An entry as its row in the audit table. */
export function auditRow(e: AuditEntry): {
  at_ms: number;
  actor: string;
  action: string;
  subject: string;
  detail_json: string;
} {
  return { at_ms: e.atMs, actor: e.actor, action: e.action, subject: e.subject, detail_json: JSON.stringify(e.detail) };
}

/** Append-only: rows are inserted, never updated or deleted. */
export class SqlAuditLog implements AuditLog {
  constructor(private readonly ctx: SqlContext) {}

  async append(e: AuditEntry): Promise<void> {
    await insertRow(this.ctx.dialect, this.ctx.db, 'audit', auditRow(e));
  }

  async appendMany(entries: readonly AuditEntry[]): Promise<void> {
    await insertRuns(this.ctx.dialect, this.ctx.db, 'audit', entries.map(auditRow));
  }

  /** Newest first: by id (insertion order), not by at_ms, which callers may set out of order. */
  async list(f: AuditFilter): Promise<AuditEntry[]> {
    let q = this.ctx.db.selectFrom('audit').select(['at_ms', 'actor', 'action', 'subject', 'detail_json']);
    if (f.subject !== undefined) q = q.where('subject', '=', f.subject);
    if (f.action !== undefined) q = q.where('action', '=', f.action);
    if (f.actor !== undefined) q = q.where('actor', '=', f.actor);
    if (f.sinceMs !== undefined) q = q.where('at_ms', '>=', f.sinceMs);
    if (f.untilMs !== undefined) q = q.where('at_ms', '<', f.untilMs);
    const rows = await q
      .orderBy('id', 'desc')
      .limit(f.limit)
      .offset(f.offset ?? 0)
      .execute();
    return rows.map((r) => ({
      atMs: r.at_ms,
      actor: r.actor,
      action: r.action,
      subject: r.subject,
      detail: JSON.parse(r.detail_json) as Record<string, unknown>,
    }));
  }
}
