import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openPostgresStores } from '../src/store/open-stores';
import { openPostgresContext } from '../src/store/postgres/open-postgres-context';
import { until } from './support/test-box';
import { billingStoreContract } from './contracts/billing-store.contract';
import { jobStoreContract } from './contracts/job-store.contract';
import { noticeStoreContract } from './contracts/notice-store.contract';
import { registryStoreContract } from './contracts/registry-store.contract';
import { ticketStoreContract } from './contracts/ticket-store.contract';
import { tokenAndAuditContract } from './contracts/token-and-audit.contract';
import { unitOfWorkContract } from './contracts/unit-of-work.contract';

// The same contract suites as SQLite, against PostgreSQL (127.0.0.1:5432 in CI; STB_NOTIFY_TEST_PG to point elsewhere).
const URL = process.env.STB_NOTIFY_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

async function reachable(): Promise<string | undefined> {
  const c = new pg.Client({ connectionString: URL, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.query('SELECT 1');
    return undefined;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  } finally {
    await c.end().catch(() => undefined);
  }
}

const problem = await reachable();
if (problem !== undefined) {
  if (process.env.CI) throw new Error(`PostgreSQL is required in CI and unreachable at ${URL}: ${problem}`);
  console.warn(`[skip] PostgreSQL store contracts: ${URL} unreachable (${problem})`);
}

/** Sessions of this database waiting for a lock. */
const waiting = async (c: pg.Client): Promise<number> =>
  Number(
    (
      await c.query<{ n: string }>(
        "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
      )
    ).rows[0]?.n ?? 0,
  );

const dropSchema = async (schema: string): Promise<void> => {
  const c = new pg.Client({ connectionString: URL });
  await c.connect();
  await c.query(`DROP SCHEMA ${schema} CASCADE`);
  await c.end();
};

/** Every test gets a fresh schema, dropped when its stores close. */
const open = async () => {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const stores = await openPostgresStores(URL, { schema, poolSize: 4 });
  return {
    ...stores,
    close: async () => {
      await stores.close();
      await dropSchema(schema);
    },
  };
};

describe.skipIf(problem !== undefined)('PostgreSQL adapters', () => {
  registryStoreContract('PostgreSQL', open);
  noticeStoreContract('PostgreSQL', open);
  jobStoreContract('PostgreSQL', open);
  billingStoreContract('PostgreSQL', open);
  tokenAndAuditContract('PostgreSQL', open);
  ticketStoreContract('PostgreSQL', open);
  unitOfWorkContract('PostgreSQL', open);
});

describe.skipIf(problem !== undefined)('PostgreSQL: a hung statement fails instead of holding its connection', () => {
  it('a statement over the limit is cancelled by the server, and the pool goes on serving', async () => {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    // One connection: the query after the cancelled one must get that same connection back, usable.
    const { ctx, close } = await openPostgresContext(URL, { schema, poolSize: 1, statementTimeoutMs: 300 });
    try {
      await expect(sql`SELECT pg_sleep(30)`.execute(ctx.db)).rejects.toMatchObject({ code: '57014' }); // query_canceled
      expect((await sql<{ n: number }>`SELECT 1 AS n`.execute(ctx.db)).rows).toEqual([{ n: 1 }]);
      // The migrations ran (on their own connection, without the limit): the headend's tables are there.
      const notices = await sql<{ n: string }>`SELECT count(*) AS n FROM notices`.execute(ctx.db);
      expect(Number(notices.rows[0]?.n)).toBe(0);
    } finally {
      await close();
      await dropSchema(schema);
    }
  });

  it('a connection the server drops is reported and replaced: the headend does not crash and the next query works', async () => {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const lost: string[] = [];
    const { ctx, close } = await openPostgresContext(URL, {
      schema,
      poolSize: 1,
      onConnectionError: (err) => lost.push(err.message),
    });
    try {
      const pid = (await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(ctx.db)).rows[0]?.pid;
      // The pooled connection is idle now; an administrator (or a server restart) ends it.
      const admin = new pg.Client({ connectionString: URL });
      await admin.connect();
      await admin.query('SELECT pg_terminate_backend($1)', [pid]);
      await admin.end();
      await until(() => lost.length > 0, 'the dropped connection is reported');
      expect((await sql<{ n: number }>`SELECT 1 AS n`.execute(ctx.db)).rows).toEqual([{ n: 1 }]);
    } finally {
      await close();
      await dropSchema(schema);
    }
  });

  it('the pool shows a caller waiting for its only connection (what stb_db_connections reports)', async () => {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const { ctx, close, connections } = await openPostgresContext(URL, { schema, poolSize: 1 });
    try {
      let release = (): void => undefined;
      const gate = new Promise<void>((r) => (release = r));
      const holding = ctx.transact(async (db) => {
        await sql`SELECT 1`.execute(db);
        await gate;
      });
      await until(() => connections().inUse === 1, 'the transaction holds the connection');
      const waiting = sql`SELECT 1`.execute(ctx.db);
      await until(() => connections().waiting === 1, 'the next query waits for it');
      release();
      await Promise.all([holding, waiting]);
      expect(connections()).toMatchObject({ inUse: 0, waiting: 0 });
    } finally {
      await close();
      await dropSchema(schema);
    }
  });

  it('two headends storing receipts of one broadcast at once never deadlock (rows locked in key order)', async () => {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const a = await openPostgresStores(URL, { schema, poolSize: 2 });
    const b = await openPostgresStores(URL, { schema, poolSize: 2 });
    try {
      const T = 1_000_000;
      // Inserted b-0, b-1, … b-19999: the table's order is not the key order (b-10 < b-2); a
      // table this size makes PostgreSQL join a few hundred receipts by hash, in the table's order.
      const boxes = Array.from({ length: 20_000 }, (_, i) => ({ boxId: `b-${i}`, zoneId: 'z1' }));
      await a.notices.create(
        {
          id: 'n1',
          kind: 'ANNOUNCEMENT',
          display: 'MAILBOX',
          priority: 'NORMAL',
          collapseKey: '',
          texts: [{ lang: 'zh-CN', title: '通知', body: '' }],
          hotline: '96655',
          actionRequired: false,
          accountId: '',
          detail: {},
          target: { type: 'all' },
          status: 'sent',
          createdBy: 'test',
          issuedAtMs: T,
          expiresAtMs: 0,
          cancelledAtMs: 0,
          cancelReason: '',
        },
        boxes,
        T,
      );
      // A third session holds b-2. Headend B's hundreds of receipts lock in one order, headend A's
      // four in another; both reach b-2 and wait there. Once it is let go, one-order locking
      // lets both finish; locking in plan order (B by the table, A by its list) deadlocks them.
      const holder = new pg.Client({ connectionString: URL });
      // Watched from outside the holder's transaction, which would see one snapshot of the activity.
      const watcher = new pg.Client({ connectionString: URL });
      await holder.connect();
      await watcher.connect();
      try {
        await holder.query(`ANALYZE ${schema}.deliveries`);
        await holder.query('BEGIN');
        await holder.query(`SELECT 1 FROM ${schema}.deliveries WHERE box_id = 'b-2' FOR UPDATE`);
        const receipts = (ids: number[]) =>
          ids.map((i) => ({ noticeId: 'n1', boxId: `b-${i}`, state: 'delivered' as const, atMs: T + 1 }));
        const many = b.notices.applyReceipts(receipts(Array.from({ length: 500 }, (_, i) => i)));
        await until(async () => (await waiting(watcher)) >= 1, 'headend B waiting for b-2', 10_000);
        const few = a.notices.applyReceipts(receipts([2, 10, 3, 1000]));
        await until(async () => (await waiting(watcher)) >= 2, 'headend A waiting too', 10_000);
        await holder.query('COMMIT');
        expect((await Promise.all([many, few])).reduce((x, y) => x + y)).toBe(501);
      } finally {
        await holder.end();
        await watcher.end();
      }
      expect((await a.notices.counts('n1', T)).total).toMatchObject({ delivered: 501, queued: 19_499 });
    } finally {
      await a.close();
      await b.close();
      await dropSchema(schema);
    }
  });

  it('a database URL that sets its own options is refused (they would replace the time limits)', async () => {
    await expect(openPostgresContext(`${URL}?options=-c%20statement_timeout%3D0`)).rejects.toThrow(/options/);
  });
});
