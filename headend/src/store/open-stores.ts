import { HeadendError } from '../errors';
import type { Stores } from '../ports/store';
import { openPostgresContext } from './postgres/open-postgres-context';
import type { PostgresOptions } from './postgres/open-postgres-context';
import { sqlStores } from './sql/sql-stores';
import { openSqliteContext } from './sqlite/open-sqlite-context';

/** The embedded store: one SQLite file (or ':memory:'). */
export function openSqliteStores(file: string): Stores {
  const { ctx, close } = openSqliteContext(file);
  return sqlStores(ctx, close);
}

/** The scale-out store: PostgreSQL (`schema` isolates a deployment or a test run). */
export async function openPostgresStores(url: string, opts: PostgresOptions = {}): Promise<Stores> {
  const { ctx, close, connections } = await openPostgresContext(url, opts);
  return sqlStores(ctx, close, connections);
}

/**
 * The embedded default is a SQLite file; a postgres:// URL selects PostgreSQL (scale-out).
 * `?schema=name` in the URL keeps the headend's tables in that schema (several deployments
 * or test runs in one database); `?statement_timeout_ms=` changes the statement limit
 * (STATEMENT_TIMEOUT_MS).
 */
export async function openStores(
  database: string,
  opts: Pick<PostgresOptions, 'onConnectionError'> = {},
): Promise<Stores> {
  if (!/^postgres(ql)?:\/\//.test(database)) return openSqliteStores(database);
  const { url, schema, statementTimeoutMs } = postgresUrl(database);
  return openPostgresStores(url, {
    ...opts,
    ...(schema === undefined ? {} : { schema }),
    ...(statementTimeoutMs === undefined ? {} : { statementTimeoutMs }),
  });
}

/** A postgres:// URL with the headend's own parameters (`schema`, `statement_timeout_ms`) taken out. */
export function postgresUrl(database: string): { url: string; schema?: string; statementTimeoutMs?: number } {
  const url = new URL(database);
  const schema = url.searchParams.get('schema') ?? undefined;
  const limit = url.searchParams.get('statement_timeout_ms') ?? undefined;
  url.searchParams.delete('schema');
  url.searchParams.delete('statement_timeout_ms');
  return {
    url: url.toString(),
    ...(schema === undefined ? {} : { schema }),
    ...(limit === undefined ? {} : { statementTimeoutMs: statementTimeout(limit) }),
  };
}

/** `?statement_timeout_ms=` in the URL: 1 s to 1 h (a headend statement that needs longer is a bug). */
function statementTimeout(text: string): number {
  const ms = /^[0-9]{1,8}$/.test(text) ? Number(text) : NaN;
  if (!(ms >= 1000 && ms <= 3_600_000))
    throw new HeadendError(
      'CONFIG_INVALID',
      `database URL: statement_timeout_ms must be 1000–3600000, got ${JSON.stringify(text)}`,
    );
  return ms;
}
