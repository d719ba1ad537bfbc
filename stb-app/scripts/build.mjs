// Bundles the box app for /tv/: one minified IIFE for older box browsers, plus index.html;
// the pure-JS Ed25519 fallback as a script of its own; Lightning's inspector (only with
// ?inspect). Then names carry content hashes and each file is precompressed (finish-app-build).
//   node stb-app/scripts/build.mjs
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { finishAppBuild, sizes } from '../../scripts/finish-app-build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'build');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const common = {
  bundle: true,
  minify: true,
  format: 'iife',
  platform: 'browser',
  target: ['es2019', 'chrome69'],
  define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
  sourcemap: false,
  logLevel: 'warning',
};
await build({ ...common, entryPoints: [join(root, 'src/ui/main.ts')], outfile: join(out, 'app.js') });
// Pure-JS Ed25519, loaded by the app only where WebCrypto has no Ed25519 (ed25519-fallback.ts).
await build({
  ...common,
  entryPoints: [join(root, 'src/ui/ed25519-forge-entry.ts')],
  outfile: join(out, 'ed25519-forge.js'),
});
copyFileSync(join(root, 'src/ui/index.html'), join(out, 'index.html'));
copyFileSync(join(root, 'src/ui/boot.js'), join(out, 'boot.js'));
copyFileSync(
  join(root, '../node_modules/@lightningjs/core/devtools/lightning-inspect.js'),
  join(out, 'lightning-inspect.js'),
);
const names = finishAppBuild(out, ['ed25519-forge.js', 'app.js', 'lightning-inspect.js', 'boot.js']);
console.log(`stb-app: ${sizes(out, names['app.js'])}; fallback ${sizes(out, names['ed25519-forge.js'])}`);
