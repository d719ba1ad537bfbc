import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOUR, T0 } from './support/manual-clock';
import { removeDir, seedRegistry, startTestHeadend } from './support/test-headend';
import type { TestHeadend } from './support/test-headend';
import { report, Symptom } from './support/ticket-fixtures';

describe('the SLA clock: pauses (T2, T3), extensions (T8), breach and escalation, first reply (T6), hand-over (Z3)', () => {
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

  it('T2: a force-majeure pause stops the clock; the deadline moves by the paused time', async () => {
    t.clock.advance(2 * HOUR);
    expect((await t.api('POST', `/api/v1/tickets/${id}/pause`, { reason: 'force-majeure', note: '台风' })).status).toBe(
      200,
    );
    t.clock.advance(30 * HOUR); // past the original deadline while paused
    await t.h.scheduler.runDue();
    expect(await ticket()).toMatchObject({ status: 'paused', breachedAtMs: 0, pauseReason: 'force-majeure' });
    const r = await t.api('POST', `/api/v1/tickets/${id}/resume`);
    expect(r.body).toMatchObject({ status: 'in_progress', dueAtMs: T0 + 24 * HOUR + 30 * HOUR });
  });

  it('T3: waiting on the customer pauses too, and the box is told why', async () => {
    await t.api('POST', `/api/v1/tickets/${id}/pause`, { reason: 'waiting-on-customer' });
    const updates = (await t.h.stores.notices.list({ limit: 10, offset: 0, kind: 'TICKET_UPDATE' })).items;
    expect(updates[0]?.detail).toMatchObject({ ticketId: id, pauseReason: 'waiting-on-customer' });
    expect(updates[0]?.texts[0]?.body).toContain('等待您方便上门的时间');
  });

  it('an unresolved ticket past its deadline is breached and escalated; resolving late keeps the breach', async () => {
    t.clock.set(T0 + 24 * HOUR - 1);
    await t.h.scheduler.runDue();
    expect((await ticket()).breachedAtMs).toBe(0);
    t.clock.set(T0 + 24 * HOUR);
    await t.h.scheduler.runDue();
    const b = await ticket();
    expect(b.breachedAtMs).toBe(T0 + 24 * HOUR);
    expect(
      (b.events as Array<{ type: string; detail: Record<string, unknown> }>).find((e) => e.type === 'breached')?.detail,
    ).toMatchObject({ escalatedTo: 'zone:z-east:supervisor' });
    expect((await t.api('GET', '/api/v1/tickets?breached=true')).body.total).toBe(1);
  });

  it('T8: an extension needs a reason and an approver other than the requester, and is audited', async () => {
    const noReason = await t.api('POST', `/api/v1/tickets/${id}/extend`, { dueAtMs: T0 + 48 * HOUR, approver: 'boss' });
    expect(noReason).toMatchObject({ status: 400, body: { code: 'VALIDATION' } });
    const self = await t.api('POST', `/api/v1/tickets/${id}/extend`, {
      dueAtMs: T0 + 48 * HOUR,
      reason: '等备件',
      approver: 'test-operator',
    });
    expect(self).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    const ok = await t.api('POST', `/api/v1/tickets/${id}/extend`, {
      dueAtMs: T0 + 48 * HOUR,
      reason: '等备件',
      approver: 'boss',
    });
    expect(ok.body).toMatchObject({ dueAtMs: T0 + 48 * HOUR, extensions: 1 });
    t.clock.set(T0 + 30 * HOUR);
    await t.h.scheduler.runDue();
    const after = await ticket();
    expect(after.breachedAtMs).toBe(0);
    expect(
      (after.events as Array<{ type: string; detail: Record<string, unknown> }>).find((e) => e.type === 'extended')
        ?.detail,
    ).toMatchObject({ reason: '等备件', approver: 'boss', from: T0 + 24 * HOUR });
  });

  it('T1: a maintainer may override the severity with a reason; the deadline follows', async () => {
    const r = await t.api('POST', `/api/v1/tickets/${id}/severity`, { severity: 'urgent', reason: '独居老人' });
    expect(r.body).toMatchObject({ severity: 'urgent', severityReason: '独居老人', dueAtMs: T0 + 8 * HOUR });
  });

  it('T6: the first human answer is recorded once; Z3: hand-overs keep exactly one owner and are recorded', async () => {
    t.clock.advance(3 * HOUR);
    await t.api('POST', `/api/v1/tickets/${id}/reply`, { message: '已安排师傅' });
    t.clock.advance(HOUR);
    await t.api('POST', `/api/v1/tickets/${id}/reply`, { message: '师傅已出发' });
    const r = await t.api('POST', `/api/v1/tickets/${id}/reassign`, { to: 'zhao', reason: '王师傅休假' });
    expect(r.body).toMatchObject({ owner: 'zhao', firstReplyAtMs: T0 + 3 * HOUR });
    const events = (await ticket()).events as Array<{ type: string; detail: Record<string, unknown> }>;
    expect(events.filter((e) => e.type === 'handover').map((e) => e.detail)).toEqual([
      { from: 'wang', to: 'zhao', reason: '王师傅休假' },
    ]);
    expect((await t.api('POST', `/api/v1/tickets/${id}/reassign`, { to: '', reason: 'x' })).status).toBe(400);
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
