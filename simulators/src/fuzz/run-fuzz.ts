/**
 * npm run fuzz [-- --frames 1000000 --bodies 100000 --boxes 8 --seed 1]: a headend started
 * from the CLI in its own process takes hostile uplink frames from several boxes over mutual
 * TLS and random HTTP requests on every route of its OpenAPI document. Ends with the headend
 * alive, its memory (RSS, sampled every second) bounded, a clean box still served, and a
 * count of answers by status: any 5xx fails the run. Not part of `npm test` (minutes).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fromBase64 } from '@stb-notify/protocol';
import { createNodeSigner } from '@stb-notify/protocol/node';
import mqtt from 'mqtt';
import type { MqttClient } from 'mqtt';
import { operatorApi, spawnHeadend } from '../spawn-headend';
import { randomBody, randomUrl } from './http-bodies';
import { mutate, Rng, seedFrames } from './uplink-mutations';

function positive(name: string, v: string | undefined, dflt: number): number {
  const n = v === undefined ? dflt : Number(v);
  if (!Number.isSafeInteger(n) || n < 1) {
    console.error(`--${name} must be a positive integer`);
    process.exit(2);
  }
  return n;
}

const { values } = parseArgs({
  options: {
    frames: { type: 'string' },
    bodies: { type: 'string' },
    boxes: { type: 'string' },
    seed: { type: 'string' },
  },
});
const FRAMES = positive('frames', values.frames, 1_000_000);
const BODIES = positive('bodies', values.bodies, 100_000);
const BOXES = positive('boxes', values.boxes, 8);
const SEED = positive('seed', values.seed, 1);

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

interface Bundle {
  boxId: string;
  caPem: string;
  certPem: string;
  keyPem: string;
  uplinkKeyId: string;
  uplinkSeed: string;
}

function rssKiB(pid: number): number {
  const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(m?.[1] ?? 0);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'stb-fuzz-'));
  const httpPort = await freePort();
  const mqttsPort = await freePort();
  const { child, outputBytes } = await spawnHeadend({ dataDir: dir, httpPort, mqttsPort });
  // Whatever ends this run (an error included) ends the headend it started.
  process.once('exit', () => child.kill('SIGKILL'));
  const pid = child.pid ?? 0;
  const base = `http://127.0.0.1:${httpPort}`;
  const token = readFileSync(join(dir, 'operator-token'), 'utf8').trim();
  const api = operatorApi(base, token);
  const ids = Array.from({ length: BOXES + 1 }, (_, i) => `fz-${i}`);
  const imported = await api('POST', '/api/v1/registry/import', {
    zones: [{ id: 'z-east', name: '东城', type: 'urban', maintainer: 'wang' }],
    boxes: ids.map((id, i) => ({ id, accountId: `fa-${i}`, zoneId: 'z-east' })),
  });
  if (imported.code !== undefined) throw new Error(`registry import: ${JSON.stringify(imported)}`);
  const bundles: Bundle[] = [];
  for (const id of ids) {
    const b = await api('POST', `/api/v1/boxes/${id}/provision`);
    if (typeof b.uplinkSeed !== 'string') throw new Error(`provisioning ${id}: ${JSON.stringify(b)}`);
    bundles.push(b as unknown as Bundle);
  }
  const rssStart = rssKiB(pid);
  let rssMax = rssStart;
  const sampler = setInterval(() => (rssMax = Math.max(rssMax, rssKiB(pid))), 1000);

  // Uplink: every box but the last sends its share of hostile frames, QoS 1, 64 in flight.
  const rng = new Rng(SEED);
  const strategies = new Map<string, number>();
  let sent = 0;
  let reconnects = 0;
  const started = performance.now();
  const connect = (b: Bundle): Promise<MqttClient> =>
    new Promise((resolve, reject) => {
      const c = mqtt.connect(`mqtts://127.0.0.1:${mqttsPort}`, {
        protocolVersion: 4,
        clientId: b.boxId,
        clean: true,
        ca: b.caPem,
        cert: b.certPem,
        key: b.keyPem,
        rejectUnauthorized: true,
        reconnectPeriod: 0,
      });
      c.once('connect', () => resolve(c));
      c.once('error', reject);
    });
  await Promise.all(
    bundles.slice(0, BOXES).map(async (b, bi) => {
      const signer = createNodeSigner(b.uplinkKeyId, fromBase64(b.uplinkSeed) ?? new Uint8Array());
      const seeds = await seedFrames(b.boxId, signer, Date.now());
      const local = new Rng(SEED * 1000 + bi);
      let client = await connect(b);
      const share = Math.ceil(FRAMES / BOXES);
      let inflight: Array<Promise<void>> = [];
      for (let i = 0; i < share; i++) {
        const f = mutate(local, b.boxId, seeds);
        strategies.set(f.strategy, (strategies.get(f.strategy) ?? 0) + 1);
        const c = client;
        inflight.push(
          c.publishAsync(f.topic, f.payload, { qos: 1 }).then(
            () => undefined,
            () => undefined,
          ),
        );
        sent++;
        if (inflight.length >= 64) {
          await Promise.all(inflight);
          inflight = [];
          if (!client.connected) {
            client.end(true);
            client = await connect(b);
            reconnects++;
          }
        }
        if (bi === 0 && i % 20_000 === 0) {
          const rate = sent / ((performance.now() - started) / 1000);
          process.stdout.write(
            `\ruplink ${sent.toLocaleString()} / ${FRAMES.toLocaleString()} frames (${rate.toFixed(0)}/s), RSS ${(rssMax / 1024).toFixed(0)} MiB   `,
          );
        }
      }
      await Promise.all(inflight);
      client.end(true);
    }),
  );
  // A few packets over the MQTT size limit: each closes its connection before any ack.
  for (let i = 0; i < 5; i++) {
    const c = await connect(bundles[0] as Bundle);
    await Promise.race([
      c
        .publishAsync(`stb/v1/up/${bundles[0]?.boxId ?? ''}/receipt`, Buffer.alloc(1024 * 1024), { qos: 1 })
        .catch(() => undefined),
      new Promise<void>((r) => c.once('close', () => r())),
    ]);
    c.end(true);
  }
  const uplinkS = (performance.now() - started) / 1000;
  console.log(`\nuplink: ${sent.toLocaleString()} frames in ${uplinkS.toFixed(0)} s, ${reconnects} reconnects`);

  // HTTP: random requests on every route of the OpenAPI document, 32 at a time.
  const doc = (await (await fetch(`${base}/openapi.json`)).json()) as {
    paths: Record<string, Record<string, unknown>>;
  };
  const ops = Object.entries(doc.paths).flatMap(([p, ms]) => Object.keys(ms).map((m) => ({ m: m.toUpperCase(), p })));
  const statuses = new Map<number, number>();
  const fiveHundreds: string[] = [];
  let done = 0;
  const hstart = performance.now();
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (done < BODIES) {
        const n = ++done;
        const op = rng.pick(ops.filter((o) => !o.p.includes('/progress')));
        const url = randomUrl(rng, op.p);
        const withBody = op.m !== 'GET' && op.m !== 'DELETE';
        const b = randomBody(rng);
        const res = await fetch(`${base}${url}`, {
          method: op.m,
          headers: {
            ...(rng.next() < 0.95 ? { authorization: `Bearer ${token}` } : {}),
            ...(withBody ? { 'content-type': b.contentType } : {}),
          },
          ...(withBody ? { body: b.body } : {}),
        }).catch(() => undefined);
        const status = res?.status ?? 0;
        await res?.arrayBuffer().catch(() => undefined);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status >= 500 || status === 0) fiveHundreds.push(`${op.m} ${url} → ${status}: ${b.body.slice(0, 120)}`);
        if (n % 5000 === 0) process.stdout.write(`\rhttp ${n.toLocaleString()} / ${BODIES.toLocaleString()}   `);
      }
    }),
  );
  const httpS = (performance.now() - hstart) / 1000;
  clearInterval(sampler);

  // Still alive, and a clean box still gets a notice.
  const health = await fetch(`${base}/healthz`).then(
    (r) => r.status,
    () => 0,
  );
  const clean = bundles[BOXES] as Bundle;
  const cc = await connect(clean);
  await cc.subscribeAsync(`stb/v1/down/box/${clean.boxId}`, { qos: 1 });
  const got = new Promise<boolean>((resolve) => {
    cc.once('message', () => resolve(true));
    setTimeout(() => resolve(false), 10_000);
  });
  await api('POST', '/api/v1/notices', {
    kind: 'ANNOUNCEMENT',
    target: { type: 'boxes', boxIds: [clean.boxId] },
    texts: [{ lang: 'zh-CN', title: '模糊测试之后', body: '' }],
  });
  const served = await got;
  cc.end(true);
  const rssEnd = rssKiB(pid);
  // What the headend says it dropped, by code: every frame reached it and was judged.
  const metrics = await fetch(`${base}/metrics`).then((r) => r.text());
  const rejected = Object.fromEntries(
    [...metrics.matchAll(/^stb_uplink_rejected_total\{code="([^"]+)"\} (\d+)$/gm)].map((m) => [m[1], Number(m[2])]),
  );
  const refused = Object.fromEntries(
    // Labels are rendered in name order: reason, then what.
    [...metrics.matchAll(/^stb_broker_refused_total\{reason="([^"]+)",what="([^"]+)"\} (\d+)$/gm)].map((m) => [
      `${m[2]}/${m[1]}`,
      Number(m[3]),
    ]),
  );
  child.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });

  const result = {
    frames: sent,
    uplinkSeconds: Math.round(uplinkS),
    strategies: Object.fromEntries(strategies),
    uplinkRejectedByCode: rejected,
    brokerRefused: refused,
    httpRequests: done,
    httpSeconds: Math.round(httpS),
    statuses: Object.fromEntries([...statuses.entries()].sort((a, b) => a[0] - b[0])),
    serverErrors: fiveHundreds.slice(0, 20),
    healthz: health,
    cleanBoxServed: served,
    rssMiB: { start: Math.round(rssStart / 1024), max: Math.round(rssMax / 1024), end: Math.round(rssEnd / 1024) },
    headendLogKiB: Math.round(outputBytes() / 1024),
  };
  console.log(`\n${JSON.stringify(result, null, 2)}`);
  const ok = fiveHundreds.length === 0 && health === 200 && served;
  process.exit(ok ? 0 : 1);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
