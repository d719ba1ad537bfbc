import { mkdirSync, writeFileSync } from 'node:fs';
import type { Profiler } from 'node:inspector';
import { Session } from 'node:inspector/promises';
import { dirname, join } from 'node:path';

/** Self time of one function in a CPU profile, as a share of the whole. */
export interface Hotspot {
  readonly fn: string;
  readonly share: number;
}

/** The functions where the most time was spent (self time, merged by name and file). */
export function hotspots(profile: Profiler.Profile, top = 12): Hotspot[] {
  const byNode = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let total = 0;
  for (let i = 0; i < samples.length; i++) {
    const d = deltas[i] ?? 0;
    const id = samples[i] ?? 0;
    byNode.set(id, (byNode.get(id) ?? 0) + d);
    total += d;
  }
  const byFn = new Map<string, number>();
  for (const n of profile.nodes) {
    const t = byNode.get(n.id);
    if (t === undefined) continue;
    const f = n.callFrame;
    const file = f.url.split('/').pop() ?? '';
    const key = `${f.functionName || '(anonymous)'}${file ? ` ${file}` : ''}`;
    byFn.set(key, (byFn.get(key) ?? 0) + t);
  }
  return [...byFn.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([fn, t]) => ({ fn, share: total > 0 ? t / total : 0 }));
}

/** This process's V8 profiler: started and stopped on demand (the bench process and each fleet worker). */
export class ProcessProfiler {
  private session: Session | undefined;

  async start(): Promise<void> {
    if (this.session === undefined) {
      this.session = new Session();
      this.session.connect();
      await this.session.post('Profiler.enable');
    }
    await this.session.post('Profiler.start');
  }

  /** Stops the profile, writes it to `file` (open in Chrome DevTools) and returns its hotspots. */
  async stop(file: string): Promise<Hotspot[]> {
    if (this.session === undefined) return [];
    const { profile } = await this.session.post('Profiler.stop');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(profile));
    return hotspots(profile);
  }
}

/** Other processes profiled alongside the bench process: the fleet workers. */
export interface OtherProfiles {
  start(): Promise<void>;
  /** Stops each and writes `${prefix}-<name>.cpuprofile`; returns each one's hotspots by name. */
  stop(prefix: string): Promise<Array<{ name: string; hot: Hotspot[] }>>;
}

function print(title: string, hot: readonly Hotspot[]): void {
  console.log(`[profile] ${title} (self time)`);
  for (const h of hot) console.log(`  ${(h.share * 100).toFixed(1).padStart(5)} %  ${h.fn}`);
}

/**
 * `npm run bench -- --cpu-profile DIR`: a CPU profile per step of the bench process (the
 * headend) and of each fleet worker (the simulated boxes), written as DIR/<step>.cpuprofile
 * and DIR/<step>-fleet-<i>.cpuprofile (open in Chrome DevTools) and summarised on the
 * console. The profiler slows the run; its figures are not written to docs/.
 */
export class StepProfiler {
  private readonly self = new ProcessProfiler();

  constructor(
    private readonly dir: string | undefined,
    private readonly others?: OtherProfiles,
  ) {}

  get enabled(): boolean {
    return this.dir !== undefined;
  }

  async around<T>(step: string, fn: () => Promise<T>): Promise<T> {
    if (this.dir === undefined) return fn();
    await Promise.all([this.self.start(), this.others?.start()]);
    try {
      return await fn();
    } finally {
      const prefix = join(this.dir, step.replace(/\s+/g, '-'));
      const [hot, others] = await Promise.all([this.self.stop(`${prefix}.cpuprofile`), this.others?.stop(prefix)]);
      print(`${step}: where the headend's time went`, hot);
      for (const o of others ?? []) print(`${step}: where ${o.name}'s time went`, o.hot);
    }
  }
}
