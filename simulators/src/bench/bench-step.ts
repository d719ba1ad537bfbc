import { monitorEventLoopDelay } from 'node:perf_hooks';
import { until } from '../fleet';
import { listenOverflows } from './machine';
import type { OtherCpu, ProcessCpu } from './process-cpu';
import { withProgress } from './progress';

const RESOLUTION_MS = 10;

/** A step's progress: how many of `total` operations are done so far. */
export interface Count {
  readonly total: number;
  readonly done: () => number | Promise<number>;
}

/**
 * Timed bench steps, with what each cost the bench process: CPU time (user + system, µs). The
 * headend and the raw broker both run in this process and the simulated boxes in worker
 * processes, so this is the broker side's own cost, whatever the fleet costs (issue 19). Each
 * step also logs how late the event loop ran and how often the kernel found a listener's accept
 * queue full meanwhile (each overflow drops a SYN or handshake; the client retries 1, 3, 7 … s
 * later, so one connection can count several times; every listener on the machine counts).
 */
export class StepTimer {
  readonly cpuUs = new Map<string, number>();
  /** The other processes' CPU during each step that finished (process-cpu.ts), when `others` is set. */
  readonly otherCpu = new Map<string, OtherCpu>();
  others: ProcessCpu | undefined;
  /** Wall time of each step that finished, ms. */
  readonly ms = new Map<string, number>();
  /** What a timed-out step logs about where the work waits (the headend's gauges). */
  diagnose: () => Promise<string> = () => Promise.resolve('');

  constructor(
    private readonly timeoutMs: number,
    private readonly log: (s: string) => void,
  ) {}

  timed(
    name: string,
    start: () => Promise<unknown>,
    done: () => boolean | Promise<boolean>,
    count: Count,
    /** How often `done` is asked: 5 ms, or longer where asking costs (a round trip to every fleet worker). */
    pollMs = 5,
  ): Promise<number> {
    return withProgress(name, count.total, count.done, async () => {
      const cpu0 = process.cpuUsage();
      const others0 = this.others?.start();
      const overflows0 = listenOverflows();
      const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
      delay.enable();
      try {
        const t0 = performance.now();
        await start();
        if (!(await until(done, this.timeoutMs, pollMs))) {
          this.log(`${name}: timed out; ${await this.diagnose()}`);
          throw new Error(`benchmark step timed out after ${this.timeoutMs} ms`);
        }
        const cpu = process.cpuUsage(cpu0);
        this.cpuUs.set(name, cpu.user + cpu.system);
        if (others0 !== undefined && this.others !== undefined) this.otherCpu.set(name, this.others.since(others0));
        const ms = performance.now() - t0;
        this.ms.set(name, ms);
        return ms;
      } finally {
        delay.disable();
        // The histogram holds whole timer intervals: the lateness is what exceeds the resolution.
        const late = (ns: number) => Math.max(0, Math.round(ns / 1e6 - RESOLUTION_MS));
        const overflows = listenOverflows() - overflows0;
        this.log(
          `${name}: event loop late by ${late(delay.percentile(99))} ms at p99, ${late(delay.max)} ms at most; ${overflows} accept-queue overflows (kernel, whole machine)`,
        );
      }
    });
  }
}
