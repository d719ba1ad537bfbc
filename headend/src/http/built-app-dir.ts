import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * Where a workspace app's build output is, found through package resolution (its
 * package.json), not by climbing directories from this file — which would break once the
 * headend runs compiled from headend/dist (issue 20).
 */
export function builtAppDir(pkg: '@stb-notify/stb-app' | '@stb-notify/console'): string {
  try {
    return `${join(dirname(require.resolve(`${pkg}/package.json`)), 'build')}/`;
  } catch {
    // Not installed (a headend-only deployment): the route answers 503 "not built".
    return `/nonexistent/${pkg}/build/`;
  }
}
