import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { migratePostgres, MIGRATIONS as PG_MIGRATIONS } from '../src/store/postgres/pg-migrations';
import { migrate, MIGRATIONS as SQLITE_MIGRATIONS } from '../src/store/sqlite/migrations';
import { TICKET_NUMBERS } from '../src/store/shared-migrations';

const URL = process.env.STB_NOTIFY_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Tickets opened before numbers existed, listed out of their opening order. */
const OLD_TICKETS: Array<[id: string, openedAtMs: number]> = [
  ['t-c', 300],
  ['t-a', 100],
  ['t-b2', 200],
  ['t-b1', 200],
];
const COLUMNS = ['id', 'kind', 'status', 'severity', 'severity_reason', 'box_id', 'account_id', 'zone_id', 'source'];
const insertOld = (i: number) =>
  `INSERT INTO tickets (${COLUMNS.join(', ')}, symptom, code, fault_key, diagnostics_json, summary, owner,
     opened_at_ms, due_at_ms, first_reply_at_ms, paused_at_ms, pause_reason, resolved_at_ms, closed_at_ms,
     resolution, incident_id, breached_at_ms, extensions, report_count, last_report_at_ms, survey_id,
     answer_by_ms, follow_up, follow_up_at_ms, rating, customer_resolved)
   VALUES ('${OLD_TICKETS[i]?.[0]}', 'repair', 'assigned', 'ordinary', '', 'b', 'a', 'z', 'box-report', 'no-sound',
     '', 'b:${i}', '{}', '', 'wang', ${OLD_TICKETS[i]?.[1]}, 0, 0, 0, '', 0, 0, '', '', 0, 0, 1, 0, '', 0, '', 0, 0, -1)`;
/** Numbered in the order they were opened (ties by id); new tickets go on from the highest. */
const EXPECTED = { 't-a': 100001, 't-b1': 100002, 't-b2': 100003, 't-c': 100004 };

describe('issue 17: tickets stored before ticket numbers get them in the order they were opened', () => {
  it('SQLite', () => {
    const before = SQLITE_MIGRATIONS.indexOf(TICKET_NUMBERS);
    expect(before).toBeGreaterThan(0);
    const db = new Database(':memory:');
    migrate(db, before);
    for (let i = 0; i < OLD_TICKETS.length; i++) db.exec(insertOld(i));
    migrate(db);
    const rows = db.prepare('SELECT id, number FROM tickets').all() as Array<{ id: string; number: number }>;
    expect(Object.fromEntries(rows.map((r) => [r.id, r.number]))).toEqual(EXPECTED);
    db.close();
  });

  const schema = `tn_${randomBytes(5).toString('hex')}`;
  afterAll(async () => {
    const c = new pg.Client({ connectionString: URL });
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await c.end();
  });

  it('PostgreSQL, whose sequence then goes on after the highest', async () => {
    const before = PG_MIGRATIONS.findIndex((m) => m.includes(TICKET_NUMBERS));
    expect(before).toBeGreaterThan(0);
    const pool = new pg.Pool({ connectionString: URL, max: 1, options: `-c search_path=${schema}` });
    const c = await pool.connect();
    try {
      await c.query(`CREATE SCHEMA ${schema}`);
      await migratePostgres(c, before);
      for (let i = 0; i < OLD_TICKETS.length; i++) await c.query(insertOld(i));
      await migratePostgres(c);
      const rows = await c.query<{ id: string; number: string }>('SELECT id, number FROM tickets');
      expect(Object.fromEntries(rows.rows.map((r) => [r.id, Number(r.number)]))).toEqual(EXPECTED);
      expect(Number((await c.query<{ n: string }>("SELECT nextval('ticket_numbers') AS n")).rows[0]?.n)).toBe(100005);
    } finally {
      c.release();
      await pool.end();
    }
  });
});
