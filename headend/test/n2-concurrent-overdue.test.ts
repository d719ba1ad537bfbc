import { beforeEach, describe, expect, it } from 'vitest';
import { MINUTE } from './support/manual-clock';
import { connectBoxes, until } from './support/test-box';
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

  it('a failure inside the decision leaves nothing behind: no suspension, job, warning or status; the retry warns', async () => {
    const notices = t.h.notices;
    const stage = notices.stage.bind(notices);
    let failures = 0;
    notices.stage = async (tx, p) => {
      if (p.record.kind === 'SUSPENSION_WARNING' && failures++ === 0) throw new Error('disk full');
      return stage(tx, p);
    };
    expect((await overdue()).status).toBe(500);
    expect(await t.h.stores.billing.activeSuspension('acct-1')).toBeUndefined();
    expect(await t.h.stores.jobs.countPending()).toBe(0);
    expect(await warnings()).toBe(0);
    expect((await t.h.stores.registry.getAccount('acct-1'))?.status).toBe('active');
    expect((await overdue()).status).toBe(201);
    expect(await warnings()).toBe(1);
    expect(await t.h.stores.billing.activeSuspension('acct-1')).toMatchObject({ state: 'scheduled' });
  });

  it('the broker is down when the warning is decided: the decision stands and the warning goes out once it is back', async () => {
    const [box1, box2] = await connectBoxes(t, ['box-1', 'box-2']);
    const broker = t.h.broker;
    const publish = broker.publish.bind(broker);
    broker.publish = () => Promise.reject(new Error('broker down'));
    expect((await overdue()).status).toBe(201);
    const s = await t.h.stores.billing.activeSuspension('acct-1');
    expect(s).toMatchObject({ state: 'scheduled' });
    broker.publish = publish;
    // The outbox sweep retries once the failed attempt's claim has lapsed.
    t.clock.advance(MINUTE);
    await t.h.scheduler.runDue();
    for (const b of [box1, box2])
      await until(() => b.noticeIds().includes(s?.warningNoticeId ?? '-'), `${b.id} warned`);
    await t.h.scheduler.runDue();
    await t.h.settle();
    for (const b of [box1, box2]) expect(b.noticeIds().filter((id) => id === s?.warningNoticeId)).toHaveLength(1);
    for (const b of [box1, box2]) await b.disconnect();
  });
});
