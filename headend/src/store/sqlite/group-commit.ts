import type Database from 'better-sqlite3';

interface Waiter {
  readonly resolve: () => void;
  readonly reject: (err: unknown) => void;
}

/**
 * Group commit for the embedded store. Every write runs at once, in its own savepoint
 * inside a transaction that stays open until the event loop's next turn; then one COMMIT
 * makes all of that turn's writes durable together, and only then do their promises
 * resolve. Under load (a burst of fault reports, each writing a ticket, a job, a report
 * id and a notice) this turns several commits per message into one per turn: a SQLite
 * commit costs ~35 µs here however little it writes (measured: 48 µs per row alone,
 * 13 µs per row 50 at a time).
 *
 * A write that throws rolls back its own savepoint only; a COMMIT that fails rolls the
 * whole turn back and rejects every write in it — nobody is told "stored" for data that
 * was not. Reads on this connection see the open turn's writes, as they would after it.
 */
export class GroupCommit {
  private waiters: Waiter[] | undefined;
  private readonly savepoint: Database.Statement;
  private readonly release: Database.Statement;
  private readonly rollbackTo: Database.Statement;

  constructor(private readonly db: Database.Database) {
    // Prepared once: db.transaction() built a new wrapper per write (4 % of the intake profile).
    this.savepoint = db.prepare('SAVEPOINT w');
    this.release = db.prepare('RELEASE w');
    this.rollbackTo = db.prepare('ROLLBACK TO w');
  }

  write<T>(fn: () => T): Promise<T> {
    try {
      if (this.waiters === undefined) {
        // IMMEDIATE takes the write lock now (waiting busy_timeout for another process),
        // so a read-then-write turn never fails on a stale snapshot.
        this.db.exec('BEGIN IMMEDIATE');
        this.waiters = [];
        setImmediate(() => this.commit());
      }
      const waiters = this.waiters;
      const value = this.inSavepoint(fn);
      return new Promise<T>((resolve, reject) => {
        waiters.push({ resolve: () => resolve(value), reject });
      });
    } catch (err) {
      return Promise.reject(err);
    }
  }

  private inSavepoint<T>(fn: () => T): T {
    this.savepoint.run();
    let value: T;
    try {
      value = fn();
    } catch (err) {
      this.rollbackTo.run();
      this.release.run();
      throw err;
    }
    this.release.run();
    return value;
  }

  /** Commits the open turn, if any (also called before the database closes). */
  commit(): void {
    const waiters = this.waiters;
    if (waiters === undefined) return;
    this.waiters = undefined;
    try {
      this.db.exec('COMMIT');
    } catch (err) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      for (const w of waiters) w.reject(err);
      return;
    }
    for (const w of waiters) w.resolve();
  }
}
