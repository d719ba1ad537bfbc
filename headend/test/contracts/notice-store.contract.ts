import { describe, expect, it } from 'vitest';
import { UNANSWERED_RESEND_MS } from '../../src/ports/notice-store';
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
      await s.notices.create(n, boxes, T);
      expect(await s.notices.get('n1')).toEqual(n);
      expect((await s.notices.counts('n1', T)).total).toMatchObject({ queued: 3 });
      await s.notices.create(notice('n2', { kind: 'OUTAGE', issuedAtMs: T + 1 }), boxes, T);
      const list = await s.notices.list({ limit: 10, offset: 0, kind: 'OUTAGE' });
      expect(list.items.map((x) => x.id)).toEqual(['n2']);
      expect((await s.notices.list({ limit: 1, offset: 0 })).total).toBe(2);
      // Newest first; notices issued in the same millisecond keep the order they were created in.
      await s.notices.create(notice('n0', { issuedAtMs: T + 1 }), boxes, T);
      expect((await s.notices.list({ limit: 10, offset: 0 })).items.map((x) => x.id)).toEqual(['n0', 'n2', 'n1']);
      await s.close();
    });

    it('a notice with its audit entry is one atomic write: a notice that cannot be stored leaves no entry', async () => {
      const s = await open();
      const entry = (subject: string, by: string) => ({
        atMs: T,
        actor: by,
        action: 'notice.sent',
        subject,
        detail: { boxes: boxes.length },
      });
      await s.notices.create(notice('n1'), boxes, T, entry('n1', 'first'));
      // The same id again: refused, and its audit entry with it.
      await expect(s.notices.create(notice('n1'), boxes, T, entry('n1', 'second'))).rejects.toThrow();
      expect((await s.notices.counts('n1', T)).total).toMatchObject({ queued: 3 });
      const audited = await s.audit.list({ limit: 10, subject: 'n1' });
      expect(audited.map((e) => e.actor)).toEqual(['first']);
      expect(audited[0]?.detail).toEqual({ boxes: 3 });
      // More boxes than one statement takes: the same, in a transaction of several statements.
      const many = Array.from({ length: 600 }, (_, i) => ({ boxId: `m${i}`, zoneId: 'z1' }));
      await s.notices.create(notice('n-many'), many, T, entry('n-many', 'first'));
      await expect(s.notices.create(notice('n-many'), many, T, entry('n-many', 'second'))).rejects.toThrow();
      expect((await s.notices.counts('n-many', T)).total).toMatchObject({ queued: 600 });
      expect((await s.audit.list({ limit: 10, subject: 'n-many' })).map((e) => e.actor)).toEqual(['first']);
      await s.close();
    });

    it('lists by words and status, with how far each notice got (issue 18)', async () => {
      const s = await open();
      await s.notices.create(
        notice('n1', { texts: [{ lang: 'zh-CN', title: '东城检修', body: '100% 停播' }] }),
        boxes,
        T,
      );
      await s.notices.create(notice('n2', { texts: [{ lang: 'zh-CN', title: '资费_调整', body: '' }] }), boxes, T);
      await s.notices.applyReceipts([
        { noticeId: 'n1', boxId: 'b1', state: 'displayed', atMs: T + 1 },
        { noticeId: 'n1', boxId: 'b2', state: 'delivered', atMs: T + 1 },
      ]);
      await s.notices.cancel('n2', T + 2, 'wrong', T + 2);
      const ids = async (f: { text?: string; status?: 'sent' | 'cancelled' }) =>
        (await s.notices.list({ limit: 10, offset: 0, ...f })).items.map((x) => x.id);
      expect(await ids({ text: '检修' })).toEqual(['n1']);
      // LIKE's wildcards are searched as themselves.
      expect(await ids({ text: '%' })).toEqual(['n1']);
      expect(await ids({ text: '_' })).toEqual(['n2']);
      expect(await ids({ status: 'cancelled' })).toEqual(['n2']);
      const reach = await s.notices.summaries(['n1', 'n2', 'n-none']);
      expect(reach.get('n1')).toEqual({ boxes: 3, delivered: 2, displayed: 1, withdrawn: 0 });
      expect(reach.get('n2')).toEqual({ boxes: 3, delivered: 0, displayed: 0, withdrawn: 3 });
      expect(reach.has('n-none')).toBe(false);
      await s.close();
    });

    it('receipts only move a delivery forward; replays change nothing', async () => {
      const s = await open();
      await s.notices.create(notice('n1'), boxes, T);
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

    it('a batch of receipts applies as one by one in arrival order: several per delivery, more than a statement holds (issue 19)', async () => {
      const s = await open();
      const many = Array.from({ length: 700 }, (_, i) => ({ boxId: `m${String(i).padStart(4, '0')}`, zoneId: 'z1' }));
      await s.notices.create(notice('n1'), [...boxes, ...many], T);
      const changed = await s.notices.applyReceipts([
        { noticeId: 'n1', boxId: 'b1', state: 'delivered', atMs: T + 1 },
        { noticeId: 'n1', boxId: 'b2', state: 'displayed', atMs: T + 3 },
        { noticeId: 'n1', boxId: 'b1', state: 'displayed', atMs: T + 2 },
        { noticeId: 'n1', boxId: 'b2', state: 'delivered', atMs: T + 4 }, // late: changes nothing
        { noticeId: 'n1', boxId: 'b1', state: 'read', atMs: T + 5 },
        { noticeId: 'n1', boxId: 'b1', state: 'read', atMs: T + 6 }, // a replay: changes nothing
        ...many.map((b, i) => ({ noticeId: 'n1', boxId: b.boxId, state: 'delivered' as const, atMs: T + 10 + i })),
      ]);
      expect(changed).toBe(4 + many.length);
      const [b1, b2] = await s.notices.deliveriesForBoxes('n1', ['b1', 'b2']);
      expect(b1).toMatchObject({ state: 'read', deliveredAtMs: T + 1, displayedAtMs: T + 2, readAtMs: T + 5 });
      expect(b2).toMatchObject({ state: 'displayed', deliveredAtMs: T + 3, displayedAtMs: T + 3 });
      const [last] = await s.notices.deliveriesForBoxes('n1', ['m0699']);
      expect(last).toMatchObject({ state: 'delivered', deliveredAtMs: T + 709, displayedAtMs: 0 });
      expect((await s.notices.counts('n1', T)).total).toMatchObject({
        read: 1,
        displayed: 1,
        delivered: 700,
        queued: 1,
      });
      await s.close();
    });

    it('a delivery not shown before the notice expired counts as expired', async () => {
      const s = await open();
      await s.notices.create(notice('n1', { expiresAtMs: T + 100 }), boxes, T);
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
      await s.notices.create(notice('n1'), boxes, T);
      await s.notices.applyReceipts([{ noticeId: 'n1', boxId: 'b1', state: 'displayed', atMs: T }]);
      expect(await s.notices.cancel('n1', T + 1, 'mistake', T + 1)).toBe(2);
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
      await s.notices.create(notice('old', { issuedAtMs: T }), boxes, T);
      await s.notices.create(notice('new', { issuedAtMs: T + 10, expiresAtMs: T + 2000 }), boxes, T);
      await s.notices.create(notice('short', { issuedAtMs: T + 5, expiresAtMs: T + 50 }), boxes, T);
      await s.notices.create(notice('gone', { issuedAtMs: T + 6 }), boxes, T);
      await s.notices.cancel('gone', T + 7, 'x', T + 7);
      await s.notices.applyReceipts([{ noticeId: 'old', boxId: 'b2', state: 'delivered', atMs: T }]);
      expect(await s.notices.pendingForBox('b1', T + 100)).toEqual(['old', 'new']);
      expect(await s.notices.pendingForBox('b2', T + 100)).toEqual(['new']);
      expect(await s.notices.pendingForBox('b1', T + 1000)).toEqual(['new']);
      await s.close();
    });

    it('stores deliveries for many boxes (several insert chunks) and lists their boxes', async () => {
      const s = await open();
      const many = Array.from({ length: 1234 }, (_, i) => ({
        boxId: `b${String(i).padStart(5, '0')}`,
        zoneId: `z${i % 3}`,
      }));
      await s.notices.create(notice('n1'), many, T);
      expect((await s.notices.counts('n1', T)).total.queued).toBe(1234);
      const listed = await s.notices.deliveryBoxes('n1');
      expect(listed).toHaveLength(1234);
      expect(listed[0]).toEqual({ id: 'b00000', zoneId: 'z0' });
      expect(listed[1233]).toEqual({ id: 'b01233', zoneId: 'z0' });
      const asked = await s.notices.deliveriesForBoxes('n1', ['b00007', 'nope', 'b00002']);
      expect(asked.map((d) => d.boxId)).toEqual(['b00007', 'b00002']);
      await s.close();
    });

    it('outbox: create adds one publish entry, claimed by its maker until then, leased on claim, claimable again once the lease ran out', async () => {
      const s = await open();
      await s.notices.create(notice('n1'), boxes, T + 500);
      // A failed create (same id) writes nothing, no second outbox entry either.
      await expect(s.notices.create(notice('n1'), boxes, T + 500)).rejects.toThrow();
      // Born claimed by the instance that decided: the sweep leaves it alone until T + 500.
      expect(await s.notices.claimOutbox(T + 499, 1000, 10)).toEqual([]);
      const first = await s.notices.claimOutbox(T + 500, 1000, 10);
      expect(first).toEqual([{ noticeId: 'n1', op: 'publish', createdAtMs: T, attempts: 1 }]);
      expect(await s.notices.claimOutbox(T + 1499, 1000, 10)).toEqual([]);
      const again = await s.notices.claimOutbox(T + 1500, 1000, 10);
      expect(again).toEqual([{ ...first[0], attempts: 2 }]);
      await s.notices.markPublished('publish', ['n1'], T + 1501);
      expect(await s.notices.claimOutbox(T + 1_000_000, 1000, 10)).toEqual([]);
      await s.close();
    });

    it('outbox: cancel adds one withdraw entry; marks name their kind', async () => {
      const s = await open();
      await s.notices.create(notice('n1'), boxes, T);
      await s.notices.markPublished('withdraw', ['n1'], T); // not this entry's kind: no effect
      const [pub] = await s.notices.claimOutbox(T, 1000, 10);
      expect(pub).toMatchObject({ noticeId: 'n1', op: 'publish' });
      await s.notices.markPublished('publish', ['n1'], T);
      await s.notices.cancel('n1', T + 5, 'mistake', T + 5);
      await s.notices.cancel('n1', T + 6, 'again', T + 6);
      await s.notices.cancel('nope', T + 6, 'no such notice', T + 6);
      const claimed = await s.notices.claimOutbox(T + 10, 1000, 10);
      expect(claimed).toEqual([{ noticeId: 'n1', op: 'withdraw', createdAtMs: T + 5, attempts: 1 }]);
      await s.close();
    });

    it('outbox: claimOutbox takes the oldest first; one mark covers many notices', async () => {
      const s = await open();
      for (const id of ['n1', 'n2', 'n3']) await s.notices.create(notice(id), boxes, T);
      await s.notices.markPublished('publish', ['n2', 'nope'], T);
      expect((await s.notices.claimOutbox(T, 1000, 1)).map((e) => e.noticeId)).toEqual(['n1']);
      expect((await s.notices.claimOutbox(T, 1000, 10)).map((e) => e.noticeId)).toEqual(['n3']);
      await s.close();
    });

    it('outbox: concurrent claims never return an entry twice', async () => {
      const s = await open();
      const ids = Array.from({ length: 30 }, (_, i) => `n${String(i).padStart(2, '0')}`);
      for (const id of ids) await s.notices.create(notice(id), [{ boxId: 'b1', zoneId: 'z1' }], T);
      const claims = await Promise.all([1, 2, 3, 4].map(() => s.notices.claimOutbox(T, 1000, 10)));
      for (const c of claims) expect(c.map((e) => e.noticeId)).toEqual([...c.map((e) => e.noticeId)].sort());
      const rest = await s.notices.claimOutbox(T, 1000, 100);
      const all = [...claims.flat(), ...rest].map((e) => e.noticeId);
      expect(new Set(all).size).toBe(all.length);
      expect([...all].sort()).toEqual(ids);
      expect(claims.flat().every((e) => e.attempts === 1)).toBe(true);
      await s.close();
    });
    it('unanswered deliveries (N2 proof, issue 21): sent again on a backing-off schedule until acknowledged, then never', async () => {
      const s = await open();
      await s.registry.upsertBoxes(boxes.map((b) => ({ id: b.boxId, accountId: 'a1', zoneId: b.zoneId })));
      for (const b of ['b1', 'b2']) await s.registry.setOnline(b, true, T);
      const day = 24 * 3_600_000;
      await s.notices.create(notice('n1', { expiresAtMs: T + day }), boxes, T);
      await s.notices.create(notice('gone', { expiresAtMs: T + 30_000 }), boxes, T);
      const [first = 0, second = 0] = UNANSWERED_RESEND_MS;
      expect(await s.notices.claimUnanswered(T + first - 1, 100)).toEqual([]);
      // Due: every unacknowledged, unexpired delivery, with whether its box is online.
      expect(await s.notices.claimUnanswered(T + first, 100)).toEqual([
        { noticeId: 'n1', boxId: 'b1', online: true },
        { noticeId: 'n1', boxId: 'b2', online: true },
        { noticeId: 'n1', boxId: 'b3', online: false },
      ]);
      // Claimed: not again until the next step of the schedule.
      expect(await s.notices.claimUnanswered(T + first + second - 1, 100)).toEqual([]);
      await s.notices.applyReceipts([{ noticeId: 'n1', boxId: 'b1', state: 'displayed', atMs: T + first + 5 }]);
      expect((await s.notices.claimUnanswered(T + first + second, 100)).map((u) => u.boxId)).toEqual(['b2', 'b3']);
      // Then each later step once, and none after the last.
      let at = T + first + second;
      for (const ms of UNANSWERED_RESEND_MS.slice(2)) {
        at += ms;
        expect((await s.notices.claimUnanswered(at, 100)).map((u) => u.boxId)).toEqual(['b2', 'b3']);
      }
      expect(await s.notices.claimUnanswered(T + day - 1, 100)).toEqual([]);
      await s.close();
    });

    it('unanswered deliveries: concurrent claims never return a delivery twice; the oldest due first', async () => {
      const s = await open();
      const many = Array.from({ length: 60 }, (_, i) => ({ boxId: `b${String(i).padStart(2, '0')}`, zoneId: 'z1' }));
      await s.notices.create(notice('late', { issuedAtMs: T + 10, expiresAtMs: T + 3_600_000 }), many, T);
      await s.notices.create(notice('early', { expiresAtMs: T + 3_600_000 }), many, T);
      const due = T + 10 + (UNANSWERED_RESEND_MS[0] ?? 0);
      expect(new Set((await s.notices.claimUnanswered(due, 60)).map((u) => u.noticeId))).toEqual(new Set(['early']));
      const claims = await Promise.all([1, 2, 3, 4].map(() => s.notices.claimUnanswered(due, 20)));
      const rest = await s.notices.claimUnanswered(due, 100);
      const all = [...claims.flat(), ...rest].map((u) => `${u.noticeId}/${u.boxId}`);
      expect(new Set(all).size).toBe(all.length);
      expect(all.length).toBe(60);
      expect(all.every((k) => k.startsWith('late/'))).toBe(true);
      await s.close();
    });
  });
}
