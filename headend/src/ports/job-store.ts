export type JobState = 'pending' | 'running' | 'done' | 'failed' | 'cancelled';

export interface Job {
  readonly id: number;
  readonly kind: string;
  readonly runAtMs: number;
  readonly payload: Record<string, unknown>;
  readonly state: JobState;
  readonly attempts: number;
  readonly lastError: string;
  /** Unique when non-empty: scheduling the same key twice keeps the first job. */
  readonly dedupeKey: string;
}

export interface NewJob {
  readonly kind: string;
  readonly runAtMs: number;
  readonly payload: Record<string, unknown>;
  readonly dedupeKey?: string;
}

/** Durable scheduled jobs: they survive restarts, and a claimed job is run by one worker only. */
export interface JobStore {
  /** Returns the job id, or the existing job's id when the dedupe key is taken. */
  schedule(job: NewJob): Promise<number>;
  /** A batch's `schedule` (issue 19): jobs whose dedupe key is taken are left out. */
  scheduleMany(jobs: readonly NewJob[]): Promise<void>;
  /**
   * Claims up to `limit` pending jobs due at `nowMs` (and running jobs whose lease ran out)
   * for `worker`, leasing them until nowMs + leaseMs.
   */
  claimDue(nowMs: number, worker: string, leaseMs: number, limit: number): Promise<Job[]>;
  complete(id: number, nowMs: number): Promise<void>;
  /** Records a failure: retried at `retryAtMs`, or failed for good when undefined. */
  fail(id: number, error: string, retryAtMs: number | undefined): Promise<void>;
  /** Cancels pending jobs by dedupe-key prefix; returns how many. */
  cancelByKeyPrefix(prefix: string): Promise<number>;
  get(id: number): Promise<Job | undefined>;
  list(filter: { state?: JobState; kind?: string; limit: number }): Promise<Job[]>;
  countPending(): Promise<number>;
}
