import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOUR, MINUTE, T0 } from './support/manual-clock';
import { staffToken } from './support/staff-fixtures';
import { removeDir, seedRegistry, startTestHeadend } from './support/test-headend';
import type { TestHeadend } from './support/test-headend';
import { replyReachesBox, report, Symptom } from './support/ticket-fixtures';

type Events = Array<{ type: string; actor: string; detail: Record<string, unknown> }>;

describe('the SLA clock: T1 edges, T2/T3 restart, breaches as facts (T1/T8/T10), first reply (T6), hand-over (Z3)', () => {
  let t: TestHeadend;
  let id: string;
  beforeEach(async () => {
    t = await startTestHeadend();
    await seedRegistry(t);
    const r = await t.h.tickets.intake.faultReport('box-1', report('r1', Symptom.SYMPTOM_NO_SOUND)); // ordinary: 24 h
    id = r?.outcome === 'opened' ? r.ticket.id : '';
  });
  afterEach(async () => {
    await t.stop();
    await removeDir(t.dir);
  });

  const ticket = async () => (await t.api('GET', `/api/v1/tickets/${id}`)).body;
  const events = async () => (await ticket()).events as Events;
  const boxUpdates = async () =>
    (await t.h.stores.notices.list({ limit: 50, offset: 0, kind: 'TICKET_UPDATE' })).items.filter(
      (n) => n.detail.ticketId === id,
    );

  it('T1: resolved at 23 h 59 m or at exactly 24 h is on time; 1 ms later is a breach', async () => {
    t.clock.set(T0 + 24 * HOUR - MINUTE);
    await t.h.scheduler.runDue();
    expect((await ticket()).breachCount).toBe(0);
    t.clock.set(T0 + 24 * HOUR);
    await t.h.scheduler.runDue();
    expect((await ticket()).breachCount).toBe(0);
    expect((await t.api('POST', `/api/v1/tickets/${id}/resolve`, { resolution: '换线' })).body).toMatchObject({
      status: 'resolved',
      breachCount: 0,
    });

    const late = await t.h.tickets.intake.faultReport('box-2', report('r2', Symptom.SYMPTOM_NO_SOUND));
    const lateId = late?.outcome === 'opened' ? late.ticket.id : '';
    t.clock.advance(24 * HOUR + 1); // no job has run: the resolve itself records the breach first
    const r = await t.api('POST', `/api/v1/tickets/${lateId}/resolve`, { resolution: '换线' });
    expect(r.body).toMatchObject({ status: 'resolved', breachCount: 1, breachedAtMs: T0 + 48 * HOUR });
  });

  it('an unresolved ticket past its deadline is breached and escalated to the zone supervisor (T10)', async () => {
    t.clock.set(T0 + 22 * HOUR);
    expect((await t.api('GET', '/api/v1/escalations')).body.items).toEqual([]); // the list starts 2 h before
    t.clock.set(T0 + 22 * HOUR + 1);
    expect((await t.api('GET', '/api/v1/escalations?zoneId=z-east')).body.items).toMatchObject([
      { id, escalation: 'due-soon' },
    ]);
    expect((await t.api('GET', '/api/v1/escalations?zoneId=z-west')).body.items).toEqual([]);
    t.clock.set(T0 + 24 * HOUR + 1);
    await t.h.scheduler.runDue();
    const b = await ticket();
    expect(b).toMatchObject({ breachedAtMs: T0 + 24 * HOUR, breachCount: 1 });
    expect((b.events as Events).find((e) => e.type === 'breached')?.detail).toMatchObject({
      escalatedTo: 'zone:z-east:supervisor',
      owner: 'wang',
    });
    expect((await t.api('GET', '/api/v1/escalations')).body.items).toMatchObject([{ id, escalation: 'breached' }]);
    expect((await t.api('GET', '/api/v1/tickets?breached=true')).body.total).toBe(1);
    const metrics = (await t.h.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toMatch(/stb_ticket_breaches_total\{kind="repair"\} 1/);
  });

  it('T1/T8: a severity change after the breach keeps the breach, and needs a supervisor', async () => {
    t.clock.set(T0 + 25 * HOUR);
    await t.h.scheduler.runDue();
    const lowered = await t.api('POST', `/api/v1/tickets/${id}/severity`, {
      severity: 'complex',
      reason: '需要换主板',
    });
    expect(lowered).toMatchObject({ status: 403, body: { code: 'APPROVAL_REQUIRED' } });
    const maint = await staffToken(t, 'M001', 'maintainer', '王师傅');
    const boss = await staffToken(t, 'S001', 'supervisor', '陈主任');
    const asked = await t.api(
      'POST',
      '/api/v1/approvals',
      { kind: 'severity', ticketId: id, severity: 'complex', reason: '需要换主板' },
      maint,
    );
    expect(asked).toMatchObject({ status: 201, body: { status: 'pending', requestedBy: 'M001' } });
    const ok = await t.api('POST', `/api/v1/approvals/${String(asked.body.id)}/approve`, { note: '同意' }, boss);
    expect(ok.body).toMatchObject({ status: 'approved', decidedBy: 'S001' });
    // The new deadline is the complex limit from the opening; the breach of the old one stays.
    expect(await ticket()).toMatchObject({
      severity: 'complex',
      dueAtMs: T0 + 48 * HOUR,
      breachCount: 1,
      breachedAtMs: T0 + 24 * HOUR,
    });
    expect((await t.api('GET', '/api/v1/tickets?breached=true')).body.total).toBe(1);
    expect((await events()).find((e) => e.type === 'severity')?.detail).toMatchObject({
      from: 'ordinary',
      to: 'complex',
      requestedBy: { staffNo: 'M001', name: '王师傅' },
      approvedBy: { staffNo: 'S001', name: '陈主任' },
    });
  });

  /** A pause that restarts the limit (T2/T3): asked by a maintainer, approved by a supervisor. */
  async function approvedPause(ticketId: string, body: Record<string, unknown>): Promise<void> {
    const asker = await staffToken(t, `M-${ticketId}-${t.clock.now()}`, 'maintainer');
    const boss = await staffToken(t, `S-${ticketId}-${t.clock.now()}`, 'supervisor');
    const asked = await t.api('POST', `/api/v1/tickets/${ticketId}/pause`, body, asker);
    expect(asked).toMatchObject({ status: 202, body: { kind: 'pause', status: 'pending' } });
    const ok = await t.api('POST', `/api/v1/approvals/${String(asked.body.id)}/approve`, {}, boss);
    expect(ok.body).toMatchObject({ status: 'approved' });
  }

  it('T2: force majeure, approved by a supervisor, stops the clock; the full limit starts again when it ends', async () => {
    t.clock.advance(20 * HOUR);
    await approvedPause(id, { reason: 'force-majeure', note: '台风' });
    expect((await boxUpdates())[0]?.texts[0]?.body).toContain('不可抗力（消除后重新计算修复时限）');
    t.clock.advance(30 * HOUR); // past the original deadline while paused: no breach
    await t.h.scheduler.runDue();
    expect(await ticket()).toMatchObject({ status: 'paused', breachCount: 0, pauseReason: 'force-majeure' });
    const r = await t.api('POST', `/api/v1/tickets/${id}/resume`);
    expect(r.body).toMatchObject({ status: 'in_progress', clockStartedAtMs: T0 + 50 * HOUR, dueAtMs: T0 + 74 * HOUR });
  });

  it('T2/T8: a force-majeure pause is not a way round an extension: until approved, the clock runs', async () => {
    t.clock.set(T0 + 23 * HOUR);
    const asked = await t.api('POST', `/api/v1/tickets/${id}/pause`, { reason: 'force-majeure', note: '台风' });
    expect(asked).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } }); // the shared operator token is no person
    const maint = await staffToken(t, 'M001', 'maintainer');
    expect(
      await t.api('POST', `/api/v1/tickets/${id}/pause`, { reason: 'force-majeure', note: '台风' }, maint),
    ).toMatchObject({ status: 202 });
    expect((await ticket()).status).toBe('assigned');
    t.clock.set(T0 + 24 * HOUR + 1);
    await t.h.scheduler.runDue();
    expect(await ticket()).toMatchObject({ breachCount: 1 });
  });

  it('T3: the customer cannot be reached: the clock stops at once and the deadline moves by exactly the time lost', async () => {
    const noNote = await t.api('POST', `/api/v1/tickets/${id}/pause`, { reason: 'waiting-on-customer' });
    expect(noNote).toMatchObject({ status: 400, body: { code: 'VALIDATION' } }); // how the customer was tried
    t.clock.set(T0 + 20 * HOUR);
    await t.api('POST', `/api/v1/tickets/${id}/pause`, { reason: 'waiting-on-customer', note: '电话无人接听' });
    expect((await boxUpdates())[0]?.texts[0]?.body).toContain('等待您方便上门的时间');
    t.clock.set(T0 + 26 * HOUR);
    await t.h.scheduler.runDue();
    // A stopped clock is on the supervisor's list (T10).
    expect((await t.api('GET', '/api/v1/escalations')).body.items).toMatchObject([{ id, escalation: 'paused' }]);
    const r = await t.api('POST', `/api/v1/tickets/${id}/resume`);
    expect(r.body).toMatchObject({ breachCount: 0, dueAtMs: T0 + 30 * HOUR, clockStartedAtMs: T0 + 6 * HOUR });
  });

  it('T2: a pause across the deadline is no breach; a pause after the deadline (before the job ran) is', async () => {
    t.clock.set(T0 + 23 * HOUR);
    await t.api('POST', `/api/v1/tickets/${id}/pause`, { reason: 'waiting-on-customer', note: '电话无人接听' });
    t.clock.set(T0 + 26 * HOUR);
    await t.h.scheduler.runDue();
    await t.api('POST', `/api/v1/tickets/${id}/resume`);
    expect(await ticket()).toMatchObject({ breachCount: 0, dueAtMs: T0 + 27 * HOUR });

    const other = await t.h.tickets.intake.faultReport('box-2', report('r2', Symptom.SYMPTOM_NO_SOUND));
    const otherId = other?.outcome === 'opened' ? other.ticket.id : '';
    t.clock.advance(24 * HOUR + 5 * MINUTE); // its deadline passed 5 minutes ago; no job has run
    await t.api('POST', `/api/v1/tickets/${otherId}/pause`, { reason: 'waiting-on-customer', note: '电话无人接听' });
    const r = await t.api('POST', `/api/v1/tickets/${otherId}/resolve`, { resolution: '上门修复' });
    expect(r.body).toMatchObject({ status: 'resolved', breachCount: 1, breachedAtMs: T0 + 26 * HOUR + 24 * HOUR });
  });

  it('T3: waiting on the customer’s materials lists everything missing at once; the limit starts when complete', async () => {
    t.clock.advance(HOUR);
    const maint = await staffToken(t, 'M002', 'maintainer');
    const none = await t.api(
      'POST',
      `/api/v1/tickets/${id}/pause`,
      { reason: 'waiting-on-materials', note: '缺资料' },
      maint,
    );
    expect(none).toMatchObject({ status: 400, body: { code: 'VALIDATION' } }); // the list, all at once
    await approvedPause(id, { reason: 'waiting-on-materials', note: '缺资料', missing: ['身份证复印件', '缴费凭证'] });
    const [update] = await boxUpdates();
    expect(update?.detail).toMatchObject({ ticketId: id, pauseReason: 'waiting-on-materials' });
    expect(update?.texts[0]?.body).toContain('请一次性补齐：身份证复印件、缴费凭证');
    t.clock.advance(72 * HOUR);
    await t.h.scheduler.runDue();
    const r = await t.api('POST', `/api/v1/tickets/${id}/resume`);
    expect(r.body).toMatchObject({ breachCount: 0, dueAtMs: T0 + 73 * HOUR + 24 * HOUR });
  });

  it('concurrent changes: two resolves make one resolution and one survey; a pause racing a resolve leaves one state', async () => {
    const both = await Promise.all([
      t.api('POST', `/api/v1/tickets/${id}/resolve`, { resolution: '修好' }),
      t.api('POST', `/api/v1/tickets/${id}/resolve`, { resolution: '修好了' }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await ticket()).toMatchObject({ status: 'resolved', resolutions: 1 });
    const surveys = (await t.h.stores.notices.list({ limit: 10, offset: 0, kind: 'SURVEY_REQUEST' })).items;
    expect(surveys).toHaveLength(1);

    const other = await t.h.tickets.intake.faultReport('box-2', report('r2', Symptom.SYMPTOM_NO_SOUND));
    const otherId = other?.outcome === 'opened' ? other.ticket.id : '';
    await Promise.all([
      t.api('POST', `/api/v1/tickets/${otherId}/pause`, { reason: 'waiting-on-customer', note: '电话无人接听' }),
      t.api('POST', `/api/v1/tickets/${otherId}/resolve`, { resolution: '修好' }),
    ]);
    const after = (await t.api('GET', `/api/v1/tickets/${otherId}`)).body;
    expect(['paused', 'resolved']).toContain(after.status);
    expect(after.resolvedAtMs === 0).toBe(after.status === 'paused'); // never paused with a resolution time
  });

  /** A maintainer who is staff, to hand tickets to (Z3). */
  const addZhao = async () =>
    expect(
      (
        await t.api('POST', '/api/v1/staff', {
          staffNo: 'M007',
          name: '赵师傅',
          phone: '13800000007',
          role: 'maintainer',
        })
      ).status,
    ).toBe(201);

  it('T6: only a reply counts as the first reply, from when the box acknowledges it; hand-overs and pauses do not', async () => {
    t.clock.advance(2 * HOUR);
    await addZhao();
    await t.api('POST', `/api/v1/tickets/${id}/reassign`, { to: 'M007', reason: '王师傅休假' });
    await t.api('POST', `/api/v1/tickets/${id}/pause`, { reason: 'waiting-on-customer', note: '电话无人接听' });
    expect((await ticket()).firstReplyAtMs).toBe(0);
    t.clock.advance(HOUR);
    const r = await t.api('POST', `/api/v1/tickets/${id}/reply`, { message: '师傅明天上午九点上门' });
    expect(r.body).toMatchObject({ firstReplyAtMs: 0, owner: '赵师傅 (M007)' }); // sent, not yet on the TV
    const reply = (await boxUpdates()).find((n) => n.texts[0]?.body.includes('师傅明天上午九点上门'));
    expect(reply?.target).toEqual({ type: 'boxes', boxIds: ['box-1'] });
    expect(r.body.firstReplyNoticeId).toBe(reply?.id);
    expect((await events()).find((e) => e.type === 'reply')?.detail).toMatchObject({
      channel: 'box',
      noticeId: reply?.id,
    });
    t.clock.advance(30 * MINUTE);
    await t.h.scheduler.runDue();
    expect((await ticket()).firstReplyAtMs).toBe(0); // the box is off: no reply has reached the customer
    await replyReachesBox(t, id);
    expect((await ticket()).firstReplyAtMs).toBe(T0 + 3 * HOUR + 30 * MINUTE);
    expect((await events()).find((e) => e.type === 'reply-reached')?.actor).toBe('system:T6');
    t.clock.advance(HOUR);
    await t.api('POST', `/api/v1/tickets/${id}/reply`, { message: '师傅已出发' });
    expect((await ticket()).firstReplyAtMs).toBe(T0 + 3 * HOUR + 30 * MINUTE);
  });

  it('T6: a later reply that reaches the box counts when the first never does; a call made counts at once', async () => {
    await t.api('POST', `/api/v1/tickets/${id}/reply`, { message: '第一条' });
    const first = (await ticket()).firstReplyNoticeId as string;
    await t.h.notices.cancel(first, 'superseded', 'test'); // never reaches the box
    t.clock.advance(HOUR);
    await t.api('POST', `/api/v1/tickets/${id}/reply`, { message: '第二条' });
    const second = (await boxUpdates()).find((n) => n.texts[0]?.body.includes('第二条'));
    t.clock.advance(HOUR);
    // The box's own clock says it got it a day before it was sent: the time is kept to when it was sent.
    await t.h.stores.notices.applyReceipts([
      { noticeId: second?.id ?? '', boxId: 'box-1', state: 'delivered', atMs: T0 - 24 * HOUR },
    ]);
    await t.h.scheduler.runDue();
    expect((await ticket()).firstReplyAtMs).toBe(T0 + HOUR);

    const other = await t.h.tickets.intake.faultReport('box-2', report('r2', Symptom.SYMPTOM_NO_SOUND));
    const otherId = other?.outcome === 'opened' ? other.ticket.id : '';
    const call = await t.api('POST', `/api/v1/tickets/${otherId}/reply`, { message: '已电话联系', channel: 'phone' });
    expect(call.body).toMatchObject({ firstReplyAtMs: T0 + 2 * HOUR, firstReplyNoticeId: '' });
  });

  it('Z3: hand-overs keep exactly one owner, a person who exists, and are recorded', async () => {
    await addZhao();
    const r = await t.api('POST', `/api/v1/tickets/${id}/reassign`, { to: 'M007', reason: '王师傅休假' });
    expect(r.body).toMatchObject({ owner: '赵师傅 (M007)' });
    // A zone's maintainer by name.
    expect(
      (await t.api('POST', `/api/v1/tickets/${id}/reassign`, { to: 'li', reason: '跨片区支援' })).body,
    ).toMatchObject({
      owner: 'li',
    });
    expect((await events()).filter((e) => e.type === 'handover').map((e) => e.detail)).toEqual([
      { from: 'wang', to: '赵师傅 (M007)', reason: '王师傅休假' },
      { from: '赵师傅 (M007)', to: 'li', reason: '跨片区支援' },
    ]);
    // Nobody, a typo, or someone who left: refused, the owner stays.
    expect((await t.api('POST', `/api/v1/tickets/${id}/reassign`, { to: '', reason: 'x' })).status).toBe(400);
    const typo = await t.api('POST', `/api/v1/tickets/${id}/reassign`, { to: 'M07', reason: 'x' });
    expect(typo).toMatchObject({ status: 400, body: { code: 'VALIDATION' } });
    expect((await t.api('POST', '/api/v1/staff/M007/leave')).status).toBeLessThan(300);
    expect((await t.api('POST', `/api/v1/tickets/${id}/reassign`, { to: 'M007', reason: 'x' })).status).toBe(400);
    expect((await ticket()).owner).toBe('li');
  });

  it('T1: a maintainer may raise the severity with a reason; lowering it (a later deadline) needs a supervisor', async () => {
    const r = await t.api('POST', `/api/v1/tickets/${id}/severity`, { severity: 'urgent', reason: '独居老人' });
    expect(r.body).toMatchObject({ severity: 'urgent', severityReason: '独居老人', dueAtMs: T0 + 8 * HOUR });
    const lower = await t.api('POST', `/api/v1/tickets/${id}/severity`, { severity: 'complex', reason: '要换主板' });
    expect(lower).toMatchObject({ status: 403, body: { code: 'APPROVAL_REQUIRED' } });
    expect((await ticket()).dueAtMs).toBe(T0 + 8 * HOUR);
  });

  it('a maintainer token may work tickets; a read-only one may not', async () => {
    const { token } = await t.h.tokens.create('wang', 'maintainer');
    expect((await t.api('POST', `/api/v1/tickets/${id}/start`, undefined, token)).body).toMatchObject({
      status: 'in_progress',
    });
    const ro = await t.h.tokens.create('viewer', 'read-only');
    expect((await t.api('POST', `/api/v1/tickets/${id}/resolve`, { resolution: 'x' }, ro.token)).status).toBe(403);
  });
});
