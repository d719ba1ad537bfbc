/** An item of a pass: settled by the pass that takes it. */
export interface Settles {
  readonly reject: (err: unknown) => void;
}

/**
 * Items that arrive while a pass runs are taken together in the next one (issue 19): fault
 * reports, sends. An idle queue starts a pass on the next turn, so a lone item waits for
 * nobody. A pass that throws rejects its items (those it settled already ignore that).
 */
export class Passes<T extends Settles> {
  private queue: T[] = [];
  private running = false;

  constructor(
    private readonly max: number,
    private readonly pass: (batch: T[]) => Promise<void>,
  ) {}

  add(item: T): void {
    this.queue.push(item);
    if (this.running) return;
    this.running = true;
    setImmediate(() => void this.drain());
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.max);
      await this.pass(batch).catch((err: unknown) => {
        for (const p of batch) p.reject(err);
      });
    }
    this.running = false;
  }
}
