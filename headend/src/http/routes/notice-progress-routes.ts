import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Static } from 'typebox';
import type { ApiContext } from '../api-context';
import type { TypeBoxProvider } from '../typebox-provider';
import { withErrors } from '../responses/error-responses';
import { NoticeProgress } from '../responses/notice-responses';
import { IdParams } from '../schemas';

const StreamQuery = Type.Object(
  {
    /** How often the store is read for changes, ms. */
    intervalMs: Type.Optional(Type.Integer({ minimum: 100, maximum: 10_000, default: 500 })),
    /** How many of the boxes still pending are listed in each event. */
    pending: Type.Optional(Type.Integer({ minimum: 0, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);
const HEARTBEAT_MS = 15_000;

/**
 * Live delivery progress of a notice as server-sent events (the console's progress view).
 * Each `progress` event carries the counts per state and zone and the first boxes still
 * pending; an event is sent when something changed. It reads the store, not this process's
 * memory, so it shows receipts handled by any headend instance. Authenticated like the rest
 * of /api (the console reads it with fetch, which can send the Authorization header).
 */
export function noticeProgressRoutes(fastify: FastifyInstance, ctx: ApiContext): void {
  const app = fastify.withTypeProvider<TypeBoxProvider>();
  const open = new Set<ServerResponse>();
  app.addHook('preClose', async () => {
    for (const res of open) res.end();
  });

  app.get(
    '/api/v1/notices/:id/progress',
    {
      schema: {
        summary: 'Live delivery progress (text/event-stream): counts per state and zone, boxes still pending',
        tags: ['notices'],
        params: IdParams,
        querystring: StreamQuery,
        response: withErrors({
          200: {
            description: 'server-sent events; the data of each `progress` event is this object',
            content: { 'text/event-stream': { schema: NoticeProgress } },
          },
        }),
      },
    },
    async (req, reply) => {
      const { id } = req.params as Static<typeof IdParams>;
      const q = req.query as Static<typeof StreamQuery>;
      await ctx.notices.get(id); // 404 before the stream starts
      const snapshot = async (): Promise<string> => {
        const status = await ctx.notices.status(id);
        const pending =
          (q.pending ?? 50) === 0
            ? []
            : (
                await ctx.stores.notices.deliveries(id, {
                  limit: q.pending ?? 50,
                  offset: 0,
                  state: 'queued',
                  nowMs: ctx.clock.now(),
                })
              ).items.map((d) => ({ boxId: d.boxId, zoneId: d.zoneId }));
        const progress: Static<typeof NoticeProgress> = { ...status, pending, atMs: ctx.clock.now() };
        return JSON.stringify(progress);
      };

      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      open.add(res);
      let last = '';
      let lastWrite = Date.now();
      let busy = false;
      const tick = async (): Promise<void> => {
        if (busy) return;
        busy = true;
        try {
          // atMs changes every time; compare without it.
          const data = await snapshot();
          const key = data.replace(/,"atMs":\d+}$/, '}');
          if (key !== last) {
            last = key;
            res.write(`event: progress\ndata: ${data}\n\n`);
            lastWrite = Date.now();
          } else if (Date.now() - lastWrite > HEARTBEAT_MS) {
            res.write(': heartbeat\n\n');
            lastWrite = Date.now();
          }
        } catch (err) {
          req.log.error({ err, noticeId: id }, 'progress stream failed');
          res.write(`event: error\ndata: ${JSON.stringify({ code: 'INTERNAL', message: 'progress unavailable' })}\n\n`);
          res.end();
        } finally {
          busy = false;
        }
      };
      const timer = setInterval(() => void tick(), q.intervalMs ?? 500);
      const stop = (): void => {
        clearInterval(timer);
        open.delete(res);
      };
      res.on('close', stop);
      await tick();
    },
  );
}
