import type Database from 'better-sqlite3';
import type { GroupCommit } from './group-commit';
import { statementCache } from './statement-cache';
import type { Job, JobState, JobStore, NewJob } from '../../ports/job-store';

interface JobRow {
  id: number;
  kind: string;
  run_at_ms: number;
  payload_json: string;
  state: JobState;
  attempts: number;
  last_error: string;
  dedupe_key: string | null;
}

function toJob(r: JobRow): Job {
  return {
    id: r.id,
    kind: r.kind,
    runAtMs: r.run_at_ms,
    payload: JSON.parse(r.payload_json) as Record<string, unknown>,
    state: r.state,
    attempts: r.attempts,
    lastError: r.last_error,
    dedupeKey: r.dedupe_key ?? '',
  };
}

export class SqliteJobStore implements JobStore {
  private readonly prepare: (sql: string) => Database.Statement;

  constructor(
    db: Database.Database,
    private readonly tx: GroupCommit,
  ) {
    this.prepare = statementCache(db);
  }

  async schedule(job: NewJob): Promise<number> {
    const key = job.dedupeKey === undefined || job.dedupeKey === '' ? null : job.dedupeKey;
    return this.tx.write(() => {
      const r = this.prepare(
        'INSERT INTO jobs (kind, run_at_ms, payload_json, dedupe_key) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
      ).run(job.kind, job.runAtMs, JSON.stringify(job.payload), key);
      if (r.changes === 1) return Number(r.lastInsertRowid);
      const existing = this.prepare('SELECT id FROM jobs WHERE dedupe_key = ?').get(key) as { id: number };
      return existing.id;
    });
  }

  async claimDue(nowMs: number, worker: string, leaseMs: number, limit: number): Promise<Job[]> {
    return this.tx.write(() => {
      const rows = this.prepare(
        `SELECT * FROM jobs WHERE (state = 'pending' AND run_at_ms <= @now)
             OR (state = 'running' AND locked_until_ms <= @now)
           ORDER BY run_at_ms, id LIMIT @limit`,
      ).all({ now: nowMs, limit }) as JobRow[];
      const claim = this.prepare(
        `UPDATE jobs SET state = 'running', locked_by = ?, locked_until_ms = ?, attempts = attempts + 1 WHERE id = ?`,
      );
      for (const r of rows) claim.run(worker, nowMs + leaseMs, r.id);
      return rows.map((r) => ({ ...toJob(r), state: 'running' as const, attempts: r.attempts + 1 }));
    });
  }

  async complete(id: number, nowMs: number): Promise<void> {
    await this.tx.write(() =>
      this.prepare(`UPDATE jobs SET state = 'done', done_at_ms = ?, locked_by = '' WHERE id = ?`).run(nowMs, id),
    );
  }

  async fail(id: number, error: string, retryAtMs: number | undefined): Promise<void> {
    if (retryAtMs === undefined) {
      await this.tx.write(() =>
        this.prepare(`UPDATE jobs SET state = 'failed', last_error = ?, locked_by = '' WHERE id = ?`).run(error, id),
      );
    } else {
      await this.tx.write(() =>
        this.prepare(
          `UPDATE jobs SET state = 'pending', last_error = ?, run_at_ms = ?, locked_by = '' WHERE id = ?`,
        ).run(error, retryAtMs, id),
      );
    }
  }

  async cancelByKeyPrefix(prefix: string): Promise<number> {
    return this.tx.write(
      () =>
        this.prepare(
          `UPDATE jobs SET state = 'cancelled' WHERE state = 'pending' AND substr(dedupe_key, 1, ?) = ?`,
        ).run(prefix.length, prefix).changes,
    );
  }

  async get(id: number): Promise<Job | undefined> {
    const r = this.prepare('SELECT * FROM jobs WHERE id = ?').get(id) as JobRow | undefined;
    return r === undefined ? undefined : toJob(r);
  }

  async list(f: { state?: JobState; kind?: string; limit: number }): Promise<Job[]> {
    const rows = this.prepare(
      `SELECT * FROM jobs WHERE (@state IS NULL OR state = @state) AND (@kind IS NULL OR kind = @kind)
         ORDER BY run_at_ms, id LIMIT @limit`,
    ).all({ state: f.state ?? null, kind: f.kind ?? null, limit: f.limit }) as JobRow[];
    return rows.map(toJob);
  }

  async countPending(): Promise<number> {
    return (this.prepare(`SELECT COUNT(*) AS n FROM jobs WHERE state IN ('pending','running')`).get() as { n: number })
      .n;
  }
}
