import { createPublicKey } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { fromBase64 } from '@stb-notify/protocol';
import type { BoxOwnKeys } from '@stb-notify/protocol/node';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Static } from 'typebox';
import { HeadendError, notFound } from '../../errors';
import { importFromCsv, importRegistry } from '../../services/registry-import';
import type { CsvKind, RegistryImport } from '../../services/registry-import';
import type { Box } from '../../ports/registry-store';
import type { ApiContext } from '../api-context';
import { actorName } from '../auth';
import { Id, IdParams, page, Paging } from '../schemas';

const Zone = Type.Object(
  {
    id: Id,
    name: Type.String({ minLength: 1, maxLength: 128 }),
    type: Type.Union([Type.Literal('urban'), Type.Literal('township'), Type.Literal('rural')]),
    maintainer: Type.String({ minLength: 1, maxLength: 128 }),
  },
  { additionalProperties: false },
);
const ImportBody = Type.Object(
  {
    zones: Type.Optional(Type.Array(Zone, { maxItems: 10_000 })),
    accounts: Type.Optional(
      Type.Array(Type.Object({ id: Id, name: Type.String({ maxLength: 128 }) }, { additionalProperties: false }), {
        maxItems: 1_000_000,
      }),
    ),
    boxes: Type.Optional(
      Type.Array(
        Type.Object(
          {
            id: Id,
            accountId: Id,
            zoneId: Id,
            model: Type.Optional(Type.String({ maxLength: 64 })),
            firmware: Type.Optional(Type.String({ maxLength: 64 })),
            accountName: Type.Optional(Type.String({ maxLength: 128 })),
          },
          { additionalProperties: false },
        ),
        { maxItems: 1_000_000 },
      ),
    ),
  },
  { additionalProperties: false },
);
const BoxQuery = Type.Object(
  {
    ...Paging.properties,
    zoneId: Type.Optional(Id),
    accountId: Type.Optional(Id),
    online: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

/** A box as the API shows it: never the hash of its WebSocket credential. */
function publicBox(box: Box): Omit<Box, 'credentialHash'> & { hasCredential: boolean } {
  const { credentialHash, ...rest } = box;
  return { ...rest, hasCredential: credentialHash !== '' };
}

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

export function registryRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const reg = ctx.stores.registry;
  const writers = { roles: ['operator'] as const };

  app.get('/api/v1/zones', { schema: { summary: 'List zones', tags: ['registry'] } }, async () => ({
    items: await reg.listZones(),
  }));
  app.put(
    '/api/v1/zones/:id',
    {
      config: writers,
      schema: {
        summary: 'Create or update a zone (Z1)',
        tags: ['registry'],
        params: IdParams,
        body: Type.Omit(Zone, ['id'], { additionalProperties: false }),
      },
    },
    async (req) => {
      const { id } = req.params as Static<typeof IdParams>;
      const zone = { id, ...(req.body as Omit<Static<typeof Zone>, 'id'>) };
      const before = await reg.getZone(id);
      if (before !== undefined && before.maintainer !== zone.maintainer) {
        throw new HeadendError(
          'CONFLICT',
          `Z4: a zone's maintainer changes with PUT /api/v1/zones/${id}/maintainer (a staff member; the boxes are told)`,
        );
      }
      // A1: customer records change only through audited operations.
      await ctx.stores.transaction(async (tx) => {
        await tx.registry.upsertZones([zone]);
        await tx.audit.append({
          atMs: ctx.clock.now(),
          actor: actorName(req),
          action: 'zone.saved',
          subject: id,
          detail: { before: before ?? null, after: zone },
        });
      });
      return zone;
    },
  );
  app.get(
    '/api/v1/accounts',
    { schema: { summary: 'List accounts', tags: ['registry'], querystring: Paging } },
    async (req) => {
      const p = page(req.query as Static<typeof Paging>);
      return { ...(await reg.listAccounts(p)), ...p };
    },
  );
  app.get(
    '/api/v1/accounts/:id',
    { schema: { summary: 'One account with its boxes', tags: ['registry'], params: IdParams } },
    async (req) => {
      const { id } = req.params as Static<typeof IdParams>;
      const account = await reg.getAccount(id);
      if (account === undefined) throw notFound('account', id);
      const boxes = (await reg.listBoxes({ accountId: id, limit: 1000, offset: 0 })).items;
      return { ...account, boxes: boxes.map(publicBox) };
    },
  );
  app.get(
    '/api/v1/boxes',
    { schema: { summary: 'List boxes', tags: ['registry'], querystring: BoxQuery } },
    async (req) => {
      const q = req.query as Static<typeof BoxQuery>;
      const p = page(q);
      const items = await reg.listBoxes({
        ...p,
        ...(q.zoneId ? { zoneId: q.zoneId } : {}),
        ...(q.accountId ? { accountId: q.accountId } : {}),
        ...(q.online === undefined ? {} : { online: q.online }),
      });
      return { ...items, items: items.items.map(publicBox), ...p };
    },
  );
  app.get(
    '/api/v1/boxes/:id',
    { schema: { summary: 'One box', tags: ['registry'], params: IdParams } },
    async (req) => {
      const { id } = req.params as Static<typeof IdParams>;
      const box = await reg.getBox(id);
      if (box === undefined) throw notFound('box', id);
      return publicBox(box);
    },
  );
  app.post(
    '/api/v1/registry/import',
    {
      config: writers,
      bodyLimit: 64 * 1024 * 1024,
      schema: {
        summary: 'Bulk import zones, accounts and boxes (JSON, all or nothing)',
        tags: ['registry'],
        body: ImportBody,
      },
    },
    async (req) => importRegistry(ctx.stores, req.body as RegistryImport, actorName(req), ctx.clock),
  );
  app.post(
    '/api/v1/registry/import/:kind',
    {
      config: writers,
      bodyLimit: 64 * 1024 * 1024,
      schema: {
        summary:
          'Bulk import from CSV (text/csv): zones (id,name,type,maintainer), accounts (id,name) or boxes (id,account_id,zone_id[,model,firmware,account_name])',
        tags: ['registry'],
        params: Type.Object({
          kind: Type.Union([Type.Literal('zones'), Type.Literal('accounts'), Type.Literal('boxes')]),
        }),
      },
    },
    async (req) => {
      if (typeof req.body !== 'string') throw new HeadendError('BAD_CSV', 'send the CSV with Content-Type: text/csv');
      const { kind } = req.params as { kind: CsvKind };
      return importRegistry(ctx.stores, importFromCsv(kind, req.body), actorName(req), ctx.clock);
    },
  );
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
