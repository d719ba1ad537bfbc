import type { Timers } from './ports';

/**
 * A box says hello on every connection and the headend answers once it has sent again what the
 * box had not acknowledged. Unanswered, the hello is sent again: first after `firstMs`, then
 * twice as long each time (jittered, at most `capMs`). On a broker cluster an uplink can be lost
 * while the uplink stream elects a leader — exactly when the boxes of a dead node reconnect — and
 * a box whose hello is lost would otherwise wait for its next connection for what it missed.
 */
export class HelloRetry {
  private timer: unknown;
  private bootId = '';
  private attempt = 0;

  constructor(
    private readonly timers: Timers,
    private readonly random: () => number,
    private readonly firstMs: number,
    private readonly capMs = 10 * 60_000,
  ) {}

  /** A hello with this boot id was sent; `resend` sends it again. */
  sent(bootId: string, resend: () => void): void {
    this.stop();
    this.bootId = bootId;
    this.attempt = 0;
    const arm = (): void => {
      const base = Math.min(this.capMs, this.firstMs * 2 ** Math.min(this.attempt++, 16));
      this.timer = this.timers.setTimeout(
        () => {
          resend();
          arm();
        },
        Math.round(base * (0.75 + this.random() / 2)),
      );
    };
    if (this.firstMs > 0) arm();
  }

  /** The headend's answer arrived: true when it answers the hello last sent. */
  answered(bootId: string): boolean {
    if (bootId === '' || bootId !== this.bootId) return false;
    this.stop();
    return true;
  }

  get waiting(): boolean {
    return this.timer !== undefined;
  }

  stop(): void {
    this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
