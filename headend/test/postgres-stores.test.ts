import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe } from 'vitest';
import { openPostgresStores } from '../src/store/open-stores';
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

/** Every test gets a fresh schema, dropped when its stores close. */
const open = async () => {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const stores = await openPostgresStores(URL, { schema, poolSize: 4 });
  return {
    ...stores,
    close: async () => {
      await stores.close();
      const c = new pg.Client({ connectionString: URL });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
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
