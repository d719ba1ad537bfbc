import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '@stb-notify/protocol';
import { newId } from '../domain/ids';
import { HeadendError, notFound } from '../errors';
import type { StaffMember } from '../ports/staff-store';
import type { StorePorts, Stores } from '../ports/store';
import type { ApiToken, Role } from '../ports/token-store';

function hash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Operator API tokens: "stbn_" + 32 random bytes; only the hash is stored. A token issued to
 * a staff member carries their name and role (issue 16: a person is a staff number, never
 * free text); a system's token (the billing feed) has a name and a role of its own.
 */
export class TokenService {
  constructor(
    private readonly stores: Pick<StorePorts, 'tokens' | 'staff' | 'audit'> & Pick<Stores, 'transaction'>,
    private readonly clock: Clock,
  ) {}

  /** Adds a staff member (staff number, name, phone, role), audited; a staff number is never reused. */
  async addStaff(m: Omit<StaffMember, 'createdAtMs' | 'leftAtMs'>, actor: string): Promise<StaffMember> {
    const member: StaffMember = { ...m, createdAtMs: this.clock.now(), leftAtMs: 0 };
    await this.stores.transaction(async (tx) => {
      if (!(await tx.staff.insertStaff(member))) throw new HeadendError('CONFLICT', `staff number ${m.staffNo} exists`);
      const detail = { name: m.name, role: m.role, zoneId: m.zoneId };
      await tx.audit.append({ atMs: member.createdAtMs, actor, action: 'staff.added', subject: m.staffNo, detail });
    });
    return member;
  }

  /** A staff member left: they can no longer ask or decide, and every token issued to them is revoked. */
  async staffLeft(staffNo: string, actor: string): Promise<{ staffNo: string; tokensRevoked: number }> {
    const now = this.clock.now();
    return this.stores.transaction(async (tx) => {
      if (!(await tx.staff.markLeft(staffNo, now))) throw notFound('staff member (still here)', staffNo);
      const tokensRevoked = await tx.tokens.revokeStaff(staffNo, now);
      await tx.audit.append({ atMs: now, actor, action: 'staff.left', subject: staffNo, detail: { tokensRevoked } });
      return { staffNo, tokensRevoked };
    });
  }

  async create(name: string, role: Role, staffNo = ''): Promise<{ token: string; record: ApiToken }> {
    if (staffNo !== '') {
      const member = await this.stores.staff.getStaff(staffNo);
      if (member === undefined) throw notFound('staff member', staffNo);
      if (member.leftAtMs !== 0) throw new HeadendError('CONFLICT', `staff member ${staffNo} has left`);
      name = member.name;
      role = member.role;
    } else if (role === 'supervisor') {
      throw new HeadendError('VALIDATION', 'a supervisor token is issued to a staff member (--staff)');
    }
    const token = `stbn_${randomBytes(32).toString('base64url')}`;
    const now = this.clock.now();
    const record: ApiToken = { id: newId('tok', now), name, role, staffNo, createdAtMs: now, revokedAtMs: 0 };
    await this.stores.tokens.insert(record, hash(token));
    return { token, record };
  }

  async verify(token: string): Promise<ApiToken | undefined> {
    if (!token.startsWith('stbn_') || token.length > 100) return undefined;
    const t = await this.stores.tokens.findByHash(hash(token));
    return t === undefined || t.revokedAtMs !== 0 ? undefined : t;
  }
}
