import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueBoxCert, createCa } from '@stb-notify/protocol/node';
import mqtt, { ErrorWithSubackPacket } from 'mqtt';
import type { IClientOptions } from 'mqtt';
import type { ProvisioningResult } from '../src/services/provisioning-service';
import { removeDir, seedRegistry, startTestHeadend } from './support/test-headend';
import type { TestHeadend } from './support/test-headend';
import { TestBox, until } from './support/test-box';

/** SUBACK return codes per topic (128 = refused); mqtt.js rejects the promise when any is refused. */
async function grantedCodes(client: mqtt.MqttClient, topics: string[]): Promise<number[]> {
  try {
    return (await client.subscribeAsync(topics, { qos: 1 })).map((g) => g.qos);
  } catch (err) {
    if (err instanceof ErrorWithSubackPacket) return err.packet.granted.map((g) => (typeof g === 'number' ? g : 128));
    throw err;
  }
}

/** Connects and reports how it went: 'connected' or the error text. */
async function tryConnect(url: string, opts: IClientOptions): Promise<{ outcome: string; client: mqtt.MqttClient }> {
  const client = mqtt.connect(url, { protocolVersion: 4, reconnectPeriod: 0, connectTimeout: 3000, ...opts });
  const outcome = await new Promise<string>((resolve) => {
    client.once('connect', () => resolve('connected'));
    client.once('error', (err) => resolve(`error: ${err.message}`));
    client.once('close', () => resolve('closed'));
  });
  return { outcome, client };
}

