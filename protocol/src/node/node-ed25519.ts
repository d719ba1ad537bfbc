import { createPrivateKey, createPublicKey, randomBytes, sign, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import type { Signer, Verifier } from '../ed25519';

/**
 * Ed25519 with Node's native crypto: the headend signs every downlink envelope, so this is
 * the hot path (~30 µs a signature on one core, against ~6 ms for the pure-JS fallback).
 */

// DER prefixes that wrap a raw 32-byte seed / public key as PKCS#8 / SPKI (RFC 8410).
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export function privateKeyFromSeed(seed: Uint8Array): KeyObject {
  if (seed.length !== 32) throw new TypeError('an Ed25519 seed is 32 bytes');
  return createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

export function publicKeyFromRaw(raw: Uint8Array): KeyObject {
  if (raw.length !== 32) throw new TypeError('an Ed25519 public key is 32 bytes');
  return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

export function rawPublicKey(key: KeyObject): Uint8Array {
  const der = key.export({ format: 'der', type: 'spki' });
  return new Uint8Array(der.subarray(der.length - 32));
}

export interface Ed25519KeyPair {
  readonly seed: Uint8Array;
  readonly publicKey: Uint8Array;
}

export function generateEd25519(): Ed25519KeyPair {
  const seed = new Uint8Array(randomBytes(32));
  return { seed, publicKey: rawPublicKey(createPublicKey(privateKeyFromSeed(seed))) };
}

export function createNodeSigner(keyId: string, seed: Uint8Array): Signer & { readonly publicKey: Uint8Array } {
  const key = privateKeyFromSeed(seed);
  return {
    keyId,
    publicKey: rawPublicKey(createPublicKey(key)),
    sign: (data) => new Uint8Array(sign(null, data, key)),
  };
}

export interface NodeVerifierOptions {
  /**
   * Verify on libuv's thread pool instead of the calling thread. The headend turns this
   * on: its one JavaScript thread is the bottleneck of uplink intake, and checking each
   * box's signature was the largest single part of it (profile in simulators/README.md).
   */
  readonly threadPool?: boolean;
  /** Public keys kept parsed (one per box). */
  readonly cacheSize?: number;
}

/** Verifier that caches Node KeyObjects by raw key (the headend verifies every box's uplink). */
export function createNodeVerifier(opts: NodeVerifierOptions = {}): Verifier {
  const cacheSize = opts.cacheSize ?? 50_000;
  const cache = new Map<string, KeyObject>();
  return {
    verify(publicKey, data, signature) {
      if (publicKey.length !== 32 || signature.length !== 64) return Promise.resolve(false);
      const id = Buffer.from(publicKey).toString('base64');
      let key = cache.get(id);
      if (key === undefined) {
        if (cache.size >= cacheSize) cache.clear();
        key = publicKeyFromRaw(publicKey);
        cache.set(id, key);
      }
      if (!opts.threadPool) return Promise.resolve(verify(null, data, key, signature));
      const k = key;
      return new Promise((resolve) => {
        // An error here (malformed input) is a failed verification, as in the synchronous call.
        verify(null, data, k, signature, (err, ok) => resolve(err === null && ok));
      });
    },
  };
}
