import { sql } from 'kysely';
import type { Selectable } from 'kysely';
import type { Job, JobState, JobStore, NewJob } from '../../ports/job-store';
import type { JobsTable } from './schema';
import { affected } from './sql-context';
import { insertRuns } from './insert-runs';
import { compiledOnce } from './compiled-once';
import type { SqlContext } from './sql-context';

const COLS = ['id', 'kind', 'run_at_ms', 'payload_json', 'state', 'attempts', 'last_error', 'dedupe_key'] as const;

type JobRow = Pick<Selectable<JobsTable>, (typeof COLS)[number]>;

function toJob(r: JobRow): Job {
  return {
    id: r.id,
    kind: r.kind,
    runAtMs: r.run_at_ms,
    payload: JSON.parse(r.payload_json) as Record<string, unknown>,
    state: r.state as JobState,
    attempts: r.attempts,
    lastError: r.last_error,
    dedupeKey: r.dedupe_key ?? '',
  };
}

export class SqlJobStore implements JobStore {
  constructor(private readonly ctx: SqlContext) {}

  async schedule(job: NewJob): Promise<number> {
    // No key is NULL, not '': the unique index leaves jobs without a key alone.
    const key = job.dedupeKey === undefined || job.dedupeKey === '' ? null : job.dedupeKey;
    const row = { kind: job.kind, run_at_ms: job.runAtMs, payload_json: JSON.stringify(job.payload), dedupe_key: key };
    const [r] = await compiledOnce(this.ctx.dialect, this.ctx.db, 'scheduleJob', Object.values(row), () =>
      this.ctx.db
        .insertInto('jobs')
        .values(row)
        .onConflict((oc) => oc.doNothing())
        .returning('id'),
    );
    if (r !== undefined) return r.id;
    // The key is taken: the first job stays (jobs are never deleted, so it is still there).
    const existing = await this.ctx.db.selectFrom('jobs').select('id').where('dedupe_key', '=', key).executeTakeFirst();
    return existing?.id ?? 0;
  }

  async scheduleMany(jobs: readonly NewJob[]): Promise<void> {
    const rows = jobs.map((job) => ({
      kind: job.kind,
      run_at_ms: job.runAtMs,
      payload_json: JSON.stringify(job.payload),
      dedupe_key: job.dedupeKey === undefined || job.dedupeKey === '' ? null : job.dedupeKey,
    }));
    await insertRuns(this.ctx.dialect, this.ctx.db, 'jobs', rows, { ignoreConflicts: true });
  }

  /**
   * One UPDATE claims and returns the jobs. PostgreSQL: FOR UPDATE SKIP LOCKED, so several
   * headends claim disjoint jobs, each job runs once. SQLite runs one write at a time, so the
   * same statement without the lock clause is already exclusive.
   */
  async claimDue(nowMs: number, worker: string, leaseMs: number, limit: number): Promise<Job[]> {
    const rows = await this.ctx.db
      .updateTable('jobs')
      .set((eb) => ({
        state: 'running',
        locked_by: worker,
        locked_until_ms: nowMs + leaseMs,
        attempts: eb('attempts', '+', 1),
      }))
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('jobs')
          .select('id')
          .where((w) =>
            w.or([
              w.and([w('state', '=', 'pending'), w('run_at_ms', '<=', nowMs)]),
              w.and([w('state', '=', 'running'), w('locked_until_ms', '<=', nowMs)]),
            ]),
          )
          .orderBy('run_at_ms')
          .orderBy('id')
          // A literal: SQLite compiles a statement with `limit ?` again at every run (see InlineLimits).
          .limit(sql.lit(Math.max(1, Math.trunc(limit))))
          .$if(this.ctx.dialect === 'postgres', (q) => q.forUpdate().skipLocked()),
      )
      .returning(COLS)
      .execute();
    // RETURNING has no order: due first, then creation.
    return rows.map(toJob).sort((a, b) => a.runAtMs - b.runAtMs || a.id - b.id);
  }

  async complete(id: number, nowMs: number): Promise<void> {
    await this.ctx.db
      .updateTable('jobs')
      .set({ state: 'done', done_at_ms: nowMs, locked_by: '' })
      .where('id', '=', id)
      .execute();
  }

  async fail(id: number, error: string, retryAtMs: number | undefined): Promise<void> {
    await this.ctx.db
      .updateTable('jobs')
      .set(
        retryAtMs === undefined
          ? { state: 'failed', last_error: error, locked_by: '' }
          : { state: 'pending', last_error: error, run_at_ms: retryAtMs, locked_by: '' },
      )
      .where('id', '=', id)
      .execute();
  }

  async cancelByKeyPrefix(prefix: string): Promise<number> {
    // A prefix compare, not LIKE: keys may hold '%' or '_'. substr() exists on both engines.
    const r = await this.ctx.db
      .updateTable('jobs')
      .set({ state: 'cancelled' })
      .where('state', '=', 'pending')
      .where((eb) => eb(eb.fn<string>('substr', ['dedupe_key', eb.lit(1), eb.val(prefix.length)]), '=', prefix))
      .executeTakeFirst();
    return affected(r);
  }

  async get(id: number): Promise<Job | undefined> {
    const r = await this.ctx.db.selectFrom('jobs').select(COLS).where('id', '=', id).executeTakeFirst();
    return r === undefined ? undefined : toJob(r);
  }

  async list(f: { state?: JobState; kind?: string; limit: number }): Promise<Job[]> {
    const rows = await this.ctx.db
      .selectFrom('jobs')
      .select(COLS)
      .$if(f.state !== undefined, (q) => q.where('state', '=', f.state ?? ''))
      .$if(f.kind !== undefined, (q) => q.where('kind', '=', f.kind ?? ''))
      .orderBy('run_at_ms')
      .orderBy('id')
      .limit(f.limit)
      .execute();
    return rows.map(toJob);
  }

  async countPending(): Promise<number> {
    const r = await this.ctx.db
      .selectFrom('jobs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('state', 'in', ['pending', 'running'])
      .executeTakeFirstOrThrow();
    return r.n;
  }
}
