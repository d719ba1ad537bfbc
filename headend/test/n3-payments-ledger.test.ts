import { beforeEach, describe, expect, it } from 'vitest';
import { HOUR } from './support/manual-clock';
import { suspendAcct1 } from './support/billing-fixtures';
import { useSeededHeadend } from './support/test-headend';
import type { TestHeadend } from './support/test-headend';

/**
 * N3 as a ledger (issue 15): what an account owes decides restore, not whether a payment
 * names an invoice; the billing system's retries are idempotent by payment id, and a retry of
 * a payment whose processing failed completes it. Also runs on PostgreSQL.
 */
describe('N3: payments are booked against what is owed; restore once, when it is covered', () => {
  const headend = useSeededHeadend();
  let t: TestHeadend;
  beforeEach(() => {
    t = headend();
  });

  async function suspended(): Promise<void> {
    await suspendAcct1(t);
    t.clock.advance(HOUR);
  }

  const pay = (paymentId: string, amountMinor: number, invoiceId?: string) =>
    t.api('POST', '/api/v1/billing/payments', {
      paymentId,
      accountId: 'acct-1',
      amountMinor,
      paidAtMs: t.clock.now(),
      ...(invoiceId === undefined ? {} : { invoiceId }),
      method: 'wechat',
    });
  const status = async () => (await t.h.stores.registry.getAccount('acct-1'))?.status;
  const restoredNotices = async () =>
    (await t.h.stores.notices.list({ limit: 10, offset: 0, kind: 'RESTORED' })).items.length;

  it('a 1-fen payment naming the invoice lifts nothing; the rest of the money restores, once', async () => {
    await suspended();
    expect((await pay('p-fen', 1, 'inv-1')).body).not.toHaveProperty('restore');
    expect(await status()).toBe('suspended');
    expect(await t.h.stores.billing.getInvoice('inv-1')).toMatchObject({ status: 'open', paidMinor: 1 });
    expect(await restoredNotices()).toBe(0);
    const rest = await pay('p-rest', 5199, 'inv-1');
    expect(rest.body.restore).toMatchObject({ accountId: 'acct-1', restoredAtMs: t.clock.now() });
    expect(await status()).toBe('active');
    expect(await restoredNotices()).toBe(1);
  });

  it('a full payment without an invoice id restores, and shows in /restores', async () => {
    await suspended();
    const r = await pay('p-noinv', 5200);
    expect(r.body.restore).toMatchObject({ accountId: 'acct-1' });
    expect(await status()).toBe('active');
    expect(await t.h.stores.billing.getInvoice('inv-1')).toMatchObject({ status: 'paid' });
    expect((await t.api('GET', '/api/v1/restores')).body.items).toEqual([
      expect.objectContaining({ accountId: 'acct-1', breached: false }),
    ]);
  });

  it('an overpayment restores once; the same payment id again is a duplicate that changes nothing', async () => {
    await suspended();
    expect((await pay('p-big', 10_000, 'inv-1')).body.restore).toBeDefined();
    const again = await pay('p-big', 10_000, 'inv-1');
    expect(again.body).toMatchObject({ duplicate: true });
    expect(await restoredNotices()).toBe(1);
    expect((await t.api('GET', '/api/v1/restores')).body.items).toHaveLength(1);
  });

  it('two halves paid at the same moment restore exactly once', async () => {
    await suspended();
    await Promise.all([pay('p-half-1', 2600), pay('p-half-2', 2600)]);
    expect(await status()).toBe('active');
    expect(await restoredNotices()).toBe(1);
    expect((await t.api('GET', '/api/v1/restores')).body.items).toHaveLength(1);
  });

  it('the billing system’s retry of a payment whose restore failed midway completes it', async () => {
    await suspended();
    const notices = t.h.notices;
    const stage = notices.stage.bind(notices);
    let failures = 0;
    notices.stage = async (tx, p) => {
      if (p.record.kind === 'RESTORED' && failures++ === 0) throw new Error('disk full');
      return stage(tx, p);
    };
    expect((await pay('p-retry', 5200, 'inv-1')).status).toBe(500);
    // One unit of work: nothing of the payment was kept, so the retry is booked afresh.
    expect(await restoredNotices()).toBe(0);
    expect(await status()).toBe('suspended');
    expect(await t.h.stores.billing.payments('acct-1', 0)).toEqual([]);
    const retry = await pay('p-retry', 5200, 'inv-1');
    expect(retry.status).toBe(200);
    expect(retry.body).not.toMatchObject({ duplicate: true });
    expect(retry.body.restore).toMatchObject({ accountId: 'acct-1' });
    expect(await status()).toBe('active');
    expect(await restoredNotices()).toBe(1);
    // Done now: a third delivery of the same payment is a plain duplicate.
    expect((await pay('p-retry', 5200, 'inv-1')).body).toMatchObject({ duplicate: true });
    expect(await restoredNotices()).toBe(1);
  });
});
