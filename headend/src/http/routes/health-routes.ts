import type { FastifyInstance } from 'fastify';
import type { ApiContext } from '../api-context';

export function healthRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get(
    '/healthz',
    { config: { public: true }, schema: { summary: 'Liveness and readiness', tags: ['ops'] } },
    async () => ({
      status: 'ok',
      boxesConnected: ctx.broker.connectedBoxes(),
      time: new Date(ctx.clock.now()).toISOString(),
    }),
  );
  app.get(
    '/metrics',
    { config: { public: true }, schema: { summary: 'Prometheus metrics', tags: ['ops'] } },
    async (_req, reply) => {
      reply.type(ctx.metrics.contentType);
      return ctx.metrics.render();
    },
  );
}
