import type { OutboxOp } from '../ports/notice-store';

/**
 * Collects "published" marks of outbox entries and writes them in one statement per kind
 * and event-loop turn, instead of one per notice. A mark lost to a crash only means the sweep
 * publishes that notice again after its claim lapses; the box drops the repeat by notice id.
 */
export class PublishedMarks {
  private pending = new Map<OutboxOp, string[]>();
  private scheduled: Promise<void> | undefined;

  constructor(private readonly write: (op: OutboxOp, noticeIds: readonly string[]) => Promise<void>) {}

  add(op: OutboxOp, noticeId: string): void {
    const list = this.pending.get(op);
    if (list === undefined) this.pending.set(op, [noticeId]);
    else list.push(noticeId);
    this.scheduled ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.drain());
  }

  /** Writes every mark queued so far. */
  async flush(): Promise<void> {
    await this.scheduled;
    await this.drain();
  }

  private async drain(): Promise<void> {
    this.scheduled = undefined;
    const pending = this.pending;
    if (pending.size === 0) return;
    this.pending = new Map();
    for (const [op, ids] of pending) await this.write(op, ids);
  }
}
