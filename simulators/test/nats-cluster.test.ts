import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { boxTopic, Symptom, systemClock, uplinkTopic, zoneTopic } from '@stb-notify/protocol';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UPLINK_STREAM } from '../../headend/src/broker/nats-cluster-broker';
import { writeNatsFiles } from '../../headend/src/broker/nats-config';
import { DataDir } from '../../headend/src/pki/data-dir';
import { importRegistry } from '../../headend/src/services/registry-import';
import { TokenService } from '../../headend/src/services/token-service';
import { openStores } from '../../headend/src/store/open-stores';
import { freePort, portOpen } from '../../headend/test/support/mosquitto';
import { clusterNodes, NatsCluster, natsServerInstalled } from '../src/bench/nats-cluster';
import { removeDir } from '../../headend/test/support/test-headend';
import { Fleet, until } from '../src/fleet';
import { SimBox } from '../src/sim-box';
import { operatorApi, spawnHeadend } from '../src/spawn-headend';

const PG_URL = process.env.STB_NOTIFY_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const BOXES = 24;
const ZONES = ['nz-a', 'nz-b', 'nz-c'];
/** Seconds after which the stream hands a dead instance's reports to the other one. */
const REDELIVER_S = 2;

interface Bundle {
  readonly boxId: string;
  readonly zoneId: string;
  readonly caPem: string;
  readonly certPem: string;
  readonly keyPem: string;
}

/**
 * Issue 21: boxes on a 3-node NATS cluster with JetStream, two headend instances on one
 * PostgreSQL consuming the uplink stream. The cluster is started here from Debian's
 * nats-server on free loopback ports (never the machine's own NATS on 4222). Everything runs
 * in processes of its own on the real clock; nothing depends on the date.
 */
