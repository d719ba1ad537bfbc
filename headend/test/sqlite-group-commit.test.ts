import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GroupCommit } from '../src/store/sql/group-commit';

// The embedded store commits the writes of one event-loop turn together; what a caller is
// told "stored" must be on disk (seen by another connection), and a failure must not be
// reported as success.
describe('SQLite group commit', () => {
  let dir: string;
  let db: Database.Database;
  let other: Database.Database;
  let tx: GroupCommit;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'stb-gc-'));
    db = new Database(join(dir, 'h.db'));
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.exec(`CREATE TABLE parents (id TEXT PRIMARY KEY);
      CREATE TABLE notes (id TEXT PRIMARY KEY,
        parent TEXT REFERENCES parents(id) DEFERRABLE INITIALLY DEFERRED)`);
    other = new Database(join(dir, 'h.db'));
    tx = new GroupCommit(db);
  });
  afterEach(() => {
    other.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const count = (conn: Database.Database) => (conn.prepare('SELECT COUNT(*) AS n FROM notes').get() as { n: number }).n;
  const add = (id: string, parent: string | null = null) =>
    tx.write(() => db.prepare('INSERT INTO notes (id, parent) VALUES (?, ?)').run(id, parent).changes);

  it('commits the writes of one turn together, and resolves only once they are committed', async () => {
    const writes = [add('a'), add('b'), add('c')];
    // Written on this connection, not yet committed: another process would not see them.
    expect(count(db)).toBe(3);
    expect(count(other)).toBe(0);
    expect(await Promise.all(writes)).toEqual([1, 1, 1]);
    expect(count(other)).toBe(3);
  });

  it('a write that fails rolls back itself only', async () => {
    const ok = add('a');
    const dup = add('a'); // primary key
    const multi = tx.write(() => {
      db.prepare('INSERT INTO notes (id) VALUES (?)').run('b');
      throw new Error('half done');
    });
    await expect(dup).rejects.toThrow(/UNIQUE/);
    await expect(multi).rejects.toThrow('half done');
    await ok;
    expect(other.prepare('SELECT id FROM notes ORDER BY id').all()).toEqual([{ id: 'a' }]);
  });

  it('a failed commit rejects every write of the turn and stores none of them', async () => {
    const good = add('a');
    const orphan = add('b', 'no-such-parent'); // the deferred foreign key fails at COMMIT
    await expect(good).rejects.toThrow(/FOREIGN KEY/);
    await expect(orphan).rejects.toThrow(/FOREIGN KEY/);
    expect(count(other)).toBe(0);
    // The next turn starts clean.
    await add('c');
    expect(count(other)).toBe(1);
  });

  it('commit() flushes an open turn at once (before the database closes)', async () => {
    const w = add('a');
    tx.commit();
    expect(count(other)).toBe(1);
    await w;
  });

  it('under a steady stream of units of work, each is committed soon after it ends, not when the stream does', async () => {
    const seenByOthers: number[] = [];
    const unit = async (id: string): Promise<void> => {
      await tx.begin();
      try {
        db.prepare('INSERT INTO notes (id) VALUES (?)').run(id);
        // Between statements a unit of work holds the connection across event-loop turns.
        await new Promise((r) => setImmediate(r));
      } catch (err) {
        await tx.rollbackTransaction(err);
        throw err;
      }
      await tx.commitTransaction();
      seenByOthers.push(count(other));
    };
    await Promise.all(Array.from({ length: 30 }, (_, i) => unit(`u${i}`)));
    expect(count(other)).toBe(30);
    // The first was told "stored" (and was on disk) while most of the stream was still to come.
    expect(seenByOthers[0]).toBeLessThan(10);
  });
});
