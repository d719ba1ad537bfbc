import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { ProvisioningResult } from '../src/services/provisioning-service';
import { openPostgresStores } from '../src/store/postgres/open-postgres-stores';
import { HOUR, T0 } from './support/manual-clock';
import { removeDir, seedRegistry, startTestHeadend } from './support/test-headend';
import type { TestHeadend } from './support/test-headend';
import { TestBox, until } from './support/test-box';

const URL = process.env.STB_NOTIFY_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `h_${randomBytes(6).toString('hex')}`;
let reachable = true;
try {
  const c = new pg.Client({ connectionString: URL, connectionTimeoutMillis: 2000 });
  await c.connect();
  await c.end();
} catch (err) {
  if (process.env.CI) throw err;
  reachable = false;
  console.warn(`[skip] headend on PostgreSQL: ${URL} unreachable (${(err as Error).message})`);
}

describe.skipIf(!reachable)('the headend on PostgreSQL', () => {
  let t: TestHeadend;
  afterAll(async () => {
    await t.stop();
    await removeDir(t.dir);
    const c = new pg.Client({ connectionString: URL });
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await c.end();
  });

  it('keeps the N2 rule and delivers a pending notice to a returning box after a restart', async () => {
    t = await startTestHeadend({ stores: () => openPostgresStores(URL, { schema }) });
    await seedRegistry(t);
    const early = await t.api('POST', '/api/v1/billing/overdue', {
      accountId: 'acct-1',
      amountMinor: 5200,
      suspendAtMs: T0 + 23 * HOUR,
    });
    expect(early).toMatchObject({ status: 422, body: { code: 'N2_NOTICE_TOO_SHORT' } });
    expect((await t.api('POST', '/api/v1/billing/overdue', { accountId: 'acct-1', amountMinor: 5200 })).status).toBe(
      201,
    );
    const bundle = (await t.api('POST', '/api/v1/boxes/box-2/provision')).body as unknown as ProvisioningResult;
    t = await t.restart();
    t.clock.set(T0 + 24 * HOUR);
    await t.h.scheduler.runDue();
    expect((await t.h.stores.registry.getAccount('acct-1'))?.status).toBe('suspended');
    const box = new TestBox({ ...bundle, broker: { ...bundle.broker, mqtts: t.h.urls.mqtts } }, t.clock);
    await box.connect();
    await box.hello();
    await until(() => box.accepted.filter((d) => d.notice).length === 2, 'warning and suspension resent');
    expect(box.accepted.map((d) => d.notice?.kind)).toEqual([2, 3]);
    await box.disconnect();
  });
});
