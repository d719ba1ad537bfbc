import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { NoticeStore, ReceiptUpdate } from '../src/ports/notice-store';
import { ReceiptBatcher } from '../src/services/receipt-batcher';

/** A store whose receipt writes are recorded, and fail while `failing` says so. */
function store(failing: () => boolean = () => false) {
  const writes: ReceiptUpdate[][] = [];
  const notices = {
    applyReceipts: (updates: readonly ReceiptUpdate[]) => {
      if (failing()) return Promise.reject(new Error('database unavailable'));
      writes.push([...updates]);
      return Promise.resolve(updates.length);
    },
  } as unknown as NoticeStore;
  return { notices, writes };
}

const receipt = (boxId: string, noticeId: string): ReceiptUpdate => ({ boxId, noticeId, state: 'delivered', atMs: 1 });
const quiet = pino({ enabled: false });

describe('ReceiptBatcher.settle (issue 19: the hello of a reconnecting box)', () => {
  it('waits for the batch its receipts are in instead of writing them at once: one write for the whole burst', async () => {
    const s = store();
    // Written when 3 are held (never by the timer here).
    const batcher = new ReceiptBatcher(s.notices, quiet, 3, 3_600_000);
    batcher.add(receipt('box-1', 'n-1'));
    expect(batcher.holds('box-1', 'n-1')).toBe(true);
    const settled = batcher.settle('box-1', ['n-1']);
    batcher.add(receipt('box-2', 'n-1'));
    batcher.add(receipt('box-3', 'n-1'));
    expect(await settled).toEqual(new Set());
    expect(s.writes.map((w) => w.map((u) => u.boxId))).toEqual([['box-1', 'box-2', 'box-3']]);
    expect(batcher.holds('box-1', 'n-1')).toBe(false);
  });

  it('N2: names the notices whose receipts the store gave up, so the hello sends them again', async () => {
    let failing = true;
    const s = store(() => failing);
    const batcher = new ReceiptBatcher(s.notices, quiet, 2, 3_600_000);
    batcher.add(receipt('box-1', 'n-1'));
    batcher.add(receipt('box-1', 'n-2'));
    expect(await batcher.settle('box-1', ['n-1', 'n-2'])).toEqual(new Set(['n-1', 'n-2']));
    expect(batcher.holds('box-1', 'n-1')).toBe(false);
    failing = false;
    // The box acknowledges the notice sent again: stored this time.
    batcher.add(receipt('box-1', 'n-1'));
    const again = batcher.settle('box-1', ['n-1']);
    void batcher.flush();
    expect(await again).toEqual(new Set());
    expect(s.writes).toEqual([[receipt('box-1', 'n-1')]]);
  });

  it('counts a notice as stored when any of its receipts was: one batch given up, a later one stored', async () => {
    let calls = 0;
    // The first batch fails its three tries; the second is stored.
    const s = store(() => ++calls <= 3);
    const batcher = new ReceiptBatcher(s.notices, quiet, 1000, 3_600_000);
    batcher.add(receipt('box-1', 'n-1'));
    void batcher.flush();
    batcher.add({ ...receipt('box-1', 'n-1'), state: 'displayed' });
    batcher.add(receipt('box-1', 'n-2'));
    const settled = batcher.settle('box-1', ['n-1', 'n-2']);
    void batcher.flush();
    expect(await settled).toEqual(new Set());
    expect(s.writes).toHaveLength(1);
  });
});
