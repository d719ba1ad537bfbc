import { hostname } from 'node:os';
import type { Clock } from '@stb-notify/protocol';
import pLimit from 'p-limit';
import type { Logger } from 'pino';
import type { Metrics } from '../metrics/metrics';
import type { Job, JobStore, NewJob } from '../ports/job-store';
import { sideBySide } from './side-by-side';

export type JobHandler = (job: Job) => Promise<void>;

/** Jobs run at once by one scheduler at most. */
const JOB_SLOTS = 8;

/**
 * The entity a job acts on, from its dedupe key (`fee:inv-1:3` → `fee:inv-1`): one entity's
 * jobs run one after another in their due order, different entities' side by side.
 */
function entityOf(job: Job): string {
  if (job.dedupeKey === '') return `#${job.id}`;
  const [kind = '', id = ''] = job.dedupeKey.split(':');
  return `${kind}:${id}`;
}

/**
 * Durable scheduler: jobs live in the store, so they survive a restart; a job is claimed
 * with a lease before it runs, so with several headends each runs once. Handlers must be
 * idempotent (a crash after the work and before `complete` runs the job again), and safe to
 * run beside other jobs, as on several headends: a pass runs up to JOB_SLOTS at once.
 * Tests call `runDue()` after moving their clock instead of waiting.
 */
export class Scheduler {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly sweeps: Array<() => Promise<unknown>> = [];
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  readonly worker = `${hostname()}:${process.pid}`;

  constructor(
    private readonly jobs: JobStore,
    private readonly clock: Clock,
    private readonly metrics: Metrics,
    private readonly log: Logger,
  ) {}

  register(kind: string, handler: JobHandler): void {
    this.handlers.set(kind, handler);
  }

  /** `via`: the unit of work's job store, when the job is part of a larger decision. */
  schedule(job: NewJob, via: JobStore = this.jobs): Promise<number> {
    return via.schedule(job);
  }

  /** Work run at the start of every pass (the outbox sweep): ticks and tests' runDue() alike. */
  addSweep(fn: () => Promise<unknown>): void {
    this.sweeps.push(fn);
  }

  /** Runs every job due now; returns how many ran. Concurrent calls share one pass. */
  runDue(): Promise<number> {
    this.running ??= this.pass().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async pass(): Promise<number> {
    let ran = 0;
    for (const sweep of this.sweeps) {
      await sweep().catch((err: unknown) => this.log.error({ err }, 'sweep failed'));
    }
    for (;;) {
      const now = this.clock.now();
      const due = await this.jobs.claimDue(now, this.worker, 5 * 60_000, 100);
      if (due.length === 0) return ran;
      ran += due.length;
      await sideBySide(due, entityOf, (job) => this.slots(() => this.runOne(job)));
    }
  }

  /** Jobs of a pass run JOB_SLOTS at a time (issue 19: a billing run's reminders overlap their round trips). */
  private readonly slots = pLimit(JOB_SLOTS);

  private async runOne(job: Job): Promise<void> {
    const handler = this.handlers.get(job.kind);
    try {
      if (handler === undefined) throw new Error(`no handler for job kind ${job.kind}`);
      await handler(job);
      await this.jobs.complete(job.id, this.clock.now());
      this.metrics.jobsRun.inc({ kind: job.kind, outcome: 'done' });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      // Retry with backoff (1, 2, 4 … minutes), give up after 8 attempts.
      const retryAt = job.attempts < 8 ? this.clock.now() + 60_000 * 2 ** (job.attempts - 1) : undefined;
      await this.jobs
        .fail(job.id, message, retryAt)
        .catch((e: unknown) =>
          this.log.error({ err: e, job: job.id }, 'job failure not recorded; its lease retries it'),
        );
      this.metrics.jobsRun.inc({ kind: job.kind, outcome: retryAt === undefined ? 'failed' : 'retry' });
      this.log.error({ job: job.id, kind: job.kind, err: message, retryAt }, 'job failed');
    }
  }

  start(intervalMs = 1000): void {
    this.timer ??= setInterval(() => {
      this.runDue().catch((err: unknown) => this.log.error({ err }, 'scheduler pass failed'));
    }, intervalMs);
  }

  async stop(): Promise<void> {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
