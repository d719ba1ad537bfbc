import type { Clock } from '@stb-notify/protocol';
import type { RegistryStore } from '../../ports/registry-store';
import type { NoticeService } from '../notice-service';
import type { HeldReceipts } from '../receipt-batcher';
import type { UplinkHandler } from '../uplink-router';

/**
 * A box came online: its model, firmware and app version are recorded, and every unexpired
 * notice it has not acknowledged is sent to it again (delivery survives a headend restart),
 * then the hello is answered. Receipts the box sent just before its hello (for what its broker
 * session kept while it was away) are stored first, so those notices are not sent again
 * (issue 19: fewer resends in a reconnect storm).
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
    const resent = await d.notices.resendPending(boxId, d.receipts);
    // The answer goes after the resends, on the same topic: a box that has it has them too.
    if (h?.bootId) await d.notices.publisher.answerHello(boxId, h.bootId, resent);
  };
}
