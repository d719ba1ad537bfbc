import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProvisioningResult } from '../src/services/provisioning-service';
import { HOUR, T0 } from './support/manual-clock';
import { removeDir, seedRegistry, startTestHeadend } from './support/test-headend';
import type { TestHeadend } from './support/test-headend';
import { TestBox, until } from './support/test-box';

describe('N2: a suspension takes effect only 24 h after a warning to every box of the account', () => {
  let t: TestHeadend;
  beforeEach(async () => {
    t = await startTestHeadend();
    await seedRegistry(t);
  });
  afterEach(async () => {
    await t.stop();
    await removeDir(t.dir);
  });

  const overdue = (body: Record<string, unknown> = {}) =>
    t.api('POST', '/api/v1/billing/overdue', { accountId: 'acct-1', amountMinor: 5200, ...body });

  it('refuses a suspension sooner than 24 h, naming the earliest allowed time', async () => {
    const r = await overdue({ suspendAtMs: T0 + 23 * HOUR });
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({ code: 'N2_NOTICE_TOO_SHORT', details: { earliestAllowedAtMs: T0 + 24 * HOUR } });
    expect((await t.h.stores.notices.list({ limit: 10, offset: 0 })).total).toBe(0);
  });

  it('warns every box at once, suspends at 24 h, not a minute before, and tells the boxes', async () => {
    const r = await overdue();
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ state: 'scheduled', suspendAtMs: T0 + 24 * HOUR, warnedAtMs: T0 });
    const warning = await t.h.stores.notices.get(String(r.body.warningNoticeId));
    expect(warning).toMatchObject({
      kind: 'SUSPENSION_WARNING',
      display: 'FULLSCREEN',
      actionRequired: true,
      hotline: '96956',
    });
    expect((await t.h.stores.notices.counts(warning?.id ?? '', T0)).total.queued).toBe(2);

    t.clock.set(T0 + 24 * HOUR - 60_000);
    await t.h.scheduler.runDue();
    expect((await t.h.stores.registry.getAccount('acct-1'))?.status).toBe('overdue');

    t.clock.set(T0 + 24 * HOUR);
    await t.h.scheduler.runDue();
    expect((await t.h.stores.registry.getAccount('acct-1'))?.status).toBe('suspended');
    const suspended = (await t.h.stores.notices.list({ limit: 10, offset: 0, kind: 'SUSPENDED' })).items;
    expect(suspended).toHaveLength(1);
    expect(suspended[0]?.collapseKey).toBe(warning?.collapseKey);
  });

  it('moving the suspension earlier than warning + 24 h is refused; later is allowed', async () => {
    await overdue({ suspendAtMs: T0 + 48 * HOUR });
    t.clock.set(T0 + 2 * HOUR);
    const early = await t.api('PUT', '/api/v1/accounts/acct-1/suspension', { suspendAtMs: T0 + 20 * HOUR });
    expect(early).toMatchObject({
      status: 422,
      body: { code: 'N2_NOTICE_TOO_SHORT', details: { earliestAllowedAtMs: T0 + 24 * HOUR } },
    });
    const ok = await t.api('PUT', '/api/v1/accounts/acct-1/suspension', { suspendAtMs: T0 + 24 * HOUR });
    expect(ok.status).toBe(200);
    t.clock.set(T0 + 24 * HOUR);
    await t.h.scheduler.runDue();
    expect((await t.h.stores.registry.getAccount('acct-1'))?.status).toBe('suspended');
  });

  it('keeps proof: when the warning was issued, delivered and displayed on each box', async () => {
    const prov = await t.api('POST', '/api/v1/boxes/box-1/provision');
    const box = new TestBox(prov.body as unknown as ProvisioningResult, t.clock);
    box.autoReceipts = ['delivered', 'displayed'];
    await box.connect();
    try {
      const r = await overdue();
      await until(() => box.accepted.length === 1, 'warning reached box-1');
      await until(async () => {
        await t.h.settle();
        return (await t.h.stores.notices.counts(String(r.body.warningNoticeId), T0)).total.displayed === 1;
      }, 'displayed receipt stored');
      const proof = await t.api('GET', `/api/v1/suspensions/${String(r.body.id)}/proof`);
      const boxes = proof.body.boxes as Array<Record<string, unknown>>;
      expect(boxes.map((b) => [b.boxId, b.state])).toEqual([
        ['box-1', 'displayed'],
        ['box-2', 'queued'],
      ]);
      expect(boxes[0]).toMatchObject({ queuedAtMs: T0, deliveredAtMs: T0, displayedAtMs: T0 });
    } finally {
      await box.disconnect();
    }
  });

  it('a box added to the account after the warning blocks the suspension (its viewer was never told)', async () => {
    const r = await overdue();
    await t.api('POST', '/api/v1/registry/import', { boxes: [{ id: 'box-9', accountId: 'acct-1', zoneId: 'z-east' }] });
    t.clock.set(T0 + 25 * HOUR);
    await t.h.scheduler.runDue();
    expect((await t.h.stores.registry.getAccount('acct-1'))?.status).toBe('overdue');
    expect((await t.h.stores.billing.getSuspension(String(r.body.id)))?.state).toBe('cancelled');
  });

  it('a second overdue event while a suspension is scheduled is a conflict', async () => {
    await overdue();
    expect(await overdue()).toMatchObject({ status: 409, body: { code: 'CONFLICT' } });
  });
});
