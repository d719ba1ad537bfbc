import { describe, expect, it } from 'vitest';
import { pct, z2Flags } from '../src/services/tickets/zone-figures';

const ok = { complaintRatePct: 0, replyRate24hPct: 100, satisfactionPct: 100 };

describe('Z2 targets at their edges: complaint rate < 0.0015 %, 24-hour reply rate 100 %, satisfaction > 99 %', () => {
  it('a complaint rate of exactly 0.0015 % misses; just under it does not', () => {
    expect(z2Flags({ ...ok, complaintRatePct: 0.0015 })).toEqual(['complaint rate 0.0015% ≥ 0.0015%']);
    expect(z2Flags({ ...ok, complaintRatePct: 0.0014 })).toEqual([]);
    // 3 complaints in 200,000 households is exactly 0.0015 %.
    expect(Math.round((3 / 200_000) * 1e8) / 1e6).toBe(0.0015);
  });

  it('a reply rate just under 100 % misses', () => {
    expect(z2Flags({ ...ok, replyRate24hPct: pct(9999, 10000) })).toEqual(['24-hour reply rate 99.99% < 100% (T6)']);
  });

  it('a satisfaction of exactly 99 % misses; just over it does not', () => {
    expect(z2Flags({ ...ok, satisfactionPct: pct(99, 100) })).toEqual(['satisfaction 99% ≤ 99%']);
    expect(z2Flags({ ...ok, satisfactionPct: pct(991, 1000) })).toEqual([]);
  });

  it('no data misses nothing and is not 100 %', () => {
    expect(pct(0, 0)).toBeNull();
    expect(z2Flags({ complaintRatePct: null, replyRate24hPct: null, satisfactionPct: null })).toEqual([]);
  });
});
