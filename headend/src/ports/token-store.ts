export type Role = 'operator' | 'billing' | 'maintainer' | 'supervisor' | 'read-only';
export const ROLES: readonly Role[] = ['operator', 'billing', 'maintainer', 'supervisor', 'read-only'];

export interface ApiToken {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  /** The staff member the token was issued to ('' for a system: the billing feed, a dashboard). */
  readonly staffNo: string;
  readonly createdAtMs: number;
  readonly revokedAtMs: number;
}

/** API tokens, stored as sha256 hashes; the clear token is shown once, at creation. */
export interface TokenStore {
  insert(token: ApiToken, tokenHash: string): Promise<void>;
  findByHash(tokenHash: string): Promise<ApiToken | undefined>;
  list(): Promise<ApiToken[]>;
  revoke(id: string, atMs: number): Promise<boolean>;
  /** Revokes every token issued to a staff member (they left); how many. */
  revokeStaff(staffNo: string, atMs: number): Promise<number>;
}
