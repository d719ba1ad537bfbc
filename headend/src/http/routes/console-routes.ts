import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { serveBuiltApp } from '../serve-built-app';

/** The operator console (console/build), served at /console/; it signs in with an API token. */
const CONSOLE_DIR = fileURLToPath(new URL('../../../../console/build/', import.meta.url));

export function consoleRoutes(app: FastifyInstance): void {
  serveBuiltApp(app, {
    prefix: '/console',
    dir: CONSOLE_DIR,
    files: ['index.html', 'app.js', 'app.css'],
    summary: 'The operator console',
    tag: 'console',
  });
}
