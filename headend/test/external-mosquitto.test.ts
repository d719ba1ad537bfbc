import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { boxTopic, zoneTopic } from '@stb-notify/protocol';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeMosquittoFiles } from '../src/broker/mosquitto-config';
import { DataDir } from '../src/pki/data-dir';
import type { ProvisioningResult } from '../src/services/provisioning-service';
import { openSqliteStores } from '../src/store/open-stores';
import { importRegistry } from '../src/services/registry-import';
import { ManualClock } from './support/manual-clock';
import { freePort, portOpen, startMosquitto } from './support/mosquitto';
import type { RunningMosquitto } from './support/mosquitto';
import { TestBox, until } from './support/test-box';
import { removeDir, startTestHeadend } from './support/test-headend';
import type { TestHeadend } from './support/test-headend';
import { report, Symptom } from './support/ticket-fixtures';

const REGISTRY = {
  zones: [
    { id: 'z-east', name: '东城', type: 'urban' as const, maintainer: 'wang' },
    { id: 'z-west', name: '西乡', type: 'township' as const, maintainer: 'li' },
  ],
  boxes: [
    { id: 'box-1', accountId: 'acct-1', zoneId: 'z-east' },
    { id: 'box-2', accountId: 'acct-2', zoneId: 'z-east' },
    { id: 'box-4', accountId: 'acct-3', zoneId: 'z-west' },
  ],
};

describe('external broker: the headend as an MQTT client of a Mosquitto it configured (TLS, client certificates, ACL)', () => {
  let dir: string;
  let mosq: RunningMosquitto;
  let t: TestHeadend;
  let url: string;
  const boxes: Record<string, TestBox> = {};
  let port = 0;
  const mosquittoOpts = () => ({
    dir: join(dir, 'mosquitto'),
    host: '127.0.0.1',
    port,
    // Started as root (CI), Mosquitto would drop to its own user, which cannot read a 0700 temp dir.
    ...(process.getuid?.() === 0 ? { user: 'root' } : {}),
  });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'stb-ext-'));
    const clock = new ManualClock(Date.now());
    // The registry first, so the generated ACL knows each box's zone.
    new DataDir(dir).init({ nowMs: clock.now(), hosts: ['127.0.0.1'] });
    const stores = openSqliteStores(join(dir, 'headend.db'));
    await importRegistry(stores, REGISTRY, 'test', clock);
    port = await freePort();
    url = `mqtts://127.0.0.1:${port}`;
    await writeMosquittoFiles(new DataDir(dir), stores.registry, mosquittoOpts());
    await stores.close();
    mosq = await startMosquitto(join(dir, 'mosquitto', 'mosquitto.conf'), port);
    t = await startTestHeadend({ dir, clock, broker: { url, instance: 'a' } });
    for (const b of REGISTRY.boxes) {
      const bundle = (await t.api('POST', `/api/v1/boxes/${b.id}/provision`)).body as unknown as ProvisioningResult;
      expect(bundle.broker.mqtts).toBe(url);
      const box = new TestBox(bundle, clock);
      box.autoReceipts = ['delivered', 'displayed'];
      await box.connect();
      boxes[b.id] = box;
    }
  }, 60_000);
  afterAll(async () => {
    for (const b of Object.values(boxes)) await b.disconnect();
    await t?.stop();
    await mosq?.stop();
    await removeDir(dir);
  });

  it('a zone notice sent through the API reaches the zone’s boxes through Mosquitto, and their receipts come back', async () => {
    const r = await t.api('POST', '/api/v1/notices', {
      kind: 'ANNOUNCEMENT',
      target: { type: 'zones', zoneIds: ['z-east'] },
      texts: [{ lang: 'zh-CN', title: '东城新频道', body: '' }],
    });
    expect(r.status).toBe(201);
    const id = (r.body.notice as { id: string }).id;
    await until(async () => {
      const s = await t.api('GET', `/api/v1/notices/${id}`);
      return (s.body.total as { displayed: number }).displayed === 2;
    }, 'both z-east boxes displayed it');
    expect(boxes['box-1']?.noticeIds()).toContain(id);
    expect(boxes['box-2']?.noticeIds()).toContain(id);
    expect(boxes['box-4']?.noticeIds()).not.toContain(id);
  });

  it('T5: a box’s fault report through Mosquitto becomes one ticket', async () => {
    await boxes['box-4']?.send('fault', { faultReport: report('r-ext-1', Symptom.SYMPTOM_NO_SIGNAL) });
    await until(async () => {
      const r = await t.api('GET', '/api/v1/tickets?boxId=box-4');
      return (r.body.items as unknown[]).length === 1;
    }, 'ticket for box-4');
  });

  it('the generated ACL is the access rule: a box cannot read another box’s or zone’s topic, nor publish as another box', async () => {
    const b1 = boxes['box-1'];
    if (b1?.client === undefined) throw new Error('box-1 not connected');
    const spied: string[] = [];
    b1.client.on('message', (topic) => spied.push(topic));
    // Mosquitto 2.0 grants a denied 3.1.1 subscription in SUBACK but never delivers on it.
    await b1.client.subscribeAsync([boxTopic('box-2'), zoneTopic('z-west')], { qos: 1 });
    // Publishing as box-2: the broker drops it, the headend never sees it.
    await b1.client.publishAsync('stb/v1/up/box-2/fault', Buffer.from('forged'), { qos: 0 });

    const r = await t.api('POST', '/api/v1/notices', {
      kind: 'ANNOUNCEMENT',
      target: { type: 'boxes', boxIds: ['box-2', 'box-4'] },
      texts: [{ lang: 'zh-CN', title: '仅限 box-2 与 box-4', body: '' }],
    });
    const id = (r.body.notice as { id: string }).id;
    await until(
      () => (boxes['box-2']?.noticeIds().includes(id) ?? false) && (boxes['box-4']?.noticeIds().includes(id) ?? false),
      'box-2 and box-4 got it',
    );
    await t.h.settle();
    expect(spied.filter((s) => s.endsWith('/box-2') || s.endsWith('/z-west'))).toEqual([]);
    expect(b1.noticeIds()).not.toContain(id);
    const metrics = await (await fetch(`${t.h.urls.http}/metrics`)).text();
    expect(metrics).not.toMatch(/stb_uplink_rejected_total\{code="PROTO_/);
  });

  it('a client without a certificate from the operator CA cannot connect', async () => {
    const c = mqtt.connect(url, { rejectUnauthorized: false, reconnectPeriod: 0, connectTimeout: 3000 });
    const outcome = await new Promise<string>((resolve) => {
      c.once('connect', () => resolve('connected'));
      c.once('error', (e) => resolve(`error: ${e.message}`));
      c.once('close', () => resolve('closed'));
    });
    c.end(true);
    expect(outcome).not.toBe('connected');
  });

  it('a box provisioned again: Mosquitto refuses its old certificate (CRL), takes the new one', async () => {
    const before = boxes['box-2']?.bundle;
    if (before === undefined) throw new Error('box-2 missing');
    await boxes['box-2']?.disconnect();
    const after = (await t.api('POST', '/api/v1/boxes/box-2/provision')).body as unknown as ProvisioningResult;
    // Regenerated files, and Mosquitto started again on them (as an operator does after provisioning).
    await writeMosquittoFiles(new DataDir(dir), t.h.stores.registry, mosquittoOpts());
    expect(readFileSync(join(dir, 'mosquitto', 'mosquitto.conf'), 'utf8')).toContain('crlfile');
    await mosq.stop();
    mosq = await startMosquitto(join(dir, 'mosquitto', 'mosquitto.conf'), port);
    const attempt = async (b: ProvisioningResult): Promise<string> => {
      const c = mqtt.connect(url, {
        protocolVersion: 4,
        clientId: b.boxId,
        ca: b.caPem,
        cert: b.certPem,
        key: b.keyPem,
        rejectUnauthorized: true,
        reconnectPeriod: 0,
        connectTimeout: 3000,
      });
      const outcome = await new Promise<string>((resolve) => {
        c.once('connect', () => resolve('connected'));
        c.once('error', (e) => resolve(`error: ${e.message}`));
        c.once('close', () => resolve('closed'));
      });
      c.end(true);
      return outcome;
    };
    expect(await attempt(before)).not.toBe('connected');
    expect(await attempt(after)).toBe('connected');
    const other = boxes['box-4']?.bundle;
    if (other !== undefined) expect(await attempt(other)).toBe('connected');
  });
});

