import type { Stores } from '../ports/store';
import { openPostgresStores } from './postgres/open-postgres-stores';
import { openSqliteStores } from './sqlite/open-sqlite-stores';

/**
 * The embedded default is a SQLite file; a postgres:// URL selects PostgreSQL (scale-out).
 * `?schema=name` in the URL keeps the headend's tables in that schema (several deployments
 * or test runs in one database).
 */
export async function openStores(database: string): Promise<Stores> {
  if (!/^postgres(ql)?:\/\//.test(database)) return openSqliteStores(database);
  const url = new URL(database);
  const schema = url.searchParams.get('schema') ?? undefined;
  url.searchParams.delete('schema');
  return openPostgresStores(url.toString(), schema === undefined ? {} : { schema });
}
