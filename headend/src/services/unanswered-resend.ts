import type { Clock, NoticeProps } from '@stb-notify/protocol';
import type { Logger } from 'pino';
import { assertDeliverable } from '../domain/notice-props';
import type { Metrics } from '../metrics/metrics';
import type { NoticeStore, UnansweredDelivery } from '../ports/notice-store';
import type { NoticeService } from './notice-service';

/**
 * Deliveries sent again per pass (a pass a second): the receipts they bring back arrive at a
 * rate a broker cluster stores, not in the burst that lost them.
 */
export const UNANSWERED_PER_PASS = 500;

/**
 * Issue 21, N2's proof: a notice whose box has not acknowledged it is sent again, addressed to
 * the box, on the schedule UNANSWERED_RESEND_MS; the box, which drops a repeat by notice id,
 * answers it with its receipt. Only to boxes online: an offline box's hello brings it anyway.
 * Run on every scheduler pass; returns how many envelopes went out.
 */
export async function resendUnanswered(d: {
  notices: NoticeService;
  store: NoticeStore;
  clock: Clock;
  metrics: Metrics;
  log: Logger;
}): Promise<number> {
  const now = d.clock.now();
  const due = await d.store.claimUnanswered(now, UNANSWERED_PER_PASS);
  const byNotice = new Map<string, UnansweredDelivery[]>();
  for (const u of due) {
    if (!u.online) continue;
    const boxes = byNotice.get(u.noticeId);
    if (boxes === undefined) byNotice.set(u.noticeId, [u]);
    else boxes.push(u);
  }
  let sent = 0;
  for (const [id, boxes] of byNotice) {
    try {
      const record = await d.notices.get(id);
      // The claim returned unexpired deliveries only; a notice cancelled since is not sent.
      if (record.status !== 'sent') continue;
      let props: NoticeProps | undefined;
      const body = () => ({ notice: (props ??= assertDeliverable(record)) });
      for (const b of boxes) {
        await d.notices.publisher.toBox(record, b.boxId, body);
        sent++;
      }
    } catch (err) {
      // Its next resend (or the box's hello) tries again.
      d.log.warn({ err, notice: id, boxes: boxes.length }, 'unanswered notice not sent again');
    }
  }
  if (sent > 0) d.metrics.envelopesPublished.inc({ scope: 'unanswered' }, sent);
  return sent;
}
