import { randomBytes } from 'node:crypto';
import { fromBase64, toBase64 } from '../bytes';
import type { Signer } from '../ed25519';
import type { TrustedKey } from '../key-ring';
import { createNodeSigner, generateEd25519 } from './node-ed25519';

/**
 * The headend's notice-signing keys. One key signs; older keys stay trusted by boxes until
 * their not-after time so a box that was off during a rotation still accepts what it missed.
 * Stored as JSON (the headend keeps it in its data directory, mode 0600).
 */
export interface NoticeKeyRecord {
  readonly keyId: string;
  /** Raw Ed25519 public key, base64. */
  readonly publicKey: string;
  /** Raw 32-byte Ed25519 seed (the private key), base64. */
  readonly seed: string;
  readonly createdAtMs: number;
  /** 0 while the key may still sign or is trusted without end. */
  readonly notAfterMs: number;
}

export interface NoticeKeySet {
  readonly activeKeyId: string;
  readonly keys: readonly NoticeKeyRecord[];
}

/** How long a retired key stays trusted by boxes after a rotation. */
export const DEFAULT_ROTATION_GRACE_MS = 30 * 24 * 60 * 60 * 1000;

function newKeyId(nowMs: number): string {
  const day = new Date(nowMs).toISOString().slice(0, 10).replaceAll('-', '');
  return `n-${day}-${randomBytes(3).toString('hex')}`;
}

function newRecord(nowMs: number): NoticeKeyRecord {
  const pair = generateEd25519();
  return {
    keyId: newKeyId(nowMs),
    publicKey: toBase64(pair.publicKey),
    seed: toBase64(pair.seed),
    createdAtMs: nowMs,
    notAfterMs: 0,
  };
}

export function newNoticeKeySet(nowMs: number): NoticeKeySet {
  const rec = newRecord(nowMs);
  return { activeKeyId: rec.keyId, keys: [rec] };
}

/** A new key signs from now on; the old active key is trusted for `graceMs` more. */
export function rotateNoticeKeys(set: NoticeKeySet, nowMs: number, graceMs = DEFAULT_ROTATION_GRACE_MS): NoticeKeySet {
  const fresh = newRecord(nowMs);
  const kept = set.keys
    .filter((k) => k.notAfterMs === 0 || k.notAfterMs > nowMs)
    .map((k) => (k.keyId === set.activeKeyId ? { ...k, notAfterMs: nowMs + graceMs } : k));
  return { activeKeyId: fresh.keyId, keys: [fresh, ...kept] };
}

/** The public half, as boxes pin it. */
export function trustedKeysOf(set: NoticeKeySet): TrustedKey[] {
  return set.keys.map((k) => ({
    keyId: k.keyId,
    publicKey: fromBase64(k.publicKey) ?? new Uint8Array(),
    notAfterMs: k.notAfterMs,
  }));
}

export function activeSigner(set: NoticeKeySet): Signer & { readonly publicKey: Uint8Array } {
  const rec = set.keys.find((k) => k.keyId === set.activeKeyId);
  const seed = rec === undefined ? undefined : fromBase64(rec.seed);
  if (rec === undefined || seed === undefined)
    throw new Error(`notice key set has no usable active key ${set.activeKeyId}`);
  return createNodeSigner(rec.keyId, seed);
}

/**
 * The signer boxes most likely trust: the oldest key still trusted at `nowMs`. A box that
 * was off through a rotation knows only older keys; a box provisioned later was given the
 * whole set. The key-set message is signed with it so both accept it.
 */
export function oldestTrustedSigner(set: NoticeKeySet, nowMs: number): Signer {
  // Keys are kept newest first (rotateNoticeKeys puts the fresh key in front).
  const rec = set.keys.filter((k) => k.notAfterMs === 0 || k.notAfterMs > nowMs).at(-1);
  const seed = rec === undefined ? undefined : fromBase64(rec.seed);
  if (rec === undefined || seed === undefined) return activeSigner(set);
  return createNodeSigner(rec.keyId, seed);
}

/** Validates a parsed JSON key set; returns a reason or undefined. */
export function checkNoticeKeySet(v: unknown): string | undefined {
  if (typeof v !== 'object' || v === null) return 'not an object';
  const s = v as Partial<NoticeKeySet>;
  if (typeof s.activeKeyId !== 'string' || !Array.isArray(s.keys)) return 'needs activeKeyId and keys';
  for (const k of s.keys as unknown[]) {
    const r = k as Partial<NoticeKeyRecord>;
    if (typeof r.keyId !== 'string' || typeof r.publicKey !== 'string' || typeof r.seed !== 'string') {
      return 'a key lacks keyId, publicKey or seed';
    }
    if (fromBase64(r.seed)?.length !== 32 || fromBase64(r.publicKey)?.length !== 32)
      return `key ${r.keyId} is malformed`;
  }
  if (!s.keys.some((k) => (k as NoticeKeyRecord).keyId === s.activeKeyId)) return 'activeKeyId is not in keys';
  return undefined;
}
