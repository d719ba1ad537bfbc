// Bundles the box app for /tv/: minified IIFEs for older box browsers — app.js (the UI, drawn
// first) and session.js (the rest, loaded after the first frame) — plus index.html;
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
// The protocol, the crypto and the MQTT client: loaded by app.js after its first frame (issue 17).
await build({ ...common, entryPoints: [join(root, 'src/ui/session-entry.ts')], outfile: join(out, 'session.js') });
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
// Each after the files it names: session.js names ed25519-forge.js, app.js names session.js.
const names = finishAppBuild(out, ['ed25519-forge.js', 'session.js', 'app.js', 'lightning-inspect.js', 'boot.js']);
console.log(
  `stb-app: ${sizes(out, names['app.js'])}; after the first frame ${sizes(out, names['session.js'])}; fallback ${sizes(out, names['ed25519-forge.js'])}`,
);
