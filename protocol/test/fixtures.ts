import { createHash } from 'node:crypto';
import { createSeedSigner, KeyRing } from '../src/index';
import type { Signer } from '../src/index';
import { createNodeSigner } from '../src/node/index';

/** Deterministic test keys: seed = sha256(label). Never used outside tests. */
export function testSeed(label: string): Uint8Array {
  return new Uint8Array(createHash('sha256').update(label).digest());
}

export const NOTICE_KEY_ID = 'n-test-1';
export const noticeSigner: Signer & { publicKey: Uint8Array } = createNodeSigner(NOTICE_KEY_ID, testSeed('notice-1'));
export const boxSigner = (boxId: string): Signer & { publicKey: Uint8Array } =>
  createNodeSigner(`box:${boxId}`, testSeed(`box-${boxId}`));
/** The same key through the pure-JS path, to prove both produce identical signatures. */
export const noticeSignerForge = createSeedSigner(NOTICE_KEY_ID, testSeed('notice-1'));

export const boxKeys = new KeyRing([{ keyId: NOTICE_KEY_ID, publicKey: noticeSigner.publicKey }]);

/** Headend-side lookup of box uplink keys. */
export const uplinkKeys = {
  lookup(keyId: string): Uint8Array | undefined {
    const m = /^box:(.+)$/.exec(keyId);
    return m?.[1] === undefined ? undefined : boxSigner(m[1]).publicKey;
  },
};

/**
 * The time written into the checked-in golden vectors (golden/vectors.json): they are fixed
 * bytes, so their time is fixed too. The protocol's functions take "now" as an argument
 * (no clock is read), and these tests hand them the vectors' own time.
 */
export const VECTOR_TIME = Date.UTC(2026, 10, 25, 8, 0, 0);
export const HOUR = 60 * 60 * 1000;
