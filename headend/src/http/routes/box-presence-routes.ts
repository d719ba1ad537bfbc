import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Static } from 'typebox';
import { notFound } from '../../errors';
import type { ApiContext } from '../api-context';
import { withErrors } from '../responses/error-responses';
import { PresenceHistory } from '../responses/presence-responses';
import type { TypeBoxProvider } from '../typebox-provider';
import { IdParams, Ms } from '../schemas';

const PresenceQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
    before: Type.Optional(Ms),
  },
  { additionalProperties: false },
);

/** Issue 18: a box's online history for its console page (connects, disconnects, hellos). */
export function boxPresenceRoutes(fastify: FastifyInstance, ctx: ApiContext): void {
  const app = fastify.withTypeProvider<TypeBoxProvider>();
  app.get(
    '/api/v1/boxes/:id/presence',
    {
      schema: {
        summary: 'A box’s online history, newest first; page back with `before` (the last atMs seen)',
        tags: ['registry'],
        params: IdParams,
        querystring: PresenceQuery,
        response: withErrors({ 200: PresenceHistory }),
      },
    },
    async (req) => {
      const { id } = req.params as Static<typeof IdParams>;
      const q = req.query as Static<typeof PresenceQuery>;
      const box = await ctx.stores.registry.getBox(id);
      if (box === undefined) throw notFound('box', id);
      const items = await ctx.stores.registry.presenceHistory(id, {
        limit: q.limit,
        ...(q.before === undefined ? {} : { beforeMs: q.before }),
      });
      return { boxId: id, online: box.online, lastSeenMs: box.lastSeenMs, items: [...items] };
    },
  );
}
