/**
 * Ed25519 for notices and uplink. Why Ed25519:
 *  - native and fast on the headend (libsodium: ~30 µs to sign, ~90 µs to verify; node/node-ed25519.ts);
 *  - native in the browser's WebCrypto where the box's browser has it (~0.1 ms);
 *  - a pure-JS fallback exists (node-forge's ed25519, a few ms; ed25519-forge.ts) for older box
 *    browsers and for pages served over plain http, where `crypto.subtle` is missing. This file
 *    does not import it: the TV loads it only when WebCrypto cannot do the work (issue 17);
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

type Subtle = NonNullable<typeof globalThis.crypto>['subtle'];

function subtleOrUndefined(): Subtle | undefined {
  const c = (globalThis as { crypto?: Crypto }).crypto;
  return c?.subtle;
}

/** A fallback loaded at most once, on first need. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= load());
}

/**
 * WebCrypto verification with the imported keys cached, falling back to `fallback` (node-forge,
 * loaded on first need) when the browser has no `crypto.subtle` (insecure context) or no
 * Ed25519 in it.
 */
export function createVerifier(fallback: () => Promise<Verifier>): Verifier {
  const slow = once(fallback);
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
      if (!native) return (await slow()).verify(publicKey, data, signature);
      const key = await importKey(publicKey);
      if (key === undefined) return native ? false : (await slow()).verify(publicKey, data, signature);
      return (subtle as Subtle).verify({ name: 'Ed25519' }, key, signature as BufferSource, data as BufferSource);
    },
  };
}

/** PKCS #8 for an Ed25519 private key is a fixed prefix and the 32-byte seed (RFC 8410). */
const PKCS8_ED25519_PREFIX = [
  0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
];

/**
 * A signer from a raw 32-byte Ed25519 seed with WebCrypto, falling back to `fallback` (pure JS,
 * loaded on first need) where WebCrypto is missing or has no Ed25519.
 */
export function createWebCryptoSigner(keyId: string, seed: Uint8Array, fallback: () => Promise<Signer>): Signer {
  const slow = once(fallback);
  const subtle = subtleOrUndefined();
  const key: Promise<CryptoKey | undefined> =
    subtle === undefined || seed.length !== 32
      ? Promise.resolve(undefined)
      : subtle
          .importKey('pkcs8', Uint8Array.from([...PKCS8_ED25519_PREFIX, ...seed]), { name: 'Ed25519' }, false, ['sign'])
          .then(
            (k) => k,
            () => undefined,
          );
  return {
    keyId,
    async sign(data) {
      const k = await key;
      if (k === undefined || subtle === undefined) return (await slow()).sign(data);
      return new Uint8Array(await subtle.sign({ name: 'Ed25519' }, k, data as BufferSource));
    },
  };
}
