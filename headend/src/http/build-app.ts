import helmet from '@fastify/helmet';
import Fastify from 'fastify';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { ApiContext } from './api-context';
import { installAuth } from './auth';
import { installErrorHandler } from './error-handler';
import { installFiniteNumbers } from './finite-numbers';
import { installOpenApi } from './openapi';
import { contentSecurityPolicy } from './serve-built-app';
import { billingRoutes } from './routes/billing-routes';
import { consoleRoutes } from './routes/console-routes';
import { healthRoutes } from './routes/health-routes';
import { incidentRoutes } from './routes/incident-routes';
import { maintenanceRoutes } from './routes/maintenance-routes';
import { noticeProgressRoutes } from './routes/notice-progress-routes';
import { draftTextRoutes } from './routes/draft-text-routes';
import { noticeRoutes } from './routes/notice-routes';
import { registryRoutes } from './routes/registry-routes';
import { boxPresenceRoutes } from './routes/box-presence-routes';
import { draftRoutes } from './routes/draft-routes';
import { oversightRoutes } from './routes/oversight-routes';
import { provisioningRoutes } from './routes/provisioning-routes';
import { ticketRoutes } from './routes/ticket-routes';
import { approvalRoutes } from './routes/approval-routes';
import { auditRoutes } from './routes/audit-routes';
import { staffRoutes } from './routes/staff-routes';
import { tokenRoutes } from './routes/token-routes';
import { tvRoutes } from './routes/tv-routes';

/**
 * The HTTP app in two steps, so the broker can attach its WebSocket listener to the
 * server before the services that need the broker exist: createHttpApp(), then
 * registerApi() once the services are built. Nothing listens here (tests use inject()).
 */
export function createHttpApp(log: Logger): FastifyInstance {
  const app = Fastify({
    loggerInstance: log as FastifyBaseLogger,
    bodyLimit: 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false } },
  });
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: 64 * 1024 * 1024 }, (_req, body, done) =>
    done(null, body),
  );
  installErrorHandler(app);
  installFiniteNumbers(app);
  // Security headers on every answer (the static apps' policy is in serve-built-app.ts).
  // The API is plain HTTP (TLS belongs to a reverse proxy): no HSTS.
  void app.register(helmet, { hsts: false, contentSecurityPolicy: false });
  app.addHook('onSend', async (_req, reply) => {
    if (!reply.hasHeader('content-security-policy'))
      void reply.header('content-security-policy', contentSecurityPolicy());
  });
  installOpenApi(app, { title: 'stb-notify headend API', version: '1' });
  return app;
}

export function registerApi(app: FastifyInstance, ctx: ApiContext): FastifyInstance {
  // API latency by route pattern (never the raw URL: bounded label values).
  app.addHook('onResponse', async (req, reply) => {
    ctx.metrics.apiLatency.observe(
      { method: req.method, route: req.routeOptions.url ?? '(unmatched)', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
  installAuth(app, ctx.tokens);
  healthRoutes(app, ctx);
  registryRoutes(app, ctx);
  boxPresenceRoutes(app, ctx);
  draftRoutes(app, ctx);
  provisioningRoutes(app, ctx);
  noticeRoutes(app, ctx);
  draftTextRoutes(app, ctx);
  noticeProgressRoutes(app, ctx);
  maintenanceRoutes(app, ctx);
  billingRoutes(app, ctx);
  tokenRoutes(app, ctx);
  ticketRoutes(app, ctx);
  oversightRoutes(app, ctx);
  approvalRoutes(app, ctx);
  staffRoutes(app, ctx);
  auditRoutes(app, ctx);
  incidentRoutes(app, ctx);
  tvRoutes(app, ctx);
  consoleRoutes(app);
  return app;
}
