import { CompiledQuery } from 'kysely';
import type { Insertable, Kysely } from 'kysely';
import type { DB } from './schema';
import type { SqlDialect } from './sql-context';

const compiled = new Map<string, string>();

/**
 * INSERT of one row, its SQL compiled by Kysely once per engine, table, column set and
 * conflict policy, then reused with the row's values: building and compiling the query
 * again for every row cost more than running it on the hot paths (a fault report inserts
 * five rows). Resolves to the number of rows inserted (0 when a conflict was ignored).
 */
export async function insertRow<T extends keyof DB & string>(
  dialect: SqlDialect,
  db: Kysely<DB>,
  table: T,
  row: Insertable<DB[T]>,
  onConflict: 'fail' | 'ignore' = 'fail',
): Promise<number> {
  const entries = Object.entries(row).filter(([, v]) => v !== undefined);
  const key = `${dialect}|${table}|${onConflict}|${entries.map(([k]) => k).join(',')}`;
  let text = compiled.get(key);
  if (text === undefined) {
    const q = db.insertInto(table).values(row);
    text = (onConflict === 'ignore' ? q.onConflict((oc) => oc.doNothing()) : q).compile().sql;
    compiled.set(key, text);
  }
  const r = await db.executeQuery(
    CompiledQuery.raw(
      text,
      entries.map(([, v]) => v),
    ),
  );
  return Number(r.numAffectedRows ?? 0n);
}
