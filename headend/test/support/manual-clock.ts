import type { Clock } from '@stb-notify/protocol';

/** A clock tests move by hand; rules are about hours, tests never sleep. */
export class ManualClock implements Clock {
  constructor(private ms: number) {}

  now(): number {
    return this.ms;
  }

  advance(ms: number): void {
    this.ms += ms;
  }

  set(ms: number): void {
    this.ms = ms;
  }
}

export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;
export const T0 = Date.UTC(2026, 10, 25, 2, 0, 0);
