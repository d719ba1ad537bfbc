/**
 * Lets through at most `perWindow` log lines per key in each window; the next line let
 * through says how many were held back. A flood of bad messages (one box sending 100,000
 * frames) costs a few log lines, not gigabytes of them.
 */
export class LogThrottle {
  private readonly windows = new Map<string, { startMs: number; logged: number; suppressed: number }>();

  constructor(
    private readonly perWindow = 20,
    private readonly windowMs = 60_000,
    /** Wall time, for pacing logs only (never for rules). */
    private readonly nowMs: () => number = () => performance.now(),
  ) {}

  /** undefined: hold this line back; otherwise log it, with the count held back since the last one. */
  admit(key: string): { suppressed: number } | undefined {
    const now = this.nowMs();
    let w = this.windows.get(key);
    if (w === undefined || now - w.startMs >= this.windowMs) {
      if (this.windows.size >= 1000) this.windows.clear();
      w = { startMs: now, logged: 0, suppressed: w?.suppressed ?? 0 };
      this.windows.set(key, w);
    }
    if (w.logged >= this.perWindow) {
      w.suppressed++;
      return undefined;
    }
    w.logged++;
    const suppressed = w.suppressed;
    w.suppressed = 0;
    return { suppressed };
  }
}

/** A string cut to `max` characters for a log line (hostile input can be 64 KiB). */
export function clip(s: string, max = 160): string {
  return s.length <= max ? s : `${s.slice(0, max)}…(${s.length} chars)`;
}