describe('boxes on a 3-node NATS cluster, two headend instances', () => {
  let skipped = '';
  let dbUrl = '';
  let dir = '';
  let cluster: NatsCluster | undefined;
  const headends = new Map<string, { child: ChildProcess; http: number }>();
  let token = '';
  let bundles: Bundle[] = [];
  let fleet: Fleet | undefined;
  const extra: SimBox[] = [];

  const api = (instance: string) => {
    const h = headends.get(instance);
    if (h === undefined) throw new Error(`no headend ${instance}`);
    return operatorApi(`http://127.0.0.1:${h.http}`, token);
  };

  async function startInstance(
    instance: string,
    mqttOrder: string[],
    db: string,
    env: Record<string, string> = {},
  ): Promise<void> {
    if (cluster === undefined) throw new Error('no cluster');
    const c = cluster;
    const http = await freePort();
    const { child } = await spawnHeadend({
      dataDir: join(dir, 'data'),
      httpPort: http,
      mqttsPort: await freePort(),
      env: {
        ...env,
        STB_NOTIFY_DATABASE: db,
        STB_NOTIFY_BROKER_NATS: c.natsServers().join(','),
        STB_NOTIFY_BROKER_URL: mqttOrder.map((n) => c.mqttUrl(n)).join(','),
        STB_NOTIFY_BROKER_BOX_URL: ['n1', 'n2', 'n3'].map((n) => c.mqttUrl(n)).join(','),
        STB_NOTIFY_BROKER_REDELIVER_SECONDS: String(REDELIVER_S),
        STB_NOTIFY_INSTANCE: instance,
        // The headend keeps the cluster's users in step with the registry and reloads the nodes.
        STB_NOTIFY_BROKER_NATS_USERS_FILE: join(c.dir, 'users.conf'),
        STB_NOTIFY_BROKER_NATS_PID_FILES: c.nodes.map((n) => join(c.dir, `${n.name}.pid`)).join(','),
      },
    });
    headends.set(instance, { child, http });
  }

  beforeAll(async () => {
    if (!natsServerInstalled()) {
      skipped = 'nats-server is not installed (scripts/setup.sh installs it)';
      console.warn(`skipping the NATS cluster tests: ${skipped}`);
      return;
    }
    const pgUrl = new URL(PG_URL);
    if (!(await portOpen(Number(pgUrl.port || 5432), pgUrl.hostname))) {
      skipped = `no PostgreSQL at ${PG_URL} (CI runs one)`;
      console.warn(`skipping the NATS cluster tests: ${skipped}`);
      return;
    }
    dir = mkdtempSync(join(tmpdir(), 'stb-nats-'));
    dbUrl = `${PG_URL}?schema=n_${randomBytes(5).toString('hex')}`;
    const dataDir = new DataDir(join(dir, 'data'));
    dataDir.init({ nowMs: Date.now(), hosts: ['127.0.0.1'] });
    const stores = await openStores(dbUrl);
    const ids = Array.from({ length: BOXES }, (_, i) => `nb-${String(i).padStart(2, '0')}`);
    await importRegistry(
      stores,
      {
        zones: ZONES.map((id) => ({ id, name: id, type: 'urban' as const, maintainer: 'wang' })),
        boxes: ids.map((id, i) => ({ id, accountId: `na-${i}`, zoneId: ZONES[i % ZONES.length] ?? 'nz-a' })),
      },
      'test',
      systemClock,
    );
    token = (await new TokenService(stores, systemClock).create('nats-test', 'operator')).token;
    const nodes = await clusterNodes(3);
    // What `stb-notify broker nats --out DIR --node …` writes, from the registry just imported.
    await writeNatsFiles(dataDir, stores.registry, { dir: join(dir, 'nats'), nodes });
    await stores.close();
    cluster = new NatsCluster(join(dir, 'nats'), nodes);
    await cluster.start();
    // Instance a publishes downlink through node 3 first, instance b through node 2.
    await startInstance('a', ['n3', 'n1', 'n2'], dbUrl);
    await startInstance('b', ['n2', 'n3', 'n1'], dbUrl);
    bundles = [];
    for (const id of ids) bundles.push((await api('a')('POST', `/api/v1/boxes/${id}/provision`)) as unknown as Bundle);
    // The box core, over MQTT/TLS with each box's certificate; each box starts on a node
    // picked from its id and moves to the next one when its connection drops.
    // A hello lost while the uplink stream elects a leader is said again after 2 s (box default 30 s).
    fleet = new Fleet(bundles, { clock: systemClock, mqtts: true, reportRetryMs: 3_600_000, helloRetryMs: 2_000 });
    await fleet.start();
    expect(await fleet.waitOnline(60_000)).toBe(true);
  }, 180_000);

  afterAll(async () => {
    await Promise.all(extra.map((b) => b.session.stop()));
    await fleet?.stop();
    for (const h of headends.values()) h.child.kill('SIGKILL');
    await cluster?.stop();
    if (dir !== '') removeDir(dir);
  });

  const send = async (instance: string, title: string, target: Record<string, unknown>): Promise<string> => {
    const r = (await api(instance)('POST', '/api/v1/notices', {
      kind: 'ANNOUNCEMENT',
      target,
      display: 'BANNER',
      texts: [{ lang: 'zh-CN', title, body: '' }],
    })) as { notice: { id: string } };
    return r.notice.id;
  };

  it('a box on node 1 shows a zone notice the headend published through node 3', async (ctx) => {
    if (skipped !== '') return ctx.skip(skipped);
    const bundle = bundles.find((b) => b.zoneId === 'nz-a');
    if (bundle === undefined || cluster === undefined) throw new Error('no box in nz-a');
    // A second instance of one box's core would fight over its session: use a box of its own.
    const onNode1 = new SimBox(bundle, { clock: systemClock, mqtts: true, brokerUrl: cluster.mqttUrl('n1') });
    // Stop the fleet's copy of this box first (one client id, one session).
    const fleetCopy = fleet?.boxes.find((b) => b.id === bundle.boxId);
    await fleetCopy?.session.stop();
    extra.push(onNode1);
    onNode1.session.start();
    await until(() => onNode1.session.connection === 'online', 30_000);
    const id = await send('a', '区域通知', { type: 'zones', zoneIds: ['nz-a'] });
    expect(await until(() => onNode1.shown.get(id) === 1, 30_000)).toBe(true);
    const zoneBoxes = fleet?.boxes.filter((b) => b.config.zoneId === 'nz-a' && b !== fleetCopy) ?? [];
    expect(await until(() => zoneBoxes.every((b) => b.shown.get(id) === 1), 30_000)).toBe(true);
    // Boxes of the other zones never got it (the fleet is spread over all three nodes).
    expect(fleet?.boxes.filter((b) => b.config.zoneId !== 'nz-a' && b.shown.has(id))).toEqual([]);
  });

  it("box A can neither read nor write box B's topics; a box certificate cannot use the NATS protocol", async (ctx) => {
    if (skipped !== '' || cluster === undefined) return ctx.skip(skipped);
    const [a, b] = bundles.filter((x) => x.zoneId === 'nz-b');
    if (a === undefined || b === undefined) throw new Error('two boxes in nz-b needed');
    const client = await mqtt.connectAsync(
      cluster.mqttUrl('n2'),
      {
        protocolVersion: 4,
        clientId: `${a.boxId}-probe`,
        clean: true,
        reconnectPeriod: 0,
        ca: a.caPem,
        cert: a.certPem,
        key: a.keyPem,
        rejectUnauthorized: true,
      },
      false,
    );
    try {
      for (const topic of [boxTopic(b.boxId), zoneTopic('nz-a'), 'stb/v1/up/#', '#', '$MQTT/sub/#']) {
        const granted = await client.subscribeAsync(topic, { qos: 1 }).catch(() => [{ qos: 128 }]);
        expect({ topic, qos: granted[0]?.qos }).toEqual({ topic, qos: 128 });
      }
      // The headend's view of uplink: box B's subject must never carry what A publishes.
      const nc = await connect({
        servers: cluster.natsServers(),
        tls: { ca: a.caPem, ...headendCert(dir) },
      });
      const seen: string[] = [];
      const sub = nc.subscribe('stb.v1.up.>', {
        callback: (_e, m) => {
          seen.push(m.subject);
        },
      });
      await nc.flush();
      await client.publishAsync(uplinkTopic(b.boxId, 'fault'), Buffer.from('forged'), { qos: 1 });
      await client.publishAsync(uplinkTopic(a.boxId, 'diag'), Buffer.from('own'), { qos: 1 });
      // In order from one client: once A's own message is seen, the forged one would have been.
      expect(await until(() => seen.includes(`stb.v1.up.${a.boxId}.diag`), 10_000)).toBe(true);
      expect(seen.filter((s) => s.includes(b.boxId))).toEqual([]);
      sub.unsubscribe();
      await nc.close();
    } finally {
      await client.endAsync();
    }
    // The NATS protocol (JetStream's API, every delivery subject) is the headend's only.
    await expect(
      connect({
        servers: cluster.natsServers(),
        tls: { ca: a.caPem, cert: a.certPem, key: a.keyPem },
        reconnect: false,
        timeout: 5_000,
      }),
    ).rejects.toThrow(/authorization|permissions|closed/i);
  });

  it('a box imported and provisioned through the API connects; provisioned again, its old certificate no longer does', async (ctx) => {
    if (skipped !== '' || cluster === undefined) return ctx.skip(skipped);
    // allowRetries false: a connection the node closes without a CONNACK (no user for the
    // certificate yet, a reload under way) rejects — by default connectAsync waited for ever.
    const probe = (b: Bundle, node: string) =>
      mqtt.connectAsync(
        cluster?.mqttUrl(node) ?? '',
        {
          protocolVersion: 4,
          clientId: b.boxId,
          clean: true,
          reconnectPeriod: 0,
          connectTimeout: 5_000,
          ca: b.caPem,
          cert: b.certPem,
          key: b.keyPem,
          rejectUnauthorized: true,
        },
        false,
      );
    // A box retries a refused connection; the users file follows provisioning within about a second.
    const probeUntilIn = async (b: Bundle, node: string) => {
      for (const end = Date.now() + 10_000; ;) {
        const c = await probe(b, node).catch((err: unknown) => err as Error);
        if (!(c instanceof Error) || Date.now() > end) return c;
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    // No operator step between the API calls and the box's connection: the headend rewrote the
    // users file and the nodes reloaded it.
    const imported = await api('a')('POST', '/api/v1/registry/import', {
      boxes: [{ id: 'nb-late', accountId: 'na-late', zoneId: 'nz-a' }],
    });
    expect(imported).toMatchObject({ boxes: 1 });
    const first = (await api('a')('POST', '/api/v1/boxes/nb-late/provision')) as unknown as Bundle;
    const old = await probeUntilIn(first, 'n1');
    if (old instanceof Error) throw old;
    const closed = new Promise<boolean>((r) => old.once('close', () => r(true)));
    // Provisioned again (a stolen box, a replaced one): the certificate it held is revoked.
    const second = (await api('b')('POST', '/api/v1/boxes/nb-late/provision')) as unknown as Bundle;
    // The node drops the connection the old certificate held (the users file follows within ~1 s).
    const timedOut = new Promise<boolean>((r) => setTimeout(() => r(false), 20_000));
    expect(await Promise.race([closed, timedOut]), 'old certificate still connected 20 s after re-provisioning').toBe(
      true,
    );
    await expect(probe(first, 'n1')).rejects.toThrow(/not authorized|closed|refused/i);
    const fresh = await probeUntilIn(second, 'n3');
    if (fresh instanceof Error) throw fresh;
    await fresh.endAsync();
    old.end(true);
  }, 60_000);

  it('two headend instances, one SIGKILLed while handling reports: every report becomes one ticket', async (ctx) => {
    if (skipped !== '' || fleet === undefined || cluster === undefined) return ctx.skip(skipped);
    // Instance a again, armed to kill itself the moment it has committed a ticket and before
    // it acknowledges the report: what it held must reach instance b through the stream.
    const idle = headends.get('a');
    idle?.child.kill('SIGKILL');
    await startInstance('a', ['n3', 'n1', 'n2'], dbUrl, { STB_NOTIFY_CRASH_AT: 'ticket.committed' });
    const crashed = headends.get('a')?.child;
    const died = new Promise<void>((r) => crashed?.once('exit', () => r()));
    const boxes = fleet.boxes.filter((b) => b.session.connection === 'online');
    await Promise.all(boxes.map((b) => b.session.reportFault(Symptom.SYMPTOM_NO_SOUND)));
    await died;
    const tickets = async (boxId: string): Promise<number> =>
      ((await api('b')('GET', `/api/v1/tickets?boxId=${boxId}&limit=10`)) as { items: unknown[] }).items.length;
    // The box cores were told not to resend for an hour: every ticket comes from the stream.
    const counts = async (): Promise<number[]> => Promise.all(boxes.map((b) => tickets(b.id)));
    expect(await until(async () => (await counts()).every((n) => n >= 1), 60_000)).toBe(true);
    expect(await counts()).toEqual(boxes.map(() => 1));
    // And every box got its answer (the report the crash interrupted included).
    expect(await until(() => boxes.every((b) => b.session.unansweredReports === 0), 30_000)).toBe(true);
    const nc = await connect({
      servers: cluster.natsServers(),
      tls: { ca: bundles[0]?.caPem ?? '', ...headendCert(dir) },
    });
    // What the dead instance had taken and not acknowledged goes to b: the stream drains.
    const jsm = await jetstreamManager(nc);
    const drained = async (): Promise<boolean> => {
      const info = await jsm.consumers.info(UPLINK_STREAM, 'stb-headend');
      return info.num_pending === 0 && info.num_ack_pending === 0;
    };
    expect(await until(drained, 30_000)).toBe(true);
    await nc.close();
  }, 120_000);

  it('a node SIGKILLed during a broadcast: every box shows the notice exactly once, on another node', async (ctx) => {
    if (skipped !== '' || cluster === undefined || fleet === undefined) return ctx.skip(skipped);
    const boxes = fleet.boxes.filter((b) => b.session.connection === 'online');
    // The node dies while the headend is publishing the broadcast to every box.
    // Instance a died in the test before; b publishes through node 2 first, and node 2 dies.
    const sending = send('b', '全网广播', { type: 'all' });
    cluster.kill('n2');
    const id = await sending;
    const ok = await until(() => boxes.every((b) => b.shown.get(id) === 1), 60_000);
    expect(ok).toBe(true);
    expect(boxes.filter((b) => b.shown.get(id) !== 1).map((b) => b.id)).toEqual([]);
    // The boxes that were on node 2 are back, on node 3 or node 1.
    expect(await until(() => boxes.every((b) => b.session.connection === 'online'), 60_000)).toBe(true);
    // Node 2 stays down: the next test runs on the two nodes left (JetStream keeps its quorum).
  }, 120_000);
});

function headendCert(dir: string): { cert: string; key: string } {
  const c = new DataDir(join(dir, 'data')).headendClient(Date.now());
  return { cert: c.certPem, key: c.keyPem };
}
