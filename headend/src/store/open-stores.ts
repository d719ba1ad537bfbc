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
 * or test runs in one database).
 */
export async function openStores(
  database: string,
  opts: Pick<PostgresOptions, 'onConnectionError'> = {},
): Promise<Stores> {
  if (!/^postgres(ql)?:\/\//.test(database)) return openSqliteStores(database);
  const url = new URL(database);
  const schema = url.searchParams.get('schema') ?? undefined;
  url.searchParams.delete('schema');
  return openPostgresStores(url.toString(), { ...opts, ...(schema === undefined ? {} : { schema }) });
}
