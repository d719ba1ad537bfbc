import { isValidId } from './ids';
import { findInsaneTime } from './sane-numbers';
import { DisplayMode, NoticeKind, Priority, ReceiptState, Symptom, TicketSeverity, TicketStatus } from './messages';
import type { Downlink, Notice, Uplink } from './messages';
import type { UplinkKind } from './topics';

/**
 * Semantic checks after decoding (protobuf decoding accepts any field values, and proto3
 * enums are open). Each function returns a reason string, or undefined when the message
 * is well formed. Limits keep one box's message from costing the headend much.
 */
const MAX_TEXT = 4000;
const MAX_SHORT = 128;

function enumHas(e: Record<string, string | number>, v: number): boolean {
  return v !== 0 && Object.values(e).includes(v);
}

function short(s: string | null | undefined): boolean {
  return (s ?? '').length <= MAX_SHORT;
}

/** Which oneof detail each notice kind must carry (N1–N5, T1–T4). */
const DETAIL_FOR_KIND: Partial<Record<NoticeKind, NonNullable<Notice['detail']>>> = {
  [NoticeKind.NOTICE_KIND_FEE_DUE]: 'feeDue',
  [NoticeKind.NOTICE_KIND_SUSPENSION_WARNING]: 'suspensionWarning',
  [NoticeKind.NOTICE_KIND_SUSPENDED]: 'suspended',
  [NoticeKind.NOTICE_KIND_RESTORED]: 'restored',
  [NoticeKind.NOTICE_KIND_MAINTENANCE]: 'maintenance',
  [NoticeKind.NOTICE_KIND_OUTAGE]: 'outage',
  [NoticeKind.NOTICE_KIND_TICKET_UPDATE]: 'ticketUpdate',
  [NoticeKind.NOTICE_KIND_SURVEY_REQUEST]: 'surveyRequest',
};

export function checkNotice(n: Notice): string | undefined {
  if (!isValidId(n.noticeId)) return 'notice.noticeId is not a valid id';
  if (!enumHas(NoticeKind, n.kind)) return 'notice.kind is unknown';
  if (!enumHas(DisplayMode, n.display)) return 'notice.display is unknown';
  if (!enumHas(Priority, n.priority)) return 'notice.priority is unknown';
  if (!short(n.collapseKey)) return 'notice.collapseKey is too long';
  if (!short(n.hotline) || !short(n.accountId)) return 'notice field too long';
  if (n.accountId !== '' && !isValidId(n.accountId)) return 'notice.accountId is not a valid id';
  const zh = n.texts.find((t) => t.lang === 'zh-CN');
  if (zh === undefined || zh.title === '') return 'notice needs a zh-CN title';
  for (const t of n.texts) {
    if (!short(t.lang) || (t.title ?? '').length > MAX_SHORT * 2 || (t.body ?? '').length > MAX_TEXT)
      return 'notice text too long';
  }
  // N7: every notice that asks the subscriber to act shows the hotline.
  if (n.actionRequired && n.hotline === '') return 'notice asks the subscriber to act but has no hotline (N7)';
  const want = DETAIL_FOR_KIND[n.kind];
  if (want !== undefined && n.detail !== want) return `notice of this kind needs ${want}`;
  if (n.kind === NoticeKind.NOTICE_KIND_ANNOUNCEMENT && n.detail !== undefined && n.detail !== 'announcement') {
    return 'announcement carries a foreign detail';
  }
  if (n.ticketUpdate) {
    const t = n.ticketUpdate;
    const known = (t.ticketId ?? '') === '' && isValidId(t.incidentId ?? '');
    if (!known && !isValidId(t.ticketId ?? ''))
      return 'ticketUpdate needs a ticketId (or an incidentId for a known outage)';
    if ((t.reportId ?? '') !== '' && !isValidId(t.reportId ?? '')) return 'ticketUpdate.reportId is not a valid id';
    if ((t.surveyId ?? '') !== '' && !isValidId(t.surveyId ?? '')) return 'ticketUpdate.surveyId is not a valid id';
    if (!enumHas(TicketStatus, t.status ?? 0)) return 'ticketUpdate.status is unknown';
    if ((t.severity ?? 0) !== 0 && !enumHas(TicketSeverity, t.severity ?? 0)) return 'ticketUpdate.severity is unknown';
  }
  if (n.surveyRequest) {
    if (!isValidId(n.surveyRequest.surveyId ?? '') || !isValidId(n.surveyRequest.ticketId ?? ''))
      return 'surveyRequest ids';
  }
  if (n.maintenance) {
    const m = n.maintenance;
    const starts = m.startsAtMs ?? 0;
    if (starts <= 0 || (m.endsAtMs ?? 0) < starts) return 'maintenance window is empty or reversed';
    if (!(m.zoneIds ?? []).every(isValidId)) return 'maintenance.zoneIds holds an invalid id';
  }
  if (n.outage && !(n.outage.zoneIds ?? []).every(isValidId)) return 'outage.zoneIds holds an invalid id';
  return undefined;
}

