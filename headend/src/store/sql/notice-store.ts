import { sql } from 'kysely';
import { DELIVERY_RANK } from '../../ports/notice-store';
import type {
  BoxNotice,
  Delivery,
  DeliveryCounts,
  DeliverySummary,
  DeliveryView,
  NewDelivery,
  NoticeFilter,
  NoticeRecord,
  NoticeStore,
  ReceiptUpdate,
  UnansweredDelivery,
} from '../../ports/notice-store';
import type { AuditEntry } from '../../ports/audit-log';
import type { Page } from '../../ports/registry-store';
import {
  DELIVERY_COLUMNS,
  NOTICE_COLUMNS,
  emptyCounts,
  noticeRow,
  receiptOrder,
  toDelivery,
  toNotice,
  viewState,
  deliveryRows,
} from './notice-rows';
import { affected, atomically, CHUNK, creationOrder } from './sql-context';
import { insertRow, insertRows } from './insert-row';
import { insertRuns } from './insert-runs';
import { compiledOnce } from './compiled-once';
import { SqlNoticeOutbox } from './notice-outbox';
import { boxNotices } from './box-deliveries';
import { claimUnanswered } from './unanswered-deliveries';
import { applyRound, receiptRounds } from './receipt-rounds';
import { auditRow } from './audit-log';

export class SqlNoticeStore extends SqlNoticeOutbox implements NoticeStore {
  async create(
    n: NoticeRecord,
    deliveries: readonly NewDelivery[],
    claimedUntilMs: number,
    audit?: AuditEntry,
  ): Promise<void> {
    // Issue 15: committed unpublished, claimed by the deciding instance until claimedUntilMs.
    const notice = { ...noticeRow(n), publish_claim_until_ms: claimedUntilMs };
    if (this.ctx.dialect === 'postgres' && deliveries.length > 0 && deliveries.length <= CHUNK) {
      // Issue 19, PostgreSQL: the notice, its deliveries and its audit entry in one statement
      // (atomic by itself), one round trip instead of three — a personalised send's are each a
      // network round trip.
      const rows = deliveryRows(n, deliveries);
      const entry = audit === undefined ? undefined : auditRow(audit);
      const params = [
        ...Object.values(notice),
        ...(entry === undefined ? [] : Object.values(entry)),
        ...rows.flatMap((r) => Object.values(r)),
      ];
      const db = this.ctx.db;
      const key = `createNotice:${rows.length}${entry === undefined ? '' : ':audited'}`;
      await compiledOnce(this.ctx.dialect, db, key, params, () => {
        const withNotice = db.with('n', (w) => w.insertInto('notices').values(notice));
        return (entry === undefined ? withNotice : withNotice.with('a', (w) => w.insertInto('audit').values(entry)))
          .insertInto('deliveries')
          .values(rows);
      });
      return;
    }
    await atomically(this.ctx, async (db) => {
      const d = this.ctx.dialect;
      await insertRow(d, db, 'notices', notice);
      for (let i = 0; i < deliveries.length; i += CHUNK)
        await insertRows(d, db, 'deliveries', deliveryRows(n, deliveries.slice(i, i + CHUNK)));
      if (audit !== undefined) await insertRow(d, db, 'audit', auditRow(audit));
    });
  }

  async createMany(
    items: ReadonlyArray<{ notice: NoticeRecord; deliveries: readonly NewDelivery[]; claimedUntilMs: number }>,
  ): Promise<void> {
    await atomically(this.ctx, async (db) => {
      const d = this.ctx.dialect;
      const notices = items.map((it) => ({ ...noticeRow(it.notice), publish_claim_until_ms: it.claimedUntilMs }));
      await insertRuns(d, db, 'notices', notices);
      await insertRuns(
        d,
        db,
        'deliveries',
        items.flatMap((it) => deliveryRows(it.notice, it.deliveries)),
      );
    });
  }

  async get(id: string): Promise<NoticeRecord | undefined> {
    const q = () => this.ctx.db.selectFrom('notices').select(NOTICE_COLUMNS).where('id', '=', id);
    const [r] = await compiledOnce(this.ctx.dialect, this.ctx.db, 'getNotice', [id], q);
    return r === undefined ? undefined : toNotice(r);
  }

