import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOUR, MINUTE, T0 } from './support/manual-clock';
import { staffToken } from './support/staff-fixtures';
import { removeDir, seedRegistry, startTestHeadend } from './support/test-headend';
import type { TestHeadend } from './support/test-headend';

type Events = Array<{ type: string; detail: Record<string, unknown> }>;

describe('requests taken by staff: T5 call time, T7 relocation, T9 complaints', () => {
  let t: TestHeadend;
  beforeEach(async () => {
    t = await startTestHeadend();
    await seedRegistry(t);
    await staffToken(t, 'S-EAST', 'supervisor', '陈主任');
  });
  afterEach(async () => {
    await t.stop();
    await removeDir(t.dir);
  });

  const open = (body: Record<string, unknown>) => t.api('POST', '/api/v1/tickets', body);
  const complaint = (over: Record<string, unknown> = {}) =>
    open({ kind: 'complaint', summary: '收费投诉', callerWords: '我上个月明明交过费了！', boxId: 'box-1', ...over });

  it('T9: a complaint keeps the caller’s words verbatim, goes to the zone’s supervisor, and is due in 3 working days', async () => {
    expect(await open({ kind: 'complaint', summary: '收费投诉', boxId: 'box-1' })).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION' },
    });
    const r = await complaint();
    expect(r).toMatchObject({ status: 201 });
    expect(r.body).toMatchObject({
      callerWords: '我上个月明明交过费了！',
      owner: '陈主任 (S-EAST)',
      kind: 'complaint',
    });
    // T0 is a Wednesday 10:00: three working days later is Monday 10:00.
    expect(new Date(Number(r.body.dueAtMs)).getUTCDay()).toBe(1);
    expect(Number(r.body.dueAtMs) - T0).toBe(5 * 24 * HOUR);
  });

  it('T9: major complaints and key customers are flagged and sorted first (急事急办)', async () => {
    const plain = await complaint();
    t.clock.advance(MINUTE);
    const major = await complaint({ major: true, boxId: 'box-2' });
    t.clock.advance(MINUTE);
    const later = await complaint({ boxId: 'box-3' });
    t.clock.advance(MINUTE);
    const key = await open({ kind: 'installation', summary: '医院新装', keyCustomer: true, zoneId: 'z-west' });
    const ids = ((await t.api('GET', '/api/v1/tickets')).body.items as Array<{ id: string }>).map((x) => x.id);
    expect(ids).toEqual([key.body.id, major.body.id, later.body.id, plain.body.id]);
    expect(major.body.urgentHandling).toBe(true);
    t.clock.set(T0 + 5 * 24 * HOUR - HOUR);
    const esc = ((await t.api('GET', '/api/v1/escalations')).body.items as Array<{ id: string }>).map((x) => x.id);
    expect(esc[0]).toBe(major.body.id);
  });

  it('T5: a work order made 30 minutes after the call is in time; 31 minutes after is a breach', async () => {
    const inTime = await open({
      kind: 'service-restore',
      summary: '来电要求恢复',
      boxId: 'box-1',
      callReceivedAtMs: T0 - 30 * MINUTE,
    });
    expect(inTime.body).toMatchObject({ callReceivedAtMs: T0 - 30 * MINUTE, breachCount: 0 });
    const late = await open({
      kind: 'service-restore',
      summary: '来电要求恢复',
      boxId: 'box-2',
      callReceivedAtMs: T0 - 31 * MINUTE,
    });
    expect(late.body).toMatchObject({ breachCount: 1, breachedAtMs: T0 - MINUTE }); // 30 minutes after the call
    const events = (await t.api('GET', `/api/v1/tickets/${String(late.body.id)}`)).body.events as Events;
    expect(events.find((e) => e.type === 'breached')?.detail).toMatchObject({ rule: 'T5' });
    expect(await open({ kind: 'repair', summary: 'x', boxId: 'box-3', callReceivedAtMs: T0 + 1 })).toMatchObject({
      status: 400,
    });
  });

  it('T7: a relocation without a line survey is due in 24 hours (新装、移机 … 24小时内安装完毕)', async () => {
    const r = await open({ kind: 'relocation', summary: '移机到卧室', boxId: 'box-4' });
    expect(r.body).toMatchObject({ kind: 'relocation', dueAtMs: T0 + 24 * HOUR });
  });

  it('T4: a complaint taken on the phone is followed up by phone after it is resolved', async () => {
    const c = await open({ kind: 'complaint', summary: '投诉', callerWords: '态度差', zoneId: 'z-east' });
    await t.api('POST', `/api/v1/tickets/${String(c.body.id)}/reply`, { message: '已致电道歉' });
    await t.api('POST', `/api/v1/tickets/${String(c.body.id)}/resolve`, { resolution: '已处理' });
    const queue = (await t.api('GET', '/api/v1/callbacks?status=open')).body.items as Array<{ ticketId: string }>;
    expect(queue.map((q) => q.ticketId)).toEqual([c.body.id]);
    const events = (await t.api('GET', `/api/v1/tickets/${String(c.body.id)}`)).body.events as Events;
    expect(events.find((e) => e.type === 'reply')?.detail).toMatchObject({ channel: 'phone' });
  });
});
