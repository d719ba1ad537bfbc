import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { DB } from '../sql/schema';
import type { SqlContext } from '../sql/sql-context';
import { InlineLimits } from '../sql/inline-limits';
import { migratePostgres } from './pg-migrations';

// Milliseconds and money in minor units fit in 2^53: read BIGINT as number, not string.
pg.types.setTypeParser(20, (v: string) => Number(v));

/**
 * The scale-out database: PostgreSQL through a pool, migrated on open (advisory lock, so
 * several headends may start together). `schema` isolates a deployment or a test run.
 */
export async function openPostgresContext(
  url: string,
  opts: { schema?: string; poolSize?: number } = {},
): Promise<{ ctx: SqlContext; close: () => Promise<void> }> {
  if (opts.schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(opts.schema)) {
    throw new Error(`schema ${JSON.stringify(opts.schema)} must be a lower-case SQL identifier`);
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.poolSize ?? 10,
    ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
  });
  const client = await pool.connect();
  try {
    if (opts.schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${opts.schema}`);
    await migratePostgres(client);
  } finally {
    client.release();
  }
  const kysely = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins: [new InlineLimits()] });
  return {
    ctx: {
      db: kysely,
      dialect: 'postgres',
      inTransaction: false,
      transact: (fn) => kysely.transaction().execute(fn),
    },
    close: () => kysely.destroy(),
  };
}
