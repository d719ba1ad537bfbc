import { allTopic, sealDownlink } from '@stb-notify/protocol';
import type { Clock } from '@stb-notify/protocol';
import { oldestTrustedSigner, trustedKeysOf } from '@stb-notify/protocol/node';
import type { NoticeKeySet } from '@stb-notify/protocol/node';
import type { Broker } from '../ports/broker';

/**
 * Tells boxes the notice keys they should trust: one message, signed by the oldest key
 * still trusted, retained on the all topic so a box that was off gets it when it subscribes
 * again. Published on every rotation and at every start, because an embedded broker keeps
 * retained messages only in memory (and `stb-notify keys rotate` runs while the headend is
 * down): without it, a box that missed a rotation refuses every notice after a restart.
 */
export async function publishKeySet(broker: Broker, set: NoticeKeySet, clock: Clock): Promise<void> {
  const now = clock.now();
  const msg = await sealDownlink(
    {
      messageId: `keys-${set.activeKeyId}`,
      sender: { kind: 'headend', id: '' },
      recipient: { kind: 'all', id: '' },
      issuedAtMs: now,
    },
    {
      trustedKeys: {
        keys: trustedKeysOf(set)
          .filter((k) => (k.notAfterMs ?? 0) === 0 || (k.notAfterMs ?? 0) > now)
          .map((k) => ({ keyId: k.keyId, ed25519: k.publicKey, notAfterMs: k.notAfterMs ?? 0 })),
      },
    },
    oldestTrustedSigner(set, now),
  );
  await broker.publish(allTopic(), msg, { retain: true });
}
