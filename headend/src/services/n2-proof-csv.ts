import { toCsv } from '../domain/csv';
import type { Suspension } from '../ports/billing-store';
import type { Delivery } from '../ports/notice-store';

const HOUR = 3_600_000;

/** N2: a suspension takes effect ≥ 24 h after its warning was issued to every box. */
const N2_LEAD_MS = 24 * HOUR;

const HEADER = [
  '账户 account',
  '停机单 suspension',
  '机顶盒 box',
  '片区 zone',
  '预告通知 warning notice',
  '发出 issued',
  '送达 delivered',
  '显示 displayed',
  '阅读 read',
  '停机时间 suspension at',
  '提前小时 lead hours',
  '满足N2 (≥24h) N2 met',
];

/**
 * The N2 proof of one suspension as a spreadsheet for a regulator (issue 18): per box of the
 * account, when the warning was issued, delivered, displayed and read, in the operator's time
 * zone, and whether it was issued at least 24 hours before the suspension.
 */
export function n2ProofCsv(proof: { suspension: Suspension; boxes: readonly Delivery[] }, timeZone: string): string {
  const f = new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const at = (ms: number) => (ms > 0 ? f.format(ms) : '');
  const s = proof.suspension;
  return toCsv(
    HEADER,
    proof.boxes.map((d) => {
      const lead = s.suspendAtMs - d.queuedAtMs;
      return [
        s.accountId,
        s.id,
        d.boxId,
        d.zoneId,
        s.warningNoticeId,
        at(d.queuedAtMs),
        at(d.deliveredAtMs),
        at(d.displayedAtMs),
        at(d.readAtMs),
        at(s.suspendAtMs),
        d.queuedAtMs > 0 ? (lead / HOUR).toFixed(1) : '',
        d.queuedAtMs > 0 && lead >= N2_LEAD_MS ? '是 yes' : '否 no',
      ];
    }),
  );
}
