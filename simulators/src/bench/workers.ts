import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { WorkerCommand, WorkerReply } from './ipc';

/** One fleet worker process and a request/reply call over IPC. */
export class Worker {
  private readonly child: ChildProcess;
  private queue: Array<(r: WorkerReply) => void> = [];

  constructor() {
    this.child = fork(fileURLToPath(new URL('./fleet-worker.ts', import.meta.url)), [], {
      execArgv: ['--import', 'tsx', '--max-old-space-size=8192'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.child.on('message', (r: WorkerReply) => this.queue.shift()?.(r));
  }

  call(cmd: WorkerCommand): Promise<WorkerReply & { ok: true }> {
    return new Promise((resolve, reject) => {
      this.queue.push((r) => (r.ok ? resolve(r) : reject(new Error(`worker: ${r.error}`))));
      this.child.send(cmd);
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  kill(): void {
    this.child.kill();
  }
}

/** Splits `items` into `n` nearly equal slices. */
export function slices<T>(items: readonly T[], n: number): T[][] {
  const out: T[][] = Array.from({ length: n }, () => []);
  items.forEach((x, i) => out[i % n]?.push(x));
  return out;
}

/** How many boxes of the fleet hold each notice of `ids`, summed over the workers. */
export async function counts(workers: Worker[], ids: string[]): Promise<Record<string, number>> {
  const all = await Promise.all(workers.map((w) => w.call({ cmd: 'sim-count', noticeIds: ids })));
  const out: Record<string, number> = {};
  for (const r of all) for (const [k, v] of Object.entries(r.counts ?? {})) out[k] = (out[k] ?? 0) + v;
  return out;
}
