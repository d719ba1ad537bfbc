import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY, HOUR, T0 } from './support/manual-clock';
import { removeDir, seedRegistry, startTestHeadend } from './support/test-headend';
import type { TestHeadend } from './support/test-headend';
import type { TestBox } from './support/test-box';
import { provisionBox, until } from './support/test-box';

describe('N1: fee-due reminders on a configurable schedule (7, 3, 1 days before)', () => {
  let t: TestHeadend;
  const boxes: TestBox[] = [];
  beforeEach(async () => {
    t = await startTestHeadend();
    await seedRegistry(t);
  });
  afterEach(async () => {
    for (const b of boxes.splice(0)) await b.disconnect();
    await t.stop();
    await removeDir(t.dir);
  });

  const feeNotices = async () => (await t.h.stores.notices.list({ limit: 100, offset: 0, kind: 'FEE_DUE' })).items;

  it('sends a reminder to every box of the account at 7, 3 and 1 days before the due date', async () => {
    const due = T0 + 10 * DAY;
    const r = await t.api('POST', '/api/v1/billing/invoices', {
      invoiceId: 'inv-1',
      accountId: 'acct-1',
      amountMinor: 2600,
      dueAtMs: due,
    });
    expect(r.status).toBe(202);
    expect(r.body.reminderAtMs).toEqual([due - 7 * DAY, due - 3 * DAY, due - DAY]);

    t.clock.set(due - 7 * DAY - HOUR);
    await t.h.scheduler.runDue();
    expect(await feeNotices()).toHaveLength(0);

    t.clock.set(due - 7 * DAY);
    await t.h.scheduler.runDue();
    const first = await feeNotices();
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({
      accountId: 'acct-1',
      hotline: '96956',
      actionRequired: true,
      collapseKey: 'fee:inv-1',
    });
    expect(first[0]?.detail).toMatchObject({ amountMinor: 2600, currency: 'CNY', dueAtMs: due });
    expect(first[0]?.texts[0]?.body).toContain('26.00元');
    const counts = await t.h.stores.notices.counts(first[0]?.id ?? '', t.clock.now());
    expect(counts.total.queued).toBe(2); // box-1 and box-2 of acct-1

    t.clock.set(due - DAY);
    await t.h.scheduler.runDue();
    expect(await feeNotices()).toHaveLength(3);
  });

  it('an account without boxes gets no reminder, and its job is done, not retried', async () => {
    const imp = await t.api('POST', '/api/v1/registry/import', { accounts: [{ id: 'acct-nobox', name: '赵六' }] });
    expect(imp.status).toBe(200);
    const due = T0 + 10 * DAY;
    const r = await t.api('POST', '/api/v1/billing/invoices', {
      invoiceId: 'inv-nobox',
      accountId: 'acct-nobox',
      amountMinor: 2600,
      dueAtMs: due,
    });
    expect(r.status).toBe(202);
    t.clock.set(due - 7 * DAY);
    expect(await t.h.scheduler.runDue()).toBe(1);
    expect(await feeNotices()).toHaveLength(0);
    const jobs = await t.h.stores.jobs.list({ kind: 'fee-reminder', limit: 10 });
    // The 7-day reminder ran and is done; the 3- and 1-day ones wait their turn.
    expect(jobs.map((j) => j.state).sort()).toEqual(['done', 'pending', 'pending']);
    expect(jobs.every((j) => j.lastError === '')).toBe(true);
  });

  it('a payment stops the remaining reminders', async () => {
    const due = T0 + 10 * DAY;
    await t.api('POST', '/api/v1/billing/invoices', {
      invoiceId: 'inv-2',
      accountId: 'acct-1',
      amountMinor: 2600,
      dueAtMs: due,
    });
    t.clock.set(due - 7 * DAY);
    await t.h.scheduler.runDue();
    const paid = await t.api('POST', '/api/v1/billing/payments', {
      paymentId: 'pay-1',
      accountId: 'acct-1',
      amountMinor: 2600,
      paidAtMs: t.clock.now(),
      invoiceId: 'inv-2',
    });
    expect(paid.status).toBe(200);
    t.clock.set(due);
    await t.h.scheduler.runDue();
    expect(await feeNotices()).toHaveLength(1);
  });

  it('a payment replaces the reminder on every box: the one online is told, the one that comes online late never gets it', async () => {
    const due = T0 + 10 * DAY;
    await t.api('POST', '/api/v1/billing/invoices', {
      invoiceId: 'inv-p',
      accountId: 'acct-1',
      amountMinor: 2600,
      dueAtMs: due,
    });
    const online = await provisionBox(t, 'box-1');
    const late = await provisionBox(t, 'box-2'); // set up, but switched off until after the payment
    await online.connect();
    boxes.push(online);
    t.clock.set(due - 7 * DAY);
    await t.h.scheduler.runDue();
    const reminder = (await feeNotices())[0];
    await until(() => online.noticeIds().includes(reminder?.id ?? ''), 'the reminder reached the online box');
    t.clock.advance(HOUR);
    await t.api('POST', '/api/v1/billing/payments', {
      paymentId: 'pay-p',
      accountId: 'acct-1',
      amountMinor: 2600,
      paidAtMs: t.clock.now(),
      invoiceId: 'inv-p',
    });
    // The online box gets a confirmation with the reminder's collapse key: its mailbox replaces it.
    await until(
      () => online.accepted.some((d) => d.notice?.texts?.[0]?.title === '已收到您的缴费'),
      'the confirmation reached the online box',
    );
    const confirmation = online.accepted.find((d) => d.notice?.texts?.[0]?.title === '已收到您的缴费')?.notice;
    expect(confirmation?.collapseKey).toBe('fee:inv-p');
    expect(await t.h.stores.notices.get(reminder?.id ?? '')).toMatchObject({ status: 'cancelled' });
    // box-2 of the same account comes online only now: the paid reminder never arrives, the confirmation does.
    await late.connect();
    boxes.push(late);
    await late.hello(); // a box that comes online asks for what it missed
    await until(() => late.accepted.some((d) => d.notice?.texts?.[0]?.title === '已收到您的缴费'), 'late box told');
    expect(late.noticeIds()).not.toContain(reminder?.id);
  });

  it('an invoice due sooner than the first reminder gets the reminders still ahead, or one at once', async () => {
    const r1 = await t.api('POST', '/api/v1/billing/invoices', {
      invoiceId: 'inv-3',
      accountId: 'acct-2',
      amountMinor: 100,
      dueAtMs: T0 + 2 * DAY,
    });
    expect(r1.body.reminderAtMs).toEqual([T0 + DAY]);
    const r2 = await t.api('POST', '/api/v1/billing/invoices', {
      invoiceId: 'inv-4',
      accountId: 'acct-2',
      amountMinor: 100,
      dueAtMs: T0 + 12 * HOUR,
    });
    expect(r2.body.reminderAtMs).toEqual([T0]);
    await t.h.scheduler.runDue();
    expect((await feeNotices()).map((n) => n.collapseKey)).toEqual(['fee:inv-4']);
  });

  it('reminders survive a restart (the schedule is durable)', async () => {
    const due = T0 + 10 * DAY;
    await t.api('POST', '/api/v1/billing/invoices', {
      invoiceId: 'inv-5',
      accountId: 'acct-1',
      amountMinor: 2600,
      dueAtMs: due,
    });
    t = await t.restart();
    t.clock.set(due - 3 * DAY);
    await t.h.scheduler.runDue();
    expect(await feeNotices()).toHaveLength(2);
  });

  it('an unknown account is a 404 with a code', async () => {
    const r = await t.api('POST', '/api/v1/billing/invoices', {
      invoiceId: 'inv-x',
      accountId: 'nobody',
      amountMinor: 1,
      dueAtMs: T0 + DAY,
    });
    expect(r).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
  });
});
