/**
 * A progress bar for one bench phase, on stderr: redrawn in place on a terminal, a line per
 * tenth otherwise (CI logs). `update` is cheap to call often; it draws at most twice a second.
 * A total of 0: nothing to count (the raw fleet connecting), the time only, every 5 s off a terminal.
 */
export class Progress {
  private readonly t0 = performance.now();
  private drawnAt = 0;
  private tenth = -1;
  private readonly tty = process.stderr.isTTY === true;

  constructor(
    private readonly label: string,
    private readonly total: number,
  ) {}

  update(done: number): void {
    const now = performance.now();
    const share = this.total > 0 ? Math.min(1, done / this.total) : 0;
    const tenth = this.total > 0 ? Math.floor(share * 10) : Math.floor((now - this.t0) / 5000);
    if (this.tty) {
      if (now - this.drawnAt < 500 && share < 1) return;
      this.drawnAt = now;
      const bar = '█'.repeat(Math.round(share * 30)).padEnd(30, '·');
      const of = this.total > 0 ? `${bar} ${done}/${this.total} ` : '';
      process.stderr.write(`\r[bench] ${this.label} ${of}${this.elapsed(now)}  `);
    } else if (tenth > this.tenth) {
      this.tenth = tenth;
      const of = this.total > 0 ? `${done}/${this.total} (${tenth * 10} %) ` : '';
      process.stderr.write(`[bench] ${this.label}: ${of}${this.elapsed(now)}\n`);
    }
  }

  /** Ends the bar's line (on a terminal). */
  end(): void {
    if (this.tty) process.stderr.write('\n');
  }

  private elapsed(now: number): string {
    return `${((now - this.t0) / 1000).toFixed(1)} s`;
  }
}

/** Runs `work` while drawing `count()` against `total` every half second; the bar ends with it. */
export async function withProgress<T>(
  label: string,
  total: number,
  count: () => number | Promise<number>,
  work: () => Promise<T>,
): Promise<T> {
  const bar = new Progress(label, total);
  let stop = false;
  const tick = async () => {
    while (!stop) {
      bar.update(await Promise.resolve(count()).catch(() => 0));
      await new Promise((r) => setTimeout(r, 500));
    }
  };
  const ticking = tick();
  try {
    return await work();
  } finally {
    stop = true;
    await ticking;
    bar.update(await Promise.resolve(count()).catch(() => 0));
    bar.end();
  }
}
