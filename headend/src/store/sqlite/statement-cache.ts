import type Database from 'better-sqlite3';

/**
 * Prepares each SQL text once per connection. Preparing on every call showed up as a top
 * cost in the bench profile (better-sqlite3's prepare is a full SQLite compile).
 */
export function statementCache(db: Database.Database): (sql: string) => Database.Statement {
  const cache = new Map<string, Database.Statement>();
  return (sql) => {
    let st = cache.get(sql);
    if (st === undefined) {
      st = db.prepare(sql);
      cache.set(sql, st);
    }
    return st;
  };
}
