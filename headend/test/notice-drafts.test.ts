import { beforeEach, describe, expect, it } from 'vitest';
import { useSeededHeadend } from './support/test-headend';
import type { TestHeadend } from './support/test-headend';
import { staffToken } from './support/staff-fixtures';
import { HOUR } from './support/manual-clock';

interface Draft {
  id: string;
  createdBy: string;
  updatedBy: string;
  updatedAtMs: number;
  content: Record<string, unknown>;
}

const half = { kind: 'OUTAGE', texts: [{ lang: 'zh-CN', title: '', body: '东城区线路抢修中' }] };
const whole = {
  kind: 'ANNOUNCEMENT',
  target: { type: 'zones', zoneIds: ['z-east'] },
  texts: [{ lang: 'zh-CN', title: '频道调整', body: '东城区下月起新增两个高清频道。' }],
};

/** Issue 18: an operator writes a notice now and sends it later; it is sent once, whoever sends it. */
describe('notice drafts', () => {
  let zhang: string;
  let li: string;

  const headend = useSeededHeadend();
  let t: TestHeadend;
  beforeEach(async () => {
    t = headend();
    zhang = await staffToken(t, 'op-1', 'operator', '张三');
    li = await staffToken(t, 'op-2', 'operator', '李四');
  });

  const create = async (content: unknown, tok = zhang): Promise<Draft> => {
    const r = await t.api('POST', '/api/v1/notice-drafts', { content }, tok);
    expect(r.status).toBe(201);
    return r.body as unknown as Draft;
  };

  it('a half-written notice is kept, listed and edited; a stale save is refused with who saved meanwhile', async () => {
    const d = await create(half);
    expect(d.createdBy).toContain('张三');
    const list = await t.api('GET', '/api/v1/notice-drafts', undefined, li);
    expect((list.body.items as Draft[]).map((x) => x.id)).toEqual([d.id]);

    // 李四 finishes it from the version he opened.
    const saved = await t.api(
      'PUT',
      `/api/v1/notice-drafts/${d.id}`,
      { content: whole, updatedAtMs: d.updatedAtMs },
      li,
    );
    expect(saved.status).toBe(200);
    const v2 = saved.body as unknown as Draft;
    expect(v2.content).toEqual(whole);
    expect(v2.updatedBy).toContain('李四');
    expect(v2.updatedAtMs).toBeGreaterThan(d.updatedAtMs);

    // 张三 still has the first version open: his save would lose 李四's text, so it is refused.
    const stale = await t.api(
      'PUT',
      `/api/v1/notice-drafts/${d.id}`,
      { content: half, updatedAtMs: d.updatedAtMs },
      zhang,
    );
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('CONFLICT');
    expect(stale.body.details).toMatchObject({ updatedAtMs: v2.updatedAtMs });
    expect((await t.api('GET', `/api/v1/notice-drafts/${d.id}`)).body.content).toEqual(whole);

    const audit = await t.api('GET', `/api/v1/audit?subject=${d.id}`);
    expect((audit.body.items as Array<{ action: string }>).map((e) => e.action)).toEqual([
      'notice.draft.saved',
      'notice.draft.created',
    ]);
  });

  it('sending from a draft removes it in the same commit; two sends at once make one notice', async () => {
    const d = await create(whole);
    const before = (await t.api('GET', '/api/v1/notices?limit=100')).body.total as number;
    const [a, b] = await Promise.all([
      t.api('POST', '/api/v1/notices', { ...whole, draftId: d.id }, zhang),
      t.api('POST', '/api/v1/notices', { ...whole, draftId: d.id }, li),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect((await t.api('GET', '/api/v1/notices?limit=100')).body.total).toBe(before + 1);
    expect((await t.api('GET', `/api/v1/notice-drafts/${d.id}`)).status).toBe(404);
    // A send that fails its rules keeps the draft.
    const kept = await create(half);
    const refused = await t.api('POST', '/api/v1/notices', { ...whole, texts: [], draftId: kept.id }, zhang);
    expect(refused.status).toBe(400);
    expect((await t.api('GET', `/api/v1/notice-drafts/${kept.id}`)).status).toBe(200);
  });

  it('planned work and a suspension from a draft take it in their own commit; a refused one keeps it', async () => {
    const start = t.clock.now() + 50 * HOUR;
    const work = { zoneIds: ['z-east'], startsAtMs: start, endsAtMs: start + 4 * HOUR, reason: '光缆迁改' };
    const d = await create({ kind: 'MAINTENANCE', reason: '光缆迁改' });
    const [a, b] = await Promise.all([
      t.api('POST', '/api/v1/maintenance', { ...work, draftId: d.id }, zhang),
      t.api('POST', '/api/v1/maintenance', { ...work, draftId: d.id }, li),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect((await t.api('GET', `/api/v1/notice-drafts/${d.id}`)).status).toBe(404);
    // N4: the planned work's reminder was committed with it (the notice is replaced before the work).
    const planned = a.status === 201 ? a : b;
    expect(planned.body.reminderAtMs).toBe(start - 2 * HOUR);
    t.clock.set(start - 2 * HOUR);
    await t.h.scheduler.runDue();
    const { notice } = planned.body as { notice: { id: string; collapseKey: string } };
    const sent = (await t.api('GET', '/api/v1/notices?kind=MAINTENANCE')).body.items as Array<{ collapseKey: string }>;
    expect(sent.filter((n) => n.collapseKey === notice.collapseKey)).toHaveLength(2);

    // N4: an outage by hand is a request for a supervisor; the request takes the draft.
    const maintainer = await staffToken(t, 'M-1', 'maintainer', '王五');
    const o = await create({ kind: 'OUTAGE', reason: '光缆被挖断' });
    const outage = { zoneIds: ['z-west'], reason: '光缆被挖断', draftId: o.id };
    expect((await t.api('POST', '/api/v1/outages', outage, maintainer)).status).toBe(202);
    expect((await t.api('GET', `/api/v1/notice-drafts/${o.id}`)).status).toBe(404);
    const again = await t.api('POST', '/api/v1/outages', outage, maintainer);
    expect(again.status).toBe(409);
    expect(again.body.details).toEqual({ draftId: o.id });

    const overdue = { accountId: 'acct-2', amountMinor: 5200, suspendAtMs: t.clock.now() + 30 * HOUR };
    const s1 = await create({ kind: 'SUSPENSION', amountMinor: 5200 });
    expect((await t.api('POST', '/api/v1/billing/overdue', { ...overdue, draftId: s1.id }, zhang)).status).toBe(201);
    expect((await t.api('GET', `/api/v1/notice-drafts/${s1.id}`)).status).toBe(404);
    // The account has its suspension already: this one is refused, and its draft is still there.
    const s2 = await create({ kind: 'SUSPENSION', amountMinor: 5200 });
    expect((await t.api('POST', '/api/v1/billing/overdue', { ...overdue, draftId: s2.id }, zhang)).status).toBe(409);
    expect((await t.api('GET', `/api/v1/notice-drafts/${s2.id}`)).status).toBe(200);
  });

  it('refuses what a draft cannot hold and deletes with an audit entry', async () => {
    const bad = await t.api('POST', '/api/v1/notice-drafts', { content: { ...half, sendNow: true } }, zhang);
    expect(bad.status).toBe(400);
    const long = await t.api('POST', '/api/v1/notice-drafts', {
      content: { texts: [{ lang: 'zh-CN', title: '长'.repeat(257), body: '' }] },
    });
    expect(long.status).toBe(400);
    const d = await create(half);
    expect((await t.api('DELETE', `/api/v1/notice-drafts/${d.id}`, undefined, li)).status).toBe(200);
    expect((await t.api('DELETE', `/api/v1/notice-drafts/${d.id}`, undefined, li)).status).toBe(404);
    const audit = await t.api('GET', `/api/v1/audit?subject=${d.id}&action=notice.draft.deleted`);
    expect((audit.body.items as Array<{ actor: string }>)[0]?.actor).toContain('李四');
  });
});
