import type { AuditEntry, AuditLog } from '../../ports/audit-log';
import { insertRow } from './insert-row';
import type { SqlContext } from './sql-context';

/** Append-only: rows are inserted, never updated or deleted. */
export class SqlAuditLog implements AuditLog {
  constructor(private readonly ctx: SqlContext) {}

  async append(e: AuditEntry): Promise<void> {
    await insertRow(this.ctx.dialect, this.ctx.db, 'audit', {
      at_ms: e.atMs,
      actor: e.actor,
      action: e.action,
      subject: e.subject,
      detail_json: JSON.stringify(e.detail),
    });
  }

  /** Newest first: by id (insertion order), not by at_ms, which callers may set out of order. */
  async list(f: { subject?: string; action?: string; limit: number }): Promise<AuditEntry[]> {
    const rows = await this.ctx.db
      .selectFrom('audit')
      .select(['at_ms', 'actor', 'action', 'subject', 'detail_json'])
      .$if(f.subject !== undefined, (q) => q.where('subject', '=', f.subject ?? ''))
      .$if(f.action !== undefined, (q) => q.where('action', '=', f.action ?? ''))
      .orderBy('id', 'desc')
      .limit(f.limit)
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
