export type Role = 'operator' | 'billing' | 'maintainer' | 'read-only';
export const ROLES: readonly Role[] = ['operator', 'billing', 'maintainer', 'read-only'];

export interface ApiToken {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly createdAtMs: number;
  readonly revokedAtMs: number;
}

/** API tokens, stored as sha256 hashes; the clear token is shown once, at creation. */
export interface TokenStore {
  insert(token: ApiToken, tokenHash: string): Promise<void>;
  findByHash(tokenHash: string): Promise<ApiToken | undefined>;
  list(): Promise<ApiToken[]>;
  revoke(id: string, atMs: number): Promise<boolean>;
}
