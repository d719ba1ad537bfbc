import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const HEADEND = fileURLToPath(new URL('../..', import.meta.url));

/** npm dependencies of the headend and the protocol: loaded from node_modules, never bundled. */
function npmDependencies(): string[] {
  const deps = (dir: string): string[] =>
    Object.keys(
      (JSON.parse(readFileSync(join(HEADEND, dir, 'package.json'), 'utf8')) as { dependencies?: object })
        .dependencies ?? {},
    ).filter((d) => !d.startsWith('@stb-notify/'));
  return [...new Set([...deps('.'), ...deps('../protocol')])].flatMap((d) => [d, `${d}/*`]);
}

/**
 * Compiles a test's child-process entry (TypeScript, workspace packages included) to one ES
 * module, as headend/scripts/build.mjs does for the CLI, so each start of the child costs
 * what a production start costs rather than a TypeScript loader's compile.
 */
export async function compileChild(entry: string): Promise<{ script: string; remove: () => void }> {
  // Inside the repository's node_modules, so the compiled file resolves the npm dependencies.
  const cache = join(HEADEND, '..', 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'stb-child-'));
  const script = join(dir, 'child.mjs');
  await build({
    entryPoints: [entry],
    outfile: script,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: npmDependencies(),
    logLevel: 'warning',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  return { script, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
