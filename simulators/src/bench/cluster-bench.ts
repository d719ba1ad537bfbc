/**
 * `npm run bench -- --broker nats-cluster --boxes N` (issue 21): N simulated boxes (the real
 * box core, MQTT 3.1.1 over TLS with their certificates) spread over a 3-node NATS cluster
 * with JetStream started here on free loopback ports; the headend in this process on the
 * cluster (uplink from the replicated stream, downlink over MQTT) with SQLite. Then the same
 * fleet size of raw MQTT clients on the same cluster, same payloads: the baseline.
 * Results: docs/benchmarks-cluster.{md,json}.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { connect } from '@nats-io/transport-node';
import { DataDir, loadConfig, openStores, startHeadend, writeNatsFiles } from '@stb-notify/headend';
import type { Headend } from '@stb-notify/headend';
import { toBase64 } from '@stb-notify/protocol';
import { generateEd25519 } from '@stb-notify/protocol/node';
import mqtt from 'mqtt';
import pino from 'pino';
import { until } from '../fleet';
import { registerFleet } from '../provision-fleet';
import { clusterNodes, NatsCluster } from './nats-cluster';
import { machineInfo } from './machine';
import { counts, slices, Worker } from './workers';

const log = (s: string) => console.log(`[bench:cluster] ${s}`);
const PER_WORKER = 5000;
const TIMEOUT = Number(process.env.BENCH_STEP_TIMEOUT_MS ?? 900_000);
/**
 * Boxes connect this far apart on average (83/s: 30,000 boxes online in 405 s, none retried).
 * Every MQTT connection to NATS 2.9 writes its session to a replicated JetStream stream; much
 * faster than the cluster takes them, connections are reset. BENCH_CONNECT_SPACING_MS overrides.
 */
const CONNECT_SPACING_MS = Number(process.env.BENCH_CONNECT_SPACING_MS ?? 12);
const texts = [{ lang: 'zh-CN', title: '全网广播', body: '自2027年1月1日起，基本收视费调整为每月26元。' }];

/** User + system CPU of a process (µs), from /proc: the nats-server nodes' own cost. */
function procCpuUs(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1_000_000) / 100;
  } catch {
    return 0;
  }
}

interface Measured {
  readonly ms: number;
  readonly headendUs: number;
  readonly brokerUs: number;
}

/** Runs the cluster bench (`--boxes N`, default 30,000: more than one process holds here) and exits. */
export async function runClusterBench(): Promise<never> {
  const i = process.argv.indexOf('--boxes');
  await clusterBench(i >= 0 ? Number(process.argv[i + 1]) : 30_000);
  process.exit(0);
}

