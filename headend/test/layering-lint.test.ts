import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Lints `code` as if it were the file at `path` (repository-relative), with the project's ESLint config. */
async function layeringErrors(path: string, code: string): Promise<string[]> {
  const [r] = await new ESLint({ cwd: root }).lintText(code, { filePath: join(root, path) });
  return (r?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

// Issue 20: the headend's layers are enforced by the lint rule, not by review.
describe('layering: a cross-layer import fails the lint', { timeout: 60_000 }, () => {
  it('a route importing a broker adapter or a store adapter is refused', async () => {
    const errors = await layeringErrors(
      'headend/src/http/routes/bad-route.ts',
      `import { EmbeddedAedesBroker } from '../../broker/embedded-aedes-broker';
import { openStores } from '../../store/open-stores';
export const x = [EmbeddedAedesBroker, openStores];
`,
    );
    expect(errors).toHaveLength(2);
    expect(errors[0]).toContain('layering');
  });

  it('a service importing http is refused; the composition root may import anything', async () => {
    const code = `import { createHttpApp } from './http/build-app';
export const x = createHttpApp;
`;
    expect(await layeringErrors('headend/src/services/bad-service.ts', code.replace('./http', '../http'))).toHaveLength(
      1,
    );
    expect(await layeringErrors('headend/src/headend-wiring.ts', code)).toEqual([]);
  });
});
