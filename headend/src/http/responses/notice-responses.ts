import { Type } from 'typebox';
import type {
  BoxNotice as BoxNoticeRecord,
  Delivery as DeliveryRecord,
  DeliverySummary as DeliverySummaryRecord,
  NoticeRecord,
  Text,
} from '../../ports/notice-store';
import type { ZoneReach } from '../../ports/registry-store';
import { NOTICE_KINDS } from '../../domain/notice-props';
import { describes } from './describes';
import { At, Count, itemsOf, listOf, oneOf, openRecord, pageOf } from './response-shapes';

export const DELIVERY_VIEWS = [
  'queued',
  'delivered',
  'displayed',
  'read',
  'dismissed',
  'withdrawn',
  'expired',
] as const;

export const NoticeText = describes<Text>()(
  Type.Object({ lang: Type.String({ description: 'zh-CN or en' }), title: Type.String(), body: Type.String() }),
);

/** Whom a notice went to, as stored (no size limits: a stored target is never refused on the way out). */
export const NoticeTarget = Type.Union([
  Type.Object({ type: Type.Literal('all') }),
  Type.Object({ type: Type.Literal('zones'), zoneIds: listOf(Type.String()) }),
  Type.Object({ type: Type.Literal('accounts'), accountIds: listOf(Type.String()) }),
  Type.Object({ type: Type.Literal('boxes'), boxIds: listOf(Type.String()) }),
]);

export const Notice = describes<NoticeRecord>()(
  Type.Object({
    id: Type.String(),
    kind: oneOf(NOTICE_KINDS),
    display: oneOf(['MAILBOX', 'BANNER', 'FULLSCREEN'] as const),
    priority: oneOf(['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const),
    collapseKey: Type.String(),
    texts: listOf(NoticeText),
    hotline: Type.String(),
    actionRequired: Type.Boolean(),
    accountId: Type.String({ description: "'' unless the notice is for one account" }),
    detail: openRecord('kind-specific fields (camelCase protobuf names of the detail message)'),
    target: NoticeTarget,
    status: oneOf(['sent', 'cancelled'] as const),
    createdBy: Type.String(),
    issuedAtMs: At,
    expiresAtMs: Type.Integer({ minimum: 0, description: '0 = never expires' }),
    cancelledAtMs: At,
    cancelReason: Type.String(),
  }),
);

/** Deliveries per state (every state, 0 when none). */
export const DeliveryCounts = Type.Object({
  queued: Count,
  delivered: Count,
  displayed: Count,
  read: Count,
  dismissed: Count,
  withdrawn: Count,
  expired: Type.Integer({ minimum: 0, description: 'not yet displayed when the notice expired' }),
});

/** A notice with its delivery counts, overall and per zone. */
export const NoticeStatus = Type.Object({
  notice: Notice,
  total: DeliveryCounts,
  byZone: Type.Record(Type.String(), DeliveryCounts, { description: 'by zone id' }),
});
/** A maintenance notice just planned: its status and when its reminder goes out (N4). */
export const PlannedMaintenance = Type.Object({ ...NoticeStatus.properties, reminderAtMs: At });
/** A cancelled notice: its status and how many deliveries were withdrawn. */
export const CancelledNotice = Type.Object({ ...NoticeStatus.properties, withdrawn: Count });

export const Delivery = describes<DeliveryRecord>()(
  Type.Object({
    noticeId: Type.String(),
    boxId: Type.String(),
    zoneId: Type.String(),
    state: oneOf(DELIVERY_VIEWS),
    queuedAtMs: At,
    deliveredAtMs: At,
    displayedAtMs: At,
    readAtMs: At,
    dismissedAtMs: At,
  }),
);
export const DeliveryPage = pageOf(Delivery);

/** How far a notice got over all its boxes (the list's column). */
export const DeliverySummary = describes<DeliverySummaryRecord>()(
  Type.Object({
    boxes: Count,
    delivered: Type.Integer({ minimum: 0, description: 'reached the box: delivered, displayed, read or dismissed' }),
    displayed: Type.Integer({ minimum: 0, description: 'shown on screen: displayed, read or dismissed' }),
    withdrawn: Count,
  }),
);
export const NoticeListItem = Type.Object({ ...Notice.properties, delivery: DeliverySummary });
export const NoticePage = pageOf(NoticeListItem);

/** A notice and one box's delivery of it. */
export const BoxNotice = describes<BoxNoticeRecord>()(Type.Object({ notice: Notice, delivery: Delivery }));
export const BoxNotices = itemsOf(BoxNotice);

/** The boxes a target holds now, per zone, and how many are online (the review before a send). */
export const ZoneReachRow = describes<ZoneReach & { name: string }>()(
  Type.Object({ zoneId: Type.String(), name: Type.String(), boxes: Count, online: Count }),
);
export const Reach = Type.Object({ boxes: Count, online: Count, zones: listOf(ZoneReachRow) });

/** The texts the rules will write for a draft, with the hotline they carry (N7). */
export const DraftTexts = Type.Object({ texts: listOf(NoticeText), hotline: Type.String() });

/** The data of each `progress` event of a notice's live progress stream. */
export const NoticeProgress = Type.Object({
  ...NoticeStatus.properties,
  pending: listOf(Type.Object({ boxId: Type.String(), zoneId: Type.String() })),
  atMs: At,
});
