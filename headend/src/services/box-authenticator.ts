import { createHash, timingSafeEqual } from 'node:crypto';
import { isTopicId } from '@stb-notify/protocol';
import type { BoxIdentity } from '@stb-notify/protocol';
import type { BoxSource } from './box-reads';

export type AuthOutcome =
  | { readonly ok: true; readonly identity: BoxIdentity }
  | {
      readonly ok: false;
      readonly reason:
        'unknown-box' | 'bad-credential' | 'client-id-mismatch' | 'not-a-box-certificate' | 'revoked-certificate';
    };

export function hashCredential(credential: string): string {
  return createHash('sha256').update(credential).digest('hex');
}

/**
 * Decides who a connecting client is. A box must use its own id as MQTT client id, so it
 * can never take over another box's session ([MQTT-3.1.4-2]: a new connection with the
 * same client id replaces the old one).
 */
export class BoxAuthenticator {
  constructor(private readonly registry: BoxSource) {}

  /** Mutual TLS: the certificate (already verified against the operator CA) names the box. */
  async byCertificate(
    cert: { subject?: { CN?: string | string[]; OU?: string | string[] }; fingerprint256?: string },
    clientId: string,
  ): Promise<AuthOutcome> {
    const subject = cert.subject ?? {};
    // A certificate with several CNs or OUs is not one we issued.
    const boxId = typeof subject.CN === 'string' ? subject.CN : '';
    if (subject.OU !== 'stb-box' || !isTopicId(boxId)) return { ok: false, reason: 'not-a-box-certificate' };
    if (clientId !== boxId) return { ok: false, reason: 'client-id-mismatch' };
    const box = await this.registry.getBox(boxId);
    if (box === undefined) return { ok: false, reason: 'unknown-box' };
    // Re-provisioning revokes: only the latest certificate issued to the box connects.
    if (box.certFingerprint !== '' && box.certFingerprint !== cert.fingerprint256)
      return { ok: false, reason: 'revoked-certificate' };
    return { ok: true, identity: { boxId, zoneId: box.zoneId } };
  }

  /** WebSocket boxes (the browser app): username = box id, password = provisioning credential. */
  async byCredential(
    username: string | undefined,
    password: Buffer | undefined,
    clientId: string,
  ): Promise<AuthOutcome> {
    const boxId = username ?? '';
    if (!isTopicId(boxId)) return { ok: false, reason: 'unknown-box' };
    if (clientId !== boxId) return { ok: false, reason: 'client-id-mismatch' };
    const box = await this.registry.getBox(boxId);
    if (box === undefined) return { ok: false, reason: 'unknown-box' };
    if (box.credentialHash === '' || password === undefined) return { ok: false, reason: 'bad-credential' };
    const got = Buffer.from(hashCredential(password.toString('utf8')), 'hex');
    const want = Buffer.from(box.credentialHash, 'hex');
    if (got.length !== want.length || !timingSafeEqual(got, want)) return { ok: false, reason: 'bad-credential' };
    return { ok: true, identity: { boxId, zoneId: box.zoneId } };
  }
}
