import type Database from 'better-sqlite3';
import type { QueryResult } from 'kysely';

interface Waiter {
  readonly resolve: () => void;
  readonly reject: (err: unknown) => void;
}

/**
 * Group commit for the embedded store (its Kysely dialect: sqlite-group-commit-dialect.ts). Every write runs at once, in its
 * own savepoint inside a transaction that stays open until the event loop's next turn; then
 * one COMMIT makes all of that turn's writes durable together, and only then do their
 * promises resolve. Under load (a burst of fault reports) this turns several commits per
 * message into one per turn: a SQLite commit costs ~35 µs here however little it writes.
 *
 * A unit of work (`groupCommitUnitOfWork`) is one savepoint held across its statements; while
 * one is open, other writes wait for it (they would otherwise land inside it), and a turn's
 * COMMIT that came due waits for it to end (then runs before the next in line). A write that
 * throws rolls back its own savepoint only; a COMMIT that fails rolls the whole turn back and
 * rejects every write in it — nobody is told "stored" for data that was not. Reads run at
 * once on the one connection.
 */
export class GroupCommit {
  private waiters: Waiter[] | undefined;
  /** Held by the open unit of work, or by a write waiting behind one; handed over in FIFO order. */
  private locked = false;
  /** The turn's commit came due while the connection was held: it runs when the holder lets go. */
  private commitDue = false;
  private queue: Array<() => void> = [];
  private readonly statements = new Map<string, Database.Statement>();
  private readonly reads = new Map<string, boolean>();

  /** True for a statement that only reads (it runs at once, outside the group commit); decided once per text. */
  isRead(sqlText: string): boolean {
    let read = this.reads.get(sqlText);
    if (read === undefined) {
      // INSERT … RETURNING returns rows too: a reader to SQLite, a write to us.
      read = this.prepare(sqlText).reader && !/^\s*(insert|update|delete)\b/i.test(sqlText);
      this.reads.set(sqlText, read);
    }
    return read;
  }

  constructor(readonly db: Database.Database) {}

  /**
   * Prepares each SQL text once (better-sqlite3's prepare is a full SQLite compile). Bounded:
   * texts that vary (IN lists of many lengths) must not grow it for ever.
   */
  prepare(sqlText: string): Database.Statement {
    let st = this.statements.get(sqlText);
    if (st === undefined) {
      if (this.statements.size >= 1000) {
        this.statements.clear();
        this.reads.clear();
      }
      st = this.db.prepare(sqlText);
      this.statements.set(sqlText, st);
    }
    return st;
  }

  /** A statement without parameters, prepared once (exec() compiles it every time). */
  private sql(text: string): void {
    this.prepare(text).run();
  }

  private openTurn(): Waiter[] {
    if (this.waiters === undefined) {
      // IMMEDIATE takes the write lock now (waiting busy_timeout for another process),
      // so a read-then-write turn never fails on a stale snapshot.
      this.sql('BEGIN IMMEDIATE'); // prepared once, like COMMIT: exec() compiles the text every time
      this.waiters = [];
      setImmediate(() => this.commit());
    }
    return this.waiters;
  }

  private durable(waiters: Waiter[]): Promise<void> {
    return new Promise<void>((resolve, reject) => waiters.push({ resolve, reject }));
  }

  /**
   * Takes the connection: at once when it is free (set in the same synchronous step, so two
   * units of work never interleave), else in turn — the holder hands it to the next waiter
   * directly (no wake-up of every waiter to race for it again).
   */
  private lock(): Promise<void> {
    if (!this.locked) {
      this.locked = true;
      return Promise.resolve();
    }
    return new Promise<void>((r) => this.queue.push(r));
  }

  private unlock(): void {
    // A turn whose commit came due while the connection was held commits now, before the next
    // holder: under a steady stream of units of work the lock is handed on without ever being
    // free, and the turn would otherwise grow for the whole burst (thousands of writes in one
    // transaction, every caller waiting for its end, SQLite's page cache spilling to the WAL).
    if (this.commitDue) {
      this.commitDue = false;
      this.commitNow();
    }
    const next = this.queue.shift();
    if (next === undefined) this.locked = false;
    else next();
  }

  /** One write in its own savepoint; resolves once the turn is committed. */
  async write<T>(fn: () => T): Promise<T> {
    // Synchronous, so it cannot interleave with anything — unless a unit of work holds the
    // connection across its awaits: then it waits its turn.
    if (!this.locked) return this.writeNow(fn);
    await this.lock();
    let stored: Promise<T>;
    try {
      stored = this.writeNow(fn);
    } finally {
      this.unlock(); // at once: the next in line need not wait for this turn's COMMIT
    }
    return stored;
  }

  private writeNow<T>(fn: () => T): Promise<T> {
    const waiters = this.openTurn();
    this.sql('SAVEPOINT w');
    let value: T;
    try {
      value = fn();
    } catch (err) {
      this.undo('w', err);
      throw err;
    }
    this.sql('RELEASE w');
    return this.durable(waiters).then(() => value);
  }

  /**
   * Rolls back savepoint `name` after `err`. When SQLite rolled the whole transaction back
   * itself (SQLITE_FULL, IOERR, NOMEM), there is no savepoint left: the turn is lost, and every
   * write in it is told so now — nothing of it may later be reported "stored".
   */
  private undo(name: 'w' | 'tx', err: unknown): void {
    if (this.db.inTransaction) {
      this.sql(`ROLLBACK TO ${name}`);
      this.sql(`RELEASE ${name}`);
      return;
    }
    const waiters = this.waiters ?? [];
    this.waiters = undefined;
    for (const w of waiters) w.reject(err);
  }

  async begin(): Promise<void> {
    await this.lock();
    try {
      this.openTurn();
      this.sql('SAVEPOINT tx');
    } catch (err) {
      this.endTransaction();
      throw err;
    }
  }

  async commitTransaction(): Promise<void> {
    const waiters = this.waiters;
    let stored: Promise<void> | undefined;
    try {
      this.sql('RELEASE tx');
      // Counted in the turn before the connection is let go (letting go may commit the turn).
      if (waiters !== undefined) stored = this.durable(waiters);
    } finally {
      this.endTransaction();
    }
    await stored;
  }

  async rollbackTransaction(err?: unknown): Promise<void> {
    try {
      this.undo('tx', err ?? new Error('unit of work rolled back'));
    } finally {
      this.endTransaction();
    }
  }

  private endTransaction(): void {
    this.unlock();
  }

  /** Commits the open turn, if any (also called before the database closes). */
  commit(): void {
    if (this.waiters === undefined) return;
    if (this.locked) {
      // A unit of work is between statements (awaiting): the turn commits when it lets go.
      this.commitDue = true;
      return;
    }
    this.commitNow();
  }

  private commitNow(): void {
    const waiters = this.waiters;
    if (waiters === undefined) return;
    this.waiters = undefined;
    try {
      this.sql('COMMIT');
    } catch (err) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      for (const w of waiters) w.reject(err);
      return;
    }
    for (const w of waiters) w.resolve();
  }
}

/** Runs SQL text with its parameters on the connection (prepared once), as Kysely's result. */
export function runText<R>(gc: GroupCommit, sql: string, params: readonly unknown[]): QueryResult<R> {
  const st = gc.prepare(sql);
  if (st.reader) return { rows: st.all(...params) as R[] };
  const { changes, lastInsertRowid } = st.run(...params);
  return { rows: [], numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid) };
}
