import { Downlink, EnvelopeHeader, SignedEnvelope } from '@stb-notify/protocol';

/**
 * The notice ids of downlink envelopes the headend sealed with key `keyId`: of what a box's
 * broker session delivered or still holds (Broker.keptFor), the notices its hello need not
 * send again. An envelope sealed with an older key is left out: after a key rotation the box
 * may refuse it, and the hello sends that notice again, sealed anew. The envelopes come from
 * the headend's own broker (boxes cannot publish downlink), so they are read, not verified.
 */
export function keptNoticeIds(payloads: readonly Uint8Array[], keyId: string): Set<string> {
  const out = new Set<string>();
  for (const bytes of payloads) {
    try {
      const env = SignedEnvelope.decode(bytes);
      if (EnvelopeHeader.decode(env.header).keyId !== keyId) continue;
      const id = Downlink.decode(env.payload).notice?.noticeId;
      if (id) out.add(id);
    } catch {
      // not an envelope of ours: nothing to leave out
    }
  }
  return out;
}
