import { mkdirSync, writeFileSync } from 'node:fs';
import type { Profiler } from 'node:inspector';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';

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

/**
 * `npm run bench -- --cpu-profile DIR`: a CPU profile of the bench process (the headend)
 * per step, written as DIR/<step>.cpuprofile (open in Chrome DevTools) and summarised on
 * the console. The profiler slows the run; its figures are not written to docs/.
 */
export class StepProfiler {
  private session: Session | undefined;

  constructor(private readonly dir: string | undefined) {}

  get enabled(): boolean {
    return this.dir !== undefined;
  }

  async around<T>(step: string, fn: () => Promise<T>): Promise<T> {
    if (this.dir === undefined) return fn();
    if (this.session === undefined) {
      this.session = new Session();
      this.session.connect();
      await this.session.post('Profiler.enable');
      mkdirSync(this.dir, { recursive: true });
    }
    await this.session.post('Profiler.start');
    try {
      return await fn();
    } finally {
      const { profile } = await this.session.post('Profiler.stop');
      writeFileSync(join(this.dir, `${step.replace(/\s+/g, '-')}.cpuprofile`), JSON.stringify(profile));
      console.log(`[profile] ${step}: where the headend's time went (self time)`);
      for (const h of hotspots(profile)) console.log(`  ${(h.share * 100).toFixed(1).padStart(5)} %  ${h.fn}`);
    }
  }
}
