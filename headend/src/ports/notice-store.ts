import type { AuditEntry } from './audit-log';
import type { Page } from './registry-store';

export type NoticeKindName =
  | 'FEE_DUE'
  | 'SUSPENSION_WARNING'
  | 'SUSPENDED'
  | 'RESTORED'
  | 'MAINTENANCE'
  | 'OUTAGE'
  | 'ANNOUNCEMENT'
  | 'TICKET_UPDATE'
  | 'SURVEY_REQUEST';

export type DisplayName = 'MAILBOX' | 'BANNER' | 'FULLSCREEN';
export type PriorityName = 'LOW' | 'NORMAL' | 'HIGH' | 'URGENT';

export type NoticeTarget =
  | { readonly type: 'all' }
  | { readonly type: 'zones'; readonly zoneIds: readonly string[] }
  | { readonly type: 'accounts'; readonly accountIds: readonly string[] }
  | { readonly type: 'boxes'; readonly boxIds: readonly string[] };

export interface Text {
  readonly lang: string;
  readonly title: string;
  readonly body: string;
}

export type NoticeStatus = 'sent' | 'cancelled';

export interface NoticeRecord {
  readonly id: string;
  readonly kind: NoticeKindName;
  readonly display: DisplayName;
  readonly priority: PriorityName;
  readonly collapseKey: string;
  readonly texts: readonly Text[];
  readonly hotline: string;
  readonly actionRequired: boolean;
  readonly accountId: string;
  /** Kind-specific fields (camelCase protobuf field names of the detail message). */
  readonly detail: Record<string, unknown>;
  readonly target: NoticeTarget;
  readonly status: NoticeStatus;
  readonly createdBy: string;
  readonly issuedAtMs: number;
  /** 0 = never expires. */
  readonly expiresAtMs: number;
  readonly cancelledAtMs: number;
  readonly cancelReason: string;
}

/** queued → delivered → displayed → read | dismissed; withdrawn after a cancel; expired is derived. */
export type DeliveryState = 'queued' | 'delivered' | 'displayed' | 'read' | 'dismissed' | 'withdrawn';
export type DeliveryView = DeliveryState | 'expired';

export const DELIVERY_RANK: Record<DeliveryState, number> = {
  queued: 0,
  delivered: 1,
  displayed: 2,
  read: 3,
  dismissed: 3,
  withdrawn: 4,
};

export interface Delivery {
  readonly noticeId: string;
  readonly boxId: string;
  readonly zoneId: string;
  readonly state: DeliveryView;
  readonly queuedAtMs: number;
  readonly deliveredAtMs: number;
  readonly displayedAtMs: number;
  readonly readAtMs: number;
  readonly dismissedAtMs: number;
}

export interface NewDelivery {
  readonly boxId: string;
  readonly zoneId: string;
}

export interface ReceiptUpdate {
  readonly noticeId: string;
  readonly boxId: string;
  readonly state: 'delivered' | 'displayed' | 'read' | 'dismissed';
  readonly atMs: number;
}

export type DeliveryCounts = Record<DeliveryView, number>;

export interface NoticeFilter {
  readonly limit: number;
  readonly offset: number;
  readonly kind?: NoticeKindName;
  readonly accountId?: string;
  readonly status?: NoticeRecord['status'];
  /** Words in a title or body (any language). */
  readonly text?: string;
}

/** A notice and one box's delivery of it. */
export interface BoxNotice {
  readonly notice: NoticeRecord;
  readonly delivery: Delivery;
}

/** How far a notice got, over all its boxes (a list's column; the per-zone detail is `counts`). */
export interface DeliverySummary {
  readonly boxes: number;
  /** Reached the box: delivered, displayed, read or dismissed. */
  readonly delivered: number;
  /** Shown on screen: displayed, read or dismissed. */
  readonly displayed: number;
  readonly withdrawn: number;
}

export type OutboxOp = 'publish' | 'withdraw';

/**
 * Issue 21, N2's proof: when a delivery its box has not acknowledged is sent to the box again,
 * counted from the notice's issue and then from each resend — a box that has the notice
 * answers a repeat with its receipt. After the last, the box's next hello brings it.
 */
export const UNANSWERED_RESEND_MS: readonly number[] = [60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000];

/** A delivery due to be sent again; `online`: its box is connected (or said hello and never left). */
export interface UnansweredDelivery {
  readonly noticeId: string;
  readonly boxId: string;
  readonly online: boolean;
}

