import { describe, expect, it } from 'vitest';
import type { Suspension } from '../../src/ports/billing-store';
import type { StoresFactory } from './stores-factory';

const suspension = (id: string): Suspension => ({
  id,
  accountId: 'a1',
  warningNoticeId: `w-${id}`,
  warnedAtMs: 1,
  suspendAtMs: 2,
  state: 'scheduled',
  executedAtMs: 0,
  suspendedNoticeId: '',
  note: '',
  amountMinor: 100,
  paidMinor: 0,
});

/** Issue 15: a unit of work across ports commits together or not at all, on every engine. */
export function unitOfWorkContract(name: string, open: StoresFactory): void {
  describe(`Stores.transaction contract: ${name}`, () => {
    it('a failure after writes to three ports keeps none of them', async () => {
      const s = await open();
      await s.registry.upsertAccounts([{ id: 'a1', name: 'A' }]);
      await expect(
        s.transaction(async (tx) => {
          await tx.registry.setAccountStatus('a1', 'overdue');
          await tx.billing.insertSuspension(suspension('s1'));
          await tx.audit.append({ atMs: 1, actor: 't', action: 'x', subject: 'a1', detail: {} });
          throw new Error('crash before commit');
        }),
      ).rejects.toThrow('crash before commit');
      expect((await s.registry.getAccount('a1'))?.status).toBe('active');
      expect(await s.billing.suspensions('a1')).toEqual([]);
      expect(await s.audit.list({ subject: 'a1', limit: 10 })).toEqual([]);
      await s.close();
    });

    it('20 units of work at once claiming one suspension: one commits its claim and its audit entry', async () => {
      const s = await open();
      await s.registry.upsertAccounts([{ id: 'a1', name: 'A' }]);
      const won = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          s.transaction(async (tx) => {
            if (!(await tx.billing.insertSuspension(suspension(`s${i}`)))) return false;
            await tx.audit.append({ atMs: i, actor: 't', action: 'claimed', subject: 'a1', detail: { i } });
            await tx.registry.setAccountStatus('a1', 'overdue');
            return true;
          }),
        ),
      );
      expect(won.filter(Boolean)).toHaveLength(1);
      expect(await s.billing.suspensions('a1')).toHaveLength(1);
      expect(await s.audit.list({ subject: 'a1', limit: 50 })).toHaveLength(1);
      await s.close();
    });

    it('a write made beside a unit of work that fails is kept; the unit of work is not', async () => {
      const s = await open();
      await s.registry.upsertAccounts([
        { id: 'a1', name: 'A' },
        { id: 'a2', name: 'B' },
      ]);
      let beside: Promise<void> | undefined;
      const failed = s.transaction(async (tx) => {
        await tx.registry.setAccountStatus('a1', 'suspended');
        beside = s.registry.setAccountStatus('a2', 'overdue');
        await tx.audit.append({ atMs: 1, actor: 't', action: 'x', subject: 'a1', detail: {} });
        throw new Error('rolled back');
      });
      await expect(failed).rejects.toThrow('rolled back');
      await beside;
      expect((await s.registry.getAccount('a1'))?.status).toBe('active');
      expect((await s.registry.getAccount('a2'))?.status).toBe('overdue');
      await s.close();
    });
  });
}
