// Bundles the operator console for the headend's /console/: one minified script, its CSS and index.html.
//   node console/scripts/build.mjs
import { copyFileSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'build');
mkdirSync(out, { recursive: true });
await build({
  entryPoints: [join(root, 'src/main.tsx')],
  outfile: join(out, 'app.js'),
  bundle: true,
  minify: true,
  format: 'iife',
  platform: 'browser',
  target: ['es2020', 'chrome90', 'firefox90', 'safari15'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
  sourcemap: false,
  logLevel: 'warning',
});
copyFileSync(join(root, 'src/index.html'), join(out, 'index.html'));
copyFileSync(join(root, 'src/app.css'), join(out, 'app.css'));
const js = readFileSync(join(out, 'app.js'));
console.log(
  `console: build/app.js ${(statSync(join(out, 'app.js')).size / 1024).toFixed(0)} KiB, ${(gzipSync(js).length / 1024).toFixed(0)} KiB gzip`,
);
