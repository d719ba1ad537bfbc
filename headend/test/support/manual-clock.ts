import type { Clock } from '@stb-notify/protocol';

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
const BEIJING_OFFSET = 8 * HOUR;
const WEDNESDAY = 3;

/**
 * 10:00 Beijing time on the latest Wednesday at or before `nowMs`: an ordinary working
 * morning derived from the real date of the run, never a literal date. A test about a date
 * boundary (month end, a holiday) states its own date and moves every clock there.
 */
export function workingMorningBefore(nowMs: number): number {
  const local = nowMs + BEIJING_OFFSET;
  const dayStart = local - (((local % DAY) + DAY) % DAY);
  const weekday = new Date(dayStart).getUTCDay();
  let at = dayStart - ((weekday - WEDNESDAY + 7) % 7) * DAY + 10 * HOUR - BEIJING_OFFSET;
  if (at > nowMs) at -= 7 * DAY;
  return at;
}

/** The first instant of the Beijing calendar month after `ms`, and that month as YYYY-MM. */
export function nextMonthInBeijing(ms: number): { startMs: number; month: string } {
  const local = new Date(ms + BEIJING_OFFSET);
  const startMs = Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 1) - BEIJING_OFFSET;
  const m = new Date(startMs + BEIJING_OFFSET);
  return { startMs, month: `${m.getUTCFullYear()}-${String(m.getUTCMonth() + 1).padStart(2, '0')}` };
}

/** The tests' start time: now (the real, or faked, date of this run), moved back to a working morning. */
export const T0 = workingMorningBefore(Date.now());

interface Pending {
  readonly atMs: number;
  readonly seq: number;
  readonly fn: () => void;
}

/**
 * The one clock of a test: the headend, the simulated boxes (also their timers: backoff,
 * report retry, diagnostics) and the box in the browser (through `onChange`) all read it.
 * Tests move it by hand; rules are about hours, tests never sleep.
 */
export class ManualClock implements Clock {
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<(ms: number) => void>();
  private seq = 0;

  constructor(private ms: number) {}

  now(): number {
    return this.ms;
  }

  advance(ms: number): void {
    this.set(this.ms + ms);
  }

  /** Moves the clock; timers due by then fire in order, each at its own due time. */
  set(ms: number): void {
    for (;;) {
      let next: Pending | undefined;
      for (const p of this.pending.values()) {
        if (p.atMs <= ms && (next === undefined || p.atMs < next.atMs || (p.atMs === next.atMs && p.seq < next.seq)))
          next = p;
      }
      if (next === undefined) break;
      this.pending.delete(next.seq);
      this.ms = Math.max(this.ms, next.atMs);
      next.fn();
    }
    this.ms = ms;
    for (const l of this.listeners) l(ms);
  }

  /** The box core's `Timers` port on this clock: a timer fires when the test moves the clock past it. */
  setTimeout(fn: () => void, ms: number): unknown {
    const seq = ++this.seq;
    this.pending.set(seq, { atMs: this.ms + Math.max(0, ms), seq, fn });
    return seq;
  }

  clearTimeout(handle: unknown): void {
    if (typeof handle === 'number') this.pending.delete(handle);
  }

  /** Timers waiting on this clock. */
  get pendingTimers(): number {
    return this.pending.size;
  }

  /** Calls `fn` with the new time whenever the clock is moved (e.g. to move a browser's clock along). */
  onChange(fn: (ms: number) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }
}
