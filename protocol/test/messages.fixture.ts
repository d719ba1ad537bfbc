import {
  DisplayMode,
  NetworkType,
  NoticeKind,
  Priority,
  ReceiptState,
  Symptom,
  TicketSeverity,
  TicketStatus,
} from '../src/index';
import type { DownlinkProps, UplinkProps } from '../src/index';
import { HOUR, VECTOR_TIME } from './fixtures';

const zh = (title: string, body: string) => ({ lang: 'zh-CN', title, body });
const en = (title: string, body: string) => ({ lang: 'en', title, body });

const base = {
  display: DisplayMode.DISPLAY_MODE_BANNER,
  priority: Priority.PRIORITY_NORMAL,
  hotline: '96956',
};

/** One example of every downlink message (one per notice kind). */
export const downlinks: Record<string, DownlinkProps> = {
  feeDue: {
    notice: {
      ...base,
      noticeId: 'n-fee-1',
      kind: NoticeKind.NOTICE_KIND_FEE_DUE,
      display: DisplayMode.DISPLAY_MODE_MAILBOX,
      collapseKey: 'fee:acct-1',
      actionRequired: true,
      accountId: 'acct-1',
      texts: [
        zh('费用即将到期', '您的收视费将于12月1日到期，应缴 ¥26.00。'),
        en('Fee due soon', 'CNY 26.00 due on 1 Dec.'),
      ],
      feeDue: { amountMinor: 2600, currency: 'CNY', dueAtMs: VECTOR_TIME + 7 * 24 * HOUR, paymentReference: 'acct-1' },
    },
  },
  suspensionWarning: {
    notice: {
      ...base,
      noticeId: 'n-susp-w-1',
      kind: NoticeKind.NOTICE_KIND_SUSPENSION_WARNING,
      display: DisplayMode.DISPLAY_MODE_FULLSCREEN,
      priority: Priority.PRIORITY_URGENT,
      actionRequired: true,
      accountId: 'acct-1',
      texts: [zh('停机提醒', '您的账户已欠费，将于24小时后暂停服务。')],
      suspensionWarning: { amountMinor: 5200, currency: 'CNY', suspendAtMs: VECTOR_TIME + 24 * HOUR },
    },
  },
  suspended: {
    notice: {
      ...base,
      noticeId: 'n-susp-1',
      kind: NoticeKind.NOTICE_KIND_SUSPENDED,
      display: DisplayMode.DISPLAY_MODE_FULLSCREEN,
      actionRequired: true,
      texts: [zh('服务已暂停', '请缴费后恢复。')],
      suspended: { suspendedAtMs: VECTOR_TIME + 24 * HOUR, amountMinor: 5200, currency: 'CNY' },
    },
  },
  restored: {
    notice: {
      ...base,
      noticeId: 'n-rest-1',
      kind: NoticeKind.NOTICE_KIND_RESTORED,
      texts: [zh('服务已恢复', '感谢缴费。')],
      restored: { restoredAtMs: VECTOR_TIME + 26 * HOUR, paidAtMs: VECTOR_TIME + 25 * HOUR },
    },
  },
  maintenance: {
    notice: {
      ...base,
      noticeId: 'n-mnt-1',
      kind: NoticeKind.NOTICE_KIND_MAINTENANCE,
      collapseKey: 'mnt:job-7',
      texts: [zh('线路维护通知', '12月3日 01:00-05:00 线路调整。'), en('Line work', '3 Dec 01:00-05:00.')],
      maintenance: {
        startsAtMs: VECTOR_TIME + 48 * HOUR,
        endsAtMs: VECTOR_TIME + 52 * HOUR,
        zoneIds: ['z-east', 'z-west'],
        reason: '光缆迁改',
      },
    },
  },
  outage: {
    notice: {
      ...base,
      noticeId: 'n-out-1',
      kind: NoticeKind.NOTICE_KIND_OUTAGE,
      priority: Priority.PRIORITY_HIGH,
      texts: [zh('故障通知', '本区域信号中断，正在抢修。')],
      outage: { startedAtMs: VECTOR_TIME, etaMs: VECTOR_TIME + 3 * HOUR, zoneIds: ['z-east'], incidentId: 'inc-1' },
    },
  },
  announcement: {
    notice: {
      ...base,
      noticeId: 'n-ann-1',
      kind: NoticeKind.NOTICE_KIND_ANNOUNCEMENT,
      display: DisplayMode.DISPLAY_MODE_MAILBOX,
      texts: [zh('资费调整公告', '自2027年1月1日起……')],
      announcement: { topic: 'tariff', effectiveAtMs: VECTOR_TIME + 30 * 24 * HOUR },
    },
  },
  ticketUpdate: {
    notice: {
      ...base,
      noticeId: 'n-tkt-1',
      kind: NoticeKind.NOTICE_KIND_TICKET_UPDATE,
      collapseKey: 'ticket:t-1',
      texts: [zh('报修进度', '维修暂停：等待用户在家。')],
      ticketUpdate: {
        ticketId: 't-1',
        status: TicketStatus.TICKET_STATUS_PAUSED,
        severity: TicketSeverity.TICKET_SEVERITY_ORDINARY,
        dueAtMs: VECTOR_TIME + 24 * HOUR,
        pauseReason: 'waiting-on-customer',
      },
    },
  },
  surveyRequest: {
    notice: {
      ...base,
      noticeId: 'n-svy-1',
      kind: NoticeKind.NOTICE_KIND_SURVEY_REQUEST,
      actionRequired: true,
      texts: [zh('维修回访', '请为本次维修打分。')],
      surveyRequest: { surveyId: 's-1', ticketId: 't-1', questionId: 'repair-v1', answerByMs: VECTOR_TIME + 72 * HOUR },
    },
  },
  withdrawal: { withdrawal: { noticeId: 'n-mnt-1', reason: 'work postponed' } },
  diagnosticsRequest: { diagnosticsRequest: { requestId: 'dr-1' } },
  trustedKeys: { trustedKeys: { keys: [{ keyId: 'n-next', ed25519: new Uint8Array(32).fill(7), notAfterMs: 0 }] } },
};

