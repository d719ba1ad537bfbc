import { CompiledQuery } from 'kysely';
import type { Insertable, Kysely } from 'kysely';
import { directExecution } from './direct-execution';
import type { DB } from './schema';
import type { SqlDialect } from './sql-context';

const compiled = new Map<string, string>();

/** Largest statement of a run, in rows. */
const MAX_RUN = 256;

/**
 * The rows in runs whose lengths are powers of two (largest first: 200 rows → 128, 64, 8), so
 * a batch of any size takes a few statements, each compiled and prepared once per size class.
 */
export function powerOfTwoRuns<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  let i = 0;
  while (i < rows.length) {
    let size = MAX_RUN;
    while (size > rows.length - i) size /= 2;
    out.push(rows.slice(i, i + size));
    i += size;
  }
  return out;
}

/**
 * Multi-row INSERTs of rows that all have the same defined columns in the same order (a batch
 * of tickets, their events, jobs, notices: issue 19), one statement per power-of-two run.
 * `ignoreConflicts`: rows that hit a unique index are left out (ON CONFLICT DO NOTHING).
 * `returning`: the column whose values of the rows actually inserted are returned.
 */
export async function insertRuns<T extends keyof DB & string>(
  dialect: SqlDialect,
  db: Kysely<DB>,
  table: T,
  rows: ReadonlyArray<Insertable<DB[T]>>,
  opts: { readonly ignoreConflicts?: boolean; readonly returning?: keyof DB[T] & string } = {},
): Promise<unknown[]> {
  const first = rows[0];
  if (first === undefined) return [];
  const columns = Object.keys(first);
  const out: unknown[] = [];
  for (const run of powerOfTwoRuns(rows)) {
    const key = `${dialect}|${table}|${run.length}|${opts.ignoreConflicts === true}|${opts.returning ?? ''}|${columns.join(',')}`;
    let text = compiled.get(key);
    if (text === undefined) {
      let q = db.insertInto(table).values([...run]);
      if (opts.ignoreConflicts === true) q = q.onConflict((oc) => oc.doNothing());
      text = (opts.returning === undefined ? q : q.returning(opts.returning)).compile().sql;
      compiled.set(key, text);
    }
    const params: unknown[] = [];
    for (const r of run) {
      const values = Object.entries(r);
      if (values.length !== columns.length || values.some(([k, v], i) => k !== columns[i] || v === undefined))
        throw new Error(`insertRuns(${table}): every row needs the same defined columns in the same order`);
      for (const [, v] of values) params.push(v);
    }
    const fast = directExecution(db);
    const res =
      fast === undefined
        ? await db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(text, params))
        : await fast<Record<string, unknown>>(text, params);
    if (opts.returning !== undefined) for (const r of res.rows) out.push(r[opts.returning]);
  }
  return out;
}
