import { randomBytes, X509Certificate } from 'node:crypto';
import { boxKeyId, toBase64 } from '@stb-notify/protocol';
import type { Clock } from '@stb-notify/protocol';
import { certificateSerial, generateEd25519, provisionBox } from '@stb-notify/protocol/node';
import type { BoxOwnKeys } from '@stb-notify/protocol/node';
import type { BoxBundle } from '@stb-notify/protocol/node';
import { hashCredential } from './box-authenticator';
import { notFound } from '../errors';
import type { DataDir } from '../pki/data-dir';
import { NO_CERTIFICATE } from '../ports/registry-store';
import type { Stores } from '../ports/store';
import type { BoxKeyLookup } from './box-key-lookup';

/** What a box receives at provisioning: the protocol bundle plus where and how to connect. */
/** Where and how a box connects, as its provisioning bundle tells it. */
export interface BrokerUrls {
  readonly mqtts: string;
  readonly ws: string;
  /** A clean MQTT session on every connection (a NATS cluster, issue 21; see nats-config.ts). */
  readonly cleanSession: boolean;
  /** The QoS the box subscribes with: 1, or 0 on a NATS cluster (see nats-config.ts). */
  readonly subscribeQos: 0 | 1;
}

export interface ProvisioningResult extends BoxBundle {
  readonly zoneId: string;
  readonly accountId: string;
  /** Password for MQTT over WebSocket (username = box id). Shown once; only its hash is stored. */
  readonly credential: string;
  readonly broker: BrokerUrls;
}

export class ProvisioningService {
  constructor(
    private readonly d: {
      readonly stores: Stores;
      readonly dataDir: DataDir;
      readonly clock: Clock;
      readonly keys: BoxKeyLookup;
      readonly brokerUrls: () => BrokerUrls;
      /**
       * The broker's own user list follows (a NATS cluster): the new certificate connects, the
       * old one no more, within about a second (not awaited: rewrites are batched).
       */
      readonly registryChanged?: () => Promise<void>;
    },
  ) {}

  private brokerUsersChanged(): void {
    // A failed rewrite is logged by the broker adapter; the next change writes everything again.
    this.d.registryChanged?.().catch(() => undefined);
  }

  /**
   * Issues a certificate, an uplink signing key and a WebSocket credential to a registered
   * box. Provisioning again replaces them (the old key and credential stop working).
   */
  async provision(boxId: string, actor: string, own?: BoxOwnKeys): Promise<ProvisioningResult> {
    const box = await this.d.stores.registry.getBox(boxId);
    if (box === undefined) throw notFound('box', boxId);
    const now = this.d.clock.now();
    const bundle = provisionBox(this.d.dataDir.ca(), boxId, this.d.dataDir.noticeKeys(), now, own);
    const credential = randomBytes(24).toString('base64url');
    // The new credentials and their audit entry commit together (issue 15).
    await this.d.stores.transaction(async (tx) => {
      await tx.registry.setBoxCredentials(boxId, {
        uplinkPublicKey: bundle.uplinkPublicKey,
        credentialHash: hashCredential(credential),
        // Only this certificate connects from now on: every earlier one is revoked.
        certFingerprint: new X509Certificate(bundle.certPem).fingerprint256,
        certSerial: certificateSerial(bundle.certPem),
        provisionedAtMs: now,
      });
      await tx.audit.append({ atMs: now, actor, action: 'box.provisioned', subject: boxId, detail: {} });
    });
    this.d.keys.invalidate(boxId);
    this.brokerUsersChanged();
    return { ...bundle, zoneId: box.zoneId, accountId: box.accountId, credential, broker: this.d.brokerUrls() };
  }

  /**
   * Provisions many boxes for MQTT over WebSocket only: credential and uplink key, no TLS
   * certificate (RSA key generation would take ~30 ms a box). For browser boxes and fleets.
   */
  async provisionForWebSocket(boxIds: readonly string[], actor: string): Promise<ProvisioningResult[]> {
    const now = this.d.clock.now();
    const keys = this.d.dataDir.noticeKeys();
    const out: ProvisioningResult[] = [];
    for (const boxId of boxIds) {
      const box = await this.d.stores.registry.getBox(boxId);
      if (box === undefined) throw notFound('box', boxId);
      const uplink = generateEd25519();
      const credential = randomBytes(24).toString('base64url');
      const uplinkPublicKey = toBase64(uplink.publicKey);
      await this.d.stores.registry.setBoxCredentials(boxId, {
        uplinkPublicKey,
        credentialHash: hashCredential(credential),
        certFingerprint: NO_CERTIFICATE,
        certSerial: '',
        provisionedAtMs: now,
      });
      this.d.keys.invalidate(boxId);
      out.push({
        boxId,
        certPem: '',
        keyPem: '',
        caPem: '',
        uplinkKeyId: boxKeyId(boxId),
        uplinkSeed: toBase64(uplink.seed),
        uplinkPublicKey,
        trustedKeys: keys.keys.map((k) => ({ keyId: k.keyId, publicKey: k.publicKey, notAfterMs: k.notAfterMs })),
        zoneId: box.zoneId,
        accountId: box.accountId,
        credential,
        broker: this.d.brokerUrls(),
      });
    }
    await this.d.stores.audit.append({
      atMs: now,
      actor,
      action: 'boxes.provisioned',
      subject: 'registry',
      detail: { count: boxIds.length, certificates: false },
    });
    // A certificate these boxes held before no longer connects anywhere.
    this.brokerUsersChanged();
    return out;
  }
}
