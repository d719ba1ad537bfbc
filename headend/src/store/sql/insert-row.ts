import { CompiledQuery } from 'kysely';
import type { Insertable, Kysely } from 'kysely';
import { directExecution } from './direct-execution';
import type { DB } from './schema';
import type { SqlDialect } from './sql-context';

const compiled = new Map<string, string>();

/** Per engine, table and conflict policy: the column lists seen and their SQL. */
const byColumns = new Map<string, Array<{ readonly columns: readonly string[]; readonly text: string }>>();

function sameColumns(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * INSERT of one row, its SQL compiled by Kysely once per engine, table, column set and
 * conflict policy, then reused with the row's values: building and compiling the query
 * again for every row cost more than running it on the hot paths (a fault report inserts
 * five rows). Resolves to the number of rows inserted (0 when a conflict was ignored).
 * The column set is found by comparing the row's keys with the few seen before (property
 * names compare by identity), not by building a key string of ~45 names per ticket.
 */
export async function insertRow<T extends keyof DB & string>(
  dialect: SqlDialect,
  db: Kysely<DB>,
  table: T,
  row: Insertable<DB[T]>,
  onConflict: 'fail' | 'ignore' = 'fail',
): Promise<number> {
  const values = row as Record<string, unknown>;
  const columns: string[] = [];
  const params: unknown[] = [];
  for (const k of Object.keys(values)) {
    const v = values[k];
    if (v === undefined) continue;
    columns.push(k);
    params.push(v);
  }
  const group = `${dialect}|${table}|${onConflict}`;
  let known = byColumns.get(group);
  if (known === undefined) byColumns.set(group, (known = []));
  let text = known.find((c) => sameColumns(c.columns, columns))?.text;
  if (text === undefined) {
    const q = db.insertInto(table).values(row);
    text = (onConflict === 'ignore' ? q.onConflict((oc) => oc.doNothing()) : q).compile().sql;
    known.push({ columns, text });
  }
  return affectedBy(db, text, params);
}

/**
 * A multi-row INSERT of rows that all have the same columns (a notice's deliveries), compiled
 * once per table and row count the same way. Resolves to the number of rows inserted.
 */
export async function insertRows<T extends keyof DB & string>(
  dialect: SqlDialect,
  db: Kysely<DB>,
  table: T,
  rows: ReadonlyArray<Insertable<DB[T]>>,
): Promise<number> {
  const first = rows[0];
  if (first === undefined) return 0;
  const columns = Object.keys(first);
  const key = `${dialect}|${table}|rows:${rows.length}|${columns.join(',')}`;
  let text = compiled.get(key);
  if (text === undefined) {
    text = db
      .insertInto(table)
      .values([...rows])
      .compile().sql;
    compiled.set(key, text);
  }
  const params = rows.flatMap((r) => {
    const values = Object.entries(r);
    if (values.length !== columns.length || values.some(([k, v], i) => k !== columns[i] || v === undefined))
      throw new Error(`insertRows(${table}): every row needs the same defined columns in the same order`);
    return values.map(([, v]) => v);
  });
  return affectedBy(db, text, params);
}

async function affectedBy(db: Kysely<DB>, text: string, params: readonly unknown[]): Promise<number> {
  const fast = directExecution(db);
  const r = fast === undefined ? await db.executeQuery(CompiledQuery.raw(text, [...params])) : await fast(text, params);
  return Number(r.numAffectedRows ?? 0n);
}
