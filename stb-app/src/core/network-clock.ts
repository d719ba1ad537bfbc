import type { Clock } from '@stb-notify/protocol';

/**
 * The box's clock: its own, corrected by the network. A real set-top box takes its time
 * from the operator's broadcast (the DVB time tables), not from a battery clock; here the
 * correction comes from the headend's signed envelopes. When a message signed by a trusted
 * notice key says it was issued later than the box thinks it is now, the box's clock is
 * behind: it moves forward to that time. Never backward — an old message replayed cannot
 * make expired notices valid again, and only the notice key can sign a later time.
 */
export class NetworkClock implements Clock {
  private offsetMs = 0;

  constructor(private readonly local: Clock) {}

  now(): number {
    return this.local.now() + this.offsetMs;
  }

  /** How far the network has moved this box's clock ahead of its own (ms). */
  get correctionMs(): number {
    return this.offsetMs;
  }

  /** Moves the clock forward to `ms` if it is behind; true when it moved. */
  advanceTo(ms: number): boolean {
    const behind = ms - this.now();
    if (behind <= 0) return false;
    this.offsetMs += behind;
    return true;
  }
}
