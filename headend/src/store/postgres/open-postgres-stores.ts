import pg from 'pg';
import type { Stores } from '../../ports/store';
import { PgBillingStore } from './pg-billing-store';
import { PgDb } from './pg-db';
import { PgJobStore } from './pg-job-store';
import { migratePostgres } from './pg-migrations';
import { PgNoticeStore } from './pg-notice-store';
import { PgRegistryStore } from './pg-registry-store';
import { PgTicketStore } from './pg-ticket-store';
import { PgAuditLog, PgTokenStore } from './pg-token-and-audit';

/**
 * The scale-out store: PostgreSQL through a pool, migrated on open (advisory lock, so
 * several headends may start together). `schema` isolates a deployment or a test run.
 */
export async function openPostgresStores(
  url: string,
  opts: { schema?: string; poolSize?: number } = {},
): Promise<Stores> {
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
  const db = new PgDb(pool);
  return {
    registry: new PgRegistryStore(db),
    notices: new PgNoticeStore(db),
    jobs: new PgJobStore(db),
    billing: new PgBillingStore(db),
    tokens: new PgTokenStore(db),
    audit: new PgAuditLog(db),
    tickets: new PgTicketStore(db),
    close: () => pool.end(),
  };
}
