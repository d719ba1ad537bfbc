/**
 * How much uplink an instance handles at once: a message is counted in when it arrives, and
 * the broker may hand over the next one (`next`) only while the messages in hand stay under
 * both a count and a byte budget. A slow store then pushes back on the broker instead of
 * piling messages up in memory, whatever their sizes.
 */
export class HandlingGate {
  private count = 0;
  private bytes = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly maxCount: number,
    private readonly maxBytes: number,
  ) {}

  /** Messages and bytes in hand now. */
  get inHand(): { readonly count: number; readonly bytes: number } {
    return { count: this.count, bytes: this.bytes };
  }

  /** Counts a message of `bytes` in; returns the function to call once it has been handled. */
  take(bytes: number): () => void {
    this.count++;
    this.bytes += bytes;
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.count--;
      this.bytes -= bytes;
      while (this.waiting.length > 0 && this.hasRoom()) this.waiting.shift()?.();
    };
  }

  /** Calls `next` (let the broker hand over another message) now if there is room, else once there is. */
  whenRoom(next: () => void): void {
    if (this.hasRoom()) next();
    else this.waiting.push(next);
  }

  private hasRoom(): boolean {
    return this.count < this.maxCount && this.bytes < this.maxBytes;
  }
}
