import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { ProvisioningResult } from '../src/services/provisioning-service';
import { openPostgresStores } from '../src/store/open-stores';
import { HOUR, ManualClock, T0 } from './support/manual-clock';
import { removeDir, seedRegistry, startTestHeadend } from './support/test-headend';
import type { TestHeadend } from './support/test-headend';
import { TestBox, until } from './support/test-box';
import { report, Symptom } from './support/ticket-fixtures';

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
    await until(() => box.accepted.length === 2, 'warning and suspension resent');
    await until(() => box.helloAnswers.length === 1, 'hello answered');
    expect(box.accepted.map((d) => d.notice?.kind)).toEqual([2, 3]);
    await box.disconnect();
  });

  it('two headend instances on one PostgreSQL take the same reports at once: 1 ticket per fault, 1 incident per zone', async () => {
    const shared = `h2_${randomBytes(6).toString('hex')}`;
    const clock = new ManualClock(T0);
    const a = await startTestHeadend({ clock, stores: () => openPostgresStores(URL, { schema: shared }) });
    const b = await startTestHeadend({ clock, stores: () => openPostgresStores(URL, { schema: shared }) });
    try {
      await seedRegistry(a);
      const boxes = Array.from({ length: 20 }, (_, i) => `sig-${i}`);
      await a.api('POST', '/api/v1/registry/import', {
        zones: [{ id: 'z-sig', name: '信号区', type: 'urban', maintainer: 'wang' }],
        boxes: boxes.map((id, i) => ({ id, accountId: `as-${i}`, zoneId: 'z-sig' })),
      });
      const on = (i: number) => (i % 2 === 0 ? a : b).h.tickets.intake;
      await Promise.all([
        ...Array.from({ length: 40 }, (_, i) => on(i).faultReport('box-1', report(`r-${i}`, Symptom.SYMPTOM_NO_SOUND))),
        ...boxes.map((id, i) => on(i).faultReport(id, report(`r-${id}`, Symptom.SYMPTOM_NO_SIGNAL))),
      ]);
      const box1 = (await a.h.stores.tickets.list({ limit: 100, offset: 0, boxId: 'box-1' })).items;
      expect(box1.map((x) => x.reportCount)).toEqual([40]);
      const incidents = (await a.h.stores.tickets.listIncidents({ status: 'open', limit: 10 })).filter(
        (i) => i.zoneId === 'z-sig',
      );
      expect(incidents).toHaveLength(1);
      expect((await a.h.stores.notices.list({ limit: 10, offset: 0, kind: 'OUTAGE' })).items).toHaveLength(1);
      expect(incidents[0]?.reportCount).toBe(20);
    } finally {
      await a.stop();
      await b.stop();
      await removeDir(a.dir);
      await removeDir(b.dir);
      const c = new pg.Client({ connectionString: URL });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${shared} CASCADE`);
      await c.end();
    }
  });
});