describe('external broker: the plain Mosquitto on 127.0.0.1:1883 (no TLS)', () => {
  it('carries notices and uplink between the headend and a box', async (ctx) => {
    if (!(await portOpen(1883))) {
      console.warn('skipped: no MQTT broker on 127.0.0.1:1883 (CI runs one)');
      ctx.skip();
      return;
    }
    // A unique group and box, so other users of the shared broker do not interfere.
    const run = `${process.pid}-${Date.now().toString(36)}`;
    const clock = new ManualClock(Date.now());
    const t = await startTestHeadend({
      clock,
      broker: { url: 'mqtt://127.0.0.1:1883', instance: run, group: `g-${run}` },
    });
    try {
      await t.api('POST', '/api/v1/registry/import', {
        zones: [{ id: `z-${run}`, name: '测试', type: 'urban', maintainer: 'wang' }],
        boxes: [{ id: `box-${run}`, accountId: `a-${run}`, zoneId: `z-${run}` }],
      });
      const bundle = (await t.api('POST', `/api/v1/boxes/box-${run}/provision`)).body as unknown as ProvisioningResult;
      const box = new TestBox(bundle, clock);
      box.autoReceipts = ['delivered', 'displayed'];
      await box.connect('mqtt://127.0.0.1:1883');
      const r = await t.api('POST', '/api/v1/notices', {
        kind: 'ANNOUNCEMENT',
        target: { type: 'zones', zoneIds: [`z-${run}`] },
        texts: [{ lang: 'zh-CN', title: '通知', body: '' }],
      });
      const id = (r.body.notice as { id: string }).id;
      await until(async () => {
        const s = await t.api('GET', `/api/v1/notices/${id}`);
        return (s.body.total as { displayed: number }).displayed === 1;
      }, 'displayed receipt back through 1883');
      await box.send('fault', { faultReport: report('r-plain', Symptom.SYMPTOM_NO_SOUND) });
      await until(async () => {
        const tk = await t.api('GET', `/api/v1/tickets?boxId=box-${run}`);
        return (tk.body.items as unknown[]).length === 1;
      }, 'ticket from the plain broker');
      await box.disconnect();
    } finally {
      await t.stop();
      await removeDir(t.dir);
    }
  });
});
