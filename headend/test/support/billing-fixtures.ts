import { expect } from 'vitest';
import { HOUR, T0 } from './manual-clock';
import type { TestHeadend } from './test-headend';

/** acct-1 (boxes box-1 and box-2) owes 52.00 yuan on inv-1, due at T0, and is warned now (N2). */
export async function warnAcct1(t: TestHeadend): Promise<{ body: Record<string, unknown> }> {
  await t.api('POST', '/api/v1/billing/invoices', {
    invoiceId: 'inv-1',
    accountId: 'acct-1',
    amountMinor: 5200,
    dueAtMs: T0,
  });
  const r = await t.api('POST', '/api/v1/billing/overdue', { accountId: 'acct-1', amountMinor: 5200 });
  expect(r.status).toBe(201);
  return r;
}

/** As warnAcct1, then suspended 24 h later; the clock is left at T0 + 24 h. */
export async function suspendAcct1(t: TestHeadend): Promise<void> {
  await warnAcct1(t);
  t.clock.set(T0 + 24 * HOUR);
  await t.h.scheduler.runDue();
  expect((await t.h.stores.registry.getAccount('acct-1'))?.status).toBe('suspended');
}
