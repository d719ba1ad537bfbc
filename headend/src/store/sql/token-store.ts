import type { ApiToken, Role, TokenStore } from '../../ports/token-store';
import { affected } from './sql-context';
import type { SqlContext } from './sql-context';

const COLS = ['id', 'name', 'role', 'staff_no', 'created_at_ms', 'revoked_at_ms'] as const;

function toToken(r: {
  id: string;
  name: string;
  role: string;
  staff_no: string;
  created_at_ms: number;
  revoked_at_ms: number;
}): ApiToken {
  return {
    id: r.id,
    name: r.name,
    role: r.role as Role,
    staffNo: r.staff_no,
    createdAtMs: r.created_at_ms,
    revokedAtMs: r.revoked_at_ms,
  };
}

/** API tokens, stored as sha256 hashes only. */
export class SqlTokenStore implements TokenStore {
  constructor(private readonly ctx: SqlContext) {}

  async insert(t: ApiToken, tokenHash: string): Promise<void> {
    await this.ctx.db
      .insertInto('api_tokens')
      .values({
        id: t.id,
        name: t.name,
        role: t.role,
        staff_no: t.staffNo,
        token_hash: tokenHash,
        created_at_ms: t.createdAtMs,
      })
      .execute();
  }

  async findByHash(tokenHash: string): Promise<ApiToken | undefined> {
    const r = await this.ctx.db
      .selectFrom('api_tokens')
      .select(COLS)
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    return r === undefined ? undefined : toToken(r);
  }

  async list(): Promise<ApiToken[]> {
    const rows = await this.ctx.db.selectFrom('api_tokens').select(COLS).orderBy('created_at_ms').execute();
    return rows.map(toToken);
  }

  /** True only for the revocation that took effect: a revoked token keeps its first revocation time. */
  async revoke(id: string, atMs: number): Promise<boolean> {
    const r = await this.ctx.db
      .updateTable('api_tokens')
      .set({ revoked_at_ms: atMs })
      .where('id', '=', id)
      .where('revoked_at_ms', '=', 0)
      .executeTakeFirst();
    return affected(r) === 1;
  }

  async revokeStaff(staffNo: string, atMs: number): Promise<number> {
    const r = await this.ctx.db
      .updateTable('api_tokens')
      .set({ revoked_at_ms: atMs })
      .where('staff_no', '=', staffNo)
      .where('staff_no', '<>', '')
      .where('revoked_at_ms', '=', 0)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }
}
