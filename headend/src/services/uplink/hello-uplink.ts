import type { Clock } from '@stb-notify/protocol';
import type { RegistryStore } from '../../ports/registry-store';
import type { NoticeService } from '../notice-service';
import type { HeldReceipts } from '../receipt-batcher';
import type { UplinkHandler } from '../uplink-router';

/**
 * A box came online: its model, firmware and app version are recorded, and every unexpired
 * notice it has not acknowledged is sent to it again (delivery survives a headend restart),
 * then the hello is answered. Not sent again (issue 19: fewer resends in a reconnect storm):
 * what the box's broker session kept while it was away (delivered since it connected, or still
 * queued for it), and what the box has acknowledged with receipts not stored yet.
 */
export function helloUplink(d: {
  registry: RegistryStore;
  notices: NoticeService;
  receipts: HeldReceipts;
  clock: Clock;
}): UplinkHandler {
  return async (boxId, msg) => {
    const h = msg.hello;
    await d.registry.recordHello(boxId, {
      model: h?.model ?? '',
      firmware: h?.firmware ?? '',
      appVersion: h?.appVersion ?? '',
      atMs: d.clock.now(),
    });
    // What the box's broker session kept for it is delivered by the broker (issue 19).
    const kept = await d.notices.publisher.keptFor(boxId);
    const resent = await d.notices.resendPending(boxId, d.receipts, kept);
    // The answer goes after the resends, on the same topic: a box that has it has them too.
    if (h?.bootId) await d.notices.publisher.answerHello(boxId, h.bootId, resent);
  };
}
