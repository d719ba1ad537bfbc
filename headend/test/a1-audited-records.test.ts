import { beforeEach, describe, expect, it } from 'vitest';
import { useSeededHeadend } from './support/test-headend';
import type { TestHeadend } from './support/test-headend';

/** A1: staff may not change customer data or payment records on their own (不准私自更改用户资料和收费记录). */
describe('A1: customer and payment records change only through audited operations; payments are never edited', () => {
  const headend = useSeededHeadend();
  let t: TestHeadend;
  beforeEach(() => {
    t = headend();
  });

  it('a payment, once recorded, has no way to be edited or deleted, and its receipt is in the audit log', async () => {
    const paid = await t.api('POST', '/api/v1/billing/payments', {
      paymentId: 'pay-a1',
      accountId: 'acct-1',
      amountMinor: 5200,
      paidAtMs: t.clock.now(),
      method: 'cash',
    });
    expect(paid.status).toBe(200);
    for (const method of ['PUT', 'DELETE'] as const) {
      const r = await t.api(method, '/api/v1/billing/payments/pay-a1', { amountMinor: 1 });
      expect(r.status, method).toBe(404); // no such operation exists
    }
    const history = (await t.api('GET', '/api/v1/accounts/acct-1/payments')).body.items as Array<{ id: string }>;
    expect(history.filter((p) => p.id === 'pay-a1')).toHaveLength(1);
    const audit = (await t.api('GET', '/api/v1/audit?action=payment.received')).body.items as Array<{
      detail: Record<string, unknown>;
    }>;
    expect(JSON.stringify(audit)).toContain('pay-a1');
  });

  it('a zone’s record changed by hand is audited with who, before and after', async () => {
    const r = await t.api('PUT', '/api/v1/zones/z-east', { name: '东城新区', type: 'urban', maintainer: 'wang' });
    expect(r.status).toBe(200);
    const [entry] = (await t.api('GET', '/api/v1/audit?subject=z-east')).body.items as Array<{
      action: string;
      actor: string;
      detail: { before: { name: string }; after: { name: string } };
    }>;
    expect(entry).toMatchObject({ action: 'zone.saved', actor: 'operator:test-operator' });
    expect(entry?.detail.after.name).toBe('东城新区');
    expect(entry?.detail.before.name).not.toBe('东城新区');
  });
});
