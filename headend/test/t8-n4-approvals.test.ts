import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOUR, T0 } from './support/manual-clock';
import { staffToken } from './support/staff-fixtures';
import { removeDir, seedRegistry, startTestHeadend } from './support/test-headend';
import type { TestHeadend } from './support/test-headend';
import { report, Symptom } from './support/ticket-fixtures';

type Events = Array<{ type: string; actor: string; detail: Record<string, unknown> }>;

describe('approvals are people (T8 extensions, N4 hand-made outages): asked by one staff member, decided by another supervisor', () => {
  let t: TestHeadend;
  let id: string;
  let wang: string; // maintainer M001
  let chen: string; // supervisor S001
  let zhou: string; // supervisor S002
  beforeEach(async () => {
    t = await startTestHeadend();
    await seedRegistry(t);
    const r = await t.h.tickets.intake.faultReport('box-1', report('r1', Symptom.SYMPTOM_NO_SOUND)); // ordinary: 24 h
    id = r?.outcome === 'opened' ? r.ticket.id : '';
    wang = await staffToken(t, 'M001', 'maintainer', '王师傅');
    chen = await staffToken(t, 'S001', 'supervisor', '陈主任');
    zhou = await staffToken(t, 'S002', 'supervisor', '周经理');
  });
  afterEach(async () => {
    await t.stop();
    await removeDir(t.dir);
  });

  const ticket = async () => (await t.api('GET', `/api/v1/tickets/${id}`)).body;
  const extend = (token: string, body: Record<string, unknown> = { dueAtMs: T0 + 48 * HOUR, reason: '等备件' }) =>
    t.api('POST', `/api/v1/tickets/${id}/extend`, body, token);

  it('T8: an extension waits for a supervisor; approved, it applies with reason, requester and approver recorded', async () => {
    const asked = await extend(wang);
    expect(asked).toMatchObject({ status: 202, body: { kind: 'extension', status: 'pending', requestedBy: 'M001' } });
    expect((await ticket()).dueAtMs).toBe(T0 + 24 * HOUR); // nothing changes before the decision
    const pending = (await t.api('GET', '/api/v1/approvals?status=pending', undefined, chen)).body.items;
    expect(pending).toMatchObject([{ id: asked.body.id, reason: '等备件', request: { ticketId: id } }]);
    const ok = await t.api('POST', `/api/v1/approvals/${String(asked.body.id)}/approve`, { note: '同意延期' }, chen);
    expect(ok).toMatchObject({ status: 200, body: { status: 'approved', decidedBy: 'S001', requestedBy: 'M001' } });
    const after = await ticket();
    expect(after).toMatchObject({ dueAtMs: T0 + 48 * HOUR, extensions: 1 });
    expect((after.events as Events).find((e) => e.type === 'extended')?.detail).toMatchObject({
      from: T0 + 24 * HOUR,
      to: T0 + 48 * HOUR,
      reason: '等备件',
      requestedBy: { staffNo: 'M001', name: '王师傅' },
      approvedBy: { staffNo: 'S001', name: '陈主任' },
    });
    t.clock.set(T0 + 30 * HOUR);
    await t.h.scheduler.runDue();
    expect((await ticket()).breachCount).toBe(0);
    const audit = (await t.api('GET', `/api/v1/audit?subject=${id}`, undefined, chen)).body.items as Array<{
      action: string;
      actor: string;
    }>;
    expect(audit.map((a) => [a.action, a.actor])).toEqual([
      ['approval.approved', 'staff:S001'],
      ['approval.requested', 'staff:M001'],
    ]);
  });

  it('T8: the requester cannot approve their own request, even as a supervisor', async () => {
    const asked = await extend(chen);
    const self = await t.api('POST', `/api/v1/approvals/${String(asked.body.id)}/approve`, {}, chen);
    expect(self).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect(self.body.message).toContain('different staff member');
    expect((await ticket()).extensions).toBe(0);
  });

  it('T8: only a supervisor decides; a system token or a free-text name cannot ask or approve', async () => {
    const asked = await extend(wang);
    const other = await staffToken(t, 'M002', 'maintainer');
    expect(await t.api('POST', `/api/v1/approvals/${String(asked.body.id)}/approve`, {}, other)).toMatchObject({
      status: 403,
    });
    // The shared operator token names no person: it cannot ask for an extension.
    expect(await extend(t.token)).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    // The old free-text approver field is gone.
    const freeText = await extend(wang, { dueAtMs: T0 + 48 * HOUR, reason: '等备件', approver: 'BOSS' });
    expect(freeText).toMatchObject({ status: 400, body: { code: 'VALIDATION' } });
    expect((await t.h.tokens.create('x', 'supervisor').catch((e: Error) => e)) instanceof Error).toBe(true);
  });

  it('T8: two supervisors deciding at once: one decision, one extension', async () => {
    const asked = await extend(wang);
    const url = `/api/v1/approvals/${String(asked.body.id)}/approve`;
    const both = await Promise.all([t.api('POST', url, {}, chen), t.api('POST', url, {}, zhou)]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await ticket()).extensions).toBe(1);
    expect(await extend(wang)).toMatchObject({ status: 400 }); // the deadline is already 48 h: not later
  });

  it('T8: one pending request per ticket; a rejection changes nothing and is recorded', async () => {
    const asked = await extend(wang);
    expect(await extend(wang, { dueAtMs: T0 + 30 * HOUR, reason: '再等等' })).toMatchObject({ status: 409 });
    const no = await t.api('POST', `/api/v1/approvals/${String(asked.body.id)}/reject`, { note: '今天必须修好' }, chen);
    expect(no.body).toMatchObject({ status: 'rejected', decidedBy: 'S001', note: '今天必须修好' });
    expect((await ticket()).dueAtMs).toBe(T0 + 24 * HOUR);
    expect(await t.api('POST', `/api/v1/approvals/${String(asked.body.id)}/approve`, {}, zhou)).toMatchObject({
      status: 409,
    });
  });

  it('N4: an OUTAGE by hand is refused without approval; approved, it goes out naming both people', async () => {
    const texts = [{ lang: 'zh-CN', title: '线路抢修', body: '东区光缆被挖断，正在抢修' }];
    const direct = { kind: 'OUTAGE', target: { type: 'zones', zoneIds: ['z-east'] }, texts };
    expect(await t.api('POST', '/api/v1/notices', direct)).toMatchObject({
      status: 403,
      body: { code: 'APPROVAL_REQUIRED' },
    });
    const outage = { zoneIds: ['z-east'], etaMs: T0 + 4 * HOUR, texts };
    expect(await t.api('POST', '/api/v1/outages', outage, wang)).toMatchObject({ status: 400 }); // a reason is needed
    const asked = await t.api('POST', '/api/v1/outages', { ...outage, reason: '光缆被挖断' }, wang);
    expect(asked).toMatchObject({ status: 202, body: { kind: 'outage', subject: 'outage:z-east', status: 'pending' } });
    expect((await t.h.stores.notices.list({ limit: 10, offset: 0, kind: 'OUTAGE' })).items).toEqual([]);
    const ok = await t.api('POST', `/api/v1/approvals/${String(asked.body.id)}/approve`, {}, chen);
    expect(String(ok.body.result)).toMatch(/^notice /);
    const [sent] = (await t.h.stores.notices.list({ limit: 10, offset: 0, kind: 'OUTAGE' })).items;
    expect(sent).toMatchObject({
      createdBy: 'staff:M001, approved by staff:S001',
      target: { type: 'zones', zoneIds: ['z-east'] },
      detail: { etaMs: T0 + 4 * HOUR },
    });
    const unknownZone = { kind: 'outage', outage: { zoneIds: ['z-nowhere'] }, reason: 'x' };
    expect(await t.api('POST', '/api/v1/approvals', unknownZone, wang)).toMatchObject({ status: 404 });
  });
  it('people: a supervisor is not made by an operator; a leaver’s tokens stop and they can no longer ask or decide', async () => {
    const boss = { staffNo: 'S009', name: '新主管', phone: '0571-1', role: 'supervisor' };
    expect(await t.api('POST', '/api/v1/staff', boss)).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect(await t.api('POST', '/api/v1/staff', boss, chen)).toMatchObject({ status: 201 });
    const asked = await extend(wang);
    const left = await t.api('POST', '/api/v1/staff/S001/leave', {}, zhou);
    expect(left.body).toMatchObject({ staffNo: 'S001', tokensRevoked: 1 });
    expect((await t.api('POST', `/api/v1/approvals/${String(asked.body.id)}/approve`, {}, chen)).status).toBe(401);
    expect((await t.api('POST', '/api/v1/staff/S001/leave', {}, zhou)).status).toBe(404);
    const audit = await t.h.stores.audit.list({ subject: 'S001', limit: 5 });
    expect(audit.map((a) => a.action)).toEqual(['staff.left', 'staff.added']);
    // Staff phones and the approval desk are for staff, not for a read-only dashboard.
    const ro = await t.h.tokens.create('wallboard', 'read-only');
    for (const url of ['/api/v1/staff', '/api/v1/approvals', '/api/v1/escalations', '/api/v1/audit']) {
      expect((await t.api('GET', url, undefined, ro.token)).status, url).toBe(403);
    }
  });

  it('an approval whose change can no longer be made is refused before it is decided, and stays pending', async () => {
    const asked = await extend(wang);
    await t.api('POST', `/api/v1/tickets/${id}/resolve`, { resolution: '已修好' });
    const ok = await t.api('POST', `/api/v1/approvals/${String(asked.body.id)}/approve`, {}, chen);
    expect(ok).toMatchObject({ status: 409 }); // checked before anything is decided
    expect((await t.api('GET', '/api/v1/approvals?status=pending', undefined, chen)).body.items).toHaveLength(1);
  });
});
