import { describe, expect, it } from 'vitest';
import type { StoresFactory } from './stores-factory';

export function tokenAndAuditContract(name: string, open: StoresFactory): void {
  describe(`TokenStore and AuditLog contract: ${name}`, () => {
    it('finds tokens by hash and revokes them once', async () => {
      const s = await open();
      const t = { id: 't1', name: 'alice', role: 'operator' as const, createdAtMs: 1, revokedAtMs: 0 };
      await s.tokens.insert(t, 'hash1');
      expect(await s.tokens.findByHash('hash1')).toEqual(t);
      expect(await s.tokens.findByHash('other')).toBeUndefined();
      expect(await s.tokens.revoke('t1', 5)).toBe(true);
      expect(await s.tokens.revoke('t1', 6)).toBe(false);
      expect(await s.tokens.list()).toEqual([{ ...t, revokedAtMs: 5 }]);
      await s.close();
    });

    it('lists audit entries newest first, filtered', async () => {
      const s = await open();
      await s.audit.append({ atMs: 1, actor: 'a', action: 'x', subject: 's1', detail: { n: 1 } });
      await s.audit.append({ atMs: 2, actor: 'a', action: 'y', subject: 's1', detail: {} });
      await s.audit.append({ atMs: 3, actor: 'b', action: 'x', subject: 's2', detail: {} });
      expect((await s.audit.list({ subject: 's1', limit: 10 })).map((e) => e.action)).toEqual(['y', 'x']);
      expect((await s.audit.list({ action: 'x', limit: 10 })).map((e) => e.subject)).toEqual(['s2', 's1']);
      expect((await s.audit.list({ subject: 's1', action: 'x', limit: 10 }))[0]?.detail).toEqual({ n: 1 });
      await s.close();
    });
  });
}
