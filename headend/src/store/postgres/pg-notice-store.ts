import { DELIVERY_RANK } from '../../ports/notice-store';
import type {
  Delivery,
  DeliveryCounts,
  DeliveryView,
  NewDelivery,
  NoticeFilter,
  NoticeRecord,
  NoticeStore,
  ReceiptUpdate,
} from '../../ports/notice-store';
import type { Page } from '../../ports/registry-store';
import { emptyCounts } from '../sqlite/sqlite-notice-store';
import type { PgDb } from './pg-db';

const NOTICE = `id, kind, display, priority, collapse_key AS "collapseKey", texts_json AS texts, hotline,
  action_required = 1 AS "actionRequired", account_id AS "accountId", detail_json AS detail, target_json AS target, status,
  created_by AS "createdBy", issued_at_ms AS "issuedAtMs", expires_at_ms AS "expiresAtMs", cancelled_at_ms AS "cancelledAtMs",
  cancel_reason AS "cancelReason"`;
type Row = Omit<NoticeRecord, 'texts' | 'detail' | 'target'> & { texts: string; detail: string; target: string };
const toNotice = (r: Row): NoticeRecord => ({
  ...r,
  texts: JSON.parse(r.texts) as NoticeRecord['texts'],
  detail: JSON.parse(r.detail) as NoticeRecord['detail'],
  target: JSON.parse(r.target) as NoticeRecord['target'],
});
const VIEW = (now: string) =>
  `CASE WHEN d.state IN ('queued','delivered') AND d.expires_at_ms > 0 AND d.expires_at_ms <= ${now} THEN 'expired' ELSE d.state END`;
const DELIVERY = `notice_id AS "noticeId", box_id AS "boxId", zone_id AS "zoneId", queued_at_ms AS "queuedAtMs",
  delivered_at_ms AS "deliveredAtMs", displayed_at_ms AS "displayedAtMs", read_at_ms AS "readAtMs", dismissed_at_ms AS "dismissedAtMs"`;
const COLUMN: Record<ReceiptUpdate['state'], string> = {
  delivered: 'delivered_at_ms',
  displayed: 'displayed_at_ms',
  read: 'read_at_ms',
  dismissed: 'dismissed_at_ms',
};

export class PgNoticeStore implements NoticeStore {
  constructor(private readonly db: PgDb) {}

  async create(n: NoticeRecord, deliveries: readonly NewDelivery[]): Promise<void> {
    const notice = [
      n.id,
      n.kind,
      n.display,
      n.priority,
      n.collapseKey,
      JSON.stringify(n.texts),
      n.hotline,
      n.actionRequired ? 1 : 0,
      n.accountId,
      JSON.stringify(n.detail),
      JSON.stringify(n.target),
      n.status,
      n.createdBy,
      n.issuedAtMs,
      n.expiresAtMs,
      n.cancelledAtMs,
      n.cancelReason,
    ];
    const insertNotice = `INSERT INTO notices (id, kind, display, priority, collapse_key, texts_json, hotline, action_required, account_id, detail_json,
           target_json, status, created_by, issued_at_ms, expires_at_ms, cancelled_at_ms, cancel_reason)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17)`;
    const DELIVERIES = `INSERT INTO deliveries (notice_id, box_id, zone_id, state, rank, queued_at_ms, expires_at_ms)`;
    if (deliveries.length <= 1000) {
      // The common case (a box's or an account's notice): one statement, one round trip.
      await this.db.run(
        `WITH n AS (${insertNotice} RETURNING id)
         ${DELIVERIES} SELECT n.id, b, z, 'queued', 0, $14, $15 FROM n, unnest($18::text[], $19::text[]) AS t(b, z)`,
        [...notice, deliveries.map((d) => d.boxId), deliveries.map((d) => d.zoneId)],
      );
      return;
    }
    await this.db.tx(async (c) => {
      await c.query(insertNotice, notice);
      for (let i = 0; i < deliveries.length; i += 1000) {
        const chunk = deliveries.slice(i, i + 1000);
        await c.query(
          `${DELIVERIES} SELECT $1, b, z, 'queued', 0, $2, $3 FROM unnest($4::text[], $5::text[]) AS t(b, z)`,
          [n.id, n.issuedAtMs, n.expiresAtMs, chunk.map((d) => d.boxId), chunk.map((d) => d.zoneId)],
        );
      }
    });
  }

  async get(id: string): Promise<NoticeRecord | undefined> {
    const r = await this.db.one<Row>(`SELECT ${NOTICE} FROM notices WHERE id = $1`, [id]);
    return r === undefined ? undefined : toNotice(r);
  }

  async list(f: NoticeFilter): Promise<Page<NoticeRecord>> {
    const where: string[] = [];
    const args: unknown[] = [];
    if (f.kind !== undefined) where.push(`kind = $${args.push(f.kind)}`);
    if (f.accountId !== undefined) where.push(`account_id = $${args.push(f.accountId)}`);
    const w = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const rows = await this.db.rows<Row>(
      `SELECT ${NOTICE} FROM notices ${w} ORDER BY issued_at_ms DESC, seq DESC LIMIT $${args.length + 1} OFFSET $${args.length + 2}`,
      [...args, f.limit, f.offset],
    );
    const n = await this.db.one<{ n: number }>(`SELECT COUNT(*)::int AS n FROM notices ${w}`, args);
    return { items: rows.map(toNotice), total: n?.n ?? 0 };
  }

