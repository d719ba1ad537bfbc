import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Static } from 'typebox';
import { HeadendError, notFound } from '../../errors';
import { importFromCsv, importRegistry } from '../../services/registry-import';
import type { CsvKind, RegistryImport } from '../../services/registry-import';
import type { Box } from '../../ports/registry-store';
import type { ApiContext } from '../api-context';
import type { TypeBoxProvider } from '../typebox-provider';
import { actorName } from '../auth';
import { withErrors } from '../responses/error-responses';
import {
  AccountDetail,
  AccountPage,
  BoxPage,
  ImportCounts,
  PublicBox,
  Zone as ZoneResponse,
  Zones,
} from '../responses/registry-responses';
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

export function registryRoutes(fastify: FastifyInstance, ctx: ApiContext): void {
  // A box's zone decides what it may subscribe to: a broker with its own user list follows.
  const imported = async (data: RegistryImport, actor: string) => {
    const counts = await importRegistry(ctx.stores, data, actor, ctx.clock);
    // Committed: a failed rewrite of the broker's users is logged and retried, not this request's error.
    await ctx.broker.registryChanged?.().catch(() => undefined);
    return counts;
  };
  const app = fastify.withTypeProvider<TypeBoxProvider>();
  const reg = ctx.stores.registry;
  const writers = { roles: ['operator'] as const };

  app.get(
    '/api/v1/zones',
    { schema: { summary: 'List zones', tags: ['registry'], response: withErrors({ 200: Zones }) } },
    async () => ({ items: await reg.listZones() }),
  );
  app.put(
    '/api/v1/zones/:id',
    {
      config: writers,
      schema: {
        summary: 'Create or update a zone (Z1)',
        tags: ['registry'],
        params: IdParams,
        body: Type.Omit(Zone, ['id'], { additionalProperties: false }),
        response: withErrors({ 200: ZoneResponse }),
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
    {
      schema: {
        summary: 'List accounts',
        tags: ['registry'],
        querystring: Paging,
        response: withErrors({ 200: AccountPage }),
      },
    },
    async (req) => {
      const p = page(req.query as Static<typeof Paging>);
      return { ...(await reg.listAccounts(p)), ...p };
    },
  );
  app.get(
    '/api/v1/accounts/:id',
    {
      schema: {
        summary: 'One account with its boxes',
        tags: ['registry'],
        params: IdParams,
        response: withErrors({ 200: AccountDetail }),
      },
    },
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
    {
      schema: {
        summary: 'List boxes',
        tags: ['registry'],
        querystring: BoxQuery,
        response: withErrors({ 200: BoxPage }),
      },
    },
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
    { schema: { summary: 'One box', tags: ['registry'], params: IdParams, response: withErrors({ 200: PublicBox }) } },
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
        response: withErrors({ 200: ImportCounts }),
      },
    },
    async (req) => imported(req.body as RegistryImport, actorName(req)),
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
        response: withErrors({ 200: ImportCounts }),
      },
    },
    async (req) => {
      if (typeof req.body !== 'string') throw new HeadendError('BAD_CSV', 'send the CSV with Content-Type: text/csv');
      const { kind } = req.params as { kind: CsvKind };
      return imported(importFromCsv(kind, req.body), actorName(req));
    },
  );
}
