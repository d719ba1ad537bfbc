import { readFile, stat } from 'node:fs/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { HeadendError } from '../errors';
import { withErrors } from './responses/error-responses';
import { textOf } from './responses/response-shapes';

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'application/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};

/** One file of a built app, as its build's manifest.json lists it (scripts/finish-app-build.mjs). */
interface BuiltFile {
  name: string;
  etag: string;
  /** Its name carries its content hash: browsers may keep it for a year without asking. */
  immutable: boolean;
}

/** The manifest of a build directory, read again when the file changes (a rebuild). */
class Manifest {
  private cached: { mtimeMs: number; files: Map<string, BuiltFile> } | undefined;

  constructor(private readonly path: string) {}

  async files(): Promise<Map<string, BuiltFile> | undefined> {
    let mtimeMs: number;
    try {
      mtimeMs = (await stat(this.path)).mtimeMs;
    } catch {
      return undefined;
    }
    if (this.cached?.mtimeMs !== mtimeMs) {
      const doc = JSON.parse(await readFile(this.path, 'utf8')) as { files: BuiltFile[] };
      this.cached = { mtimeMs, files: new Map(doc.files.map((f) => [f.name, f])) };
    }
    return this.cached.files;
  }
}

/** The best encoding the client accepts of those built: brotli, then gzip, else none. */
function encodingFor(req: FastifyRequest): { suffix: '.br' | '.gz' | ''; name?: 'br' | 'gzip' } {
  const accepted = String(req.headers['accept-encoding'] ?? '')
    .split(',')
    .map((p) => p.trim().split(';'))
    .filter(([, q]) => q === undefined || !/^q=0(\.0*)?$/.test(q.trim()))
    .map(([token]) => token?.trim().toLowerCase());
  if (accepted.includes('br')) return { suffix: '.br', name: 'br' };
  if (accepted.includes('gzip')) return { suffix: '.gz', name: 'gzip' };
  return { suffix: '' };
}

/**
 * Serves a built single-page app (the box app at /tv/, the console at /console/): only the
 * files its build's manifest lists, no directory walking, a clear 503 when not built. Files
 * go out precompressed (brotli or gzip, as the client accepts) with a strong ETag per
 * encoding; hashed names are cached for a year, index.html is revalidated (304 when
 * unchanged). Issue 17: a box downloads the app once, not at every start.
 *
 * Not @fastify/static: its routes cannot carry the `public` route option our deny-by-default
 * authentication reads (auth.ts), and the file list here is the build's, not the directory's.
 */
export function serveBuiltApp(
  app: FastifyInstance,
  opts: {
    prefix: string;
    dir: string;
    summary: string;
    tag: string;
    /** Script sources beyond 'self' this app needs (its Content-Security-Policy is otherwise the API's). */
    extraScriptSrc?: readonly string[];
  },
): void {
  const csp = opts.extraScriptSrc === undefined ? undefined : contentSecurityPolicy(["'self'", ...opts.extraScriptSrc]);
  const manifest = new Manifest(`${opts.dir}manifest.json`);
  const notBuilt = (reply: FastifyReply) =>
    reply
      .status(503)
      .type('text/plain; charset=utf-8')
      .send(`${opts.prefix}/ is not built: run "npm run build" first.`);
  app.get(
    opts.prefix,
    {
      config: { public: true },
      schema: {
        summary: opts.summary,
        tags: [opts.tag],
        response: withErrors({ 302: { description: `to ${opts.prefix}/`, content: {} } }),
      },
    },
    async (_req, reply) => reply.redirect(`${opts.prefix}/`),
  );
  app.get(
    `${opts.prefix}/:file`,
    {
      config: { public: true },
      schema: {
        summary: opts.summary,
        tags: [opts.tag],
        response: withErrors({
          // The built files as they are (precompressed as the client accepts); nothing is serialized.
          200: {
            description: 'a file of the build',
            content: Object.fromEntries(
              [...Object.values(TYPES), 'application/octet-stream'].map((t) => [
                t.split(';')[0] ?? t,
                { schema: Type.String({ format: 'binary' }) },
              ]),
            ),
          },
          304: { description: 'unchanged since the ETag the client sent', content: {} },
          503: textOf('text/plain', 'the app is not built: run "npm run build"'),
        }),
      },
    },
    async (req, reply) => {
      const requested = (req.params as { file: string }).file;
      const name = requested === '' ? 'index.html' : requested;
      const files = await manifest.files();
      if (files === undefined) return notBuilt(reply);
      const file = files.get(name);
      if (file === undefined) throw new HeadendError('NOT_FOUND', `no file ${requested} in ${opts.prefix}/`);
      const encoding = encodingFor(req);
      const etag = `"${file.etag}${encoding.name === undefined ? '' : `-${encoding.name}`}"`;
      void reply
        .type(TYPES[name.slice(name.lastIndexOf('.') + 1)] ?? 'application/octet-stream')
        .header('vary', 'accept-encoding')
        .header('etag', etag)
        .header('cache-control', file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      if (csp !== undefined) void reply.header('content-security-policy', csp);
      const ifNoneMatch = req.headers['if-none-match'];
      if (ifNoneMatch !== undefined && ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) {
        return reply.status(304).send();
      }
      let body: Buffer;
      try {
        body = await readFile(`${opts.dir}${name}${encoding.suffix}`);
      } catch {
        return notBuilt(reply);
      }
      if (encoding.name !== undefined) void reply.header('content-encoding', encoding.name);
      return reply.send(body);
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
