import type { Logger } from 'pino';
import type { OutboxOp } from '../ports/notice-store';

/**
 * Collects "published" marks of outbox entries and writes them in one statement per kind
 * and event-loop turn, instead of one per notice. A mark that fails to be written (or is lost
 * to a crash) only means the sweep publishes that notice again once its claim lapses; the box
 * drops the repeat by notice id. So a failure is logged, never thrown.
 */
export class PublishedMarks {
  private pending = new Map<OutboxOp, string[]>();
  private scheduled: Promise<void> | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly write: (op: OutboxOp, noticeIds: readonly string[]) => Promise<void>,
    private readonly log: Logger,
  ) {}

  add(op: OutboxOp, noticeId: string): void {
    const list = this.pending.get(op);
    if (list === undefined) this.pending.set(op, [noticeId]);
    else list.push(noticeId);
    this.scheduled ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.drain());
  }

  /** Waits until every mark queued so far is written (or failed and logged). */
  async flush(): Promise<void> {
    await this.scheduled;
    await this.drain();
  }

  private drain(): Promise<void> {
    this.scheduled = undefined;
    const pending = this.pending;
    this.pending = new Map();
    // Chained: a flush waits for a drain already writing, not only for its own.
    this.writing = this.writing.then(async () => {
      for (const [op, ids] of pending) {
        await this.write(op, ids).catch((err: unknown) =>
          this.log.warn({ err, op, notices: ids.length }, 'published marks not written; the sweep republishes'),
        );
      }
    });
    return this.writing;
  }
}
