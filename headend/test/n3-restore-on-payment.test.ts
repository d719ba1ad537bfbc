import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY, HOUR, T0 } from './support/manual-clock';
import { suspendAcct1, warnAcct1 } from './support/billing-fixtures';
import { removeDir, seedRegistry, startTestHeadend } from './support/test-headend';
import type { TestHeadend } from './support/test-headend';

describe('N3: a payment restores service at once and the 24 h deadline is tracked', () => {
  let t: TestHeadend;
  beforeEach(async () => {
    t = await startTestHeadend();
    await seedRegistry(t);
  });
  afterEach(async () => {
    await t.stop();
    await removeDir(t.dir);
  });

  const suspend = () => suspendAcct1(t);

  const pay = (paidAtMs: number, id = 'pay-1') =>
    t.api('POST', '/api/v1/billing/payments', {
      paymentId: id,
      accountId: 'acct-1',
      amountMinor: 5200,
      paidAtMs,
      invoiceId: 'inv-1',
      method: 'wechat',
    });

  it('restores a suspended account and pushes RESTORED to its boxes, within the deadline', async () => {
    await suspend();
    t.clock.advance(3 * HOUR);
    const r = await pay(t.clock.now());
    expect(r.status).toBe(200);
    expect(r.body.restore).toMatchObject({
      accountId: 'acct-1',
      restoredAtMs: t.clock.now(),
      deadlineMs: t.clock.now() + 24 * HOUR,
    });
    expect((await t.h.stores.registry.getAccount('acct-1'))?.status).toBe('active');
    const restored = (await t.h.stores.notices.list({ limit: 10, offset: 0, kind: 'RESTORED' })).items;
    expect(restored).toHaveLength(1);
    expect((await t.h.stores.notices.counts(restored[0]?.id ?? '', t.clock.now())).total.queued).toBe(2);
    const list = await t.api('GET', '/api/v1/restores');
    expect(list.body.items).toEqual([expect.objectContaining({ accountId: 'acct-1', breached: false })]);
  });

  it('a payment reported more than 24 h late shows as a breach', async () => {
    await suspend();
    t.clock.advance(2 * DAY);
    await pay(t.clock.now() - 30 * HOUR);
    const list = await t.api('GET', '/api/v1/restores');
    expect(list.body.items).toEqual([expect.objectContaining({ breached: true })]);
  });

  it('paying before the suspension cancels it, withdraws the warning and replaces it with a confirmation', async () => {
    const s = await warnAcct1(t);
    t.clock.advance(5 * HOUR);
    const r = await pay(t.clock.now());
    expect(r.body.cancelledSuspension).toBe(s.body.id);
    const warning = await t.h.stores.notices.get(String(s.body.warningNoticeId));
    expect(warning?.status).toBe('cancelled');
    // The same collapse key as the warning: the boxes' mailboxes replace "will be suspended" with it.
    const [confirmation] = (await t.h.stores.notices.list({ limit: 5, offset: 0, kind: 'ANNOUNCEMENT' })).items;
    expect(confirmation).toMatchObject({ collapseKey: warning?.collapseKey, accountId: 'acct-1' });
    expect(confirmation?.texts[0]?.body).toContain('停机已取消');
    t.clock.set(T0 + 2 * DAY);
    await t.h.scheduler.runDue();
    expect((await t.h.stores.registry.getAccount('acct-1'))?.status).toBe('active');
  });

  it('the same payment event twice is recorded once', async () => {
    await suspend();
    await pay(t.clock.now());
    const again = await pay(t.clock.now());
    expect(again.body.duplicate).toBe(true);
    expect((await t.h.stores.notices.list({ limit: 10, offset: 0, kind: 'RESTORED' })).total).toBe(1);
  });

  it('N6: the payment history covers the last 12 months', async () => {
    await t.api('POST', '/api/v1/billing/payments', {
      paymentId: 'old',
      accountId: 'acct-1',
      amountMinor: 100,
      paidAtMs: T0 - 400 * DAY,
    });
    await t.api('POST', '/api/v1/billing/payments', {
      paymentId: 'recent',
      accountId: 'acct-1',
      amountMinor: 2600,
      paidAtMs: T0 - 30 * DAY,
    });
    const r = await t.api('GET', '/api/v1/accounts/acct-1/payments');
    expect((r.body.items as Array<{ id: string }>).map((p) => p.id)).toEqual(['recent']);
  });
});
