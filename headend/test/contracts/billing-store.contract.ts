import { describe, expect, it } from 'vitest';
import type { Suspension } from '../../src/ports/billing-store';
import type { StoresFactory } from './stores-factory';

export function billingStoreContract(name: string, open: StoresFactory): void {
  describe(`BillingStore contract: ${name}`, () => {
    it('invoices and idempotent payments', async () => {
      const s = await open();
      await s.billing.upsertInvoice({ id: 'i1', accountId: 'a1', amountMinor: 2600, currency: 'CNY', dueAtMs: 100 });
      await s.billing.upsertInvoice({ id: 'i2', accountId: 'a1', amountMinor: 100, currency: 'CNY', dueAtMs: 50 });
      expect((await s.billing.openInvoices('a1')).map((i) => i.id)).toEqual(['i2', 'i1']);
      const p = {
        id: 'p1',
        accountId: 'a1',
        amountMinor: 2600,
        currency: 'CNY',
        paidAtMs: 90,
        invoiceId: 'i1',
        method: 'cash',
      };
      expect(await s.billing.recordPayment(p)).toBe(true);
      expect(await s.billing.recordPayment(p)).toBe(false);
      expect(await s.billing.getInvoice('i1')).toMatchObject({ status: 'paid', paidAtMs: 90 });
      expect((await s.billing.openInvoices('a1')).map((i) => i.id)).toEqual(['i2']);
      expect(await s.billing.payments('a1', 0)).toEqual([p]);
      expect(await s.billing.payments('a1', 91)).toEqual([]);
      await s.close();
    });

    it('suspensions and restores', async () => {
      const s = await open();
      const sus: Suspension = {
        id: 's1',
        accountId: 'a1',
        warningNoticeId: 'n1',
        warnedAtMs: 0,
        suspendAtMs: 100,
        state: 'scheduled',
        executedAtMs: 0,
        suspendedNoticeId: '',
        note: '',
      };
      await s.billing.insertSuspension(sus);
      expect(await s.billing.activeSuspension('a1')).toEqual(sus);
      await s.billing.updateSuspension('s1', {
        state: 'executed',
        executedAtMs: 100,
        suspendedNoticeId: 'n2',
        suspendAtMs: 100,
      });
      expect(await s.billing.getSuspension('s1')).toMatchObject({
        state: 'executed',
        executedAtMs: 100,
        suspendedNoticeId: 'n2',
      });
      await s.billing.updateSuspension('s1', { state: 'lifted' });
      expect(await s.billing.activeSuspension('a1')).toBeUndefined();
      expect(await s.billing.suspensions('a1')).toHaveLength(1);
      await s.billing.insertRestore({
        id: 'r1',
        accountId: 'a1',
        suspensionId: 's1',
        paidAtMs: 5,
        deadlineMs: 10,
        restoredAtMs: 0,
        noticeId: '',
      });
      expect(await s.billing.restores({ unrestoredOnly: true, limit: 10 })).toHaveLength(1);
      await s.billing.markRestored('r1', 7, 'n3');
      expect(await s.billing.restores({ unrestoredOnly: true, limit: 10 })).toHaveLength(0);
      expect(await s.billing.restores({ accountId: 'a1', limit: 10 })).toEqual([
        { id: 'r1', accountId: 'a1', suspensionId: 's1', paidAtMs: 5, deadlineMs: 10, restoredAtMs: 7, noticeId: 'n3' },
      ]);
      await s.close();
    });
  });
}
