import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NoticeKind, systemClock } from '@stb-notify/protocol';
import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeMosquittoFiles } from '../src/broker/mosquitto-config';
import { loadConfig } from '../src/config/load-config';
import { startHeadend } from '../src/headend';
import type { Headend } from '../src/headend';
import { DataDir } from '../src/pki/data-dir';
import type { ProvisioningResult } from '../src/services/provisioning-service';
import { importRegistry } from '../src/services/registry-import';
import { TokenService } from '../src/services/token-service';
import { openStores } from '../src/store/open-stores';
import { freePort, portOpen, startMosquitto } from './support/mosquitto';
import type { RunningMosquitto } from './support/mosquitto';
import { TestBox, until } from './support/test-box';
import { report, Symptom } from './support/ticket-fixtures';

const PG_URL = process.env.STB_NOTIFY_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const CLI = fileURLToPath(new URL('../bin/stb-notify.js', import.meta.url));
const BOXES = 24;
const ZONES = ['z-a', 'z-b', 'z-c'];
const HOUR = 3_600_000;

async function pgReachable(): Promise<boolean> {
  const u = new URL(PG_URL);
  return portOpen(Number(u.port || 5432), u.hostname);
}

/**
 * Issue 7's failover test: two headend instances — A a separate process, B in this one — on
 * one PostgreSQL and one Mosquitto, boxes connected to Mosquitto, notices sent through both
 * APIs, fault reports and scheduled N4 reminders in flight; A is killed with SIGKILL mid-run.
 */
