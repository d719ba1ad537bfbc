import type { FastifyInstance, RouteOptions } from 'fastify';

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
  app.get('/openapi.json', { config: { public: true } }, async () => {
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
        responses: {
          ...Object.fromEntries(
            Object.entries((s.response ?? {}) as Record<string, unknown>).map(([code, schema]) => [
              code,
              { description: code, content: { 'application/json': { schema } } },
            ]),
          ),
          default: { description: 'Error: { code, message, details? }' },
        },
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
