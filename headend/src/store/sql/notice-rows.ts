import { sql } from 'kysely';
import type { AliasableExpression, ExpressionBuilder, Insertable, Selectable } from 'kysely';
import { DELIVERY_RANK, UNANSWERED_RESEND_MS } from '../../ports/notice-store';
import type {
  Delivery,
  DeliveryCounts,
  DeliveryView,
  NewDelivery,
  NoticeRecord,
  OutboxEntry,
  ReceiptUpdate,
} from '../../ports/notice-store';
import type { DB, DeliveriesTable, NoticesTable } from './schema';

/** The notice columns a NoticeRecord is read from (not PostgreSQL's `seq`). */
export const NOTICE_COLUMNS = [
  'id',
  'kind',
  'display',
  'priority',
  'collapse_key',
  'texts_json',
  'hotline',
  'action_required',
  'account_id',
  'detail_json',
  'target_json',
  'status',
  'created_by',
  'issued_at_ms',
  'expires_at_ms',
  'cancelled_at_ms',
  'cancel_reason',
] as const;

export function toNotice(r: Pick<Selectable<NoticesTable>, (typeof NOTICE_COLUMNS)[number]>): NoticeRecord {
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

export function noticeRow(n: NoticeRecord): Insertable<NoticesTable> {
  return {
    id: n.id,
    kind: n.kind,
    display: n.display,
    priority: n.priority,
    collapse_key: n.collapseKey,
    texts_json: JSON.stringify(n.texts),
    hotline: n.hotline,
    action_required: n.actionRequired ? 1 : 0,
    account_id: n.accountId,
    detail_json: JSON.stringify(n.detail),
    target_json: JSON.stringify(n.target),
    status: n.status,
    created_by: n.createdBy,
    issued_at_ms: n.issuedAtMs,
    expires_at_ms: n.expiresAtMs,
    cancelled_at_ms: n.cancelledAtMs,
    cancel_reason: n.cancelReason,
  };
}

export function emptyCounts(): DeliveryCounts {
  return { queued: 0, delivered: 0, displayed: 0, read: 0, dismissed: 0, withdrawn: 0, expired: 0 };
}

/** The delivery columns a Delivery is read from (its state comes separately: stored or derived view). */
export const DELIVERY_COLUMNS = [
  'notice_id',
  'box_id',
  'zone_id',
  'queued_at_ms',
  'delivered_at_ms',
  'displayed_at_ms',
  'read_at_ms',
  'dismissed_at_ms',
] as const;

export interface DeliveryRow {
  notice_id: string;
  box_id: string;
  zone_id: string;
  view: string;
  queued_at_ms: number;
  delivered_at_ms: number;
  displayed_at_ms: number;
  read_at_ms: number;
  dismissed_at_ms: number;
}

export function toDelivery(r: DeliveryRow): Delivery {
  return {
    noticeId: r.notice_id,
    boxId: r.box_id,
    zoneId: r.zone_id,
    state: r.view as DeliveryView,
    queuedAtMs: r.queued_at_ms,
    deliveredAtMs: r.delivered_at_ms,
    displayedAtMs: r.displayed_at_ms,
    readAtMs: r.read_at_ms,
    dismissedAtMs: r.dismissed_at_ms,
  };
}

/** The derived view state: a queued/delivered row of an expired notice counts as expired. */
export function viewState(eb: ExpressionBuilder<DB, 'deliveries'>, nowMs: number): AliasableExpression<string> {
  return eb
    .case()
    .when(
      eb.and([
        eb('deliveries.state', 'in', ['queued', 'delivered']),
        eb('deliveries.expires_at_ms', '>', 0),
        eb('deliveries.expires_at_ms', '<=', nowMs),
      ]),
    )
    .then(sql.lit('expired'))
    .else(eb.ref('deliveries.state'))
    .end();
}

/** The timestamp column each receipt state sets (the first time only). */
export const RECEIPT_COLUMN = {
  delivered: 'delivered_at_ms',
  displayed: 'displayed_at_ms',
  read: 'read_at_ms',
  dismissed: 'dismissed_at_ms',
} as const satisfies Record<ReceiptUpdate['state'], string>;

/** Receipts in one order (notice, box; stable otherwise): see applyReceipts. */
export function receiptOrder(a: ReceiptUpdate, b: ReceiptUpdate): number {
  if (a.noticeId !== b.noticeId) return a.noticeId < b.noticeId ? -1 : 1;
  return a.boxId < b.boxId ? -1 : a.boxId > b.boxId ? 1 : 0;
}

export const OUTBOX_COLUMNS = ['notice_id', 'op', 'created_at_ms', 'attempts'] as const;

export function toOutboxEntry(r: {
  notice_id: string;
  op: string;
  created_at_ms: number;
  attempts: number;
}): OutboxEntry {
  return {
    noticeId: r.notice_id,
    // The table's CHECK admits only these two.
    op: r.op === 'withdraw' ? 'withdraw' : 'publish',
    createdAtMs: r.created_at_ms,
    attempts: r.attempts,
  };
}

/** A notice's delivery rows: queued, first resend due UNANSWERED_RESEND_MS[0] after it was issued. */
export function deliveryRows(n: NoticeRecord, deliveries: readonly NewDelivery[]): Array<Insertable<DeliveriesTable>> {
  return deliveries.map((d) => ({
    notice_id: n.id,
    box_id: d.boxId,
    zone_id: d.zoneId,
    state: 'queued',
    rank: DELIVERY_RANK.queued,
    queued_at_ms: n.issuedAtMs,
    expires_at_ms: n.expiresAtMs,
    resend_at_ms: n.issuedAtMs + (UNANSWERED_RESEND_MS[0] ?? 0),
  }));
}
