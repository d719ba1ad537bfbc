import { describe, expect, it } from 'vitest';
import { newId } from '../src/domain/ids';
import { T0 } from './support/manual-clock';

/**
 * Notices, tickets and incidents are keyed by these ids; a repeat fails the decision that drew
 * it on the primary key. A busy headend makes thousands a second, many in the same millisecond.
 */
describe('ids', () => {
  it('100,000 ids made in one millisecond are all different (24 random bits gave ~300 repeats)', () => {
    const at = T0;
    const ids = new Set(Array.from({ length: 100_000 }, () => newId('n', at)));
    expect(ids.size).toBe(100_000);
  });

  it('fit the protocol id syntax and sort by time', () => {
    const a = newId('inc', T0);
    const b = newId('inc', T0 + 1);
    expect(a).toMatch(/^[A-Za-z0-9_:-]{1,64}$/);
    expect(a < b).toBe(true);
  });
});
