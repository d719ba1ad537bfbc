import { describe, expect, it } from 'vitest';
import { KeyRing, openDownlink, sealDownlink } from '../src/index';
import type { DownlinkProps } from '../src/index';
import {
  activeSigner,
  checkNoticeKeySet,
  createNodeVerifier,
  newNoticeKeySet,
  rotateNoticeKeys,
  trustedKeysOf,
} from '../src/node/index';
import { HOUR, VECTOR_TIME } from './fixtures';
import { downlinks } from './messages.fixture';

const self = { boxId: 'box-1', zoneId: 'z' };
const verifier = createNodeVerifier();
const fields = {
  messageId: 'm-1',
  sender: { kind: 'headend' as const, id: '' },
  recipient: { kind: 'all' as const, id: '' },
  issuedAtMs: VECTOR_TIME,
};

describe('notice-signing key rotation', () => {
  it('after a rotation boxes accept both keys during the grace period, then only the new one', async () => {
    const v1 = newNoticeKeySet(VECTOR_TIME);
    const v2 = rotateNoticeKeys(v1, VECTOR_TIME, 10 * HOUR);
    expect(v2.activeKeyId).not.toBe(v1.activeKeyId);
    expect(checkNoticeKeySet(v2)).toBeUndefined();
    const ring = new KeyRing(trustedKeysOf(v2));
    const body = downlinks.announcement as DownlinkProps;
    const oldMsg = await sealDownlink(fields, body, activeSigner(v1));
    const newMsg = await sealDownlink(fields, body, activeSigner(v2));
    expect((await openDownlink(oldMsg, self, { keys: ring, verifier, nowMs: VECTOR_TIME + HOUR })).ok).toBe(true);
    expect((await openDownlink(newMsg, self, { keys: ring, verifier, nowMs: VECTOR_TIME + HOUR })).ok).toBe(true);
    const later = VECTOR_TIME + 11 * HOUR;
    expect((await openDownlink(oldMsg, self, { keys: ring, verifier, nowMs: later })).ok).toBe(false);
    expect((await openDownlink(newMsg, self, { keys: ring, verifier, nowMs: later })).ok).toBe(true);
  });

  it('a second rotation drops keys whose grace has ended', () => {
    const v1 = newNoticeKeySet(VECTOR_TIME);
    const v2 = rotateNoticeKeys(v1, VECTOR_TIME, HOUR);
    const v3 = rotateNoticeKeys(v2, VECTOR_TIME + 2 * HOUR, HOUR);
    expect(v3.keys.map((k) => k.keyId)).toEqual([v3.activeKeyId, v2.activeKeyId]);
  });

  it('a corrupted key file is refused with a reason', () => {
    expect(checkNoticeKeySet({ activeKeyId: 'x', keys: [] })).toMatch(/activeKeyId/);
    expect(checkNoticeKeySet({ activeKeyId: 'x', keys: [{ keyId: 'x', publicKey: 'AA==', seed: 'AA==' }] })).toMatch(
      /malformed/,
    );
    expect(checkNoticeKeySet(null)).toBeDefined();
  });
});
