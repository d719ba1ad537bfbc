import { createPublicKey } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { fromBase64 } from '@stb-notify/protocol';
import type { BoxOwnKeys } from '@stb-notify/protocol/node';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Static } from 'typebox';
import { HeadendError } from '../../errors';
import type { ApiContext } from '../api-context';
import type { TypeBoxProvider } from '../typebox-provider';
import { actorName } from '../auth';
import { withErrors } from '../responses/error-responses';
import { Provisioning, Provisionings } from '../responses/registry-responses';
import { Id, IdParams } from '../schemas';

/** A box's own public keys: provisioning then certifies them and sends back no private key. */
const OwnKeysBody = Type.Object(
  {
    certificatePublicKeyPem: Type.String({ minLength: 100, maxLength: 2000, pattern: '^-----BEGIN PUBLIC KEY-----' }),
    uplinkPublicKey: Type.String({ pattern: '^[A-Za-z0-9+/]{43}=$', description: 'Ed25519 public key, base64' }),
  },
  { additionalProperties: false },
);

/** Ed25519 encodings of points of small order (libsodium's list; the sign bit is ignored). */
const SMALL_ORDER = [
  '0000000000000000000000000000000000000000000000000000000000000000',
  '0100000000000000000000000000000000000000000000000000000000000000',
  '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05',
  'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a',
  'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
].map((h) => Buffer.from(h, 'hex'));

function hasSmallOrder(k: Uint8Array): boolean {
  const masked = Buffer.from(k);
  masked[31] = (masked[31] ?? 0) & 0x7f;
  return SMALL_ORDER.some((b) => b.equals(masked));
}

function ownKeys(b: Static<typeof OwnKeysBody>): BoxOwnKeys {
  let key: KeyObject;
  try {
    key = createPublicKey(b.certificatePublicKeyPem);
  } catch {
    throw new HeadendError('VALIDATION', 'certificatePublicKeyPem is not a public key');
  }
  const d = key.asymmetricKeyDetails;
  if (key.asymmetricKeyType !== 'rsa' || (d?.modulusLength ?? 0) < 2048 || d?.publicExponent !== 65537n)
    throw new HeadendError('VALIDATION', 'certificatePublicKeyPem must be an RSA key of ≥ 2048 bits with e = 65537');
  const uplink = fromBase64(b.uplinkPublicKey);
  if (uplink?.length !== 32) throw new HeadendError('VALIDATION', 'uplinkPublicKey must be 32 bytes (Ed25519)');
  // A small-order point verifies forged signatures (e.g. the identity accepts 01 00…00 for any message).
  if (hasSmallOrder(uplink)) throw new HeadendError('VALIDATION', 'uplinkPublicKey is a weak (small-order) point');
  return { certificatePublicKeyPem: key.export({ type: 'spki', format: 'pem' }).toString(), uplinkPublicKey: uplink };
}

/** Provisioning registered boxes: certificates, uplink keys and WebSocket credentials (each shown once). */
export function provisioningRoutes(fastify: FastifyInstance, ctx: ApiContext): void {
  const app = fastify.withTypeProvider<TypeBoxProvider>();
  const writers = { roles: ['operator'] as const };

  const Batch = Type.Object(
    { boxIds: Type.Array(Id, { minItems: 1, maxItems: 50_000 }) },
    { additionalProperties: false },
  );
  app.post(
    '/api/v1/boxes/provision-websocket',
    {
      config: writers,
      bodyLimit: 8 * 1024 * 1024,
      schema: {
        summary: 'Provision many boxes for MQTT over WebSocket (credential and uplink key, no certificate)',
        tags: ['registry'],
        body: Batch,
        response: withErrors({ 200: Provisionings }),
      },
    },
    async (req) => ({
      items: await ctx.provisioning.provisionForWebSocket((req.body as Static<typeof Batch>).boxIds, actorName(req)),
    }),
  );
  app.post(
    '/api/v1/boxes/:id/provision',
    {
      config: writers,
      schema: {
        summary: 'Issue certificate, uplink key and WebSocket credential to a box (shown once)',
        tags: ['registry'],
        params: IdParams,
        response: withErrors({ 200: Provisioning }),
      },
    },
    async (req) => ctx.provisioning.provision((req.params as Static<typeof IdParams>).id, actorName(req)),
  );
  app.post(
    '/api/v1/boxes/:id/certify',
    {
      config: writers,
      schema: {
        summary:
          'Provision a box that made its own keys: its public keys are certified, no private key is sent (only the WebSocket credential, once)',
        tags: ['registry'],
        params: IdParams,
        body: OwnKeysBody,
        response: withErrors({ 200: Provisioning }),
      },
    },
    async (req) =>
      ctx.provisioning.provision(
        (req.params as Static<typeof IdParams>).id,
        actorName(req),
        ownKeys(req.body as Static<typeof OwnKeysBody>),
      ),
  );
}
