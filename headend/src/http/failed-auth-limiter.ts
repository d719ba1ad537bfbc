/**
 * Wrong API tokens per client address: after `max` in one window further wrong tokens from
 * it are answered 429 until the window ends; a valid token is always let through, so no one
 * can lock operators out by guessing from their address (a shared proxy or NAT). Requests
 * without a token are not guesses and are not counted. (@fastify/rate-limit counts every
 * request it checks, not only failures.)
 */
export class FailedAuthLimiter {
  private readonly failures = new Map<string, { startMs: number; count: number }>();

  constructor(
    private readonly max = 20,
    private readonly windowMs = 60_000,
    /** Wall time, for pacing only. */
    private readonly nowMs: () => number = () => performance.now(),
    private readonly maxAddresses = 10_000,
  ) {}

  /** Seconds until `address` may try again, or 0 when it may now. */
  retryAfterS(address: string): number {
    const f = this.failures.get(address);
    if (f === undefined) return 0;
    const left = f.startMs + this.windowMs - this.nowMs();
    if (left <= 0) {
      this.failures.delete(address);
      return 0;
    }
    return f.count >= this.max ? Math.ceil(left / 1000) : 0;
  }

  fail(address: string): void {
    const now = this.nowMs();
    const f = this.failures.get(address);
    if (f === undefined || now - f.startMs >= this.windowMs) {
      if (this.failures.size >= this.maxAddresses) this.failures.delete(this.failures.keys().next().value ?? '');
      this.failures.set(address, { startMs: now, count: 1 });
    } else {
      f.count++;
    }
  }
}
