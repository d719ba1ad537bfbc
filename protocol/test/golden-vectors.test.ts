import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  createVerifierWithForge,
  Downlink,
  forgeVerifier,
  KeyRing,
  openDownlink,
  openUplink,
  parseTopic,
  Uplink,
} from '../src/index';
import type { Verifier } from '../src/index';
import { createNodeSigner, createNodeVerifier, ed25519Backend, generateEd25519 } from '../src/node/index';
import { NOTICE_KEY_ID, noticeSignerForge, VECTOR_TIME, uplinkKeys } from './fixtures';
import { buildGoldenVectors, GOLDEN_BOX } from './golden-vectors';
import type { GoldenVector } from './golden-vectors';
import { downlinks, uplinks } from './messages.fixture';

const doc = JSON.parse(readFileSync(new URL('./golden/vectors.json', import.meta.url), 'utf8')) as {
  noticePublicKeyHex: string;
  vectors: GoldenVector[];
};
const keys = new KeyRing([{ keyId: NOTICE_KEY_ID, publicKey: Buffer.from(doc.noticePublicKeyHex, 'hex') }]);
const self = { boxId: GOLDEN_BOX, zoneId: 'z-east' };
const verifiers: Record<string, Verifier> = {
  webcrypto: createVerifierWithForge(),
  forge: forgeVerifier,
  // The headend's and the simulated boxes': libsodium.
  node: createNodeVerifier(),
  'node crypto': createNodeVerifier({ backend: 'node-crypto' }),
  // The headend's where libsodium does not load: Node's crypto on libuv's thread pool.
  'node crypto thread-pool': createNodeVerifier({ backend: 'node-crypto', threadPool: true }),
};

describe('golden vectors (checked-in bytes every side must reproduce)', () => {
  it('covers every downlink and uplink message', () => {
    expect(doc.vectors.filter((v) => v.direction === 'down')).toHaveLength(Object.keys(downlinks).length);
    expect(doc.vectors.filter((v) => v.direction === 'up')).toHaveLength(Object.keys(uplinks).length);
  });

  it('encoding and signing today gives exactly the checked-in bytes', async () => {
    const now = await buildGoldenVectors();
    expect(now).toEqual(doc.vectors);
  });

  it('the pure-JS signer a box uses makes the same signatures as Node crypto', async () => {
    const viaForge = await buildGoldenVectors({ notice: noticeSignerForge });
    expect(viaForge.filter((v) => v.direction === 'down')).toEqual(doc.vectors.filter((v) => v.direction === 'down'));
  });

  for (const [vname, verifier] of Object.entries(verifiers)) {
    it(`every checked-in envelope opens and decodes with the ${vname} verifier`, async () => {
      for (const v of doc.vectors) {
        const bytes = Buffer.from(v.envelopeHex, 'hex');
        if (v.direction === 'down') {
          const r = await openDownlink(bytes, self, { keys, verifier, nowMs: VECTOR_TIME });
          expect(r.ok, `${v.name}: ${r.ok ? '' : r.code}`).toBe(true);
          if (r.ok) {
            const want = Downlink.encode(downlinks[v.name] ?? {}).finish();
            expect(Buffer.from(Downlink.encode(r.message).finish())).toEqual(Buffer.from(want));
            expect(r.header.messageId).toBe(`m-${v.name}`);
          }
        } else {
          const topic = parseTopic(`stb/v1/up/${GOLDEN_BOX}/${v.topicKind ?? ''}`);
          if (topic?.dir !== 'up') throw new Error(`bad topic kind in vector ${v.name}`);
          const r = await openUplink(bytes, topic, { keys: uplinkKeys, verifier, nowMs: VECTOR_TIME });
          expect(r.ok, `${v.name}: ${r.ok ? '' : r.code}`).toBe(true);
          if (r.ok) {
            const want = Uplink.encode(uplinks[v.name]?.body ?? {}).finish();
            expect(Buffer.from(Uplink.encode(r.message).finish())).toEqual(Buffer.from(want));
          }
        }
      }
    });
  }

  it('the headend signs with libsodium, and its signatures are byte for byte those of Node crypto', async () => {
    // Installed by npm ci (sodium-native ships prebuilt binaries); without it every signature
    // and verification silently costs about twice as much.
    expect(ed25519Backend).toBe('libsodium');
    for (let i = 0; i < 20; i++) {
      const { seed } = generateEd25519();
      const data = new TextEncoder().encode(`notice ${i} `.repeat(i * 7));
      const sodium = createNodeSigner('k', seed);
      const node = createNodeSigner('k', seed, 'node-crypto');
      expect(sodium.publicKey).toEqual(node.publicKey);
      expect(Buffer.from(await sodium.sign(data))).toEqual(Buffer.from(await node.sign(data)));
    }
  });

  for (const [vname, verifier] of Object.entries(verifiers)) {
    it(`the ${vname} verifier refuses a flipped bit, another key and malformed input`, async () => {
      const pair = generateEd25519();
      const other = generateEd25519();
      const data = new TextEncoder().encode('停电通知 outage notice');
      const sig = await createNodeSigner('k', pair.seed).sign(data);
      expect(await verifier.verify(pair.publicKey, data, sig)).toBe(true);
      const flipped = Uint8Array.from(sig);
      flipped[7] = (flipped[7] ?? 0) ^ 1;
      expect(await verifier.verify(pair.publicKey, data, flipped)).toBe(false);
      expect(await verifier.verify(other.publicKey, data, sig)).toBe(false);
      expect(await verifier.verify(pair.publicKey, data, sig.subarray(0, 63))).toBe(false);
      expect(await verifier.verify(new Uint8Array(32), data, sig)).toBe(false);
      expect(await verifier.verify(pair.publicKey, data, new Uint8Array(64))).toBe(false);
    });
  }

  it('decoded notices carry the structured fields a box displays', async () => {
    const fee = doc.vectors.find((v) => v.name === 'feeDue');
    const r = await openDownlink(Buffer.from(fee?.envelopeHex ?? '', 'hex'), self, {
      keys,
      verifier: verifiers.node as Verifier,
      nowMs: VECTOR_TIME,
    });
    if (!r.ok) throw new Error(r.code);
    expect(r.message.notice?.feeDue?.amountMinor).toBe(2600);
    expect(r.message.notice?.hotline).toBe('96956');
    expect(r.message.notice?.texts?.[0]?.title).toBe('费用即将到期');
  });
});
