import type { FastifyError, FastifyInstance } from 'fastify';
import { HeadendError } from '../errors';

/**
 * The one place where errors become HTTP answers: { code, message, details? }.
 * Coded domain errors keep their status; fastify's own errors (validation, body parsing,
 * size) become 4xx with a code; anything else is a 500 that is logged, never leaked.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | HeadendError, req, reply) => {
    if (err instanceof HeadendError) {
      // A stop in progress is no fault: the client is told when to come back.
      if (err.code === 'SHUTTING_DOWN') void reply.header('retry-after', '5');
      else if (err.status >= 500) req.log.error({ err }, err.message);
      return reply
        .status(err.status)
        .send({ code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) });
    }
    if (err.validation !== undefined) {
      return reply.status(400).send({
        code: 'VALIDATION',
        message:
          `${err.validationContext ?? 'request'} ${err.message.replace(/^(body|querystring|params|headers)\/?/, '')}`.trim(),
        details: err.validation.map((v) => ({ path: v.instancePath, message: v.message, params: v.params })),
      });
    }
    const status =
      typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) {
      req.log.error({ err }, 'unhandled error');
      return reply.status(500).send({ code: 'INTERNAL', message: 'internal error' });
    }
    const code =
      err.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
        ? 'BODY_TOO_LARGE'
        : err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
          ? 'UNSUPPORTED_MEDIA_TYPE'
          : err.code?.startsWith('FST_ERR_CTP')
            ? 'BAD_BODY'
            : 'BAD_REQUEST';
    return reply.status(status).send({ code, message: err.message });
  });
  app.setNotFoundHandler((req, reply) => {
    reply.status(404).send({ code: 'NOT_FOUND', message: `no route ${req.method} ${req.url.split('?')[0] ?? ''}` });
  });
}
