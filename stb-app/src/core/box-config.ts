import { fromBase64, isTopicId } from '@stb-notify/protocol';
import type { TrustedKey } from '@stb-notify/protocol';

/**
 * What a box needs to run, taken from its provisioning bundle (see protocol/README.md):
 * identity, broker addresses, the credential for MQTT over WebSocket, its uplink signing
 * seed and the notice keys it pins.
 */
export interface BoxConfig {
  readonly boxId: string;
  readonly zoneId: string;
  readonly accountId: string;
  readonly brokerUrl: string;
  /** A clean MQTT session on every connection (the bundle says so on a NATS cluster); default persistent. */
  readonly cleanSession?: boolean;
  /** The QoS of the box's subscriptions: 1, or 0 when the bundle says so (a NATS cluster). */
  readonly subscribeQos?: 0 | 1;
  readonly credential: string;
  readonly uplinkKeyId: string;
  readonly uplinkSeed: Uint8Array;
  readonly trustedKeys: readonly TrustedKey[];
  /** Base URL of the headend for the box HTTP API (payment history). */
  readonly headendUrl: string;
  /** TLS material when connecting with a client certificate (Node boxes). */
  readonly tls?: { readonly caPem: string; readonly certPem: string; readonly keyPem: string };
}

export type BundleCheck = { ok: true; config: BoxConfig } | { ok: false; reason: string };

/** Validates a provisioning bundle (as JSON-parsed) into a BoxConfig; never throws. */
export function configFromBundle(b: unknown, prefer: 'ws' | 'mqtts' = 'ws'): BundleCheck {
  if (typeof b !== 'object' || b === null) return { ok: false, reason: 'bundle is not an object' };
  const o = b as Record<string, unknown>;
  const str = (k: string): string => (typeof o[k] === 'string' ? (o[k] as string) : '');
  const broker = (o.broker ?? {}) as Record<string, unknown>;
  const url = String(prefer === 'ws' ? (broker.ws ?? '') : (broker.mqtts ?? ''));
  const seed = fromBase64(str('uplinkSeed'));
  if (!isTopicId(str('boxId')) || !isTopicId(str('zoneId')))
    return { ok: false, reason: 'bundle lacks a valid boxId and zoneId' };
  if (seed?.length !== 32) return { ok: false, reason: 'bundle lacks the uplink seed' };
  if (url === '') return { ok: false, reason: `bundle lacks a ${prefer} broker URL` };
  const keys: TrustedKey[] = [];
  for (const k of Array.isArray(o.trustedKeys) ? (o.trustedKeys as unknown[]) : []) {
    const r = k as Record<string, unknown>;
    const pk = fromBase64(String(r.publicKey ?? ''));
    if (typeof r.keyId !== 'string' || pk?.length !== 32)
      return { ok: false, reason: 'bundle holds a malformed trusted key' };
    keys.push({ keyId: r.keyId, publicKey: pk, notAfterMs: Number(r.notAfterMs ?? 0) });
  }
  if (keys.length === 0) return { ok: false, reason: 'bundle pins no notice key' };
  const http = url.replace(/^ws(s?):\/\/([^/]+).*$/, 'http$1://$2');
  return {
    ok: true,
    config: {
      boxId: str('boxId'),
      zoneId: str('zoneId'),
      accountId: str('accountId'),
      brokerUrl: url,
      ...(broker.cleanSession === true ? { cleanSession: true } : {}),
      ...(broker.subscribeQos === 0 ? { subscribeQos: 0 as const } : {}),
      credential: str('credential'),
      uplinkKeyId: str('uplinkKeyId') || `box:${str('boxId')}`,
      uplinkSeed: seed,
      trustedKeys: keys,
      headendUrl: url.startsWith('ws') ? http : '',
      ...(prefer === 'mqtts' ? { tls: { caPem: str('caPem'), certPem: str('certPem'), keyPem: str('keyPem') } } : {}),
    },
  };
}
