import type Database from 'better-sqlite3';
import type { GroupCommit } from './group-commit';
import { statementCache } from './statement-cache';
import type { AuditEntry, AuditLog } from '../../ports/audit-log';

export class SqliteAuditLog implements AuditLog {
  private readonly prepare: (sql: string) => Database.Statement;

  constructor(
    db: Database.Database,
    private readonly tx: GroupCommit,
  ) {
    this.prepare = statementCache(db);
  }

  async append(e: AuditEntry): Promise<void> {
    await this.tx.write(() =>
      this.prepare('INSERT INTO audit (at_ms, actor, action, subject, detail_json) VALUES (?, ?, ?, ?, ?)').run(
        e.atMs,
        e.actor,
        e.action,
        e.subject,
        JSON.stringify(e.detail),
      ),
    );
  }

  async list(f: { subject?: string; action?: string; limit: number }): Promise<AuditEntry[]> {
    const rows = this.prepare(
      `SELECT at_ms AS atMs, actor, action, subject, detail_json AS detail FROM audit
         WHERE (@subject IS NULL OR subject = @subject) AND (@action IS NULL OR action = @action)
         ORDER BY id DESC LIMIT @limit`,
    ).all({ subject: f.subject ?? null, action: f.action ?? null, limit: f.limit }) as Array<
      AuditEntry & { detail: string }
    >;
    return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));
  }
}
