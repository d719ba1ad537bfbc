import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';

/**
 * Runs `fn` holding `lockPath` (created exclusively; removed after), so that processes sharing
 * a file — several headend instances and one NATS users file — take turns: what one reads and
 * writes under the lock cannot be overwritten by another that read before it. A lock left by a
 * process that died is removed: on this machine when its pid is gone; from another machine
 * (a shared directory) when it is older than `staleMs`.
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
      writeSync(fd, `${hostname()} ${process.pid}\n`);
      closeSync(fd);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    if (leftByTheDead(lockPath, o.staleMs ?? 30_000)) {
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

function leftByTheDead(lockPath: string, staleMs: number): boolean {
  let owner = '';
  let ageMs = 0;
  try {
    owner = readFileSync(lockPath, 'utf8').trim();
    ageMs = Date.now() - statSync(lockPath).mtimeMs;
  } catch {
    return false; // released meanwhile: try again
  }
  const [host = '', pid = ''] = owner.split(' ');
  // Being written this instant (created, pid not yet in it): alive.
  if (owner === '') return false;
  if (host !== hostname()) return ageMs > staleMs;
  if (!/^[1-9]\d*$/.test(pid)) return true; // not a lock this code wrote
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
