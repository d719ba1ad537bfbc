import { beforeEach, describe, expect, it } from 'vitest';
import { useSeededHeadend } from './support/test-headend';
import type { TestHeadend } from './support/test-headend';

/** N2 with the account's one pending suspension held by the database (issue 15). Also runs on PostgreSQL. */
describe('N2: one pending suspension per account, however the overdue events arrive', () => {
  const headend = useSeededHeadend();
  let t: TestHeadend;
  beforeEach(() => {
    t = headend();
  });
  const overdue = () => t.api('POST', '/api/v1/billing/overdue', { accountId: 'acct-1', amountMinor: 5200 });
  const warnings = async () =>
    (await t.h.stores.notices.list({ limit: 20, offset: 0, kind: 'SUSPENSION_WARNING' })).items.length;

  it('10 overdue events at once: one suspension and one warning; the rest are refused as conflicts', async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, () => overdue()));
    expect(answers.map((a) => a.status).sort()).toEqual([201, ...Array<number>(9).fill(409)]);
    expect(await warnings()).toBe(1);
    const all = await t.h.stores.billing.suspensions('acct-1');
    expect(all).toHaveLength(1);
    expect(all[0]?.warningNoticeId).not.toBe('');
  });

  it('a warning that cannot be sent leaves no suspension behind; the retry warns and schedules', async () => {
    const notices = t.h.notices;
    const send = notices.send.bind(notices);
    let failures = 0;
    notices.send = async (input) => {
      if (input.kind === 'SUSPENSION_WARNING' && failures++ === 0) throw new Error('broker down');
      return send(input);
    };
    expect((await overdue()).status).toBe(500);
    expect(await t.h.stores.billing.activeSuspension('acct-1')).toBeUndefined();
    expect(await t.h.stores.jobs.countPending()).toBe(0);
    expect((await overdue()).status).toBe(201);
    expect(await warnings()).toBe(1);
    expect(await t.h.stores.billing.activeSuspension('acct-1')).toMatchObject({ state: 'scheduled' });
  });
});