describe('scale-out: two headends on PostgreSQL and Mosquitto, one killed mid-run', () => {
  const schema = `f_${randomBytes(5).toString('hex')}`;
  const dbUrl = `${PG_URL}?schema=${schema}`;
  let dir: string;
  let mosq: RunningMosquitto | undefined;
  let a: ChildProcess | undefined;
  let aUrl = '';
  let b: Headend | undefined;
  let token = '';
  const boxes: TestBox[] = [];
  let skipped = '';

  beforeAll(async () => {
    if (!(await pgReachable())) {
      skipped = `no PostgreSQL at ${PG_URL} (CI runs one)`;
      return;
    }
    dir = mkdtempSync(join(tmpdir(), 'stb-failover-'));
    const now = Date.now();
    new DataDir(dir).init({ nowMs: now, hosts: ['127.0.0.1'] });
    const stores = await openStores(dbUrl);
    await importRegistry(
      stores,
      {
        zones: ZONES.map((id) => ({ id, name: id, type: 'urban' as const, maintainer: 'wang' })),
        boxes: Array.from({ length: BOXES }, (_, i) => ({
          id: `fb-${i}`,
          accountId: `fa-${i}`,
          zoneId: ZONES[i % ZONES.length] ?? 'z-a',
        })),
      },
      'test',
      systemClock,
    );
    token = (await new TokenService(stores, systemClock).create('failover-test', 'operator')).token;
    const mqttPort = await freePort();
    await writeMosquittoFiles(new DataDir(dir), stores.registry, {
      dir: join(dir, 'mosquitto'),
      host: '127.0.0.1',
      port: mqttPort,
      ...(process.getuid?.() === 0 ? { user: 'root' } : {}),
    });
    await stores.close();
    mosq = await startMosquitto(join(dir, 'mosquitto', 'mosquitto.conf'), mqttPort);
    const brokerUrl = `mqtts://127.0.0.1:${mqttPort}`;
    // A reminder due seconds after sending: N4's 48 h lead with a reminder 48 h before the start.
    const fileConfig = {
      dataDir: dir,
      database: dbUrl,
      broker: { url: brokerUrl },
      publicHost: '127.0.0.1',
      logLevel: 'warn',
      rules: { maintenanceReminderMinutes: 48 * 60 },
    };
    const httpA = await freePort();
    writeFileSync(join(dir, 'a.json'), JSON.stringify({ ...fileConfig, http: { host: '127.0.0.1', port: httpA } }));
    a = startA();
    aUrl = `http://127.0.0.1:${httpA}`;
    b = await startHeadend({
      config: loadConfig({
        flags: { ...fileConfig, 'http.port': 0, 'broker.instance': 'b', 'broker.url': brokerUrl },
      }),
      log: pino({ level: 'warn' }),
    });
    await until(() => portOpen(httpA), 'instance A listening', 20_000);
    for (let i = 0; i < BOXES; i++) {
      const bundle = (await api(
        i % 2 === 0 ? aUrl : (b?.urls.http ?? ''),
        'POST',
        `/api/v1/boxes/fb-${i}/provision`,
      )) as unknown as ProvisioningResult;
      const box = new TestBox(bundle, systemClock);
      box.autoReceipts = ['delivered', 'displayed'];
      await box.connect();
      boxes.push(box);
    }
  }, 90_000);

  afterAll(async () => {
    for (const box of boxes) await box.disconnect();
    a?.kill('SIGKILL');
    await b?.close();
    await mosq?.stop();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
    if (!skipped) {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await c.end();
    }
  });

  function startA(): ChildProcess {
    const p = spawn(process.execPath, [CLI, 'start', '--config', join(dir, 'a.json'), '--instance', 'a'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    p.stderr?.on('data', (d: Buffer) => console.error(`instance A: ${d.toString()}`));
    return p;
  }

  async function api(base: string, method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await res.json()) as Record<string, unknown>;
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(json)}`);
    return json;
  }

  it('no notice missing or shown twice, no ticket missing or duplicated, every scheduled reminder ran once', async (ctx) => {
    if (skipped) {
      console.warn(`skipped: ${skipped}`);
      ctx.skip();
      return;
    }
    const bUrl = b?.urls.http ?? '';
    const sent: string[] = [];
    const announce = async (base: string, n: number) => {
      const r = await api(base, 'POST', '/api/v1/notices', {
        kind: 'ANNOUNCEMENT',
        target: { type: 'all' },
        texts: [{ lang: 'zh-CN', title: `公告 ${n}`, body: '' }],
      });
      sent.push((r.notice as { id: string }).id);
    };
    // Planned work in each zone, announced 48 h ahead; its reminders fall due 3, 6 and 9 s from now.
    const plans: string[] = [];
    for (const [i, zone] of ZONES.entries()) {
      const r = await api(i === 0 ? aUrl : bUrl, 'POST', '/api/v1/maintenance', {
        zoneIds: [zone],
        startsAtMs: Date.now() + 48 * HOUR + (i + 1) * 3_000,
        endsAtMs: Date.now() + 50 * HOUR,
        reason: '光缆迁改',
      });
      plans.push((r.notice as { id: string }).id);
    }
    // First half of the load through both instances.
    for (let n = 0; n < 6; n++) await announce(n % 2 === 0 ? aUrl : bUrl, n);
    for (const [i, box] of boxes.entries())
      if (i % 2 === 0) await box.send('fault', { faultReport: report(`rep-${i}`, Symptom.SYMPTOM_NO_SOUND) });

    // Kill A hard, mid-run: uplink it was handling stays unacknowledged at the broker.
    a?.kill('SIGKILL');
    await new Promise((r) => a?.once('exit', r));

    // The rest through B only.
    for (let n = 6; n < 12; n++) await announce(bUrl, n);
    for (const [i, box] of boxes.entries())
      if (i % 2 === 1) await box.send('fault', { faultReport: report(`rep-${i}`, Symptom.SYMPTOM_NO_SOUND) });

    // Every box shows every announcement.
    await until(
      () => boxes.every((box) => sent.every((id) => box.noticeIds().includes(id))),
      'every announcement on every box',
      30_000,
    );
    // Every reminder fell due and ran.
    await until(
      () =>
        boxes.every(
          (box) => box.accepted.filter((m) => m.notice?.kind === NoticeKind.NOTICE_KIND_MAINTENANCE).length >= 2,
        ),
      'maintenance notice and its reminder on every box',
      30_000,
    );
    // A report that was in flight to A when it died was never answered: the boxes' retry
    // (same report id) brings it to B, which answers it; a report A did store is answered again.
    await b?.settle();
    let resent = 0;
    for (const box of boxes) resent += await box.resendUnanswered();
    console.log(`failover: ${resent} fault report(s) unanswered after A was killed, sent again by their boxes`);
    // Every fault report became exactly one ticket.
    await until(
      async () => ((await api(bUrl, 'GET', '/api/v1/tickets?limit=1000')).items as unknown[]).length >= BOXES,
      'a ticket per box',
      30_000,
    );
    await until(() => boxes.every((box) => box.unanswered.size === 0), 'every report answered', 30_000);
    await b?.settle();

    const tickets = (await api(bUrl, 'GET', '/api/v1/tickets?limit=1000')).items as { boxId: string }[];
    expect(tickets).toHaveLength(BOXES);
    expect(new Set(tickets.map((t) => t.boxId)).size).toBe(BOXES);
    for (const box of boxes) {
      const ids = box.noticeIds();
      // Shown once each: the box keeps one copy per notice id, whatever was redelivered.
      expect(new Set(ids).size).toBe(ids.length);
      expect(sent.every((id) => ids.includes(id))).toBe(true);
      const maint = box.accepted.filter((m) => m.notice?.kind === NoticeKind.NOTICE_KIND_MAINTENANCE);
      expect(maint).toHaveLength(2); // the 48 h notice and exactly one reminder
    }
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    try {
      // Each reminder job done once (a second run would also show as a second reminder on the boxes).
      const r = await c.query<{ state: string; attempts: number; n: number }>(
        `SELECT state, attempts, count(*)::int AS n FROM ${schema}.jobs WHERE kind = 'maintenance-reminder' GROUP BY state, attempts`,
      );
      expect(r.rows).toEqual([{ state: 'done', attempts: 1, n: plans.length }]);
    } finally {
      await c.end();
    }
  }, 120_000);
});
