import { sql } from 'kysely';
import type { Kysely, RawBuilder } from 'kysely';
import type { DB } from './schema';

export type SqlDialect = 'sqlite' | 'postgres';

/** Rows per statement (bulk inserts, IN lists): far below both engines' parameter limits; full chunks repeat one text. */
export const CHUNK = 500;

/**
 * What every store is built on: a Kysely handle (the database, or an open transaction) and
 * the engine it compiles for. One store class per port serves both engines; the few places
 * where the dialects differ ask `dialect`.
 */
export interface SqlContext {
  readonly db: Kysely<DB>;
  readonly dialect: SqlDialect;
  /** True when `db` is a transaction: a multi-statement write runs in it instead of opening another. */
  readonly inTransaction: boolean;
  /** Runs `fn` as one transaction (the engine's cheapest way: see groupCommitUnitOfWork). */
  readonly transact: <T>(fn: (db: Kysely<DB>) => Promise<T>) => Promise<T>;
}

/** Runs `fn` atomically: in the caller's transaction if there is one, else in a new one. */
export function atomically<T>(ctx: SqlContext, fn: (db: Kysely<DB>) => Promise<T>): Promise<T> {
  if (ctx.inTransaction) return fn(ctx.db);
  return ctx.transact(fn);
}

/** Creation order of rows without a time tie-break: SQLite's rowid, PostgreSQL's `seq` column. */
export function creationOrder(ctx: SqlContext): RawBuilder<number> {
  return sql<number>`${sql.ref(ctx.dialect === 'sqlite' ? 'rowid' : 'seq')}`;
}

/** Affected rows of an UPDATE/DELETE/INSERT result as a number. */
export function affected(r: {
  numUpdatedRows?: bigint;
  numDeletedRows?: bigint;
  numInsertedOrUpdatedRows?: bigint;
}): number {
  return Number(r.numUpdatedRows ?? r.numDeletedRows ?? r.numInsertedOrUpdatedRows ?? 0n);
}
