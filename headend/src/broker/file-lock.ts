import { closeSync, openSync, rmSync, statSync, writeSync } from 'node:fs';

/**
 * Runs `fn` holding `lockPath` (created exclusively; removed after), so that processes sharing
 * a file — several headend instances and one NATS users file — take turns: what one reads and
 * writes under the lock cannot be overwritten by another that read before it. A lock older
 * than `staleMs` is taken to be left by a process that died and is removed.
 */
export async function withFileLock<T>(
  lockPath: string,
  fn: () => Promise<T>,
  o: { readonly staleMs?: number; readonly waitMs?: number } = {},
): Promise<T> {
  const giveUpAt = performance.now() + (o.waitMs ?? 60_000);
  for (;;) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    let age = 0;
    try {
      age = Date.now() - statSync(lockPath).mtimeMs;
    } catch {
      continue; // released meanwhile
    }
    if (age > (o.staleMs ?? 30_000)) {
      rmSync(lockPath, { force: true });
      continue;
    }
    if (performance.now() > giveUpAt) throw new Error(`${lockPath} is held by another process`);
    await new Promise((r) => setTimeout(r, 25));
  }
  try {
    return await fn();
  } finally {
    rmSync(lockPath, { force: true });
  }
}
