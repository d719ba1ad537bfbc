import type Database from 'better-sqlite3';
import type { GroupCommit } from './group-commit';
import { statementCache } from './statement-cache';
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

interface NoticeRow {
  id: string;
  kind: string;
  display: string;
  priority: string;
  collapse_key: string;
  texts_json: string;
  hotline: string;
  action_required: number;
  account_id: string;
  detail_json: string;
  target_json: string;
  status: string;
  created_by: string;
  issued_at_ms: number;
  expires_at_ms: number;
  cancelled_at_ms: number;
  cancel_reason: string;
}

function toNotice(r: NoticeRow): NoticeRecord {
  return {
    id: r.id,
    kind: r.kind as NoticeRecord['kind'],
    display: r.display as NoticeRecord['display'],
    priority: r.priority as NoticeRecord['priority'],
    collapseKey: r.collapse_key,
    texts: JSON.parse(r.texts_json) as NoticeRecord['texts'],
    hotline: r.hotline,
    actionRequired: r.action_required === 1,
    accountId: r.account_id,
    detail: JSON.parse(r.detail_json) as NoticeRecord['detail'],
    target: JSON.parse(r.target_json) as NoticeRecord['target'],
    status: r.status as NoticeRecord['status'],
    createdBy: r.created_by,
    issuedAtMs: r.issued_at_ms,
    expiresAtMs: r.expires_at_ms,
    cancelledAtMs: r.cancelled_at_ms,
    cancelReason: r.cancel_reason,
  };
}

const NOTICE_COLS = `id, kind, display, priority, collapse_key, texts_json, hotline, action_required, account_id,
  detail_json, target_json, status, created_by, issued_at_ms, expires_at_ms, cancelled_at_ms, cancel_reason`;

/** SQL for the derived view state: a queued/delivered row of an expired notice counts as expired. */
const VIEW_STATE = `CASE WHEN d.state IN ('queued','delivered') AND d.expires_at_ms > 0 AND d.expires_at_ms <= @now
  THEN 'expired' ELSE d.state END`;

export function emptyCounts(): DeliveryCounts {
  return { queued: 0, delivered: 0, displayed: 0, read: 0, dismissed: 0, withdrawn: 0, expired: 0 };
}

interface DeliveryRow {
  notice_id: string;
  box_id: string;
  zone_id: string;
  view: DeliveryView;
  queued_at_ms: number;
  delivered_at_ms: number;
  displayed_at_ms: number;
  read_at_ms: number;
  dismissed_at_ms: number;
}

function toDelivery(r: DeliveryRow): Delivery {
  return {
    noticeId: r.notice_id,
    boxId: r.box_id,
    zoneId: r.zone_id,
    state: r.view,
    queuedAtMs: r.queued_at_ms,
    deliveredAtMs: r.delivered_at_ms,
    displayedAtMs: r.displayed_at_ms,
    readAtMs: r.read_at_ms,
    dismissedAtMs: r.dismissed_at_ms,
  };
}

export class SqliteNoticeStore implements NoticeStore {
  private readonly receiptStmts: Record<ReceiptUpdate['state'], Database.Statement>;

  private readonly prepare: (sql: string) => Database.Statement;

  constructor(
    db: Database.Database,
    private readonly tx: GroupCommit,
  ) {
    this.prepare = statementCache(db);
    const upd = (col: string): Database.Statement =>
      db.prepare(
        `UPDATE deliveries SET state = @state, rank = @rank, ${col} = CASE WHEN ${col} = 0 THEN @at ELSE ${col} END,
           delivered_at_ms = CASE WHEN delivered_at_ms = 0 THEN @at ELSE delivered_at_ms END
         WHERE notice_id = @noticeId AND box_id = @boxId AND rank < @rank`,
      );
    this.receiptStmts = {
      delivered: upd('delivered_at_ms'),
      displayed: upd('displayed_at_ms'),
      read: upd('read_at_ms'),
      dismissed: upd('dismissed_at_ms'),
    };
  }

  async create(n: NoticeRecord, deliveries: readonly NewDelivery[]): Promise<void> {
    const ins = this.prepare(
      `INSERT INTO notices (${NOTICE_COLS}) VALUES (@id, @kind, @display, @priority, @collapseKey, @texts,
        @hotline, @actionRequired, @accountId, @detail, @target, @status, @createdBy, @issuedAtMs, @expiresAtMs,
        @cancelledAtMs, @cancelReason)`,
    );
    const insD = this.prepare(
      `INSERT INTO deliveries (notice_id, box_id, zone_id, state, rank, queued_at_ms, expires_at_ms)
       VALUES (?, ?, ?, 'queued', 0, ?, ?)`,
    );
    await this.tx.write(() => {
      ins.run({
        ...n,
        texts: JSON.stringify(n.texts),
        detail: JSON.stringify(n.detail),
        target: JSON.stringify(n.target),
        actionRequired: n.actionRequired ? 1 : 0,
      });
      for (const d of deliveries) insD.run(n.id, d.boxId, d.zoneId, n.issuedAtMs, n.expiresAtMs);
    });
  }

