import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { migratePostgres } from '../src/store/postgres/pg-migrations';
import { migrate } from '../src/store/sqlite/migrations';

const URL = process.env.STB_NOTIFY_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

interface Shape {
  /** table → sorted column names */
  readonly columns: Record<string, string[]>;
  /** unique indexes and UNIQUE constraints (not primary keys) as table(columns), "partial" marked, sorted */
  readonly unique: string[];
  /** table → number of CHECK constraints */
  readonly checks: Record<string, number>;
}

/** Columns only one engine needs: PostgreSQL's `seq` stands in for SQLite's rowid (creation order). */
const ENGINE_ONLY = new Set(['seq']);

function sqliteShape(): Shape {
  const db = new Database(':memory:');
  migrate(db);
  const tables = db
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
    .all() as Array<{ name: string; sql: string }>;
  const columns: Record<string, string[]> = {};
  const checks: Record<string, number> = {};
  for (const t of tables) {
    columns[t.name] = (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(t.name) as Array<{ name: string }>)
      .map((c) => c.name)
      .filter((c) => !ENGINE_ONLY.has(c))
      .sort();
    checks[t.name] = (t.sql.match(/\bCHECK\s*\(/gi) ?? []).length;
  }
  const unique: string[] = [];
  for (const t of tables) {
    const list = db
      .prepare(`SELECT name, origin, partial FROM pragma_index_list(?) WHERE "unique" = 1`)
      .all(t.name) as Array<{
      name: string;
      origin: string;
      partial: number;
    }>;
    for (const i of list) {
      if (i.origin === 'pk') continue;
      const cols = (
        db.prepare(`SELECT name FROM pragma_index_info(?) ORDER BY seqno`).all(i.name) as Array<{ name: string }>
      )
        .map((c) => c.name)
        .join(',');
      // `WHERE col IS NOT NULL` on the indexed column is what a plain UNIQUE does anyway (NULLs are distinct).
      const where = (db.prepare(`SELECT sql FROM sqlite_master WHERE name = ?`).get(i.name) as { sql: string | null })
        ?.sql;
      const nullsOnly = new RegExp(`WHERE\\s+${cols}\\s+IS\\s+NOT\\s+NULL\\s*;?$`, 'i').test(where ?? '');
      unique.push(`${t.name}(${cols})${i.partial === 1 && !nullsOnly ? ' partial' : ''}`);
    }
  }
  unique.sort();
  db.close();
  return { columns, unique, checks };
}

async function postgresShape(schema: string): Promise<Shape> {
  const pool = new pg.Pool({ connectionString: URL, max: 1, options: `-c search_path=${schema}` });
  const c = await pool.connect();
  try {
    await c.query(`CREATE SCHEMA ${schema}`);
    await migratePostgres(c);
    const cols = await c.query<{ t: string; c: string }>(
      `SELECT table_name AS t, column_name AS c FROM information_schema.columns WHERE table_schema = $1`,
      [schema],
    );
    const columns: Record<string, string[]> = {};
    for (const r of cols.rows) {
      if (r.t === 'schema_version' || ENGINE_ONLY.has(r.c)) continue;
      (columns[r.t] ??= []).push(r.c);
    }
    for (const k of Object.keys(columns)) columns[k]?.sort();
    const checks: Record<string, number> = Object.fromEntries(Object.keys(columns).map((t) => [t, 0]));
    const ck = await c.query<{ t: string; n: string }>(
      `SELECT cl.relname AS t, COUNT(*) AS n FROM pg_constraint co JOIN pg_class cl ON cl.oid = co.conrelid
         JOIN pg_namespace ns ON ns.oid = cl.relnamespace WHERE co.contype = 'c' AND ns.nspname = $1 GROUP BY cl.relname`,
      [schema],
    );
    for (const r of ck.rows) checks[r.t] = Number(r.n);
    const ix = await c.query<{ t: string; def: string }>(
      `SELECT tablename AS t, indexdef AS def FROM pg_indexes
         WHERE schemaname = $1 AND indexdef LIKE 'CREATE UNIQUE INDEX%' AND indexname NOT LIKE '%_pkey'`,
      [schema],
    );
    const unique = ix.rows
      .map((i) => {
        const cols = /\(([^)]*)\)/.exec(i.def.replace('USING btree ', ''))?.[1]?.replace(/\s/g, '') ?? '';
        return `${i.t}(${cols})${/ WHERE /.test(i.def) ? ' partial' : ''}`;
      })
      .sort();
    return { columns, unique, checks };
  } finally {
    c.release();
    await pool.end();
  }
}

describe('one schema on both engines (issue 15)', () => {
  const schema = `p_${randomBytes(5).toString('hex')}`;
  afterAll(async () => {
    const c = new pg.Client({ connectionString: URL });
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await c.end();
  });

  it('SQLite and PostgreSQL have the same tables, columns, unique indexes and CHECK constraints', async () => {
    const lite = sqliteShape();
    const post = await postgresShape(schema);
    expect(post.columns).toEqual(lite.columns);
    expect(post.unique).toEqual(lite.unique);
    expect(post.checks).toEqual(lite.checks);
    // The invariants this round put in the database are among them.
    expect(lite.unique).toEqual(
      expect.arrayContaining(['tickets(fault_key) partial', 'incidents(zone_id) partial', 'restores(suspension_id)']),
    );
  });
});
