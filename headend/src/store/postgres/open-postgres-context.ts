import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { DB } from '../sql/schema';
import type { SqlContext } from '../sql/sql-context';
import type { ConnectionCounts } from '../../ports/store';
import { InlineLimits } from '../sql/inline-limits';
import { migratePostgres } from './pg-migrations';

// Milliseconds and money in minor units fit in 2^53: read BIGINT as number, not string.
pg.types.setTypeParser(20, (v: string) => Number(v));

/**
 * Longest a statement of the headend may run before the server cancels it. A query that
 * hangs (a lock never released, a stalled server) then fails, and its caller retries or
 * reports, instead of holding a pooled connection, and everything waiting on it (a receipt
 * batch, the hellos waiting on that batch), for good.
 */
export const STATEMENT_TIMEOUT_MS = 30_000;

export interface PostgresOptions {
  readonly schema?: string;
  readonly poolSize?: number;
  readonly statementTimeoutMs?: number;
  /**
   * A connection the server or the network dropped (a restarted server, a keepalive that got no
   * answer, a transaction ended for idling). The pool replaces it and the query on it, if any,
   * fails to its caller; this only reports it. Default: one line on stderr.
   */
  readonly onConnectionError?: (err: Error) => void;
}

const reportToStderr = (err: Error): void => {
  process.stderr.write(`stb-notify: PostgreSQL connection lost: ${err.message}\n`);
};

/**
 * The scale-out database: PostgreSQL through a pool, migrated on open (advisory lock, so
 * several headends may start together). `schema` isolates a deployment or a test run.
 */
export async function openPostgresContext(
  url: string,
  opts: PostgresOptions = {},
): Promise<{ ctx: SqlContext; close: () => Promise<void>; connections: () => ConnectionCounts }> {
  if (opts.schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(opts.schema)) {
    throw new Error(`schema ${JSON.stringify(opts.schema)} must be a lower-case SQL identifier`);
  }
  const timeoutMs = opts.statementTimeoutMs ?? STATEMENT_TIMEOUT_MS;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1) throw new Error('statementTimeoutMs must be a positive integer');
  if (new URL(url).searchParams.has('options'))
    throw new Error('the database URL must not set options: the headend sets search_path and its time limits itself');
  const searchPath = opts.schema ? `-c search_path=${opts.schema}` : '';
  const onError = opts.onConnectionError ?? reportToStderr;
  // Migrations run on their own connection, without the limit: they may wait for another
  // headend's migration (the advisory lock) and rewrite large tables.
  const migrator = new pg.Client({ connectionString: url, ...(searchPath ? { options: searchPath } : {}) });
  // Without a listener, a connection's 'error' event would end the process (pg emits it when the server hangs up).
  migrator.on('error', onError);
  await migrator.connect();
  try {
    if (opts.schema) await migrator.query(`CREATE SCHEMA IF NOT EXISTS ${opts.schema}`);
    await migratePostgres(migrator);
  } finally {
    await migrator.end();
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.poolSize ?? 10,
    // A transaction left open (its caller gone) is ended by the server too, releasing its locks.
    options: `${searchPath} -c statement_timeout=${timeoutMs} -c idle_in_transaction_session_timeout=${2 * timeoutMs}`,
    // A connection whose server vanished without a word is found by TCP keepalive: first probe
    // after 10 s idle, then the kernel's own probe interval and count (on Linux's defaults about
    // 11 minutes in all) instead of never.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  });
  // Idle connections: pg-pool re-emits their errors on the pool. Checked-out ones: on the client.
  pool.on('error', onError);
  pool.on('connect', (client) => client.on('error', onError));
  const kysely = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins: [new InlineLimits()] });
  return {
    ctx: {
      db: kysely,
      dialect: 'postgres',
      inTransaction: false,
      transact: (fn) => kysely.transaction().execute(fn),
    },
    close: () => kysely.destroy(),
    connections: () => ({ inUse: pool.totalCount - pool.idleCount, idle: pool.idleCount, waiting: pool.waitingCount }),
  };
}
