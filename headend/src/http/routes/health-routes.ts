import type { FastifyInstance } from 'fastify';
import type { ApiContext } from '../api-context';
import { withErrors } from '../responses/error-responses';
import { textOf } from '../responses/response-shapes';
import { Health } from '../responses/ops-responses';
import type { TypeBoxProvider } from '../typebox-provider';

export function healthRoutes(fastify: FastifyInstance, ctx: ApiContext): void {
  const app = fastify.withTypeProvider<TypeBoxProvider>();
  app.get(
    '/healthz',
    {
      config: { public: true },
      schema: { summary: 'Liveness and readiness', tags: ['ops'], response: withErrors({ 200: Health }) },
    },
    async () => ({
      status: 'ok' as const,
      boxesConnected: ctx.broker.connectedBoxes(),
      time: new Date(ctx.clock.now()).toISOString(),
    }),
  );
  app.get(
    '/metrics',
    {
      config: { public: true },
      schema: {
        summary: 'Prometheus metrics',
        tags: ['ops'],
        response: withErrors({ 200: textOf('text/plain', 'Prometheus text exposition format') }),
      },
    },
    async (_req, reply) => {
      reply.type(ctx.metrics.contentType);
      return ctx.metrics.render();
    },
  );
}
