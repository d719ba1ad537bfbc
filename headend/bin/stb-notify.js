#!/usr/bin/env node
// The stb-notify command: the compiled headend (headend/dist, `npm run build`) when it is
// there; otherwise — a development checkout — the TypeScript sources through tsx.
// STB_NOTIFY_FROM_SOURCE=1 forces the sources.
import { existsSync } from 'node:fs';

const dist = new URL('../dist/stb-notify.js', import.meta.url);
if (existsSync(dist) && process.env.STB_NOTIFY_FROM_SOURCE !== '1') {
  await import(dist.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