export function checkDownlink(d: Downlink): string | undefined {
  const badTime = findInsaneTime(d);
  if (badTime !== undefined) return `${badTime} is not a time (0 … year 2200 in ms)`;
  switch (d.body) {
    case 'notice':
      return d.notice ? checkNotice(d.notice as Notice) : 'empty notice';
    case 'withdrawal':
      return isValidId(d.withdrawal?.noticeId ?? '') ? undefined : 'withdrawal.noticeId is not a valid id';
    case 'diagnosticsRequest':
      return isValidId(d.diagnosticsRequest?.requestId ?? '') ? undefined : 'diagnosticsRequest.requestId';
    case 'trustedKeys': {
      const keys = d.trustedKeys?.keys ?? [];
      if (keys.length === 0 || keys.length > 16) return 'trustedKeys must hold 1-16 keys';
      const bad = keys.some((k) => !isValidId(k.keyId ?? '') || (k.ed25519?.length ?? 0) !== 32);
      return bad ? 'trustedKeys holds a malformed key' : undefined;
    }
    case 'helloAnswer':
      return isValidId(d.helloAnswer?.bootId ?? '') ? undefined : 'helloAnswer.bootId is not a valid id';
    default:
      return 'downlink has no body';
  }
}

/** The uplink body each topic kind must carry. */
export const UPLINK_BODY_FOR_KIND: Record<UplinkKind, NonNullable<Uplink['body']>> = {
  receipt: 'receipt',
  fault: 'faultReport',
  diag: 'diagnostics',
  survey: 'surveyAnswer',
  hello: 'hello',
};

function checkDiagnostics(d: Uplink['diagnostics']): string | undefined {
  if (!d) return undefined;
  const nums = [d.signalLevelDbuv ?? 0, d.snrDb ?? 0, d.merDb ?? 0, d.ber ?? 0];
  if (!nums.every((x) => Number.isFinite(x))) return 'diagnostics holds a non-finite number';
  const codes = d.errorCodes ?? [];
  if (codes.length > 64 || !codes.every(short)) return 'diagnostics.errorCodes too long';
  if (!short(d.firmware) || !short(d.lastRebootReason) || !short(d.requestId)) return 'diagnostics field too long';
  return undefined;
}

export function checkUplink(u: Uplink): string | undefined {
  const badTime = findInsaneTime(u);
  if (badTime !== undefined) return `${badTime} is not a time (0 … year 2200 in ms)`;
  switch (u.body) {
    case 'receipt': {
      const r = u.receipt;
      if (!r || !isValidId(r.noticeId ?? '')) return 'receipt.noticeId is not a valid id';
      return enumHas(ReceiptState, r.state ?? 0) ? undefined : 'receipt.state is unknown';
    }
    case 'faultReport': {
      const f = u.faultReport;
      if (!f || !isValidId(f.reportId ?? '')) return 'faultReport.reportId is not a valid id';
      if (!enumHas(Symptom, f.symptom ?? 0)) return 'faultReport.symptom is unknown';
      if (!short(f.code)) return 'faultReport.code too long';
      return checkDiagnostics(f.diagnostics as Uplink['diagnostics']);
    }
    case 'diagnostics':
      return checkDiagnostics(u.diagnostics);
    case 'surveyAnswer': {
      const s = u.surveyAnswer;
      if (!s || !isValidId(s.surveyId ?? '') || !isValidId(s.ticketId ?? '')) return 'surveyAnswer ids';
      const rating = s.rating ?? 0;
      return rating >= 1 && rating <= 5 ? undefined : 'surveyAnswer.rating must be 1-5';
    }
    case 'hello': {
      const h = u.hello;
      if (!h || h.model === '' || !short(h.model) || !short(h.firmware) || !short(h.appVersion)) return 'hello fields';
      if (!short(h.locale)) return 'hello fields';
      // Echoed in the headend's HelloAnswer, so it must be an id (or absent: then no answer).
      return (h.bootId ?? '') === '' || isValidId(h.bootId ?? '') ? undefined : 'hello.bootId is not a valid id';
    }
    default:
      return 'uplink has no body';
  }
}
