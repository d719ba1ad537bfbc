import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '@stb-notify/protocol';
import { newId } from '../domain/ids';
import type { ApiToken, Role, TokenStore } from '../ports/token-store';

function hash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Operator API tokens: "stbn_" + 32 random bytes; only the hash is stored. */
export class TokenService {
  constructor(
    private readonly store: TokenStore,
    private readonly clock: Clock,
  ) {}

  async create(name: string, role: Role): Promise<{ token: string; record: ApiToken }> {
    const token = `stbn_${randomBytes(32).toString('base64url')}`;
    const now = this.clock.now();
    const record: ApiToken = { id: newId('tok', now), name, role, createdAtMs: now, revokedAtMs: 0 };
    await this.store.insert(record, hash(token));
    return { token, record };
  }

  async verify(token: string): Promise<ApiToken | undefined> {
    if (!token.startsWith('stbn_') || token.length > 100) return undefined;
    const t = await this.store.findByHash(hash(token));
    return t === undefined || t.revokedAtMs !== 0 ? undefined : t;
  }
}
