import { toBase64 } from '../bytes';
import { assertValidId } from '../ids';
import { boxKeyId } from '../seal';
import type { NoticeKeySet } from './notice-keys';
import { generateEd25519 } from './node-ed25519';
import { issueBoxCert } from './pki';
import type { CertAndKey } from './pki';

/**
 * Everything a box needs to join: its TLS client certificate and key, the CA that signed
 * the broker's certificate, its own uplink signing key, and the notice keys it must trust.
 * Serialised as JSON; a box vendor loads it at the factory or the first boot.
 */
export interface BoxBundle {
  readonly boxId: string;
  readonly certPem: string;
  readonly keyPem: string;
  readonly caPem: string;
  /** Key id the box signs uplink with ("box:<boxId>"). */
  readonly uplinkKeyId: string;
  /** The box's Ed25519 seed (private), base64. */
  readonly uplinkSeed: string;
  /** The matching public key, base64 — the headend stores this one. */
  readonly uplinkPublicKey: string;
  readonly trustedKeys: ReadonlyArray<{ keyId: string; publicKey: string; notAfterMs: number }>;
}

/** Public keys a box made itself: provisioning certifies them and no private key travels. */
export interface BoxOwnKeys {
  /** RSA public key (SPKI PEM) for its TLS client certificate. */
  readonly certificatePublicKeyPem: string;
  /** Ed25519 public key (32 bytes) it signs uplink with. */
  readonly uplinkPublicKey: Uint8Array;
}

export function provisionBox(
  ca: CertAndKey,
  boxId: string,
  keys: NoticeKeySet,
  nowMs: number,
  own?: BoxOwnKeys,
): BoxBundle {
  assertValidId(boxId, 'box id');
  const cert = issueBoxCert(ca, boxId, {
    nowMs,
    ...(own === undefined ? {} : { publicKeyPem: own.certificatePublicKeyPem }),
  });
  const uplink = own === undefined ? generateEd25519() : { seed: new Uint8Array(), publicKey: own.uplinkPublicKey };
  return {
    boxId,
    certPem: cert.certPem,
    keyPem: cert.keyPem,
    caPem: ca.certPem,
    uplinkKeyId: boxKeyId(boxId),
    uplinkSeed: own === undefined ? toBase64(uplink.seed) : '',
    uplinkPublicKey: toBase64(uplink.publicKey),
    trustedKeys: keys.keys.map((k) => ({ keyId: k.keyId, publicKey: k.publicKey, notAfterMs: k.notAfterMs })),
  };
}
