import { readFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { HeadendError } from '../errors';

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'application/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};

/**
 * Serves a built single-page app (the box app at /tv/, the console at /console/): a fixed
 * list of files from its build directory, no directory walking, a clear 503 when not built.
 */
export function serveBuiltApp(
  app: FastifyInstance,
  opts: {
    prefix: string;
    dir: string;
    files: readonly string[];
    summary: string;
    tag: string;
    /** Script sources beyond 'self' this app needs (its Content-Security-Policy is otherwise the API's). */
    extraScriptSrc?: readonly string[];
  },
): void {
  const csp = opts.extraScriptSrc === undefined ? undefined : contentSecurityPolicy(["'self'", ...opts.extraScriptSrc]);
  const allowed = new Set(['', ...opts.files]);
  app.get(
    opts.prefix,
    { config: { public: true }, schema: { summary: opts.summary, tags: [opts.tag] } },
    async (_req, reply) => reply.redirect(`${opts.prefix}/`),
  );
  app.get(
    `${opts.prefix}/:file`,
    { config: { public: true }, schema: { summary: opts.summary, tags: [opts.tag] } },
    async (req, reply) => {
      const file = (req.params as { file: string }).file;
      if (!allowed.has(file)) throw new HeadendError('NOT_FOUND', `no file ${file} in ${opts.prefix}/`);
      const name = file === '' ? 'index.html' : file;
      let body: Buffer;
      try {
        body = await readFile(`${opts.dir}${name}`);
      } catch {
        return reply
          .status(503)
          .type('text/plain; charset=utf-8')
          .send(`${opts.prefix}/ is not built: run "npm run build" first.`);
      }
      const type = TYPES[name.slice(name.lastIndexOf('.') + 1)] ?? 'application/octet-stream';
      if (csp !== undefined) void reply.header('content-security-policy', csp);
      return reply.type(type).header('cache-control', 'no-cache').send(body);
    },
  );
}

/**
 * The policy for the apps served here: scripts only from this origin (plus `scriptSrc`),
 * Lightning's image worker and MQTT.js's timers run from blob: URLs, the box app talks MQTT
 * over WebSocket to this host. Plain HTTP here (TLS is a reverse proxy's): no
 * upgrade-insecure-requests.
 */
export function contentSecurityPolicy(scriptSrc: readonly string[] = ["'self'"]): string {
  return [
    "default-src 'self'",
    `script-src ${scriptSrc.join(' ')}`,
    "worker-src 'self' blob:",
    "img-src 'self' data: blob:",
    "connect-src 'self' ws: wss:",
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'self'",
    "form-action 'self'",
  ].join('; ');
}
