import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqliteStores } from '../src/store/open-stores';

describe('the embedded database on disk', () => {
  it('is readable by the headend’s user only (0600), with its WAL and shared-memory files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stb-mode-'));
    try {
      const file = join(dir, 'headend.db');
      const stores = openSqliteStores(file);
      await stores.registry.upsertZones([{ id: 'z', name: 'z', type: 'urban', maintainer: 'm' }]);
      for (const f of [file, `${file}-wal`, `${file}-shm`])
        expect((statSync(f).mode & 0o777).toString(8), f).toBe('600');
      await stores.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
