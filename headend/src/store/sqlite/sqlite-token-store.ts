import type Database from 'better-sqlite3';
import type { GroupCommit } from './group-commit';
import { statementCache } from './statement-cache';
import type { ApiToken, TokenStore } from '../../ports/token-store';

const COLS = 'id, name, role, created_at_ms AS createdAtMs, revoked_at_ms AS revokedAtMs';

export class SqliteTokenStore implements TokenStore {
  private readonly prepare: (sql: string) => Database.Statement;

  constructor(
    db: Database.Database,
    private readonly tx: GroupCommit,
  ) {
    this.prepare = statementCache(db);
  }

  async insert(t: ApiToken, tokenHash: string): Promise<void> {
    await this.tx.write(() =>
      this.prepare('INSERT INTO api_tokens (id, name, role, token_hash, created_at_ms) VALUES (?, ?, ?, ?, ?)').run(
        t.id,
        t.name,
        t.role,
        tokenHash,
        t.createdAtMs,
      ),
    );
  }

  async findByHash(tokenHash: string): Promise<ApiToken | undefined> {
    return this.prepare(`SELECT ${COLS} FROM api_tokens WHERE token_hash = ?`).get(tokenHash) as ApiToken | undefined;
  }

  async list(): Promise<ApiToken[]> {
    return this.prepare(`SELECT ${COLS} FROM api_tokens ORDER BY created_at_ms`).all() as ApiToken[];
  }

  async revoke(id: string, atMs: number): Promise<boolean> {
    return this.tx.write(
      () =>
        this.prepare('UPDATE api_tokens SET revoked_at_ms = ? WHERE id = ? AND revoked_at_ms = 0').run(atMs, id)
          .changes === 1,
    );
  }
}
