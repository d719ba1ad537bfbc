import type { Kysely, QueryResult } from 'kysely';
import type { DB } from './schema';

/** Runs compiled SQL text with its parameters on the handle's connection. */
export type DirectExecution = <R>(sql: string, params: readonly unknown[]) => Promise<QueryResult<R>>;

const direct = new WeakMap<Kysely<DB>, DirectExecution>();

/**
 * A shortcut past Kysely's executor for SQL compiled once (insert-row.ts, compiled-once.ts):
 * on SQLite a statement runs synchronously on the one connection, and the executor's
 * connection hand-out, plugin pass and result wrapping per statement were a tenth of a
 * notice's CPU. Engines without a shortcut (PostgreSQL) go through Kysely as usual.
 */
export function registerDirectExecution(db: Kysely<DB>, run: DirectExecution): void {
  direct.set(db, run);
}

export function directExecution(db: Kysely<DB>): DirectExecution | undefined {
  return direct.get(db);
}
