// Compiles the headend and its CLI to ES modules, headend/dist/stb-notify.js (issue 20):
// production and `npm start` run JavaScript, not a TypeScript loader. Workspace packages
// (@stb-notify/protocol) are compiled in; npm dependencies stay external (native
// better-sqlite3, aedes, pg, …), resolved from node_modules at run time.
//   node headend/scripts/build.mjs
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const deps = (dir) =>
  Object.keys(JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')).dependencies ?? {}).filter(
    (d) => !d.startsWith('@stb-notify/'),
  );
const external = [...new Set([...deps('.'), ...deps('../protocol')])].flatMap((d) => [d, `${d}/*`]);

// A clean directory: chunks of an earlier build must not linger.
rmSync(join(root, 'dist'), { recursive: true, force: true });
await build({
  entryPoints: { 'stb-notify': join(root, 'src/cli/main.ts') },
  outdir: join(root, 'dist'),
  // The commands' dependencies in chunks of their own: `stb-notify --help` loads only the CLI.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  sourcemap: true,
  logLevel: 'warning',
  // Bundled CommonJS dependencies (none expected) would need require in an ES module.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
console.log('headend: dist/stb-notify.js');
