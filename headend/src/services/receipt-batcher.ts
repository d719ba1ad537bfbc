import type { Logger } from 'pino';
import type { NoticeStore, ReceiptUpdate } from '../ports/notice-store';

/** Receipts taken but not yet stored. */
export interface HeldReceipts {
  holds(boxId: string, noticeId: string): boolean;
  /** Stores what is held now; resolves once stored or given up. */
  flush(): Promise<void>;
}

const heldKey = (boxId: string, noticeId: string): string => `${boxId}\n${noticeId}`;

/**
 * Receipts arrive in bursts (every box of a broadcast answers within a second). Writing
 * them one transaction each would cap intake at the disk's fsync rate, so they are
 * collected and written in one transaction per batch.
 */
export class ReceiptBatcher implements HeldReceipts {
  private buffer: ReceiptUpdate[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  /** Receipts taken but not yet stored, per box and notice (how many). */
  private readonly held = new Map<string, number>();

  constructor(
    private readonly notices: NoticeStore,
    private readonly log: Logger,
    private readonly maxBatch = 2000,
    private readonly maxDelayMs = 50,
  ) {}

  add(update: ReceiptUpdate): void {
    const k = heldKey(update.boxId, update.noticeId);
    this.held.set(k, (this.held.get(k) ?? 0) + 1);
    this.buffer.push(update);
    if (this.buffer.length >= this.maxBatch) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), this.maxDelayMs);
  }

  /**
   * The box has this notice: a receipt from it is waiting to be stored. A box back online
   * (issue 19: a reconnect storm) gets what its broker session kept for it and answers with
   * receipts just before its hello; the hello stores them before it decides what to resend.
   */
  holds(boxId: string, noticeId: string): boolean {
    return this.held.has(heldKey(boxId, noticeId));
  }

  private release(batch: readonly ReceiptUpdate[]): void {
    for (const u of batch) {
      const k = heldKey(u.boxId, u.noticeId);
      const n = (this.held.get(k) ?? 1) - 1;
      if (n > 0) this.held.set(k, n);
      else this.held.delete(k);
    }
  }

  /** Writes everything buffered so far; resolves when it is stored. */
  flush(): Promise<void> {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const batch = this.buffer;
    this.buffer = [];
    this.flushing = this.flushing.then(async () => {
      if (batch.length === 0) return;
      try {
        await this.store(batch);
      } finally {
        this.release(batch);
      }
    });
    return this.flushing;
  }

  private async store(batch: readonly ReceiptUpdate[]): Promise<void> {
    // A transient store failure (deadlock, failover) gets two more tries before the batch is
    // given up; a lost receipt only leaves a delivery short of its state (the box has the notice).
    for (let attempt = 1; ; attempt++) {
      try {
        await this.notices.applyReceipts(batch);
        return;
      } catch (err) {
        if (attempt >= 3) {
          this.log.error({ err, lost: batch.length }, 'storing receipts failed');
          return;
        }
        this.log.warn({ err, attempt }, 'storing receipts failed; retrying');
        await new Promise((r) => setTimeout(r, 50 * attempt));
      }
    }
  }
}
