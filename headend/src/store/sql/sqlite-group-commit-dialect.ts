import { Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } from 'kysely';
import type { CompiledQuery, DatabaseConnection, Dialect, Driver, QueryResult } from 'kysely';
import { registerDirectExecution } from './direct-execution';
import { InlineLimits } from './inline-limits';
import type { DirectExecution } from './direct-execution';
import { runText } from './group-commit';
import type { GroupCommit } from './group-commit';
import type { DB } from './schema';

function run<R>(gc: GroupCommit, q: CompiledQuery): QueryResult<R> {
  return runText<R>(gc, q.sql, q.parameters);
}

/** Outside a unit of work: reads at once, writes group-committed (see GroupCommitConnection). */
export function groupCommitDirect(gc: GroupCommit): DirectExecution {
  return async <R>(sql: string, params: readonly unknown[]) => {
    if (gc.isRead(sql)) return runText<R>(gc, sql, params);
    return gc.write(() => runText<R>(gc, sql, params));
  };
}

/** Statements outside a unit of work: reads run at once, writes are group-committed. */
class GroupCommitConnection implements DatabaseConnection {
  constructor(private readonly gc: GroupCommit) {}

  async executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
    if (this.gc.isRead(q.sql)) return run<R>(this.gc, q);
    return this.gc.write(() => run<R>(this.gc, q));
  }

  streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not supported by the group-commit driver');
  }
}

/**
 * One shared connection object (no allocation per statement). Units of work do not go
 * through Kysely's `transaction()` here but through `groupCommitUnitOfWork` (SqlContext.transact).
 */
class GroupCommitDriver implements Driver {
  private readonly connection: GroupCommitConnection;

  constructor(private readonly gc: GroupCommit) {
    this.connection = new GroupCommitConnection(gc);
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return this.connection;
  }

  async beginTransaction(): Promise<void> {
    throw new Error('SQLite units of work go through SqlContext.transact (groupCommitUnitOfWork)');
  }

  async commitTransaction(): Promise<void> {}

  async rollbackTransaction(): Promise<void> {}

  async releaseConnection(): Promise<void> {}

  async destroy(): Promise<void> {
    this.gc.commit();
    this.gc.db.close();
  }
}

/** Runs every statement at once on the connection: the statements of the one open unit of work. */
class UnitOfWorkConnection implements DatabaseConnection {
  constructor(private readonly gc: GroupCommit) {}

  async executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
    return run<R>(this.gc, q);
  }

  streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not supported by the group-commit driver');
  }
}

class UnitOfWorkDriver implements Driver {
  private readonly connection: UnitOfWorkConnection;

  constructor(gc: GroupCommit) {
    this.connection = new UnitOfWorkConnection(gc);
  }

  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return this.connection;
  }
  async beginTransaction(): Promise<void> {
    throw new Error('already in a unit of work');
  }
  async commitTransaction(): Promise<void> {}
  async rollbackTransaction(): Promise<void> {}
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {}
}

/**
 * Units of work without Kysely's per-transaction machinery (a new Kysely instance, a
 * connection acquisition and three driver calls per transaction showed up in the intake
 * profile): one long-lived handle whose statements run inside the open unit of work — there
 * is at most one at a time — and `transact` around it.
 */
export function groupCommitUnitOfWork(gc: GroupCommit): <T>(fn: (db: Kysely<DB>) => Promise<T>) => Promise<T> {
  const db = new Kysely<DB>({
    dialect: {
      createAdapter: () => new SharedConnectionAdapter(),
      createDriver: () => new UnitOfWorkDriver(gc),
      createQueryCompiler: () => new SqliteQueryCompiler(),
      createIntrospector: (k: Kysely<unknown>) => new SqliteIntrospector(k),
    },
    plugins: [new InlineLimits()],
  });
  registerDirectExecution(db, async <R>(sql: string, params: readonly unknown[]) => runText<R>(gc, sql, params));
  return async (fn) => {
    await gc.begin();
    let value: Awaited<ReturnType<typeof fn>>;
    try {
      value = await fn(db);
    } catch (err) {
      await gc.rollbackTransaction(err);
      throw err;
    }
    await gc.commitTransaction();
    return value;
  };
}

/** SQLite's adapter, but the connection is not exclusive: group commit orders the writes itself. */
class SharedConnectionAdapter extends SqliteAdapter {
  override get supportsMultipleConnections(): boolean {
    return true;
  }
}

export function groupCommitDialect(gc: GroupCommit): Dialect {
  return {
    createAdapter: () => new SharedConnectionAdapter(),
    createDriver: () => new GroupCommitDriver(gc),
    createQueryCompiler: () => new SqliteQueryCompiler(),
    createIntrospector: (db: Kysely<unknown>) => new SqliteIntrospector(db),
  };
}
