import type { FastifyInstance } from 'fastify';
import { builtAppDir } from '../built-app-dir';
import { serveBuiltApp } from '../serve-built-app';

/** The operator console (console/build), served at /console/; it signs in with an API token. */
const CONSOLE_DIR = builtAppDir('@stb-notify/console');

export function consoleRoutes(app: FastifyInstance): void {
  serveBuiltApp(app, {
    prefix: '/console',
    dir: CONSOLE_DIR,
    summary: 'The operator console',
    tag: 'console',
  });
}
