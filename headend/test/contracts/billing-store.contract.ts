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
      expect(await s.billing.recordPayment(p)).toEqual({ fresh: true, processed: false });
      expect(await s.billing.recordPayment(p)).toEqual({ fresh: false, processed: false });
      await s.billing.markPaymentProcessed('p1', 95);
      expect(await s.billing.recordPayment(p)).toEqual({ fresh: false, processed: true });
      expect(await s.billing.getInvoice('i1')).toMatchObject({ status: 'paid', paidAtMs: 90, paidMinor: 2600 });
      expect((await s.billing.openInvoices('a1')).map((i) => i.id)).toEqual(['i2']);
      expect(await s.billing.payments('a1', 0)).toEqual([p]);
      expect(await s.billing.payments('a1', 91)).toEqual([]);
      await s.close();
    });

    it('N3 ledger: a partial payment leaves the invoice open, the next one settles it; unnamed payments go oldest first', async () => {
      const s = await open();
      await s.billing.upsertInvoice({ id: 'old', accountId: 'a1', amountMinor: 1000, currency: 'CNY', dueAtMs: 10 });
      await s.billing.upsertInvoice({ id: 'new', accountId: 'a1', amountMinor: 2000, currency: 'CNY', dueAtMs: 20 });
      const pay = (id: string, amountMinor: number, invoiceId = '') =>
        s.billing.recordPayment({
          id,
          accountId: 'a1',
          amountMinor,
          currency: 'CNY',
          paidAtMs: 30,
          invoiceId,
          method: 'x',
        });
      await pay('p1', 1, 'new');
      expect(await s.billing.getInvoice('new')).toMatchObject({ status: 'open', paidMinor: 1 });
      await pay('p2', 1500); // unnamed: the old invoice (1000), then 500 on the new one
      expect(await s.billing.getInvoice('old')).toMatchObject({ status: 'paid', paidMinor: 1000 });
      expect(await s.billing.getInvoice('new')).toMatchObject({ status: 'open', paidMinor: 501 });
      // Ten payments at once book without losing one.
      await Promise.all(Array.from({ length: 10 }, (_, i) => pay(`q${i}`, 150)));
      expect(await s.billing.getInvoice('new')).toMatchObject({ status: 'paid', paidMinor: 2000 });
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
        amountMinor: 5200,
        paidMinor: 0,
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
      // One restore per suspension.
      expect(
        await s.billing.insertRestore({
          id: 'r2',
          accountId: 'a1',
          suspensionId: 's1',
          paidAtMs: 6,
          deadlineMs: 11,
          restoredAtMs: 0,
          noticeId: '',
        }),
      ).toBe(false);
      await s.billing.markRestored('r1', 7, 'n3');
      expect(await s.billing.restores({ unrestoredOnly: true, limit: 10 })).toHaveLength(0);
      expect(await s.billing.restores({ accountId: 'a1', limit: 10 })).toEqual([
        { id: 'r1', accountId: 'a1', suspensionId: 's1', paidAtMs: 5, deadlineMs: 10, restoredAtMs: 7, noticeId: 'n3' },
      ]);
      await s.close();
    });
  });
}
