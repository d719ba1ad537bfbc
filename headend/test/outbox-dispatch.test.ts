import { beforeEach, describe, expect, it } from 'vitest';
import { HOUR, MINUTE, T0 } from './support/manual-clock';
import { warnAcct1 } from './support/billing-fixtures';
import { connectBoxes, until } from './support/test-box';
import { useSeededHeadend } from './support/test-headend';
import type { TestHeadend } from './support/test-headend';

const zh = { lang: 'zh-CN', title: '通知', body: '内容' };

/** Issue 15: what the outbox publishes, and what it must not. Also runs on PostgreSQL. */
describe('outbox: committed notices go out once, cancelled ones never', () => {
  const headend = useSeededHeadend();
  let t: TestHeadend;
  beforeEach(() => {
    t = headend();
  });

  it('a notice whose publish failed and that was cancelled before the retry never reaches the box', async () => {
    const [box] = await connectBoxes(t, ['box-3']);
    const broker = t.h.broker;
    const publish = broker.publish.bind(broker);
    broker.publish = () => Promise.reject(new Error('broker down'));
    const sent = await t.api('POST', '/api/v1/notices', {
      kind: 'ANNOUNCEMENT',
      target: { type: 'boxes', boxIds: ['box-3'] },
      texts: [zh],
    });
    expect(sent.status).toBe(201);
    const id = (sent.body.notice as { id: string }).id;
    broker.publish = publish;
    expect((await t.api('POST', `/api/v1/notices/${id}/cancel`, { reason: 'wrong text' })).status).toBe(200);
    t.clock.advance(MINUTE); // the failed publish's claim lapses: the sweep looks at it again
    await t.h.scheduler.runDue();
    await t.h.settle();
    // A later notice arrives, so the box is listening; the cancelled one never did.
    const later = await t.api('POST', '/api/v1/notices', {
      kind: 'ANNOUNCEMENT',
      target: { type: 'boxes', boxIds: ['box-3'] },
      texts: [zh],
    });
    const laterId = (later.body.notice as { id: string }).id;
    await until(() => box?.noticeIds().includes(laterId) === true, 'the later notice');
    expect(box?.noticeIds()).toEqual([laterId]);
    await box?.disconnect();
  });

  it('N2/N3: the suspension job and a full payment at the same moment — the account ends active, never left suspended', async () => {
    await warnAcct1(t);
    t.clock.set(T0 + 24 * HOUR);
    const [, paid] = await Promise.all([
      t.h.scheduler.runDue(),
      t.api('POST', '/api/v1/billing/payments', {
        paymentId: 'p-race',
        accountId: 'acct-1',
        amountMinor: 5200,
        invoiceId: 'inv-1',
        paidAtMs: t.clock.now(),
        method: 'wechat',
      }),
    ]);
    expect(paid.status).toBe(200);
    expect((await t.h.stores.registry.getAccount('acct-1'))?.status).toBe('active');
    const count = async (kind: 'SUSPENDED' | 'RESTORED') =>
      (await t.h.stores.notices.list({ limit: 10, offset: 0, kind })).items.length;
    // Either the payment won (no suspension) or the suspension came first and was restored.
    expect(await count('SUSPENDED')).toBe(await count('RESTORED'));
    const [s] = await t.h.stores.billing.suspensions('acct-1');
    expect(s?.state === 'cancelled' || s?.state === 'lifted').toBe(true);
  });
});
