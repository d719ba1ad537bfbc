import type { CompiledQuery, Compilable, Kysely } from 'kysely';
import { directExecution } from './direct-execution';
import type { DB } from './schema';
import type { SqlDialect } from './sql-context';

const cache = new Map<string, CompiledQuery<unknown>>();

/**
 * Runs a query whose shape never changes, compiled by Kysely once per engine and `key` and
 * then reused with new `params` (in the order the built query takes them). On the hot paths
 * (a fault report reads a box, a zone, a report id and a ticket) building and compiling a
 * query every time cost more than running it. The first compile checks that `params` are
 * exactly the parameters Kysely put in the query, so a wrong order fails at once, not quietly.
 */
export async function compiledOnce<O>(
  dialect: SqlDialect,
  db: Kysely<DB>,
  key: string,
  params: readonly unknown[],
  build: () => Compilable<O>,
): Promise<O[]> {
  const k = `${dialect}|${key}`;
  let c = cache.get(k) as CompiledQuery<O> | undefined;
  if (c === undefined) {
    c = build().compile();
    if (c.parameters.length !== params.length || c.parameters.some((p, i) => p !== params[i])) {
      throw new Error(`compiledOnce(${key}): parameters ${JSON.stringify(c.parameters)} ≠ ${JSON.stringify(params)}`);
    }
    cache.set(k, c);
  }
  const fast = directExecution(db);
  return (fast === undefined ? await db.executeQuery<O>({ ...c, parameters: params }) : await fast<O>(c.sql, params))
    .rows;
}