/**
 * Issue 15: a committed decision still to be published to the broker. `create` adds the
 * notice's 'publish' entry and `cancel` its 'withdraw' entry in the same transaction, so a
 * crash between "decided" and "published" is repaired by the dispatcher after restart.
 */
export interface OutboxEntry {
  readonly noticeId: string;
  readonly op: OutboxOp;
  readonly createdAtMs: number;
  /** Claims so far, this one included. */
  readonly attempts: number;
}

/** Notices and their per-box deliveries. */
export interface NoticeStore {
  /**
   * Stores the notice, one delivery row per targeted box and its outbox 'publish' entry,
   * atomically. The entry is born claimed until `claimedUntilMs` by the instance that decided
   * (it publishes right after the commit); the sweep takes it over only once that lapses.
   * With `audit`, its audit entry too, in the same atomic write: on PostgreSQL the whole of it is
   * one statement (up to 500 boxes), so a lone send needs no transaction around it (issue 19).
   */
  create(
    notice: NoticeRecord,
    deliveries: readonly NewDelivery[],
    claimedUntilMs: number,
    audit?: AuditEntry,
  ): Promise<void>;
  /** A batch's `create` (issue 19): the notices and their deliveries in a few statements. */
  createMany(
    items: ReadonlyArray<{ notice: NoticeRecord; deliveries: readonly NewDelivery[]; claimedUntilMs: number }>,
  ): Promise<void>;
  get(id: string): Promise<NoticeRecord | undefined>;
  /** Newest first; ties in issuedAtMs in reverse creation order. */
  list(filter: NoticeFilter): Promise<Page<NoticeRecord>>;
  /** A box's notices, newest first, with its own delivery of each (at most `limit`). */
  forBox(boxId: string, limit: number): Promise<BoxNotice[]>;
  /** Each listed notice's delivery summary (absent: no deliveries). */
  summaries(noticeIds: readonly string[]): Promise<Map<string, DeliverySummary>>;
  /**
   * Marks the notice cancelled and every delivery not yet displayed withdrawn, and adds its
   * outbox 'withdraw' entry (once), atomically; returns how many deliveries were withdrawn.
   */
  cancel(id: string, atMs: number, reason: string, claimedUntilMs: number): Promise<number>;
  /** Applies receipts; a state never moves backwards, so replays and reordering are harmless. Returns rows changed. */
  applyReceipts(updates: readonly ReceiptUpdate[]): Promise<number>;
  /** Counts by state, overall and per zone; `expired` = not yet displayed when the notice expired. */
  counts(noticeId: string, nowMs: number): Promise<{ total: DeliveryCounts; byZone: Record<string, DeliveryCounts> }>;
  deliveries(
    noticeId: string,
    opts: { limit: number; offset: number; state?: DeliveryView; nowMs: number },
  ): Promise<Page<Delivery>>;
  /** Ids of sent, unexpired notices this box has not acknowledged yet (state queued), oldest first. */
  pendingForBox(boxId: string, nowMs: number): Promise<string[]>;
  /**
   * Claims up to `limit` unacknowledged (queued) deliveries whose resend is due, oldest due
   * first, and moves each to its next resend time (UNANSWERED_RESEND_MS; none after the last,
   * none once expired); returns the unexpired ones. Concurrent claims (several headends)
   * never return a delivery twice.
   */
  claimUnanswered(nowMs: number, limit: number): Promise<UnansweredDelivery[]>;
  /** Deliveries of one notice for a set of boxes (N2 proof). */
  deliveriesForBoxes(noticeId: string, boxIds: readonly string[]): Promise<Delivery[]>;
  /** Queued deliveries across all notices (metrics: queue depth). */
  queuedCount(nowMs: number): Promise<number>;
  /** The boxes a notice was stored for (one per delivery), by box id: whom a per-box publish goes to. */
  deliveryBoxes(noticeId: string): Promise<Array<{ readonly id: string; readonly zoneId: string }>>;

  /**
   * Claims up to `limit` unpublished outbox entries whose lease has run out, oldest first:
   * leases them until nowMs + leaseMs and counts the attempt. Concurrent claims (several
   * headends) never return the same entry while its lease holds.
   */
  claimOutbox(nowMs: number, leaseMs: number, limit: number): Promise<OutboxEntry[]>;
  /** These notices' entries of kind `op` were published: they are never claimed again. */
  markPublished(op: OutboxOp, noticeIds: readonly string[], atMs: number): Promise<void>;
}