  async list(f: NoticeFilter): Promise<Page<NoticeRecord>> {
    let q = this.ctx.db.selectFrom('notices');
    if (f.kind !== undefined) q = q.where('kind', '=', f.kind);
    if (f.accountId !== undefined) q = q.where('account_id', '=', f.accountId);
    if (f.status !== undefined) q = q.where('status', '=', f.status);
    if (f.text !== undefined) {
      // The texts are JSON; a word is searched as JSON writes it, its LIKE wildcards escaped.
      const word = JSON.stringify(f.text)
        .slice(1, -1)
        .replace(/[\\%_]/g, (c) => `\\${c}`);
      q = q.where(sql<boolean>`texts_json LIKE ${`%${word}%`} ESCAPE '\\'`);
    }
    // Newest first; notices issued in the same millisecond in reverse creation order.
    const rows = await q
      .select(NOTICE_COLUMNS)
      .orderBy('issued_at_ms', 'desc')
      .orderBy(creationOrder(this.ctx), 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute();
    const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return { items: rows.map(toNotice), total: n };
  }

  forBox(boxId: string, limit: number): Promise<BoxNotice[]> {
    return boxNotices(this.ctx, boxId, limit);
  }

  async summaries(noticeIds: readonly string[]): Promise<Map<string, DeliverySummary>> {
    const out = new Map<string, DeliverySummary>();
    for (let i = 0; i < noticeIds.length; i += CHUNK) {
      const rows = await this.ctx.db
        .selectFrom('deliveries')
        .select([
          'notice_id',
          (eb) => eb.fn.countAll<number>().as('boxes'),
          sql<number>`SUM(CASE WHEN rank BETWEEN 1 AND 3 THEN 1 ELSE 0 END)`.as('delivered'),
          sql<number>`SUM(CASE WHEN rank BETWEEN 2 AND 3 THEN 1 ELSE 0 END)`.as('displayed'),
          sql<number>`SUM(CASE WHEN rank = 4 THEN 1 ELSE 0 END)`.as('withdrawn'),
        ])
        .where('notice_id', 'in', noticeIds.slice(i, i + CHUNK))
        .groupBy('notice_id')
        .execute();
      for (const r of rows)
        out.set(r.notice_id, {
          boxes: Number(r.boxes),
          delivered: Number(r.delivered),
          displayed: Number(r.displayed),
          withdrawn: Number(r.withdrawn),
        });
    }
    return out;
  }

  async cancel(id: string, atMs: number, reason: string, claimedUntilMs: number): Promise<number> {
    return atomically(this.ctx, async (db) => {
      const found = await db
        .updateTable('notices')
        .set({ status: 'cancelled', cancelled_at_ms: atMs, cancel_reason: reason })
        .where('id', '=', id)
        .executeTakeFirst();
      const withdrawn = await db
        .updateTable('deliveries')
        .set({ state: 'withdrawn', rank: DELIVERY_RANK.withdrawn, withdrawn_at_ms: atMs })
        .where('notice_id', '=', id)
        .where('state', 'in', ['queued', 'delivered'])
        .executeTakeFirst();
      // Issue 15: the withdrawal is published from the outbox; once per notice (a repeated
      // cancel keeps the first entry). No entry for a notice that does not exist.
      if (affected(found) > 0) {
        await db
          .insertInto('outbox')
          .values({ notice_id: id, op: 'withdraw', created_at_ms: atMs, lease_until_ms: claimedUntilMs })
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
      return affected(withdrawn);
    });
  }

  async applyReceipts(updates: readonly ReceiptUpdate[]): Promise<number> {
    // Rows in one order in every transaction: two headends flushing receipt batches that share
    // deliveries then queue behind each other instead of deadlocking. The sort is stable, so
    // receipts for one delivery keep their arrival order.
    const ordered = [...updates].sort(receiptOrder);
    if (ordered.length === 0) return 0;
    return atomically(this.ctx, async (db) => {
      let changed = 0;
      for (const round of receiptRounds(ordered)) changed += await applyRound(db, this.ctx.dialect, round);
      return changed;
    });
  }

  async counts(
    noticeId: string,
    nowMs: number,
  ): Promise<{ total: DeliveryCounts; byZone: Record<string, DeliveryCounts> }> {
    const rows = await this.ctx.db
      .selectFrom(this.viewed(noticeId, nowMs).as('x'))
      .select(['x.zone_id', 'x.view', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['x.zone_id', 'x.view'])
      .execute();
    const total = emptyCounts();
    const byZone: Record<string, DeliveryCounts> = {};
    for (const r of rows) {
      const view = r.view as DeliveryView;
      total[view] += r.n;
      (byZone[r.zone_id] ??= emptyCounts())[view] += r.n;
    }
    return { total, byZone };
  }

  async deliveries(
    noticeId: string,
    o: { limit: number; offset: number; state?: DeliveryView; nowMs: number },
  ): Promise<Page<Delivery>> {
    let q = this.ctx.db.selectFrom(this.viewed(noticeId, o.nowMs).as('x'));
    if (o.state !== undefined) q = q.where('x.view', '=', o.state);
    const rows = await q.selectAll('x').orderBy('x.box_id').limit(o.limit).offset(o.offset).execute();
    const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return { items: rows.map(toDelivery), total: n };
  }

  async pendingForBox(boxId: string, nowMs: number): Promise<string[]> {
    // Every hello asks this (a reconnect storm: every box at once): compiled once.
    const db = this.ctx.db;
    const rows = await compiledOnce(this.ctx.dialect, db, 'pendingForBox', [boxId, 'queued', 'sent', 0, nowMs], () =>
      db
        .selectFrom('deliveries as d')
        .innerJoin('notices as n', 'n.id', 'd.notice_id')
        .select('d.notice_id')
        .where('d.box_id', '=', boxId)
        .where('d.state', '=', 'queued')
        .where('n.status', '=', 'sent')
        .where((eb) => eb.or([eb('d.expires_at_ms', '=', 0), eb('d.expires_at_ms', '>', nowMs)]))
        .orderBy('d.queued_at_ms')
        .orderBy('d.notice_id'),
    );
    return rows.map((r) => r.notice_id);
  }

  async deliveriesForBoxes(noticeId: string, boxIds: readonly string[]): Promise<Delivery[]> {
    const found: Delivery[] = [];
    // Chunked: an account's boxes are few, but an IN list must never outgrow the parameter limit.
    for (let i = 0; i < boxIds.length; i += CHUNK) {
      const rows = await this.ctx.db
        .selectFrom('deliveries')
        .select([...DELIVERY_COLUMNS, 'state as view'])
        .where('notice_id', '=', noticeId)
        .where('box_id', 'in', boxIds.slice(i, i + CHUNK))
        .execute();
      found.push(...rows.map(toDelivery));
    }
    // In the order the boxes were asked for.
    const order = new Map(boxIds.map((b, i) => [b, i]));
    return found.sort((a, b) => (order.get(a.boxId) ?? 0) - (order.get(b.boxId) ?? 0));
  }

  async queuedCount(nowMs: number): Promise<number> {
    const { n } = await this.ctx.db
      .selectFrom('deliveries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('state', '=', 'queued')
      .where((eb) => eb.or([eb('expires_at_ms', '=', 0), eb('expires_at_ms', '>', nowMs)]))
      .executeTakeFirstOrThrow();
    return n;
  }

  claimUnanswered(nowMs: number, limit: number): Promise<UnansweredDelivery[]> {
    return claimUnanswered(this.ctx, nowMs, limit);
  }

  async deliveryBoxes(noticeId: string): Promise<Array<{ id: string; zoneId: string }>> {
    return this.ctx.db
      .selectFrom('deliveries')
      .select(['box_id as id', 'zone_id as zoneId'])
      .where('notice_id', '=', noticeId)
      .orderBy('box_id')
      .execute();
  }

  /** One notice's deliveries with their derived view state (see viewState). */
  private viewed(noticeId: string, nowMs: number) {
    return this.ctx.db
      .selectFrom('deliveries')
      .select([...DELIVERY_COLUMNS, (eb) => viewState(eb, nowMs).as('view')])
      .where('notice_id', '=', noticeId);
  }
}
