import { SimBox } from './sim-box';
import type { SimBoxOptions } from './sim-box';

/** Runs `fn` over `items` with at most `limit` in flight. */
export async function pool<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await fn(item);
    }
  });
  await Promise.all(workers);
}

/** Polls `cond` (real time) until it holds or the timeout passes; returns whether it held. */
export async function until(cond: () => boolean | Promise<boolean>, timeoutMs: number, stepMs = 10): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await cond()) return true;
    await new Promise((r) => setTimeout(r, stepMs));
  }
  return cond();
}

/**
 * Calls `start` for each item, `spreadMs` apart in total, 50 at a time; never waits for what
 * `start` begins. The boxes come online this way, and the raw baseline's clients too, so a
 * storm meets both brokers with the same arrivals.
 */
export async function spreadOut<T>(items: readonly T[], spreadMs: number, start: (item: T) => void): Promise<void> {
  const step = items.length > 0 ? spreadMs / items.length : 0;
  for (const [i, item] of items.entries()) {
    if (step > 0 && i % 50 === 0) await new Promise((r) => setTimeout(r, step * 50));
    start(item);
  }
}

/** A fleet of simulated boxes in this process. */
export class Fleet {
  readonly boxes: SimBox[];
  /** How many boxes got each notice: counted as they get it, since the bench asks every few ms. */
  private readonly receivedBy = new Map<string, number>();

  constructor(bundles: readonly unknown[], opts: SimBoxOptions) {
    this.boxes = bundles.map((b) => new SimBox(b, opts));
    for (const b of this.boxes)
      // After SimBox's own listener (added in its constructor): `shown` already counts this one.
      b.session.on('notice', (m) => {
        if (b.shown.get(m.noticeId) === 1) this.receivedBy.set(m.noticeId, (this.receivedBy.get(m.noticeId) ?? 0) + 1);
      });
  }

  /** Starts every box, `spreadMs` apart in total (boxes reconnect with jitter, never all at the same instant). */
  async start(spreadMs = 0): Promise<void> {
    await spreadOut(this.boxes, spreadMs, (b) => b.session.start());
  }

  online(): number {
    return this.boxes.filter((b) => b.session.connection === 'online').length;
  }

  async waitOnline(timeoutMs: number): Promise<boolean> {
    return until(() => this.online() === this.boxes.length, timeoutMs, 50);
  }

  received(noticeId: string): number {
    return this.receivedBy.get(noticeId) ?? 0;
  }

  displayed(noticeId: string): number {
    return this.boxes.filter((b) => (b.timings.get(noticeId)?.displayedAt ?? 0) > 0).length;
  }

  async stop(): Promise<void> {
    await pool(this.boxes, 200, (b) => b.session.stop());
  }
}
