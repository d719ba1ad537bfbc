import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('committed generated code', () => {
  it('is exactly what scripts/generate.sh makes from the .proto files (run it after editing a schema)', () => {
    const out = mkdtempSync(join(tmpdir(), 'stb-gen-'));
    try {
      execFileSync('bash', [join(root, 'scripts/generate.sh'), out], { stdio: 'pipe' });
      for (const f of ['stbnotify.js', 'stbnotify.d.ts']) {
        const fresh = readFileSync(join(out, f), 'utf8');
        const committed = readFileSync(join(root, 'src/gen', f), 'utf8');
        expect(
          committed === fresh,
          `protocol/src/gen/${f} is stale: run npm run generate -w @stb-notify/protocol`,
        ).toBe(true);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
