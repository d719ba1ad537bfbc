import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOUR, T0 } from './support/manual-clock';
import { staffToken } from './support/staff-fixtures';
import { removeDir, seedRegistry, startTestHeadend } from './support/test-headend';
import type { TestHeadend } from './support/test-headend';

describe('N4: planned work is announced 48 h ahead; outages go out at once', () => {
  let t: TestHeadend;
  beforeEach(async () => {
    t = await startTestHeadend();
    await seedRegistry(t);
  });
  afterEach(async () => {
    await t.stop();
    await removeDir(t.dir);
  });

  const plan = (startsAtMs: number) =>
    t.api('POST', '/api/v1/maintenance', {
      zoneIds: ['z-east'],
      startsAtMs,
      endsAtMs: startsAtMs + 4 * HOUR,
      reason: '光缆迁改',
    });

  it('refuses 47 h of lead time and explains the earliest start', async () => {
    const r = await plan(T0 + 47 * HOUR);
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({
      code: 'N4_LEAD_TIME_TOO_SHORT',
      details: { earliestStartAtMs: T0 + 48 * HOUR, leadHours: 47 },
    });
    expect(String(r.body.message)).toContain('48 h');
    const check = await t.api('GET', `/api/v1/maintenance/check?startsAtMs=${T0 + 47 * HOUR}`);
    expect(check.body).toMatchObject({ allowed: false, code: 'N4_LEAD_TIME_TOO_SHORT' });
  });

  it('accepts 48 h, targets the zone, and reminds the zone shortly before the work starts', async () => {
    const start = T0 + 48 * HOUR;
    const r = await plan(start);
    expect(r.status).toBe(201);
    expect(r.body.reminderAtMs).toBe(start - 2 * HOUR);
    expect(r.body.total).toMatchObject({ queued: 3 }); // box-1..3 are in z-east
    const first = r.body.notice as { id: string; collapseKey: string };

    t.clock.set(start - 2 * HOUR - 1);
    await t.h.scheduler.runDue();
    expect((await t.h.stores.notices.list({ limit: 10, offset: 0, kind: 'MAINTENANCE' })).total).toBe(1);
    t.clock.set(start - 2 * HOUR);
    await t.h.scheduler.runDue();
    const all = (await t.h.stores.notices.list({ limit: 10, offset: 0, kind: 'MAINTENANCE' })).items;
    expect(all).toHaveLength(2);
    // The reminder replaces the first notice on the box: same collapse key.
    expect(all.map((n) => n.collapseKey)).toEqual([first.collapseKey, first.collapseKey]);
    expect(all[0]?.texts[0]?.title).toContain('即将开始');
  });

  it('a cancelled maintenance sends no reminder', async () => {
    const start = T0 + 72 * HOUR;
    const r = await plan(start);
    await t.api('POST', `/api/v1/notices/${(r.body.notice as { id: string }).id}/cancel`, { reason: '工程延期' });
    t.clock.set(start);
    await t.h.scheduler.runDue();
    expect((await t.h.stores.notices.list({ limit: 10, offset: 0, kind: 'MAINTENANCE' })).total).toBe(1);
  });

  it('an unplanned outage goes out at once with its ETA, when a supervisor approves it', async () => {
    const maint = await staffToken(t, 'M001', 'maintainer');
    const boss = await staffToken(t, 'S001', 'supervisor');
    const asked = await t.api(
      'POST',
      '/api/v1/outages',
      { zoneIds: ['z-west'], etaMs: T0 + 3 * HOUR, reason: '断电' },
      maint,
    );
    expect(asked.status).toBe(202);
    const ok = await t.api('POST', `/api/v1/approvals/${String(asked.body.id)}/approve`, {}, boss);
    const id = String(ok.body.result).replace(/^notice /, '');
    const r = await t.api('GET', `/api/v1/notices/${id}`);
    expect(r.body.notice).toMatchObject({
      kind: 'OUTAGE',
      issuedAtMs: T0,
      detail: { etaMs: T0 + 3 * HOUR, zoneIds: ['z-west'] },
    });
    expect(r.body.total).toMatchObject({ queued: 1 });
  });

  it('maintenance and rule-only kinds cannot be sent through the generic notice endpoint', async () => {
    const texts = [{ lang: 'zh-CN', title: 't', body: '' }];
    const m = await t.api('POST', '/api/v1/notices', { kind: 'MAINTENANCE', target: { type: 'all' }, texts });
    expect(m).toMatchObject({ status: 422, body: { code: 'NOTICE_KIND_RULE_ONLY' } });
    const f = await t.api('POST', '/api/v1/notices', { kind: 'FEE_DUE', target: { type: 'all' }, texts });
    expect(f).toMatchObject({ status: 400, body: { code: 'VALIDATION' } });
  });
});