  async get(id: string): Promise<NoticeRecord | undefined> {
    const r = this.prepare(`SELECT ${NOTICE_COLS} FROM notices WHERE id = ?`).get(id) as NoticeRow | undefined;
    return r === undefined ? undefined : toNotice(r);
  }

  async list(f: NoticeFilter): Promise<Page<NoticeRecord>> {
    const where: string[] = [];
    const args: string[] = [];
    if (f.kind !== undefined) {
      where.push('kind = ?');
      args.push(f.kind);
    }
    if (f.accountId !== undefined) {
      where.push('account_id = ?');
      args.push(f.accountId);
    }
    const w = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const rows = this.prepare(
      `SELECT ${NOTICE_COLS} FROM notices ${w} ORDER BY issued_at_ms DESC, rowid DESC LIMIT ? OFFSET ?`,
    ).all(...args, f.limit, f.offset) as NoticeRow[];
    const { n } = this.prepare(`SELECT COUNT(*) AS n FROM notices ${w}`).get(...args) as { n: number };
    return { items: rows.map(toNotice), total: n };
  }

  async cancel(id: string, atMs: number, reason: string): Promise<number> {
    return this.tx.write(() => {
      this.prepare(`UPDATE notices SET status = 'cancelled', cancelled_at_ms = ?, cancel_reason = ? WHERE id = ?`).run(
        atMs,
        reason,
        id,
      );
      return this.prepare(
        `UPDATE deliveries SET state = 'withdrawn', rank = ${DELIVERY_RANK.withdrawn}, withdrawn_at_ms = ?
           WHERE notice_id = ? AND state IN ('queued','delivered')`,
      ).run(atMs, id).changes;
    });
  }

  async applyReceipts(updates: readonly ReceiptUpdate[]): Promise<number> {
    return this.tx.write(() => {
      let changed = 0;
      for (const u of updates) {
        changed += this.receiptStmts[u.state].run({
          state: u.state,
          rank: DELIVERY_RANK[u.state],
          at: u.atMs,
          noticeId: u.noticeId,
          boxId: u.boxId,
        }).changes;
      }
      return changed;
    });
  }

  async counts(
    noticeId: string,
    nowMs: number,
  ): Promise<{ total: DeliveryCounts; byZone: Record<string, DeliveryCounts> }> {
    const rows = this.prepare(
      `SELECT d.zone_id AS zone, ${VIEW_STATE} AS view, COUNT(*) AS n FROM deliveries d WHERE d.notice_id = @id GROUP BY 1, 2`,
    ).all({ id: noticeId, now: nowMs }) as Array<{ zone: string; view: DeliveryView; n: number }>;
    const total = emptyCounts();
    const byZone: Record<string, DeliveryCounts> = {};
    for (const r of rows) {
      total[r.view] += r.n;
      const z = (byZone[r.zone] ??= emptyCounts());
      z[r.view] += r.n;
    }
    return { total, byZone };
  }

  async deliveries(
    noticeId: string,
    o: { limit: number; offset: number; state?: DeliveryView; nowMs: number },
  ): Promise<Page<Delivery>> {
    const base = `FROM (SELECT d.*, ${VIEW_STATE} AS view FROM deliveries d WHERE d.notice_id = @id) x`;
    const w = o.state === undefined ? '' : 'WHERE view = @state';
    const params = { id: noticeId, now: o.nowMs, state: o.state ?? '', limit: o.limit, offset: o.offset };
    const rows = this.prepare(`SELECT * ${base} ${w} ORDER BY box_id LIMIT @limit OFFSET @offset`).all(
      params,
    ) as DeliveryRow[];
    const { n } = this.prepare(`SELECT COUNT(*) AS n ${base} ${w}`).get(params) as { n: number };
    return { items: rows.map(toDelivery), total: n };
  }

  async pendingForBox(boxId: string, nowMs: number): Promise<string[]> {
    const rows = this.prepare(
      `SELECT d.notice_id AS id FROM deliveries d JOIN notices n ON n.id = d.notice_id
         WHERE d.box_id = ? AND d.state = 'queued' AND n.status = 'sent' AND (d.expires_at_ms = 0 OR d.expires_at_ms > ?)
         ORDER BY d.queued_at_ms, d.notice_id`,
    ).all(boxId, nowMs) as Array<{ id: string }>;
    return rows.map((r) => r.id);
  }

  async deliveriesForBoxes(noticeId: string, boxIds: readonly string[]): Promise<Delivery[]> {
    const st = this.prepare(`SELECT d.*, d.state AS view FROM deliveries d WHERE d.notice_id = ? AND d.box_id = ?`);
    return boxIds.flatMap((b) => {
      const r = st.get(noticeId, b) as DeliveryRow | undefined;
      return r === undefined ? [] : [toDelivery(r)];
    });
  }

  async queuedCount(nowMs: number): Promise<number> {
    return (
      this.prepare(
        `SELECT COUNT(*) AS n FROM deliveries WHERE state = 'queued' AND (expires_at_ms = 0 OR expires_at_ms > ?)`,
      ).get(nowMs) as { n: number }
    ).n;
  }
}
