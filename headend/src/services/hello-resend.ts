import { Downlink, SignedEnvelope } from '@stb-notify/protocol';
import type { Clock } from '@stb-notify/protocol';
import type { Broker } from '../ports/broker';
import type { Stores } from '../ports/store';
import type { HeldReceipts } from './receipt-batcher';

/**
 * The notices a box that said hello needs again: every unexpired one it has not acknowledged,
 * less two kinds it is about to acknowledge (issue 19: after an outage a whole district says
 * hello at once, and each notice sent twice travels, is verified and is acknowledged twice):
 * - receipts `held` (taken, not yet stored: the box answered what its broker session kept just
 *   before its hello) are stored first and the store asked again, so a receipt the store then
 *   loses is still answered by a resend;
 * - what the broker still holds for the box's session, which the broker delivers itself (on
 *   the embedded broker a session's kept messages often reach the box after its hello).
 */
export async function noticesToResend(
  d: { readonly stores: Stores; readonly broker: Broker; readonly clock: Clock },
  boxId: string,
  held?: HeldReceipts,
): Promise<string[]> {
  const pendingIds = () => d.stores.notices.pendingForBox(boxId, d.clock.now());
  let ids = await pendingIds();
  if (held !== undefined && ids.some((id) => held.holds(boxId, id))) ids = await held.flush().then(pendingIds);
  if (ids.length === 0) return ids;
  const kept = await noticesHeldByBroker(d.broker, boxId);
  return ids.filter((id) => !kept.has(id));
}

/**
 * Notice ids in what the broker holds for the box. The bytes are the headend's own envelopes:
 * decoded, not verified. A broker that cannot tell holds nothing here: everything is resent.
 */
async function noticesHeldByBroker(broker: Broker, boxId: string): Promise<ReadonlySet<string>> {
  const ids = new Set<string>();
  for (const bytes of (await broker.heldFor?.(boxId)) ?? []) {
    try {
      const id = Downlink.decode(SignedEnvelope.decode(bytes).payload).notice?.noticeId;
      if (id) ids.add(id);
    } catch {
      // Not a downlink envelope: nothing to skip.
    }
  }
  return ids;
}
