// Bundles the operator console for the headend's /console/: one minified script, its CSS and
// index.html; names carry content hashes and each file is precompressed (finish-app-build).
//   node console/scripts/build.mjs
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { finishAppBuild, sizes } from '../../scripts/finish-app-build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'build');
rmSync(out, { recursive: true, force: true });
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
const names = finishAppBuild(out, ['app.js', 'app.css']);
console.log(`console: ${sizes(out, names['app.js'])}`);
