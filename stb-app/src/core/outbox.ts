import type { KeyValueStorage } from './ports';

const KEY = 'stb.outbox.v1';

export interface OutboxEntry {
  readonly topic: string;
  /** base64 of the signed envelope */
  readonly payload: string;
}

/**
 * Uplink messages waiting for the broker: fault reports, receipts and survey answers made
 * while offline are kept (also across a reboot) and sent in order when the box is back.
 * Bounded: receipts are dropped before reports when it overflows.
 */
export class Outbox {
  private queue: OutboxEntry[];

  constructor(
    private readonly storage: KeyValueStorage,
    private readonly capacity = 500,
  ) {
    try {
      this.queue = JSON.parse(storage.get(KEY) ?? '[]') as OutboxEntry[];
    } catch {
      this.queue = [];
    }
  }

  private save(): void {
    this.storage.set(KEY, JSON.stringify(this.queue));
  }

  push(entry: OutboxEntry): void {
    this.queue.push(entry);
    while (this.queue.length > this.capacity) {
      const receipt = this.queue.findIndex((e) => e.topic.endsWith('/receipt'));
      this.queue.splice(receipt >= 0 ? receipt : 0, 1);
    }
    this.save();
  }

  peek(): OutboxEntry | undefined {
    return this.queue[0];
  }

  shift(): void {
    this.queue.shift();
    this.save();
  }

  get size(): number {
    return this.queue.length;
  }
}