const diagnostics = {
  firmware: 'HX-3.2.1',
  uptimeS: 86_400,
  tunerLocked: true,
  signalLevelDbuv: 62.5,
  snrDb: 34.1,
  merDb: 33.8,
  ber: 1e-7,
  network: { type: NetworkType.NETWORK_TYPE_CABLE_MODEM, connected: true, ip: '10.1.2.3', rttMs: 18 },
  memoryFreeKb: 120_000,
  memoryTotalKb: 512_000,
  errorCodes: ['E102'],
  lastRebootReason: 'power-cycle',
  decoderErrors: 3,
  collectedAtMs: VECTOR_TIME,
};

/** One example of every uplink message, with the topic kind it travels on. */
export const uplinks: Record<string, { kind: 'receipt' | 'fault' | 'diag' | 'survey' | 'hello'; body: UplinkProps }> = {
  receipt: {
    kind: 'receipt',
    body: { receipt: { noticeId: 'n-fee-1', state: ReceiptState.RECEIPT_STATE_DISPLAYED, atMs: VECTOR_TIME } },
  },
  fault: {
    kind: 'fault',
    body: {
      faultReport: {
        reportId: 'r-1',
        symptom: Symptom.SYMPTOM_MOSAIC,
        code: 'E102',
        diagnostics,
        reportedAtMs: VECTOR_TIME,
      },
    },
  },
  diag: { kind: 'diag', body: { diagnostics } },
  survey: {
    kind: 'survey',
    body: { surveyAnswer: { surveyId: 's-1', ticketId: 't-1', rating: 5, resolved: true, answeredAtMs: VECTOR_TIME } },
  },
  hello: {
    kind: 'hello',
    body: { hello: { model: 'HX-9000', firmware: 'HX-3.2.1', appVersion: '0.1.0', locale: 'zh-CN', bootId: 'b-1' } },
  },
};
