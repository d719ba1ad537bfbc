import { ReceiptState } from '@stb-notify/protocol';
import type { Clock } from '@stb-notify/protocol';
import type { Metrics } from '../../metrics/metrics';
import type { ReceiptUpdate } from '../../ports/notice-store';
import type { NoticeService } from '../notice-service';
import type { ReceiptBatcher } from '../receipt-batcher';
import type { UplinkHandler } from '../uplink-router';

const RECEIPT_NAMES: Record<number, ReceiptUpdate['state']> = {
  [ReceiptState.RECEIPT_STATE_DELIVERED]: 'delivered',
  [ReceiptState.RECEIPT_STATE_DISPLAYED]: 'displayed',
  [ReceiptState.RECEIPT_STATE_READ]: 'read',
  [ReceiptState.RECEIPT_STATE_DISMISSED]: 'dismissed',
};

/** A box's receipt for a notice (delivered, displayed, read, dismissed): batched into the store. */
export function receiptUplink(d: {
  receipts: ReceiptBatcher;
  notices: NoticeService;
  metrics: Metrics;
  clock: Clock;
}): UplinkHandler {
  return (boxId, msg) => {
    const r = msg.receipt;
    const state = RECEIPT_NAMES[r?.state ?? 0];
    if (r === null || r === undefined || state === undefined) return;
    d.metrics.receipts.inc({ state });
    d.receipts.add({ noticeId: r.noticeId ?? '', boxId, state, atMs: Number(r.atMs ?? 0) || d.clock.now() });
    // Publish → on screen, on the headend's clock, for notices this instance published recently.
    const sent = state === 'displayed' ? d.notices.recentlyPublished(r.noticeId ?? '') : undefined;
    if (sent !== undefined)
      d.metrics.noticeDisplayed.observe({ kind: sent.kind }, Math.max(0, d.clock.now() - sent.atMs) / 1000);
  };
}
