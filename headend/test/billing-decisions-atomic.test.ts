import { beforeEach, describe, expect, it } from 'vitest';
import { DAY, HOUR } from './support/manual-clock';
import { useSeededHeadend } from './support/test-headend';
import type { TestHeadend } from './support/test-headend';

/** Issue 15: a billing decision and the jobs it schedules commit together, also when several arrive at once. */
describe('billing decisions are one unit of work each', () => {
  const headend = useSeededHeadend();
  let t: TestHeadend;
  beforeEach(() => {
    t = headend();
  });

  const pendingJobs = async (kind: string) =>
    (await t.h.stores.jobs.list({ state: 'pending', kind, limit: 100 })).filter((j) => j.kind === kind);

  it('N2: five moves of one suspension at once leave exactly one suspension job, at the time the suspension says', async () => {
    const first = t.clock.now() + 30 * HOUR;
    const s = await t.api('POST', '/api/v1/billing/overdue', {
      accountId: 'acct-2',
      amountMinor: 5200,
      suspendAtMs: first,
    });
    expect(s.status).toBe(201);
    const moves = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => t.api('PUT', '/api/v1/accounts/acct-2/suspension', { suspendAtMs: first + n * HOUR })),
    );
    expect(moves.map((m) => m.status)).toEqual([200, 200, 200, 200, 200]);
    const jobs = await pendingJobs('suspend');
    expect(jobs).toHaveLength(1);
    const now = await t.api('GET', '/api/v1/accounts/acct-2/suspensions');
    const stored = (now.body.items as Array<{ id: string; suspendAtMs: number }>).find((x) => x.id === s.body.id);
    expect(jobs[0]?.runAtMs).toBe(stored?.suspendAtMs);
  });

  it('N1: an invoice is stored with its reminders; the same invoice twice at once schedules them once', async () => {
    const inv = {
      invoiceId: 'inv-9',
      accountId: 'acct-1',
      amountMinor: 3000,
      dueAtMs: t.clock.now() + 10 * DAY,
    };
    const both = await Promise.all([1, 2].map(() => t.api('POST', '/api/v1/billing/invoices', inv)));
    expect(both.map((r) => r.status)).toEqual([202, 202]);
    const reminders = await pendingJobs('fee-reminder');
    expect(reminders.map((j) => j.runAtMs).sort()).toEqual([7, 3, 1].map((d) => inv.dueAtMs - d * DAY).sort());
  });
});
