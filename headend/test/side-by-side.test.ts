import { describe, expect, it } from 'vitest';
import { orderKey, sideBySide } from '../src/services/side-by-side';

/** NoticeService.dispatch publishes a pass's notices side by side, each notice's entries in order. */
describe('sideBySide', () => {
  it('runs different keys at once and one key in the order given', async () => {
    const log: string[] = [];
    const gates = new Map<string, () => void>();
    const done = sideBySide(
      [
        { k: 'a', v: 'publish' },
        { k: 'b', v: 'publish' },
        { k: 'a', v: 'withdraw' },
      ],
      (it) => it.k,
      (it) =>
        new Promise<void>((resolve) => {
          log.push(`${it.k}:${it.v}`);
          gates.set(`${it.k}:${it.v}`, resolve);
        }),
    );
    await new Promise((r) => setImmediate(r));
    // Both keys started; a's withdrawal waits for a's publish.
    expect(log).toEqual(['a:publish', 'b:publish']);
    gates.get('a:publish')?.();
    await new Promise((r) => setImmediate(r));
    expect(log).toEqual(['a:publish', 'b:publish', 'a:withdraw']);
    gates.get('b:publish')?.();
    gates.get('a:withdraw')?.();
    await done;
  });

  it('orders a one-box notice by its box (a ticket update, then its survey), others by notice', () => {
    const box = (...ids: string[]) => ({ boxes: ids.map((id) => ({ id })) });
    expect(orderKey('n-update', box('stb-1'))).toBe(orderKey('n-survey', box('stb-1')));
    expect(orderKey('n-a', box('stb-1'))).not.toBe(orderKey('n-b', box('stb-2')));
    expect(orderKey('n-a', box('stb-1', 'stb-2'))).toBe(orderKey('n-a'));
  });
});
