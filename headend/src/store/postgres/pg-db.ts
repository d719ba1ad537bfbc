import pg from 'pg';
import type { Pool, PoolClient, QueryResultRow } from 'pg';

// Milliseconds and money in minor units fit in 2^53: read BIGINT as number, not string.
pg.types.setTypeParser(20, (v: string) => Number(v));

/** A pool plus small helpers; `tx` runs a function in one transaction on one connection. */
export class PgDb {
  constructor(readonly pool: Pool) {}

  async rows<T extends QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.pool.query<T>(sql, params)).rows;
  }

  async one<T extends QueryResultRow>(sql: string, params: unknown[] = []): Promise<T | undefined> {
    return (await this.pool.query<T>(sql, params)).rows[0];
  }

  async run(sql: string, params: unknown[] = []): Promise<number> {
    return (await this.pool.query(sql, params)).rowCount ?? 0;
  }

  async tx<T>(fn: (c: PoolClient) => Promise<T>): Promise<T> {
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      const r = await fn(c);
      await c.query('COMMIT');
      return r;
    } catch (err) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      c.release();
    }
  }
}