async function clusterBench(N: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'stb-bench-cluster-'));
  const dataDir = new DataDir(join(dir, 'data'));
  dataDir.init({ nowMs: Date.now(), hosts: ['127.0.0.1'] });
  const database = join(dir, 'data', 'headend.db');
  const nodes = await clusterNodes(3);
  const natsDir = join(dir, 'nats');
  const before = await openStores(database);
  await writeNatsFiles(dataDir, before.registry, { dir: natsDir, nodes });
  await before.close();
  const cluster = new NatsCluster(natsDir, nodes);
  await cluster.start();
  const brokerCpu = () => cluster.running.reduce((a, r) => a + procCpuUs(r.proc.pid), 0);
  const measure = async (start: () => Promise<unknown>, done: () => boolean | Promise<boolean>): Promise<Measured> => {
    const cpu0 = process.cpuUsage();
    const b0 = brokerCpu();
    const t0 = performance.now();
    await start();
    if (!(await until(done, TIMEOUT, 20))) throw new Error(`step timed out after ${TIMEOUT} ms`);
    const cpu = process.cpuUsage(cpu0);
    return { ms: performance.now() - t0, headendUs: cpu.user + cpu.system, brokerUs: brokerCpu() - b0 };
  };
  const mqttUrls = nodes.map((n) => `mqtts://127.0.0.1:${n.mqttPort}`);
  const config = loadConfig({
    flags: {
      dataDir: dataDir.root,
      database,
      'http.port': 0,
      logLevel: 'silent',
      'broker.nats': cluster.natsServers().join(','),
      'broker.url': mqttUrls.join(','),
      'broker.instance': `bench-${process.pid}`,
    },
  });
  // The scheduler ticks as in production: it also sends unanswered deliveries again (N2 proof).
  const h: Headend = await startHeadend({ config, log: pino({ level: 'silent' }) });
  const workers = Array.from({ length: Math.ceil(N / PER_WORKER) }, () => new Worker());
  try {
    log(`${N} boxes on 3 NATS nodes, ${workers.length} fleet worker process(es), ${cpus().length} cores`);
    // One RSA key for the whole simulated fleet (a real box makes its own): N key pairs would
    // take ~30 ms each. Every box still has its own certificate and its own Ed25519 key.
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const keyPem = rsa.privateKey.export({ format: 'pem', type: 'pkcs1' }).toString();
    const certificatePublicKeyPem = rsa.publicKey.export({ format: 'pem', type: 'spki' }).toString();
    const ids = await registerFleet(h, { boxes: N, zones: 20 });
    const t0 = performance.now();
    const bundles: Array<Record<string, unknown> & { certPem: string; caPem: string }> = [];
    for (const [i, id] of ids.entries()) {
      const uplink = generateEd25519();
      const b = await h.provisioning.provision(id, 'bench', {
        certificatePublicKeyPem,
        uplinkPublicKey: uplink.publicKey,
      });
      bundles.push({ ...b, keyPem, uplinkSeed: toBase64(uplink.seed) });
      if ((i + 1) % 5000 === 0) log(`provisioned ${i + 1}/${N}`);
    }
    log(`provisioned ${N} boxes in ${Math.round(performance.now() - t0)} ms`);
    // The registry changed: every node rereads the users file (what an operator does after an import).
    await writeNatsFiles(dataDir, h.stores.registry, { dir: natsDir, nodes });
    cluster.reload();
    const tConnect = performance.now();
    await Promise.all(
      slices(bundles, workers.length).map((b, i) =>
        workers[i]?.call({
          cmd: 'sim-start',
          bundles: b,
          spreadMs: b.length * CONNECT_SPACING_MS * workers.length,
          mqtts: true,
        }),
      ),
    );
    const connectMs = performance.now() - tConnect;
    log(`fleet online in ${Math.round(connectMs)} ms`);
    await h.settle();

    const displayed0 = h.metrics.receipts.get({ state: 'displayed' });
    const broadcast = await measure(
      () =>
        h.notices.send({ kind: 'ANNOUNCEMENT', display: 'BANNER', target: { type: 'all' }, texts, createdBy: 'bench' }),
      () => h.metrics.receipts.get({ state: 'displayed' }) - displayed0 >= N,
    );
    log(`broadcast: every box displayed it, receipts stored, in ${Math.round(broadcast.ms)} ms`);

    const opened0 = h.metrics.ticketsIntake.get({ outcome: 'opened' });
    const intake = await measure(
      () => Promise.all(workers.map((w) => w.call({ cmd: 'sim-fault' }))),
      () => h.metrics.ticketsIntake.get({ outcome: 'opened' }) - opened0 >= N,
    );
    log(`intake: ${N} reports → tickets in ${Math.round(intake.ms)} ms`);

    await Promise.all(workers.map((w) => w.call({ cmd: 'sim-stop' })));
    const missed: string[] = [];
    for (const title of ['停电后一', '停电后二'])
      missed.push(
        (
          await h.notices.send({
            kind: 'ANNOUNCEMENT',
            target: { type: 'all' },
            texts: [{ lang: 'zh-CN', title, body: '' }],
            createdBy: 'bench',
          })
        ).id,
      );
    let got: Record<string, number> = {};
    const stormSpread = N * CONNECT_SPACING_MS;
    const storm = await measure(
      () => Promise.all(workers.map((w) => w.call({ cmd: 'sim-restart', spreadMs: stormSpread }))),
      async () => {
        got = await counts(workers, missed);
        return missed.every((id) => (got[id] ?? 0) >= N);
      },
    );
    const lost = 2 * N - missed.reduce((a, id) => a + (got[id] ?? 0), 0);
    log(`storm: every box back and holding both missed notices in ${Math.round(storm.ms)} ms, lost ${lost}`);
    await Promise.all(workers.map((w) => w.call({ cmd: 'sim-stop' })));
    await h.close();

    // Baseline: raw MQTT clients with the same certificates on the same cluster.
    const headendCert = dataDir.headendClient(Date.now());
    const certs = bundles.map((b) => b.certPem);
    const caPem = bundles[0]?.caPem ?? '';
    const rawStart = () =>
      Promise.all(
        slices(ids, workers.length).map((s, i) =>
          workers[i]?.call({
            cmd: 'raw-start',
            url: '',
            ids: s,
            spreadMs: s.length * CONNECT_SPACING_MS * workers.length,
            cluster: { caPem, keyPem, certs: s.map((id) => certs[ids.indexOf(id)] ?? ''), urls: mqttUrls },
            // The baseline is measured with the clients that connected within the spread and 2 min more.
            giveUpAfterMs: N * CONNECT_SPACING_MS + 120_000,
          }),
        ),
      );
    let rawOnline = 0;
    const rawConnect = await measure(
      async () => {
        rawOnline = (await rawStart()).reduce((a, r) => a + (r?.online ?? 0), 0);
      },
      () => true,
    );
    log(`raw: ${rawOnline} of ${N} clients connected`);
    const received = async () =>
      (await Promise.all(workers.map((w) => w.call({ cmd: 'raw-count' })))).reduce((a, r) => a + (r.received ?? 0), 0);
    const pub = await mqtt.connectAsync(mqttUrls[0] ?? '', {
      protocolVersion: 4,
      clientId: 'bench-raw-publisher',
      clean: true,
      ca: caPem,
      cert: headendCert.certPem,
      key: headendCert.keyPem,
      rejectUnauthorized: true,
    });
    const payload = Buffer.alloc(600, 7);
    const r0 = await received();
    const rawBroadcast = await measure(
      () => pub.publishAsync('stb/v1/down/all', payload, { qos: 1 }),
      async () => (await received()) - r0 >= rawOnline,
    );
    const nc = await connect({
      servers: cluster.natsServers(),
      tls: { ca: caPem, cert: headendCert.certPem, key: headendCert.keyPem },
    });
    let ingested = 0;
    nc.subscribe('stb.v1.up.>', { callback: () => void ingested++ });
    await nc.flush();
    const rawIngest = await measure(
      () => Promise.all(workers.map((w) => w.call({ cmd: 'raw-ingest', bytes: 400 }))),
      () => ingested >= rawOnline,
    );
    await nc.close();
    await pub.endAsync();
    await Promise.all(workers.map((w) => w.call({ cmd: 'raw-stop' })));
    log(
      `raw: connect ${Math.round(rawConnect.ms)} ms, broadcast ${Math.round(rawBroadcast.ms)} ms, ingest ${Math.round(rawIngest.ms)} ms`,
    );

    const us = (m: Measured, ops: number) => ({
      headend: Math.round(m.headendUs / ops),
      broker: Math.round(m.brokerUs / ops),
    });
    const result = {
      date: new Date().toISOString(),
      machine: machineInfo(),
      boxes: N,
      nodes: 3,
      workers: workers.length,
      transport:
        'MQTT 3.1.1 over TLS (client certificates), boxes QoS 0 clean sessions, uplink QoS 1 into a replicated JetStream stream; NATS 2.9; store SQLite',
      connectMs: Math.round(connectMs),
      rows: [
        {
          name: 'broadcast, until every displayed receipt is stored',
          ms: Math.round(broadcast.ms),
          rawMs: Math.round(rawBroadcast.ms),
          cpuUsPerBox: us(broadcast, N),
          rawCpuUsPerBox: us(rawBroadcast, rawOnline),
        },
        {
          name: 'fault reports → stored tickets',
          perSecond: Math.round(N / (intake.ms / 1000)),
          rawPerSecond: Math.round(rawOnline / (rawIngest.ms / 1000)),
          cpuUsPerReport: us(intake, N),
          rawCpuUsPerReport: us(rawIngest, rawOnline),
        },
        {
          name: 'reconnect storm, 2 missed notices each, until every box holds both',
          ms: Math.round(storm.ms),
          rawReconnectMs: Math.round(rawConnect.ms),
          rawOnline,
          lost,
          spreadMs: stormSpread,
          cpuUsPerResent: us(storm, 2 * N),
        },
      ],
    };
    const docs = fileURLToPath(new URL('../../../docs/', import.meta.url));
    mkdirSync(docs, { recursive: true });
    const base = `benchmarks-cluster${N === 30_000 ? '' : `-${N}`}`;
    writeFileSync(join(docs, `${base}.json`), `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(join(docs, `${base}.md`), clusterMarkdown(result));
    log(`wrote docs/${base}.md and .json`);
  } finally {
    for (const w of workers) w.kill();
    await cluster.stop();
  }
}

function clusterMarkdown(r: {
  date: string;
  machine: { cores: number; cpu: string; memoryGiB: number; node: string; somaxconn: number };
  boxes: number;
  workers: number;
  transport: string;
  connectMs: number;
  rows: Array<Record<string, unknown>>;
}): string {
  const [b, i, s] = r.rows as Array<Record<string, never>>;
  const cpu = (x: { headend: number; broker: number } | undefined) =>
    x === undefined ? '—' : `${x.headend} / ${x.broker}`;
  return [
    `# Benchmarks: ${r.boxes.toLocaleString('en')} boxes on a 3-node NATS cluster (issue 21)`,
    '',
    `Measured by \`npm run bench -- --broker nats-cluster --boxes ${r.boxes}\` on ${r.date.slice(0, 10)}: ${r.machine.cores} cores (${r.machine.cpu}), ${r.machine.memoryGiB} GiB, Node ${r.machine.node}. Everything on this one machine: the 3 nats-server nodes, the headend (this process, SQLite), ${r.workers} fleet worker processes running the real box core.`,
    '',
    `${r.transport}. Fleet online (TLS handshakes, boxes ~${CONNECT_SPACING_MS} ms apart) in ${r.connectMs} ms.`,
    '',
    '| benchmark | stb-notify | raw MQTT on the same cluster | CPU µs/op headend / nats nodes | raw: CPU µs/op publisher / nats nodes |',
    '|---|---|---|---|---|',
    `| broadcast, until every box displayed it and its receipt is stored | ${b?.ms} ms | ${b?.rawMs} ms (delivered to every client) | ${cpu(b?.cpuUsPerBox)} | ${cpu(b?.rawCpuUsPerBox)} |`,
    `| fault reports → stored tickets | ${i?.perSecond} /s | ${i?.rawPerSecond} /s (into the uplink subjects) | ${cpu(i?.cpuUsPerReport)} | ${cpu(i?.rawCpuUsPerReport)} |`,
    `| reconnect storm: all boxes back (over ${s?.spreadMs} ms), 2 missed notices each | ${s?.ms} ms, lost ${s?.lost} | ${s?.rawReconnectMs} ms to reconnect the raw clients (${s?.rawOnline} of ${r.boxes} connected) | ${cpu(s?.cpuUsPerResent)} | — |`,
    '',
    'CPU µs/op: user + system CPU of the headend process, and of the three nats-server processes together, during the step, per delivered box / report / resent notice.',
    '',
  ].join('\n');
}
