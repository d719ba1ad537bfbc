import type { Logger } from 'pino';
import type { OutboxOp } from '../ports/notice-store';

/** Marks wait at most this long, or until this many are queued, before they are written. */
const MAX_WAIT_MS = 1000;
const MAX_PENDING = 500;

/**
 * Collects "published" marks of outbox entries and writes them in one statement per kind
 * and batch (a second at most), instead of one write and one commit per notice: the mark only
 * has to land before the entry's 30 s claim lapses, and the sweep flushes them first. A mark that fails to be written (or is lost
 * to a crash) only means the sweep publishes that notice again once its claim lapses; the box
 * drops the repeat by notice id. So a failure is logged, never thrown.
 */
export class PublishedMarks {
  private pending = new Map<OutboxOp, string[]>();
  private count = 0;
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly write: (op: OutboxOp, noticeIds: readonly string[]) => Promise<void>,
    private readonly log: Logger,
  ) {}

  add(op: OutboxOp, noticeId: string): void {
    const list = this.pending.get(op);
    if (list === undefined) this.pending.set(op, [noticeId]);
    else list.push(noticeId);
    if (++this.count >= MAX_PENDING) void this.drain();
    else this.timer ??= setTimeout(() => void this.drain(), MAX_WAIT_MS).unref();
  }

  /** Waits until every mark queued so far is written (or failed and logged). */
  flush(): Promise<void> {
    return this.drain();
  }

  private drain(): Promise<void> {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.count = 0;
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
