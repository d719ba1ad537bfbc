// Bundles the box app for /tv/: one minified IIFE for older box browsers, plus index.html.
//   node stb-app/scripts/build.mjs   (also copies Lightning's inspector, loaded only with ?inspect)
import { copyFileSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'build');
mkdirSync(out, { recursive: true });
await build({
  entryPoints: [join(root, 'src/ui/main.ts')],
  outfile: join(out, 'app.js'),
  bundle: true,
  minify: true,
  format: 'iife',
  platform: 'browser',
  target: ['es2019', 'chrome69'],
  define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
  sourcemap: false,
  logLevel: 'warning',
});
copyFileSync(join(root, 'src/ui/index.html'), join(out, 'index.html'));
copyFileSync(join(root, 'src/ui/boot.js'), join(out, 'boot.js'));
copyFileSync(
  join(root, '../node_modules/@lightningjs/core/devtools/lightning-inspect.js'),
  join(out, 'lightning-inspect.js'),
);
const js = readFileSync(join(out, 'app.js'));
console.log(
  `stb-app: build/app.js ${(statSync(join(out, 'app.js')).size / 1024).toFixed(0)} KiB, ${(gzipSync(js).length / 1024).toFixed(0)} KiB gzip`,
);
