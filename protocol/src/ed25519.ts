import forgeEd25519 from 'node-forge/lib/ed25519.js';

/**
 * Ed25519 for notices and uplink. Why Ed25519:
 *  - native and fast on the headend (Node crypto: ~30 µs to sign, ~100 µs to verify);
 *  - native in the browser's WebCrypto where the box's browser has it (~0.1 ms);
 *  - a pure-JS fallback exists (node-forge's ed25519, a few ms) for older box browsers and
 *    for pages served over plain http, where `crypto.subtle` is missing;
 *  - 32-byte keys and 64-byte signatures keep every envelope small.
 * ECDSA P-256 is native in more browsers but node-forge has no ECDSA, so a box without
 * WebCrypto could not verify at all; RSA signatures are 4-8x bigger and slow in JS.
 */

export interface Verifier {
  /** True only when `signature` is a valid Ed25519 signature of `data` by `publicKey` (32 raw bytes). */
  verify(publicKey: Uint8Array, data: Uint8Array, signature: Uint8Array): Promise<boolean>;
}

export interface Signer {
  /** Key id written into the envelope header. */
  readonly keyId: string;
  sign(data: Uint8Array): Uint8Array | Promise<Uint8Array>;
}

/** Pure-JS verification (node-forge); slow but runs everywhere. */
export const forgeVerifier: Verifier = {
  verify(publicKey, data, signature) {
    if (publicKey.length !== 32 || signature.length !== 64) return Promise.resolve(false);
    try {
      return Promise.resolve(forgeEd25519.verify({ message: data, signature, publicKey }));
    } catch {
      // forge throws on malformed points; for the caller that is simply "does not verify".
      return Promise.resolve(false);
    }
  },
};

type Subtle = NonNullable<typeof globalThis.crypto>['subtle'];

function subtleOrUndefined(): Subtle | undefined {
  const c = (globalThis as { crypto?: Crypto }).crypto;
  return c?.subtle;
}

/**
 * WebCrypto verification with the imported keys cached, falling back to node-forge when
 * the browser has no `crypto.subtle` (insecure context) or no Ed25519 in it.
 */
export function createVerifier(): Verifier {
  const subtle = subtleOrUndefined();
  const keys = new Map<string, Promise<CryptoKey | undefined>>();
  let native = subtle !== undefined;

  function importKey(publicKey: Uint8Array): Promise<CryptoKey | undefined> {
    const id = Array.from(publicKey).join(',');
    let key = keys.get(id);
    if (key === undefined) {
      key = (subtle as Subtle).importKey('raw', publicKey as BufferSource, { name: 'Ed25519' }, false, ['verify']).then(
        (k) => k,
        (err: unknown) => {
          // NotSupportedError: this browser has WebCrypto without Ed25519. Use forge from now on.
          if (err instanceof Error && err.name === 'NotSupportedError') native = false;
          return undefined;
        },
      );
      keys.set(id, key);
    }
    return key;
  }

  return {
    async verify(publicKey, data, signature) {
      if (publicKey.length !== 32 || signature.length !== 64) return false;
      if (!native) return forgeVerifier.verify(publicKey, data, signature);
      const key = await importKey(publicKey);
      if (key === undefined) return native ? false : forgeVerifier.verify(publicKey, data, signature);
      return (subtle as Subtle).verify({ name: 'Ed25519' }, key, signature as BufferSource, data as BufferSource);
    },
  };
}

/** A signer from a raw 32-byte Ed25519 seed, in pure JS (for boxes and tests; the headend uses Node crypto). */
export function createSeedSigner(keyId: string, seed: Uint8Array): Signer & { readonly publicKey: Uint8Array } {
  const pair = forgeEd25519.generateKeyPair({ seed });
  return {
    keyId,
    publicKey: new Uint8Array(pair.publicKey),
    sign: (data) => new Uint8Array(forgeEd25519.sign({ message: data, privateKey: pair.privateKey })),
  };
}
