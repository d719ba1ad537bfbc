import type { NoticeProps } from '@stb-notify/protocol';
import type {
  DisplayName,
  NoticeKindName,
  NoticeRecord,
  NoticeTarget,
  OutboxOp,
  PriorityName,
  Text,
} from '../ports/notice-store';

/** What a caller asks for when it sends a notice, and the shapes a notice passes through before its commit. */
export interface NoticeInput {
  readonly kind: NoticeKindName;
  readonly target: NoticeTarget;
  readonly texts: readonly Text[];
  readonly detail?: Record<string, unknown>;
  readonly display?: DisplayName;
  readonly priority?: PriorityName;
  readonly collapseKey?: string;
  readonly actionRequired?: boolean;
  readonly accountId?: string;
  /** Absolute expiry; default now + noticeTtlHours. */
  readonly expiresAtMs?: number;
  readonly createdBy: string;
}

/** Defaults by kind: how loud a notice is, and whether it asks the subscriber to act (N7). */
export const KIND_DEFAULTS: Record<NoticeKindName, { display: DisplayName; priority: PriorityName; act: boolean }> = {
  FEE_DUE: { display: 'BANNER', priority: 'NORMAL', act: true },
  SUSPENSION_WARNING: { display: 'FULLSCREEN', priority: 'URGENT', act: true },
  SUSPENDED: { display: 'FULLSCREEN', priority: 'URGENT', act: true },
  RESTORED: { display: 'BANNER', priority: 'NORMAL', act: false },
  MAINTENANCE: { display: 'BANNER', priority: 'HIGH', act: false },
  OUTAGE: { display: 'BANNER', priority: 'HIGH', act: false },
  ANNOUNCEMENT: { display: 'MAILBOX', priority: 'NORMAL', act: false },
  TICKET_UPDATE: { display: 'BANNER', priority: 'NORMAL', act: false },
  SURVEY_REQUEST: { display: 'BANNER', priority: 'NORMAL', act: true },
};

export type BoxRef = { readonly id: string; readonly zoneId: string };

/** A notice built and addressed, not yet stored. */
export interface PreparedNotice {
  readonly record: NoticeRecord;
  readonly boxes: readonly BoxRef[];
  /** Its wire form, checked against the protocol's schema once when it was prepared. */
  readonly props: NoticeProps;
}

/** What a unit of work staged for publishing: handed to `NoticeService.dispatch` after its commit. */
export class Outgoing {
  readonly items: Array<{ noticeId: string; op: OutboxOp }> = [];
  readonly prepared: PreparedNotice[] = [];
}
