import type { Logger } from 'pino';
import type { NoticeStore, ReceiptUpdate } from '../ports/notice-store';

/**
 * Receipts arrive in bursts (every box of a broadcast answers within a second). Writing
 * them one transaction each would cap intake at the disk's fsync rate, so they are
 * collected and written in one transaction per batch.
 */
export class ReceiptBatcher {
  private buffer: ReceiptUpdate[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: NoticeStore,
    private readonly log: Logger,
    private readonly maxBatch = 2000,
    private readonly maxDelayMs = 50,
  ) {}

  add(update: ReceiptUpdate): void {
    this.buffer.push(update);
    if (this.buffer.length >= this.maxBatch) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), this.maxDelayMs);
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
      // A transient store failure (deadlock, failover) gets two more tries before the batch is
      // given up; a lost receipt only leaves a delivery short of its state (the box has the notice).
      for (let attempt = 1; ; attempt++) {
        try {
          await this.store.applyReceipts(batch);
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
    });
    return this.flushing;
  }
}
