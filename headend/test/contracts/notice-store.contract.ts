import { describe, expect, it } from 'vitest';
import type { NoticeRecord } from '../../src/ports/notice-store';
import type { StoresFactory } from './stores-factory';

const T = 1_800_000_000_000;

export function notice(id: string, over: Partial<NoticeRecord> = {}): NoticeRecord {
  return {
    id,
    kind: 'ANNOUNCEMENT',
    display: 'MAILBOX',
    priority: 'NORMAL',
    collapseKey: '',
    texts: [{ lang: 'zh-CN', title: '标题', body: '' }],
    hotline: '96956',
    actionRequired: false,
    accountId: '',
    detail: { topic: 't' },
    target: { type: 'all' },
    status: 'sent',
    createdBy: 'test',
    issuedAtMs: T,
    expiresAtMs: T + 1000,
    cancelledAtMs: 0,
    cancelReason: '',
    ...over,
  };
}

const boxes = [
  { boxId: 'b1', zoneId: 'z1' },
  { boxId: 'b2', zoneId: 'z1' },
  { boxId: 'b3', zoneId: 'z2' },
];

export function noticeStoreContract(name: string, open: StoresFactory): void {
  describe(`NoticeStore contract: ${name}`, () => {
    it('stores a notice with its deliveries and reads it back', async () => {
      const s = await open();
      const n = notice('n1', {
        texts: [{ lang: 'zh-CN', title: '停机', body: '正文' }],
        target: { type: 'zones', zoneIds: ['z1'] },
      });
      await s.notices.create(n, boxes);
      expect(await s.notices.get('n1')).toEqual(n);
      expect((await s.notices.counts('n1', T)).total).toMatchObject({ queued: 3 });
      await s.notices.create(notice('n2', { kind: 'OUTAGE', issuedAtMs: T + 1 }), boxes);
      const list = await s.notices.list({ limit: 10, offset: 0, kind: 'OUTAGE' });
      expect(list.items.map((x) => x.id)).toEqual(['n2']);
      expect((await s.notices.list({ limit: 1, offset: 0 })).total).toBe(2);
      // Newest first; notices issued in the same millisecond keep the order they were created in.
      await s.notices.create(notice('n0', { issuedAtMs: T + 1 }), boxes);
      expect((await s.notices.list({ limit: 10, offset: 0 })).items.map((x) => x.id)).toEqual(['n0', 'n2', 'n1']);
      await s.close();
    });

    it('receipts only move a delivery forward; replays change nothing', async () => {
      const s = await open();
      await s.notices.create(notice('n1'), boxes);
      expect(await s.notices.applyReceipts([{ noticeId: 'n1', boxId: 'b1', state: 'displayed', atMs: T + 5 }])).toBe(1);
      expect(await s.notices.applyReceipts([{ noticeId: 'n1', boxId: 'b1', state: 'delivered', atMs: T + 6 }])).toBe(0);
      expect(await s.notices.applyReceipts([{ noticeId: 'n1', boxId: 'b1', state: 'displayed', atMs: T + 7 }])).toBe(0);
      await s.notices.applyReceipts([
        { noticeId: 'n1', boxId: 'b2', state: 'delivered', atMs: T + 1 },
        { noticeId: 'n1', boxId: 'b3', state: 'read', atMs: T + 2 },
        { noticeId: 'nope', boxId: 'b3', state: 'read', atMs: T + 2 },
      ]);
      const c = await s.notices.counts('n1', T);
      expect(c.total).toMatchObject({ displayed: 1, delivered: 1, read: 1, queued: 0 });
      expect(c.byZone).toMatchObject({ z1: { displayed: 1, delivered: 1 }, z2: { read: 1 } });
      const [d] = await s.notices.deliveriesForBoxes('n1', ['b1']);
      expect(d).toMatchObject({ state: 'displayed', deliveredAtMs: T + 5, displayedAtMs: T + 5, queuedAtMs: T });
      await s.close();
    });

    it('a delivery not shown before the notice expired counts as expired', async () => {
      const s = await open();
      await s.notices.create(notice('n1', { expiresAtMs: T + 100 }), boxes);
      await s.notices.applyReceipts([{ noticeId: 'n1', boxId: 'b1', state: 'displayed', atMs: T + 5 }]);
      expect((await s.notices.counts('n1', T + 100)).total).toMatchObject({ displayed: 1, expired: 2, queued: 0 });
      expect(
        (await s.notices.deliveries('n1', { limit: 10, offset: 0, state: 'expired', nowMs: T + 100 })).items.map(
          (x) => x.boxId,
        ),
      ).toEqual(['b2', 'b3']);
      expect(await s.notices.queuedCount(T + 100)).toBe(0);
      expect(await s.notices.queuedCount(T)).toBe(2);
      await s.close();
    });

    it('cancel withdraws deliveries not yet displayed', async () => {
      const s = await open();
      await s.notices.create(notice('n1'), boxes);
      await s.notices.applyReceipts([{ noticeId: 'n1', boxId: 'b1', state: 'displayed', atMs: T }]);
      expect(await s.notices.cancel('n1', T + 1, 'mistake')).toBe(2);
      expect(await s.notices.get('n1')).toMatchObject({
        status: 'cancelled',
        cancelledAtMs: T + 1,
        cancelReason: 'mistake',
      });
      expect((await s.notices.counts('n1', T)).total).toMatchObject({ displayed: 1, withdrawn: 2 });
      await s.close();
    });

    it('pending for a box: sent, unexpired, unacknowledged, oldest first', async () => {
      const s = await open();
      await s.notices.create(notice('old', { issuedAtMs: T }), boxes);
      await s.notices.create(notice('new', { issuedAtMs: T + 10, expiresAtMs: T + 2000 }), boxes);
      await s.notices.create(notice('short', { issuedAtMs: T + 5, expiresAtMs: T + 50 }), boxes);
      await s.notices.create(notice('gone', { issuedAtMs: T + 6 }), boxes);
      await s.notices.cancel('gone', T + 7, 'x');
      await s.notices.applyReceipts([{ noticeId: 'old', boxId: 'b2', state: 'delivered', atMs: T }]);
      expect(await s.notices.pendingForBox('b1', T + 100)).toEqual(['old', 'new']);
      expect(await s.notices.pendingForBox('b2', T + 100)).toEqual(['new']);
      expect(await s.notices.pendingForBox('b1', T + 1000)).toEqual(['new']);
      await s.close();
    });
  });
}
