#!/usr/bin/env node
// The stb-notify command: the compiled headend (headend/dist, `npm run build`) when it is
// there and not older than the sources; otherwise — a development checkout — the TypeScript
// sources through tsx. STB_NOTIFY_FROM_SOURCE=1 forces the sources.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dist = new URL('../dist/stb-notify.js', import.meta.url);

/** The newest modification time under `dir` (0 when there are no sources, as in a deployment). */
function newest(dir) {
  if (!existsSync(dir)) return 0;
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) t = Math.max(t, statSync(`${e.parentPath ?? e.path}/${e.name}`).mtimeMs);
  }
  return t;
}

function compiledIsCurrent() {
  if (process.env.STB_NOTIFY_FROM_SOURCE === '1' || !existsSync(dist)) return false;
  const built = statSync(dist).mtimeMs;
  const sources = ['../src/', '../../protocol/src/'].map((d) => newest(fileURLToPath(new URL(d, import.meta.url))));
  if (Math.max(...sources) <= built) return true;
  console.error('stb-notify: headend/dist is older than the sources; running the sources (`npm run build` compiles)');
  return false;
}

if (compiledIsCurrent()) {
  await import(dist.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
