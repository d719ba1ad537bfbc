import type { AuditEntry, AuditLog } from '../../ports/audit-log';
import type { ApiToken, TokenStore } from '../../ports/token-store';
import type { PgDb } from './pg-db';

const TOKEN = `id, name, role, created_at_ms AS "createdAtMs", revoked_at_ms AS "revokedAtMs"`;

export class PgTokenStore implements TokenStore {
  constructor(private readonly db: PgDb) {}

  async insert(t: ApiToken, tokenHash: string): Promise<void> {
    await this.db.run('INSERT INTO api_tokens (id, name, role, token_hash, created_at_ms) VALUES ($1,$2,$3,$4,$5)', [
      t.id,
      t.name,
      t.role,
      tokenHash,
      t.createdAtMs,
    ]);
  }

  findByHash(tokenHash: string): Promise<ApiToken | undefined> {
    return this.db.one<ApiToken>(`SELECT ${TOKEN} FROM api_tokens WHERE token_hash = $1`, [tokenHash]);
  }

  list(): Promise<ApiToken[]> {
    return this.db.rows<ApiToken>(`SELECT ${TOKEN} FROM api_tokens ORDER BY created_at_ms`);
  }

  async revoke(id: string, atMs: number): Promise<boolean> {
    return (
      (await this.db.run('UPDATE api_tokens SET revoked_at_ms = $1 WHERE id = $2 AND revoked_at_ms = 0', [
        atMs,
        id,
      ])) === 1
    );
  }
}

export class PgAuditLog implements AuditLog {
  constructor(private readonly db: PgDb) {}

  async append(e: AuditEntry): Promise<void> {
    await this.db.run('INSERT INTO audit (at_ms, actor, action, subject, detail_json) VALUES ($1,$2,$3,$4,$5)', [
      e.atMs,
      e.actor,
      e.action,
      e.subject,
      JSON.stringify(e.detail),
    ]);
  }

  async list(f: { subject?: string; action?: string; limit: number }): Promise<AuditEntry[]> {
    const rows = await this.db.rows<AuditEntry & { detail: string }>(
      `SELECT at_ms AS "atMs", actor, action, subject, detail_json AS detail FROM audit
       WHERE ($1::text IS NULL OR subject = $1) AND ($2::text IS NULL OR action = $2) ORDER BY id DESC LIMIT $3`,
      [f.subject ?? null, f.action ?? null, f.limit],
    );
    return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));
  }
}
