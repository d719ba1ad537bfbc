import type { Job, JobState, JobStore, NewJob } from '../../ports/job-store';
import type { PgDb } from './pg-db';

const JOB = `id::int AS id, kind, run_at_ms AS "runAtMs", payload_json AS payload, state, attempts, last_error AS "lastError",
  COALESCE(dedupe_key, '') AS "dedupeKey"`;
type Row = Omit<Job, 'payload'> & { payload: string };
const toJob = (r: Row): Job => ({ ...r, payload: JSON.parse(r.payload) as Record<string, unknown> });

export class PgJobStore implements JobStore {
  constructor(private readonly db: PgDb) {}

  async schedule(job: NewJob): Promise<number> {
    const key = job.dedupeKey === undefined || job.dedupeKey === '' ? null : job.dedupeKey;
    const r = await this.db.one<{ id: number }>(
      'INSERT INTO jobs (kind, run_at_ms, payload_json, dedupe_key) VALUES ($1, $2, $3, $4) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id::int AS id',
      [job.kind, job.runAtMs, JSON.stringify(job.payload), key],
    );
    if (r !== undefined) return r.id;
    return (await this.db.one<{ id: number }>('SELECT id::int AS id FROM jobs WHERE dedupe_key = $1', [key]))?.id ?? 0;
  }

  /** FOR UPDATE SKIP LOCKED: several headends claim disjoint jobs, each job runs once. */
  async claimDue(nowMs: number, worker: string, leaseMs: number, limit: number): Promise<Job[]> {
    const rows = await this.db.rows<Row>(
      `UPDATE jobs SET state = 'running', locked_by = $2, locked_until_ms = $3, attempts = attempts + 1
       WHERE id IN (SELECT id FROM jobs WHERE (state = 'pending' AND run_at_ms <= $1) OR (state = 'running' AND locked_until_ms <= $1)
                    ORDER BY run_at_ms, id LIMIT $4 FOR UPDATE SKIP LOCKED)
       RETURNING ${JOB}`,
      [nowMs, worker, nowMs + leaseMs, limit],
    );
    return rows.map(toJob).sort((a, b) => a.runAtMs - b.runAtMs || a.id - b.id);
  }

  async complete(id: number, nowMs: number): Promise<void> {
    await this.db.run(`UPDATE jobs SET state = 'done', done_at_ms = $1, locked_by = '' WHERE id = $2`, [nowMs, id]);
  }

  async fail(id: number, error: string, retryAtMs: number | undefined): Promise<void> {
    if (retryAtMs === undefined)
      await this.db.run(`UPDATE jobs SET state = 'failed', last_error = $1, locked_by = '' WHERE id = $2`, [error, id]);
    else
      await this.db.run(
        `UPDATE jobs SET state = 'pending', last_error = $1, run_at_ms = $2, locked_by = '' WHERE id = $3`,
        [error, retryAtMs, id],
      );
  }

  cancelByKeyPrefix(prefix: string): Promise<number> {
    return this.db.run(`UPDATE jobs SET state = 'cancelled' WHERE state = 'pending' AND left(dedupe_key, $1) = $2`, [
      prefix.length,
      prefix,
    ]);
  }

  async get(id: number): Promise<Job | undefined> {
    const r = await this.db.one<Row>(`SELECT ${JOB} FROM jobs WHERE id = $1`, [id]);
    return r === undefined ? undefined : toJob(r);
  }

  async list(f: { state?: JobState; kind?: string; limit: number }): Promise<Job[]> {
    const rows = await this.db.rows<Row>(
      `SELECT ${JOB} FROM jobs WHERE ($1::text IS NULL OR state = $1) AND ($2::text IS NULL OR kind = $2) ORDER BY run_at_ms, id LIMIT $3`,
      [f.state ?? null, f.kind ?? null, f.limit],
    );
    return rows.map(toJob);
  }

  async countPending(): Promise<number> {
    return (
      (await this.db.one<{ n: number }>(`SELECT COUNT(*)::int AS n FROM jobs WHERE state IN ('pending','running')`))
        ?.n ?? 0
    );
  }
}
