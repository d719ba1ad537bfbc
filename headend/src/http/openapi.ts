import type { FastifyInstance, RouteOptions } from 'fastify';
import { withErrors } from './responses/error-responses';
import { OpenApiDocument } from './responses/ops-responses';

declare module 'fastify' {
  interface FastifySchema {
    summary?: string;
    tags?: readonly string[];
  }
}

interface Op {
  method: string;
  path: string;
  schema: Record<string, unknown>;
  roles: readonly string[] | undefined;
  isPublic: boolean;
}

/** Collects every route as it is registered and serves an OpenAPI 3.1 document built from their JSON Schemas. */
export function installOpenApi(app: FastifyInstance, info: { title: string; version: string }): void {
  const ops: Op[] = [];
  app.addHook('onRoute', (r: RouteOptions) => {
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    for (const m of methods) {
      if (m === 'HEAD' || r.url.includes('*')) continue;
      const cfg = (r.config ?? {}) as { roles?: readonly string[]; public?: boolean };
      ops.push({
        method: m.toLowerCase(),
        path: r.url,
        schema: (r.schema ?? {}) as Record<string, unknown>,
        roles: cfg.roles,
        isPublic: cfg.public === true,
      });
    }
  });
  const schema = { summary: 'This API, as OpenAPI 3.1', tags: ['ops'], response: withErrors({ 200: OpenApiDocument }) };
  app.get('/openapi.json', { config: { public: true }, schema }, async () => {
    const paths: Record<string, Record<string, unknown>> = {};
    for (const op of ops) {
      const path = op.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
      const s = op.schema;
      const params: unknown[] = [];
      for (const [where, key] of [
        ['path', 'params'],
        ['query', 'querystring'],
      ] as const) {
        const obj = s[key] as { properties?: Record<string, unknown>; required?: string[] } | undefined;
        for (const [name, schema] of Object.entries(obj?.properties ?? {})) {
          params.push({ name, in: where, required: where === 'path' || (obj?.required ?? []).includes(name), schema });
        }
      }
      (paths[path] ??= {})[op.method] = {
        summary: typeof s.summary === 'string' ? s.summary : undefined,
        tags: s.tags,
        security: op.isPublic ? [] : [{ bearer: [] }],
        'x-roles': op.roles,
        parameters: params,
        ...(s.body === undefined
          ? {}
          : { requestBody: { required: true, content: { 'application/json': { schema: s.body } } } }),
        responses: responsesOf((s.response ?? {}) as Record<string, unknown>),
      };
    }
    return {
      openapi: '3.1.0',
      info,
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      paths,
    };
  });
}

/**
 * A route's response schemas as OpenAPI responses: a plain schema is JSON; one given by
 * content type (a CSV export, a file, an event stream) keeps its types. fastify's status
 * ranges ('4xx') are OpenAPI's ('4XX').
 */
function responsesOf(response: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(response).map(([code, schema]) => {
      const s = schema as { description?: unknown; content?: Record<string, unknown> };
      const description = typeof s.description === 'string' ? s.description : code;
      const content = s.content ?? { 'application/json': { schema } };
      return [code.toUpperCase(), { description, content }];
    }),
  );
}
