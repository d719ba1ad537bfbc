import { createPrivateKey, createPublicKey, randomBytes, sign, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import type { Signer, Verifier } from '../ed25519';
import { libsodium } from './libsodium';

/**
 * Ed25519 on Node: the headend signs every downlink envelope and verifies every uplink, so
 * this is its hot path. libsodium (sodium-native) does it when its binary loads: ~30 µs a
 * signature and ~85 µs a verification on this project's 2-core VMs, against ~55 and ~150 µs
 * for Node's crypto (OpenSSL 3.0 sets up a context per call). Node's crypto is the fallback,
 * and the pure-JS one (~6 ms) is for boxes only. Both give the same signatures (RFC 8032).
 */
export type Ed25519Backend = 'libsodium' | 'node-crypto';

/** The backend the Node signers and verifiers use unless told otherwise. */
export const ed25519Backend: Ed25519Backend = libsodium === undefined ? 'node-crypto' : 'libsodium';

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

export function createNodeSigner(
  keyId: string,
  seed: Uint8Array,
  backend?: Ed25519Backend,
): Signer & { readonly publicKey: Uint8Array } {
  const sodium = backend === 'node-crypto' ? undefined : libsodium;
  if (sodium === undefined) {
    const key = privateKeyFromSeed(seed);
    return {
      keyId,
      publicKey: rawPublicKey(createPublicKey(key)),
      sign: (data) => new Uint8Array(sign(null, data, key)),
    };
  }
  if (seed.length !== 32) throw new TypeError('an Ed25519 seed is 32 bytes');
  // Plain memory, like the seed the caller holds: libsodium's guarded memory costs four
  // mappings per key, and a fleet simulator holds thousands of box keys.
  const publicKey = new Uint8Array(32);
  const secretKey = new Uint8Array(64);
  sodium.crypto_sign_seed_keypair(publicKey, secretKey, seed);
  return {
    keyId,
    publicKey,
    sign(data) {
      const signature = new Uint8Array(64);
      sodium.crypto_sign_detached(signature, data, secretKey);
      return signature;
    },
  };
}

export interface NodeVerifierOptions {
  /** Default: libsodium where it loads (ed25519Backend). */
  readonly backend?: Ed25519Backend;
  /**
   * Node's crypto only: verify on libuv's thread pool instead of the calling thread. libsodium
   * verifies on the calling thread in less process CPU than Node's crypto takes on the pool.
   */
  readonly threadPool?: boolean;
  /** Node's crypto only: public keys kept parsed (one per box). */
  readonly cacheSize?: number;
}

/** A Verifier on libsodium, or on Node's crypto with its KeyObjects cached by raw key. */
export function createNodeVerifier(opts: NodeVerifierOptions = {}): Verifier {
  const sodium = opts.backend === 'node-crypto' ? undefined : libsodium;
  if (sodium !== undefined)
    return {
      verify: (publicKey, data, signature) =>
        Promise.resolve(
          publicKey.length === 32 &&
            signature.length === 64 &&
            sodium.crypto_sign_verify_detached(signature, data, publicKey),
        ),
    };
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
