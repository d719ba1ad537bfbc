import { Type } from 'typebox';
import type { Account as AccountRecord, Box, Zone as ZoneRecord } from '../../ports/registry-store';
import type { ProvisioningResult } from '../../services/provisioning-service';
import type { ImportResult } from '../../services/registry-import';
import { describes } from './describes';
import { At, Count, itemsOf, listOf, oneOf, pageOf } from './response-shapes';

export const Zone = describes<ZoneRecord>()(
  Type.Object({
    id: Type.String(),
    name: Type.String(),
    type: oneOf(['urban', 'township', 'rural'] as const),
    maintainer: Type.String({ description: 'Z1: the zone’s maintainer' }),
  }),
);
export const Zones = itemsOf(Zone);

export const Account = describes<AccountRecord>()(
  Type.Object({ id: Type.String(), name: Type.String(), status: oneOf(['active', 'overdue', 'suspended'] as const) }),
);
export const AccountPage = pageOf(Account);

/** A box as the API shows it: never the hash of its WebSocket credential, only whether it has one. */
export const PublicBox = describes<Omit<Box, 'credentialHash'> & { hasCredential: boolean }>()(
  Type.Object({
    id: Type.String(),
    accountId: Type.String(),
    zoneId: Type.String(),
    model: Type.String(),
    firmware: Type.String(),
    appVersion: Type.String(),
    uplinkPublicKey: Type.String({ description: 'Ed25519, base64' }),
    certFingerprint: Type.String(),
    certSerial: Type.String(),
    provisionedAtMs: At,
    lastSeenMs: At,
    online: Type.Boolean(),
    hasCredential: Type.Boolean(),
  }),
);
export const BoxPage = pageOf(PublicBox);

/** One account with its boxes. */
export const AccountDetail = Type.Object({ ...Account.properties, boxes: listOf(PublicBox) });

export const ImportCounts = describes<ImportResult>()(
  Type.Object({ zones: Count, accounts: Count, boxes: Count }, { description: 'rows imported, by kind' }),
);

/** What a box receives at provisioning (shown once): its bundle, where to connect and its credential. */
export const Provisioning = describes<ProvisioningResult>()(
  Type.Object({
    boxId: Type.String(),
    zoneId: Type.String(),
    accountId: Type.String(),
    certPem: Type.String(),
    keyPem: Type.String({ description: "the box's private TLS key, PEM" }),
    caPem: Type.String(),
    uplinkKeyId: Type.String(),
    uplinkSeed: Type.String({ description: "the box's Ed25519 seed, base64 ('' when it made its own keys)" }),
    uplinkPublicKey: Type.String(),
    trustedKeys: listOf(Type.Object({ keyId: Type.String(), publicKey: Type.String(), notAfterMs: At })),
    credential: Type.String({ description: 'password for MQTT over WebSocket (username = box id); shown once' }),
    broker: Type.Object({
      mqtts: Type.String(),
      ws: Type.String(),
      cleanSession: Type.Boolean(),
      subscribeQos: Type.Union([Type.Literal(0), Type.Literal(1)]),
    }),
  }),
);
export const Provisionings = itemsOf(Provisioning);
