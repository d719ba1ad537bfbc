/** A public key a receiver trusts, by key id. */
export interface TrustedKey {
  readonly keyId: string;
  /** Raw 32-byte Ed25519 public key. */
  readonly publicKey: Uint8Array;
  /** Not trusted after this instant (ms since epoch); undefined or 0 = no end. */
  readonly notAfterMs?: number;
}

/** Finds the public key for a key id at a given time; undefined when unknown or retired. */
export interface KeyLookup {
  lookup(keyId: string, nowMs: number): Uint8Array | undefined | Promise<Uint8Array | undefined>;
}

/**
 * The pinned set of notice-signing keys on a box. Several keys may be trusted at once so
 * the headend can rotate: it starts signing with a new key while boxes still trust the old
 * one until its not-after time.
 */
export class KeyRing implements KeyLookup {
  private readonly keys = new Map<string, TrustedKey>();

  constructor(keys: Iterable<TrustedKey> = []) {
    for (const k of keys) this.keys.set(k.keyId, k);
  }

  lookup(keyId: string, nowMs: number): Uint8Array | undefined {
    const k = this.keys.get(keyId);
    if (k === undefined) return undefined;
    if (k.notAfterMs !== undefined && k.notAfterMs !== 0 && nowMs > k.notAfterMs) return undefined;
    return k.publicKey;
  }

  /** Replaces the whole set (key rotation). */
  replace(keys: Iterable<TrustedKey>): void {
    this.keys.clear();
    for (const k of keys) this.keys.set(k.keyId, k);
  }

  list(): TrustedKey[] {
    return [...this.keys.values()];
  }
}
