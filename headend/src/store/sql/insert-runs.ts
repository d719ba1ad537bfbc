import { CompiledQuery, sql } from 'kysely';
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

interface RunOptions<T extends keyof DB & string> {
  readonly ignoreConflicts?: boolean;
  readonly returning?: keyof DB[T] & string;
}

/** Throws unless every row has exactly `columns`, in that order, all defined. */
function checkColumns(table: string, columns: readonly string[], rows: readonly object[]): void {
  for (const r of rows) {
    const entries = Object.entries(r);
    if (entries.length !== columns.length || entries.some(([k, v], i) => k !== columns[i] || v === undefined))
      throw new Error(`insertRuns(${table}): every row needs the same defined columns in the same order`);
  }
}

/**
 * Multi-row INSERTs of rows that all have the same defined columns in the same order (a batch
 * of tickets, their events, jobs, notices: issue 19). SQLite: one statement per power-of-two
 * run, each prepared once. PostgreSQL: one statement for the whole batch, its rows as one JSON
 * parameter read by `json_populate_recordset` in the table's own column types — every
 * statement is a network round trip there, and a pass of 125 reports took 17 of them per pass
 * in runs (64 + 32 + 16 + 8 + 4 + 1) across the seven tables it writes.
 * `ignoreConflicts`: rows that hit a unique index are left out (ON CONFLICT DO NOTHING).
 * `returning`: the column whose values of the rows actually inserted are returned.
 */
export async function insertRuns<T extends keyof DB & string>(
  dialect: SqlDialect,
  db: Kysely<DB>,
  table: T,
  rows: ReadonlyArray<Insertable<DB[T]>>,
  opts: RunOptions<T> = {},
): Promise<unknown[]> {
  const first = rows[0];
  if (first === undefined) return [];
  const columns = Object.keys(first);
  checkColumns(table, columns, rows);
  if (dialect === 'postgres') return insertAsJson(db, table, columns, rows, opts);
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
    const params = run.flatMap((r) => Object.values(r));
    const fast = directExecution(db);
    const res =
      fast === undefined
        ? await db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(text, params))
        : await fast<Record<string, unknown>>(text, params);
    if (opts.returning !== undefined) for (const r of res.rows) out.push(r[opts.returning]);
  }
  return out;
}

/**
 * The JSON with its lone surrogates (escapes preceded by an odd run of backslashes: JSON.stringify
 * writes pairs as they are) as U+FFFD: PostgreSQL's JSON refuses them, and as a parameter such a
 * string became U+FFFD too (UTF-8 has no surrogates).
 */
function withoutLoneSurrogates(json: string): string {
  if (!json.includes('\\ud')) return json;
  return json.replace(/(\\+)(ud[89a-f][0-9a-f]{2})/g, (m, slashes: string) =>
    slashes.length % 2 === 1 ? `${slashes.slice(1)}\\ufffd` : m,
  );
}

/** PostgreSQL: the batch in one statement, `INSERT … SELECT … FROM json_populate_recordset(NULL::table, $1)`. */
async function insertAsJson<T extends keyof DB & string>(
  db: Kysely<DB>,
  table: T,
  columns: readonly string[],
  rows: ReadonlyArray<Insertable<DB[T]>>,
  opts: RunOptions<T>,
): Promise<unknown[]> {
  const key = `postgres-json|${table}|${opts.ignoreConflicts === true}|${opts.returning ?? ''}|${columns.join(',')}`;
  let text = compiled.get(key);
  if (text === undefined) {
    const cols = sql.join(columns.map((c) => sql.ref(c)));
    const from = sql`json_populate_recordset(NULL::${sql.table(table)}, ${sql.raw('$1')}::json)`;
    text = sql`INSERT INTO ${sql.table(table)} (${cols}) SELECT ${cols} FROM ${from}${sql.raw(
      opts.ignoreConflicts === true ? ' ON CONFLICT DO NOTHING' : '',
    )}${opts.returning === undefined ? sql`` : sql` RETURNING ${sql.ref(opts.returning)}`}`.compile(db).sql;
    compiled.set(key, text);
  }
  // The rows are objects keyed by column (checked by checkColumns): what json_populate_recordset reads.
  const json = withoutLoneSurrogates(JSON.stringify(rows));
  const res = await db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(text, [json]));
  return opts.returning === undefined ? [] : res.rows.map((r) => r[opts.returning as string]);
}
