import { DisplayMode, Notice, NoticeKind, Priority, checkNotice } from '@stb-notify/protocol';
import type { NoticeProps } from '@stb-notify/protocol';
import { HeadendError } from '../errors';
import type { DisplayName, NoticeKindName, NoticeRecord, PriorityName } from '../ports/notice-store';

/** The oneof detail field that carries each kind's structured fields. */
export const DETAIL_FIELD: Record<NoticeKindName, keyof NoticeProps> = {
  FEE_DUE: 'feeDue',
  SUSPENSION_WARNING: 'suspensionWarning',
  SUSPENDED: 'suspended',
  RESTORED: 'restored',
  MAINTENANCE: 'maintenance',
  OUTAGE: 'outage',
  ANNOUNCEMENT: 'announcement',
  TICKET_UPDATE: 'ticketUpdate',
  SURVEY_REQUEST: 'surveyRequest',
};

export const NOTICE_KINDS = Object.keys(DETAIL_FIELD) as NoticeKindName[];

const DISPLAY: Record<DisplayName, DisplayMode> = {
  MAILBOX: DisplayMode.DISPLAY_MODE_MAILBOX,
  BANNER: DisplayMode.DISPLAY_MODE_BANNER,
  FULLSCREEN: DisplayMode.DISPLAY_MODE_FULLSCREEN,
};

const PRIORITY: Record<PriorityName, Priority> = {
  LOW: Priority.PRIORITY_LOW,
  NORMAL: Priority.PRIORITY_NORMAL,
  HIGH: Priority.PRIORITY_HIGH,
  URGENT: Priority.PRIORITY_URGENT,
};

/** The wire form of a stored notice; the same record always gives the same bytes. */
export function toNoticeProps(n: NoticeRecord): NoticeProps {
  return {
    noticeId: n.id,
    kind: NoticeKind[`NOTICE_KIND_${n.kind}`],
    display: DISPLAY[n.display],
    priority: PRIORITY[n.priority],
    collapseKey: n.collapseKey,
    texts: n.texts.map((t) => ({ lang: t.lang, title: t.title, body: t.body })),
    hotline: n.hotline,
    actionRequired: n.actionRequired,
    accountId: n.accountId,
    [DETAIL_FIELD[n.kind]]: n.detail,
  };
}

/**
 * Runs the protocol's own schema check on the notice before anything is stored or sent, so
 * a notice the boxes would refuse is refused here, with the reason, at the API.
 */
export function assertDeliverable(n: NoticeRecord): NoticeProps {
  const props = toNoticeProps(n);
  let problem: string | undefined;
  try {
    problem = checkNotice(Notice.decode(Notice.encode(props).finish()));
  } catch (err) {
    problem = err instanceof Error ? err.message : 'cannot encode';
  }
  if (problem !== undefined) throw new HeadendError('VALIDATION', `notice is not deliverable: ${problem}`, { problem });
  return props;
}