describe('broker security: mutual TLS, credentials and the access rule', () => {
  let t: TestHeadend;
  let b1: ProvisioningResult;
  let b2: ProvisioningResult;
  beforeAll(async () => {
    t = await startTestHeadend();
    await seedRegistry(t);
    b1 = (await t.api('POST', '/api/v1/boxes/box-1/provision')).body as unknown as ProvisioningResult;
    b2 = (await t.api('POST', '/api/v1/boxes/box-4/provision')).body as unknown as ProvisioningResult;
  });
  afterAll(async () => {
    await t.stop();
    await removeDir(t.dir);
  });

  const tlsOpts = (b: ProvisioningResult, clientId = b.boxId): IClientOptions => ({
    clientId,
    ca: b.caPem,
    cert: b.certPem,
    key: b.keyPem,
    rejectUnauthorized: true,
  });

  it('a box that brings its own public keys gets them certified, and no private key is in the answer', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const ed = generateKeyPairSync('ed25519');
    const edRaw = ed.publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
    const r = await t.api('POST', '/api/v1/boxes/box-3/certify', {
      certificatePublicKeyPem: rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      uplinkPublicKey: Buffer.from(edRaw).toString('base64'),
    });
    expect(r.status).toBe(200);
    const bundle = r.body as unknown as ProvisioningResult;
    expect(bundle.keyPem).toBe('');
    expect(bundle.uplinkSeed).toBe('');
    expect(new X509Certificate(bundle.certPem).publicKey.export({ type: 'spki', format: 'pem' })).toBe(
      rsa.publicKey.export({ type: 'spki', format: 'pem' }),
    );
    // The box completes the bundle with the private keys it never sent, and works.
    const seed = ed.privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(-32);
    const box = new TestBox(
      {
        ...bundle,
        keyPem: rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
        uplinkSeed: Buffer.from(seed).toString('base64'),
      },
      t.clock,
    );
    await box.connect();
    await box.hello();
    await until(async () => (await t.h.stores.registry.getBox('box-3'))?.model === 'TEST-1', 'hello verified');
    await box.disconnect();
    const bad = await t.api('POST', '/api/v1/boxes/box-3/certify', {
      certificatePublicKeyPem: `-----BEGIN PUBLIC KEY-----\n${'A'.repeat(200)}\n-----END PUBLIC KEY-----\n`,
      uplinkPublicKey: Buffer.from(edRaw).toString('base64'),
    });
    expect(bad).toMatchObject({ status: 400, body: { code: 'VALIDATION' } });
    // The identity point would verify a forged signature for any message.
    const weak = await t.api('POST', '/api/v1/boxes/box-3/certify', {
      certificatePublicKeyPem: rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      uplinkPublicKey: Buffer.concat([Buffer.from([1]), Buffer.alloc(31)]).toString('base64'),
    });
    expect(weak).toMatchObject({ status: 400, body: { code: 'VALIDATION' } });
    const e3 = generateKeyPairSync('rsa', { modulusLength: 2048, publicExponent: 3 });
    const smallExponent = await t.api('POST', '/api/v1/boxes/box-3/certify', {
      certificatePublicKeyPem: e3.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      uplinkPublicKey: Buffer.from(edRaw).toString('base64'),
    });
    expect(smallExponent).toMatchObject({ status: 400, body: { code: 'VALIDATION' } });
  });

  it('a WebSocket upgrade on any path but /mqtt is answered 404 and closed, never left hanging', async () => {
    const { port } = new URL(t.h.urls.http);
    const sock = connect(Number(port), '127.0.0.1');
    let answer = '';
    sock.on('data', (d: Buffer) => (answer += d.toString()));
    const closed = new Promise<void>((r) => sock.once('close', () => r()));
    sock.write('GET /anything HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n');
    await closed;
    expect(answer).toContain('404');
  });

  it('re-provisioning a box revokes its old certificate: refused at connect; the new one and other boxes connect', async () => {
    const before = (await t.api('POST', '/api/v1/boxes/box-2/provision')).body as unknown as ProvisioningResult;
    const first = await tryConnect(t.h.urls.mqtts, tlsOpts(before));
    expect(first.outcome).toBe('connected');
    first.client.end(true);
    const after = (await t.api('POST', '/api/v1/boxes/box-2/provision')).body as unknown as ProvisioningResult;
    const old = await tryConnect(t.h.urls.mqtts, tlsOpts(before));
    expect(old.outcome).toContain('Not authorized');
    old.client.end(true);
    expect(t.h.metrics.brokerRefused.get({ what: 'connect', reason: 'revoked-certificate' })).toBe(1);
    const fresh = await tryConnect(t.h.urls.mqtts, tlsOpts(after));
    expect(fresh.outcome).toBe('connected');
    fresh.client.end(true);
    // Provisioned again for WebSocket only: no certificate connects any more.
    await t.api('POST', '/api/v1/boxes/provision-websocket', { boxIds: ['box-2'] });
    const none = await tryConnect(t.h.urls.mqtts, tlsOpts(after));
    expect(none.outcome).toContain('Not authorized');
    none.client.end(true);
    const other = await tryConnect(t.h.urls.mqtts, tlsOpts(b2));
    expect(other.outcome).toBe('connected');
    other.client.end(true);
  });

  it('a box that reconnects while its old connection lingers (session takeover) is counted once and stays online', async () => {
    const first = new TestBox(b2, t.clock);
    const second = new TestBox(b2, t.clock);
    try {
      await first.connect();
      await until(() => t.h.broker.connectedBoxes() === 1, 'one box connected');
      await second.connect(); // the broker closes `first`: same client id
      await until(() => first.client?.connected !== true, 'old connection dropped');
      expect(t.h.broker.connectedBoxes()).toBe(1);
      await until(async () => (await t.h.stores.registry.getBox('box-4'))?.online === true, 'still online');
      await second.disconnect();
      await until(() => t.h.broker.connectedBoxes() === 0, 'none connected');
      await until(async () => (await t.h.stores.registry.getBox('box-4'))?.online === false, 'offline');
    } finally {
      first.client?.end(true);
      second.client?.end(true);
    }
  });

  it('a box cannot subscribe to another box’s or zone’s topic (negative SUBACK) and never receives from it', async () => {
    const { outcome, client } = await tryConnect(t.h.urls.mqtts, tlsOpts(b1));
    expect(outcome).toBe('connected');
    const granted = await grantedCodes(client, [
      'stb/v1/down/box/box-4',
      'stb/v1/down/zone/z-west',
      'stb/v1/down/#',
      'stb/v1/down/box/box-1',
    ]);
    expect(granted).toEqual([128, 128, 128, 1]);
    const seen: string[] = [];
    client.on('message', (topic) => seen.push(topic));
    await t.api('POST', '/api/v1/notices', {
      kind: 'ANNOUNCEMENT',
      target: { type: 'boxes', boxIds: ['box-4'] },
      texts: [{ lang: 'zh-CN', title: 'x', body: '' }],
    });
    await t.api('POST', '/api/v1/notices', {
      kind: 'ANNOUNCEMENT',
      target: { type: 'boxes', boxIds: ['box-1'] },
      texts: [{ lang: 'zh-CN', title: 'y', body: '' }],
    });
    await until(() => seen.length > 0, 'own notice arrives');
    expect(seen).toEqual(['stb/v1/down/box/box-1']);
    await client.endAsync();
  });

  it('a box publishing as another box is disconnected, and nothing reaches the headend', async () => {
    const { client } = await tryConnect(t.h.urls.mqtts, tlsOpts(b1));
    const before =
      t.h.metrics.uplinkRejected.get({ code: 'PROTO_BAD_SIGNATURE' }) +
      t.h.metrics.uplinkAccepted.get({ kind: 'fault' });
    const closed = new Promise<void>((r) => client.once('close', () => r()));
    client.publish('stb/v1/up/box-4/fault', Buffer.from('forged'), { qos: 1 });
    await closed;
    await t.h.settle();
    expect(
      t.h.metrics.uplinkRejected.get({ code: 'PROTO_BAD_SIGNATURE' }) +
        t.h.metrics.uplinkAccepted.get({ kind: 'fault' }),
    ).toBe(before);
    expect(t.h.metrics.brokerRefused.get({ what: 'publish', reason: 'access-rule' })).toBeGreaterThan(0);
    client.end(true);
  });

  it('a client without a certificate, or with one from another CA, cannot connect', async () => {
    const none = await tryConnect(t.h.urls.mqtts, { clientId: 'box-1', ca: b1.caPem, rejectUnauthorized: true });
    expect(none.outcome).not.toBe('connected');
    none.client.end(true);
    const rogue = issueBoxCert(createCa(), 'box-1');
    const bad = await tryConnect(t.h.urls.mqtts, {
      clientId: 'box-1',
      ca: b1.caPem,
      cert: rogue.certPem,
      key: rogue.keyPem,
    });
    expect(bad.outcome).not.toBe('connected');
    bad.client.end(true);
  });

  it('a box cannot use another box’s client id (session takeover)', async () => {
    const r = await tryConnect(t.h.urls.mqtts, tlsOpts(b1, 'box-4'));
    expect(r.outcome).toMatch(/Not authorized|error|closed/);
    expect(r.outcome).not.toBe('connected');
    r.client.end(true);
  });

  it('MQTT over WebSocket: the provisioned credential works, a wrong one is refused', async () => {
    const good = await tryConnect(t.h.urls.ws, { clientId: 'box-4', username: 'box-4', password: b2.credential });
    expect(good.outcome).toBe('connected');
    expect(await grantedCodes(good.client, ['stb/v1/down/zone/z-west', 'stb/v1/down/zone/z-east'])).toEqual([1, 128]);
    await good.client.endAsync();
    const bad = await tryConnect(t.h.urls.ws, { clientId: 'box-4', username: 'box-4', password: b1.credential });
    expect(bad.outcome).toMatch(/Bad username or password/);
    bad.client.end(true);
  });

  it('MQTT over WebSocket: a publish over the packet limit closes that connection unacknowledged; the box connects again', async () => {
    const opts = { clientId: 'box-4', username: 'box-4', password: b2.credential };
    const refused0 = t.h.metrics.brokerRefused.get({ what: 'publish', reason: 'oversize' });
    const big = await tryConnect(t.h.urls.ws, opts);
    expect(big.outcome).toBe('connected');
    const closed = new Promise<void>((r) => big.client.once('close', () => r()));
    let acked = false;
    // 100 KB: over the 72 KiB MQTT packet limit, under the WebSocket message limit, so the packet guard decides.
    big.client.publish('stb/v1/up/box/box-4/receipt', Buffer.alloc(100 * 1024, 7), { qos: 1 }, (err) => {
      if (!err) acked = true;
    });
    await closed;
    big.client.end(true);
    expect(acked).toBe(false);
    expect(t.h.metrics.brokerRefused.get({ what: 'publish', reason: 'oversize' })).toBe(refused0 + 1);
    const again = await tryConnect(t.h.urls.ws, opts);
    expect(again.outcome).toBe('connected');
    expect(await grantedCodes(again.client, ['stb/v1/down/box/box-4'])).toEqual([1]);
    await again.client.endAsync();
  });

  it('a provisioned box over mutual TLS still works after all that', async () => {
    const box = new TestBox(b2, t.clock);
    await box.connect();
    const r = await t.api('POST', '/api/v1/notices', {
      kind: 'ANNOUNCEMENT',
      target: { type: 'zones', zoneIds: ['z-west'] },
      texts: [{ lang: 'zh-CN', title: 'z', body: '' }],
    });
    await until(() => box.noticeIds().includes((r.body.notice as { id: string }).id), 'zone notice');
    await box.disconnect();
  });
});
