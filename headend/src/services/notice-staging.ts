import type { StorePorts } from '../ports/store';
import type { PreparedNotice } from './notice-input';

/** How long a claimed outbox entry is left to the instance that claimed it before a sweep retries it. */
export const OUTBOX_LEASE_MS = 30_000;

/**
 * Writes prepared notices through `tx` (issue 15): each notice with one delivery per box,
 * born claimed for the outbox by this instance, and its audit entry — committed with the
 * decision that made them, published by NoticeService.dispatch. Several notices (a pass of
 * fault reports' answers, issue 19) take a few multi-row statements, not a few each.
 */
export async function stageNotices(tx: StorePorts, prepared: readonly PreparedNotice[]): Promise<void> {
  const notices = prepared.map(({ record, boxes }) => ({
    notice: record,
    deliveries: boxes.map((b) => ({ boxId: b.id, zoneId: b.zoneId })),
    claimedUntilMs: record.issuedAtMs + OUTBOX_LEASE_MS,
  }));
  const audit = prepared.map(({ record, boxes }) => ({
    atMs: record.issuedAtMs,
    actor: record.createdBy,
    action: 'notice.sent',
    subject: record.id,
    detail: { kind: record.kind, target: record.target, boxes: boxes.length },
  }));
  const [one] = notices;
  const [entry] = audit;
  if (notices.length === 1 && one !== undefined && entry !== undefined) {
    // Atomic by itself (one statement on PostgreSQL): a lone send needs no transaction around it.
    await tx.notices.create(one.notice, one.deliveries, one.claimedUntilMs, entry);
    return;
  }
  await tx.notices.createMany(notices);
  await tx.audit.appendMany(audit);
}