  async cancel(id: string, atMs: number, reason: string): Promise<number> {
    return this.db.tx(async (c) => {
      await c.query(`UPDATE notices SET status = 'cancelled', cancelled_at_ms = $1, cancel_reason = $2 WHERE id = $3`, [
        atMs,
        reason,
        id,
      ]);
      const r = await c.query(
        `UPDATE deliveries SET state = 'withdrawn', rank = $1, withdrawn_at_ms = $2 WHERE notice_id = $3 AND state IN ('queued','delivered')`,
        [DELIVERY_RANK.withdrawn, atMs, id],
      );
      return r.rowCount ?? 0;
    });
  }

  async applyReceipts(updates: readonly ReceiptUpdate[]): Promise<number> {
    // Rows in one order in every transaction: two headends flushing receipt batches that share
    // deliveries then queue behind each other instead of deadlocking.
    const ordered = [...updates].sort((a, b) =>
      a.noticeId === b.noticeId
        ? a.boxId < b.boxId
          ? -1
          : a.boxId > b.boxId
            ? 1
            : 0
        : a.noticeId < b.noticeId
          ? -1
          : 1,
    );
    return this.db.tx(async (c) => {
      let changed = 0;
      for (const u of ordered) {
        const col = COLUMN[u.state];
        // A later state implies the earlier one: delivered_at is set too when it is still empty.
        const also =
          col === 'delivered_at_ms'
            ? ''
            : ', delivered_at_ms = CASE WHEN delivered_at_ms = 0 THEN $3 ELSE delivered_at_ms END';
        const r = await c.query(
          `UPDATE deliveries SET state = $1, rank = $2, ${col} = CASE WHEN ${col} = 0 THEN $3 ELSE ${col} END${also}
           WHERE notice_id = $4 AND box_id = $5 AND rank < $2`,
          [u.state, DELIVERY_RANK[u.state], u.atMs, u.noticeId, u.boxId],
        );
        changed += r.rowCount ?? 0;
      }
      return changed;
    });
  }

  async counts(
    noticeId: string,
    nowMs: number,
  ): Promise<{ total: DeliveryCounts; byZone: Record<string, DeliveryCounts> }> {
    const rows = await this.db.rows<{ zone: string; view: DeliveryView; n: number }>(
      `SELECT d.zone_id AS zone, ${VIEW('$2')} AS view, COUNT(*)::int AS n FROM deliveries d WHERE d.notice_id = $1 GROUP BY 1, 2`,
      [noticeId, nowMs],
    );
    const total = emptyCounts();
    const byZone: Record<string, DeliveryCounts> = {};
    for (const r of rows) {
      total[r.view] += r.n;
      (byZone[r.zone] ??= emptyCounts())[r.view] += r.n;
    }
    return { total, byZone };
  }

  async deliveries(
    noticeId: string,
    o: { limit: number; offset: number; state?: DeliveryView; nowMs: number },
  ): Promise<Page<Delivery>> {
    const base = `FROM (SELECT d.*, ${VIEW('$2')} AS view FROM deliveries d WHERE d.notice_id = $1) x WHERE ($3::text IS NULL OR view = $3)`;
    const items = await this.db.rows<Delivery>(
      `SELECT ${DELIVERY}, view AS state ${base} ORDER BY box_id LIMIT $4 OFFSET $5`,
      [noticeId, o.nowMs, o.state ?? null, o.limit, o.offset],
    );
    const n = await this.db.one<{ n: number }>(`SELECT COUNT(*)::int AS n ${base}`, [
      noticeId,
      o.nowMs,
      o.state ?? null,
    ]);
    return { items, total: n?.n ?? 0 };
  }

  async pendingForBox(boxId: string, nowMs: number): Promise<string[]> {
    const rows = await this.db.rows<{ id: string }>(
      `SELECT d.notice_id AS id FROM deliveries d JOIN notices n ON n.id = d.notice_id
       WHERE d.box_id = $1 AND d.state = 'queued' AND n.status = 'sent' AND (d.expires_at_ms = 0 OR d.expires_at_ms > $2)
       ORDER BY d.queued_at_ms, d.notice_id`,
      [boxId, nowMs],
    );
    return rows.map((r) => r.id);
  }

  async deliveriesForBoxes(noticeId: string, boxIds: readonly string[]): Promise<Delivery[]> {
    const rows = await this.db.rows<Delivery>(
      `SELECT ${DELIVERY}, state FROM deliveries WHERE notice_id = $1 AND box_id = ANY($2::text[])`,
      [noticeId, [...boxIds]],
    );
    const order = new Map(boxIds.map((b, i) => [b, i]));
    return rows.sort((a, b) => (order.get(a.boxId) ?? 0) - (order.get(b.boxId) ?? 0));
  }

  async queuedCount(nowMs: number): Promise<number> {
    return (
      (
        await this.db.one<{ n: number }>(
          `SELECT COUNT(*)::int AS n FROM deliveries WHERE state = 'queued' AND (expires_at_ms = 0 OR expires_at_ms > $1)`,
          [nowMs],
        )
      )?.n ?? 0
    );
  }
}
