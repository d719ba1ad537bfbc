import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { DataDir } from './headend/src/pki/data-dir';
import { T0 } from './headend/test/support/manual-clock';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A data directory whose pki/ (operator CA, broker certificate, notice keys) test headends copy. */
    pkiTemplate: string;
  }
}

// Vitest loads this file afresh for each project, so the mark lives on the process.
const BUILT = Symbol.for('stb-notify.test-builds-done');
const marks = globalThis as { [BUILT]?: true };

/**
 * Once per run: the browser tests load the built apps from the headend (/tv/, /console/), so
 * build them (~1 s); the CLI tests and the spawned headends run the compiled headend
 * (headend/dist), so build it too; and make one operator CA with its RSA keys for every test headend to
 * copy (~0.3 s each instead of per headend).
 */
export default function setup(project: TestProject): () => void {
  // Vitest calls this once per project (and once for the root); the builds are the same for all.
  if (marks[BUILT] !== true) {
    execFileSync(process.execPath, ['stb-app/scripts/build.mjs'], { stdio: 'inherit' });
    execFileSync(process.execPath, ['console/scripts/build.mjs'], { stdio: 'inherit' });
    execFileSync(process.execPath, ['headend/scripts/build.mjs'], { stdio: 'inherit' });
    marks[BUILT] = true;
  }
  const template = mkdtempSync(join(tmpdir(), 'stb-pki-template-'));
  new DataDir(template).init({ nowMs: T0, hosts: ['127.0.0.1'] });
  project.provide('pkiTemplate', template);
  return () => rmSync(template, { recursive: true, force: true });
}
