import type { Logger } from 'pino';
import type { NoticeStore, ReceiptUpdate } from '../ports/notice-store';

/** Receipts taken but not yet stored. */
export interface HeldReceipts {
  holds(boxId: string, noticeId: string): boolean;
  /**
   * Waits until the receipts held now for these notices of the box are stored or given up,
   * with the batches they are in (no earlier write); resolves with the notices none of whose
   * receipts was stored. Ask for notices `holds` answered true for in the same turn: one
   * not held counts as stored.
   */
  settle(boxId: string, noticeIds: readonly string[]): Promise<ReadonlySet<string>>;
  /** Stores what is held now; resolves once stored or given up. */
  flush(): Promise<void>;
}

const heldKey = (boxId: string, noticeId: string): string => `${boxId}\n${noticeId}`;

/** Receipts written in one transaction; `stored` resolves true once written, false if given up. */
interface Batch {
  readonly updates: ReceiptUpdate[];
  readonly stored: Promise<boolean>;
  readonly done: (stored: boolean) => void;
}

function newBatch(): Batch {
  let done: (stored: boolean) => void = () => undefined;
  const stored = new Promise<boolean>((r) => (done = r));
  return { updates: [], stored, done };
}

/**
 * Receipts arrive in bursts (every box of a broadcast answers within a second). Writing
 * them one transaction each would cap intake at the disk's fsync rate, so they are
 * collected and written in one transaction per batch.
 */
export class ReceiptBatcher implements HeldReceipts {
  private batch = newBatch();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  /** Receipts taken but not yet stored, per box and notice: the batches they are in. */
  private readonly held = new Map<string, Batch[]>();

  constructor(
    private readonly notices: NoticeStore,
    private readonly log: Logger,
    private readonly maxBatch = 2000,
    private readonly maxDelayMs = 50,
  ) {}

  add(update: ReceiptUpdate): void {
    const k = heldKey(update.boxId, update.noticeId);
    const batches = this.held.get(k);
    if (batches === undefined) this.held.set(k, [this.batch]);
    else if (batches.at(-1) !== this.batch) batches.push(this.batch);
    this.batch.updates.push(update);
    if (this.batch.updates.length >= this.maxBatch) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), this.maxDelayMs);
  }

  /**
   * The box has this notice: a receipt from it is waiting to be stored. A box back online
   * (issue 19: a reconnect storm) gets what its broker session kept for it and answers with
   * receipts just before its hello; the hello waits for them before it decides what to resend.
   */
  holds(boxId: string, noticeId: string): boolean {
    return this.held.has(heldKey(boxId, noticeId));
  }

  /**
   * Issue 19: in a reconnect storm nearly every hello finds receipts of its box held. It waits
   * for their batches instead of writing them at once (one small transaction per hello, then
   * the same query again), and learns from the batches which receipts were given up.
   */
  async settle(boxId: string, noticeIds: readonly string[]): Promise<ReadonlySet<string>> {
    const waits = noticeIds.map(async (id) => {
      const batches = this.held.get(heldKey(boxId, id));
      if (batches === undefined) return undefined;
      const stored = await Promise.all(batches.map((b) => b.stored));
      return stored.includes(true) ? undefined : id;
    });
    const lost = new Set<string>();
    for (const id of await Promise.all(waits)) if (id !== undefined) lost.add(id);
    return lost;
  }

  private release(batch: Batch): void {
    for (const u of batch.updates) {
      const k = heldKey(u.boxId, u.noticeId);
      // In place: every receipt passes here (a broadcast's 10,000 within a second or two).
      const batches = this.held.get(k);
      const i = batches?.indexOf(batch) ?? -1;
      if (i >= 0) batches?.splice(i, 1);
      if (batches?.length === 0) this.held.delete(k);
    }
  }

  /** Writes everything buffered so far; resolves when it is stored. */
  flush(): Promise<void> {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const batch = this.batch;
    this.batch = newBatch();
    this.flushing = this.flushing.then(async () => {
      let stored = false;
      try {
        if (batch.updates.length > 0) stored = await this.store(batch.updates);
      } finally {
        this.release(batch);
        batch.done(stored);
      }
    });
    return this.flushing;
  }

  /** Whether the batch was stored: a transient store failure (deadlock, failover) gets two more tries. */
  private async store(batch: readonly ReceiptUpdate[]): Promise<boolean> {
    // A lost receipt only leaves a delivery short of its state (the box has the notice); a
    // hello that waited for it sends the notice again (`settle`).
    for (let attempt = 1; ; attempt++) {
      try {
        await this.notices.applyReceipts(batch);
        return true;
      } catch (err) {
        if (attempt >= 3) {
          this.log.error({ err, lost: batch.length }, 'storing receipts failed');
          return false;
        }
        this.log.warn({ err, attempt }, 'storing receipts failed; retrying');
        await new Promise((r) => setTimeout(r, 50 * attempt));
      }
    }
  }
}
