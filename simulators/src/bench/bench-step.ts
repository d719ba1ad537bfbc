import { monitorEventLoopDelay } from 'node:perf_hooks';
import { until } from '../fleet';
import { listenOverflows } from './machine';
import { withProgress } from './progress';

/** A step's progress: how many of `total` operations are done so far. */
export interface Count {
  readonly total: number;
  readonly done: () => number | Promise<number>;
}

/**
 * Timed bench steps, with what each cost the bench process: CPU time (user + system, µs). The
 * headend and the raw broker both run in this process and the simulated boxes in worker
 * processes, so this is the broker side's own cost, whatever the fleet costs (issue 19). Each
 * step also logs how long the event loop was held up and how many connection handshakes the
 * kernel dropped meanwhile (a full accept queue: those clients wait 1, 3, 7 … s to try again).
 */
export class StepTimer {
  readonly cpuUs = new Map<string, number>();

  constructor(
    private readonly timeoutMs: number,
    private readonly log: (s: string) => void,
  ) {}

  timed(
    name: string,
    start: () => Promise<unknown>,
    done: () => boolean | Promise<boolean>,
    count: Count,
  ): Promise<number> {
    return withProgress(name, count.total, count.done, async () => {
      const cpu0 = process.cpuUsage();
      const dropped0 = listenOverflows();
      const delay = monitorEventLoopDelay({ resolution: 10 });
      delay.enable();
      const t0 = performance.now();
      await start();
      if (!(await until(done, this.timeoutMs, 5)))
        throw new Error(`benchmark step timed out after ${this.timeoutMs} ms`);
      const cpu = process.cpuUsage(cpu0);
      this.cpuUs.set(name, cpu.user + cpu.system);
      const ms = performance.now() - t0;
      delay.disable();
      const dropped = listenOverflows() - dropped0;
      const p99 = Math.round(delay.percentile(99) / 1e6);
      const max = Math.round(delay.max / 1e6);
      this.log(`${name}: event loop held up ${p99} ms at p99, ${max} ms at most; ${dropped} handshakes dropped`);
      return ms;
    });
  }
}
