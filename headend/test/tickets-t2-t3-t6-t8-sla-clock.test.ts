import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOUR, MINUTE, T0 } from './support/manual-clock';
import { staffToken } from './support/staff-fixtures';
import { removeDir, seedRegistry, startTestHeadend } from './support/test-headend';
import type { TestHeadend } from './support/test-headend';
import { report, Symptom } from './support/ticket-fixtures';

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

  it('T2: force majeure stops the clock; the full limit starts again when it ends, shown on the box', async () => {
    t.clock.advance(20 * HOUR);
    const paused = await t.api('POST', `/api/v1/tickets/${id}/pause`, { reason: 'force-majeure', note: '台风' });
    expect(paused.status).toBe(200);
    expect((await boxUpdates())[0]?.texts[0]?.body).toContain('不可抗力（消除后重新计算修复时限）');
    t.clock.advance(30 * HOUR); // past the original deadline while paused: no breach
    await t.h.scheduler.runDue();
    expect(await ticket()).toMatchObject({ status: 'paused', breachCount: 0, pauseReason: 'force-majeure' });
    const r = await t.api('POST', `/api/v1/tickets/${id}/resume`);
    expect(r.body).toMatchObject({ status: 'in_progress', clockStartedAtMs: T0 + 50 * HOUR, dueAtMs: T0 + 74 * HOUR });
  });

  it('T2: a pause across the deadline is no breach; a pause after the deadline (before the job ran) is', async () => {
    t.clock.set(T0 + 23 * HOUR);
    await t.api('POST', `/api/v1/tickets/${id}/pause`, { reason: 'force-majeure' });
    t.clock.set(T0 + 26 * HOUR);
    await t.h.scheduler.runDue();
    await t.api('POST', `/api/v1/tickets/${id}/resume`);
    expect(await ticket()).toMatchObject({ breachCount: 0, dueAtMs: T0 + 50 * HOUR });

    const other = await t.h.tickets.intake.faultReport('box-2', report('r2', Symptom.SYMPTOM_NO_SOUND));
    const otherId = other?.outcome === 'opened' ? other.ticket.id : '';
    t.clock.advance(24 * HOUR + 5 * MINUTE); // its deadline passed 5 minutes ago; no job has run
    await t.api('POST', `/api/v1/tickets/${otherId}/pause`, { reason: 'force-majeure' });
    const r = await t.api('POST', `/api/v1/tickets/${otherId}/resolve`, { resolution: '台风后修复' });
    expect(r.body).toMatchObject({ status: 'resolved', breachCount: 1, breachedAtMs: T0 + 26 * HOUR + 24 * HOUR });
  });

  it('T3: waiting on the customer’s materials lists everything missing at once; the limit starts when complete', async () => {
    t.clock.advance(HOUR);
    await t.api('POST', `/api/v1/tickets/${id}/pause`, {
      reason: 'waiting-on-customer',
      missing: ['身份证复印件', '缴费凭证'],
    });
    const [update] = await boxUpdates();
    expect(update?.detail).toMatchObject({ ticketId: id, pauseReason: 'waiting-on-customer' });
    expect(update?.texts[0]?.body).toContain('请一次性补齐：身份证复印件、缴费凭证');
    t.clock.advance(72 * HOUR);
    await t.h.scheduler.runDue();
    const r = await t.api('POST', `/api/v1/tickets/${id}/resume`);
    expect(r.body).toMatchObject({ breachCount: 0, dueAtMs: T0 + 73 * HOUR + 24 * HOUR });
  });

  it('T6: only a reply counts as the first reply, and it reaches the box; hand-overs and pauses do not', async () => {
    t.clock.advance(2 * HOUR);
    await t.api('POST', `/api/v1/tickets/${id}/reassign`, { to: 'zhao', reason: '王师傅休假' });
    await t.api('POST', `/api/v1/tickets/${id}/pause`, { reason: 'waiting-on-customer' });
    await t.api('POST', `/api/v1/tickets/${id}/start`).catch(() => undefined);
    expect((await ticket()).firstReplyAtMs).toBe(0);
    t.clock.advance(HOUR);
    const r = await t.api('POST', `/api/v1/tickets/${id}/reply`, { message: '师傅明天上午九点上门' });
    expect(r.body).toMatchObject({ firstReplyAtMs: T0 + 3 * HOUR, owner: 'zhao' });
    const reply = (await boxUpdates()).find((n) => n.texts[0]?.body.includes('师傅明天上午九点上门'));
    expect(reply?.target).toEqual({ type: 'boxes', boxIds: ['box-1'] });
    expect((await events()).find((e) => e.type === 'reply')?.detail).toMatchObject({
      channel: 'box',
      noticeId: reply?.id,
    });
    t.clock.advance(HOUR);
    await t.api('POST', `/api/v1/tickets/${id}/reply`, { message: '师傅已出发' });
    expect((await ticket()).firstReplyAtMs).toBe(T0 + 3 * HOUR);
  });

  it('Z3: hand-overs keep exactly one owner and are recorded', async () => {
    const r = await t.api('POST', `/api/v1/tickets/${id}/reassign`, { to: 'zhao', reason: '王师傅休假' });
    expect(r.body).toMatchObject({ owner: 'zhao' });
    expect((await events()).filter((e) => e.type === 'handover').map((e) => e.detail)).toEqual([
      { from: 'wang', to: 'zhao', reason: '王师傅休假' },
    ]);
    expect((await t.api('POST', `/api/v1/tickets/${id}/reassign`, { to: '', reason: 'x' })).status).toBe(400);
  });

  it('T1: before any breach a maintainer may set the severity with a reason; the deadline follows', async () => {
    const r = await t.api('POST', `/api/v1/tickets/${id}/severity`, { severity: 'urgent', reason: '独居老人' });
    expect(r.body).toMatchObject({ severity: 'urgent', severityReason: '独居老人', dueAtMs: T0 + 8 * HOUR });
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
