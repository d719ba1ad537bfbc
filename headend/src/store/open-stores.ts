import type { Stores } from '../ports/store';
import { openPostgresStores } from './postgres/open-postgres-stores';
import { openSqliteStores } from './sqlite/open-sqlite-stores';

/** The embedded default is a SQLite file; a postgres:// URL selects PostgreSQL (scale-out). */
export async function openStores(database: string): Promise<Stores> {
  return /^postgres(ql)?:\/\//.test(database) ? openPostgresStores(database) : openSqliteStores(database);
}
