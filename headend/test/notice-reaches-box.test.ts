import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeDir, seedRegistry, startTestHeadend } from './support/test-headend';
import type { TestHeadend } from './support/test-headend';
import type { TestBox } from './support/test-box';
import { provisionBox, until } from './support/test-box';

const zh = { lang: 'zh-CN', title: '资费调整公告', body: '自2027年1月1日起基本收视费调整。' };

describe('a notice sent through the operator API reaches the boxes (N5)', () => {
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

  async function box(id: string): Promise<TestBox> {
    const b = await provisionBox(t, id);
    await b.connect();
    boxes.push(b);
    return b;
  }

  it('broadcast to all: every connected box verifies it, and receipts show in the delivery counts', async () => {
    const b1 = await box('box-1');
    const b4 = await box('box-4');
    b4.autoReceipts = ['delivered', 'displayed'];
    const sent = await t.api('POST', '/api/v1/notices', { kind: 'ANNOUNCEMENT', target: { type: 'all' }, texts: [zh] });
    expect(sent.status).toBe(201);
    const id = (sent.body.notice as { id: string }).id;
    await until(() => b1.noticeIds().includes(id) && b4.noticeIds().includes(id), 'both boxes got the notice');
    expect(b1.accepted[0]?.notice?.texts?.[0]?.title).toBe(zh.title);
    await until(async () => {
      await t.h.settle();
      const s = await t.api('GET', `/api/v1/notices/${id}`);
      const total = s.body.total as Record<string, number>;
      return total.delivered === 1 && total.displayed === 1;
    }, 'receipts counted');
    const s = await t.api('GET', `/api/v1/notices/${id}`);
    // box-2 and box-3 are registered but not connected: still queued.
    expect(s.body.total).toMatchObject({ queued: 2, delivered: 1, displayed: 1 });
    expect(s.body.byZone).toMatchObject({ 'z-west': { displayed: 1 }, 'z-east': { delivered: 1, queued: 2 } });
    const pending = await t.api('GET', `/api/v1/notices/${id}/deliveries?state=queued`);
    expect((pending.body.items as Array<{ boxId: string }>).map((d) => d.boxId)).toEqual(['box-2', 'box-3']);
  });

  it('a zone notice reaches only that zone; an account notice only that account’s boxes', async () => {
    const b1 = await box('box-1');
    const b3 = await box('box-3');
    const b4 = await box('box-4');
    const zone = await t.api('POST', '/api/v1/notices', {
      kind: 'ANNOUNCEMENT',
      target: { type: 'zones', zoneIds: ['z-west'] },
      texts: [zh],
    });
    const acct = await t.api('POST', '/api/v1/notices', {
      kind: 'ANNOUNCEMENT',
      target: { type: 'accounts', accountIds: ['acct-2'] },
      texts: [zh],
    });
    const zoneId = (zone.body.notice as { id: string }).id;
    const acctId = (acct.body.notice as { id: string }).id;
    await until(() => b4.noticeIds().includes(zoneId) && b3.noticeIds().includes(acctId), 'targeted boxes got theirs');
    await t.h.settle();
    expect(b1.noticeIds()).toEqual([]);
    expect(b4.noticeIds()).toEqual([zoneId]);
    expect(b3.noticeIds()).toEqual([acctId]);
  });

  it('a newer notice with the same collapse key carries the key the box replaces by', async () => {
    const b1 = await box('box-1');
    for (const title of ['第一版', '第二版']) {
      const r = await t.api('POST', '/api/v1/notices', {
        kind: 'ANNOUNCEMENT',
        target: { type: 'all' },
        collapseKey: 'tariff-2027',
        texts: [{ lang: 'zh-CN', title, body: '' }],
      });
      expect(r.status).toBe(201);
    }
    await until(() => b1.accepted.length === 2, 'two versions');
    expect(b1.accepted.map((d) => d.notice?.collapseKey)).toEqual(['tariff-2027', 'tariff-2027']);
    expect(b1.accepted.map((d) => d.notice?.texts?.[0]?.title)).toEqual(['第一版', '第二版']);
  });

  it('cancelling withdraws the notice from boxes that have not shown it', async () => {
    const b1 = await box('box-1');
    const sent = await t.api('POST', '/api/v1/notices', { kind: 'ANNOUNCEMENT', target: { type: 'all' }, texts: [zh] });
    const id = (sent.body.notice as { id: string }).id;
    await until(() => b1.noticeIds().includes(id), 'got it');
    const c = await t.api('POST', `/api/v1/notices/${id}/cancel`, { reason: '发布错误' });
    expect(c.status).toBe(200);
    expect(c.body.withdrawn).toBe(4);
    await until(() => b1.accepted.some((d) => d.withdrawal?.noticeId === id), 'withdrawal reached the box');
    const again = await t.api('POST', `/api/v1/notices/${id}/cancel`, { reason: 'x' });
    expect(again.body).toMatchObject({ code: 'NOTICE_NOT_CANCELLABLE' });
  });
});
