/**
 * npm run bench [-- --boxes N]: the headend with a fleet of simulated boxes (the real box
 * core, MQTT over WebSocket) against a raw-broker baseline measured in the same run.
 * Writes docs/benchmarks.json and docs/benchmarks.md.
 */
import { cpus } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, startHeadend } from '@stb-notify/headend';
import type { Headend } from '@stb-notify/headend';
import pino from 'pino';
import { pool } from '../fleet';
import { provisionFleet } from '../provision-fleet';
import { RawBroker } from './raw-broker';
import { baselinePayloads } from './baseline-payloads';
import { StepProfiler } from './cpu-profile';
import { StepTimer } from './bench-step';
import { ProcessCpu } from './process-cpu';
import type { Count } from './bench-step';
import { spawnBenchMosquitto } from './spawn-mosquitto';
import { BENCH_SCHEMA, dropBenchSchema } from './bench-schema';
import { writeReport } from './bench-report';
import { benchRows, WINDOW } from './bench-rows';
import { counts, slices, Worker } from './workers';

const N = (() => {
  const i = process.argv.indexOf('--boxes');
  const v = i >= 0 ? Number(process.argv[i + 1]) : 10_000;
  if (!Number.isInteger(v) || v < 10) {
    console.error('--boxes must be an integer ≥ 10');
    process.exit(2);
  }
  return v;
})();
/** Scale-out: `--broker mosquitto|mqtt://host:port` and `--database postgres://…`; `--broker nats-cluster` is its own run (issue 21). */
function flag(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const BROKER_FLAG = flag('--broker');
if (BROKER_FLAG === 'nats-cluster') await (await import('./cluster-bench')).runClusterBench();
const DATABASE = flag('--database');
if (BROKER_FLAG !== undefined && BROKER_FLAG !== 'mosquitto' && !/^mqtt:\/\/[^/]+$/.test(BROKER_FLAG)) {
  console.error('--broker: mosquitto (spawn one configured for the bench), nats-cluster, or mqtt://host:port');
  process.exit(2);
}
const spawned = BROKER_FLAG === 'mosquitto' ? await spawnBenchMosquitto() : undefined;
const BROKER = spawned?.url ?? BROKER_FLAG;
if (DATABASE !== undefined && !/^postgres(ql)?:\/\//.test(DATABASE)) {
  console.error('--database: postgres://…');
  process.exit(2);
}
const SCALE_OUT = BROKER_FLAG !== undefined || DATABASE !== undefined;
const workers: Worker[] = [];
const profiler = new StepProfiler(flag('--cpu-profile'), {
  start: async () => {
    await Promise.all(workers.map((w) => w.call({ cmd: 'profile-start' })));
  },
  stop: (prefix) =>
    Promise.all(
      workers.map(async (w, i) => ({
        name: `fleet worker ${i}`,
        hot: (await w.call({ cmd: 'profile-stop', file: `${prefix}-fleet-${i}.cpuprofile` })).hotspots ?? [],
      })),
    ),
});
const PER_WORKER = 5000;
/**
 * The storms ask every fleet worker how many notices its boxes got: every 5 ms, those round
 * trips were ~5 % of the headend process's time (the bench's IPC runs in it) and 8 % of the
 * workers'. Every 25 ms, on both sides; a storm lasts seconds.
 */
const IPC_POLL_MS = 25;
const TIMEOUT = Number(process.env.BENCH_STEP_TIMEOUT_MS ?? 600_000);
const texts = [
  {
    lang: 'zh-CN',
    title: '资费调整公告',
    body: '自2027年1月1日起，基本收视费调整为每月26元，详情请咨询营业厅或拨打客服热线96956。',
  },
];

const log = (s: string) => console.log(`[bench] ${s}`);
/** JS heap + external buffers after a full GC (RSS would also count pages the allocator has not given back yet). */
const rss = () => {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.external + m.arrayBuffers;
};
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

const steps = new StepTimer(TIMEOUT, log);
const timed = steps.timed.bind(steps);

/** A timed step of the headend, profiled with --cpu-profile. */
const step = (
  name: string,
  start: () => Promise<unknown>,
  done: () => boolean | Promise<boolean>,
  count: Count,
  pollMs?: number,
): Promise<number> => profiler.around(name, () => timed(name, start, done, count, pollMs));

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'stb-bench-'));
  const config = loadConfig({
    flags: {
      dataDir: dir,
      'http.port': 0,
      'mqtts.port': 0,
      'mqtts.host': '127.0.0.1',
      logLevel: 'silent',
      ...(BROKER === undefined ? {} : { 'broker.url': BROKER, 'broker.instance': `bench-${process.pid}` }),
      ...(DATABASE === undefined
        ? {}
        : { database: `${DATABASE}${DATABASE.includes('?') ? '&' : '?'}schema=${BENCH_SCHEMA}` }),
    },
  });
  // BENCH_LOG=warn: the headend's warnings and errors on stderr (silent by default: the bars are the output).
  const level = process.env.BENCH_LOG ?? 'silent';
  if (!(level in pino.levels.values) && level !== 'silent') {
    console.error(`BENCH_LOG must be one of ${Object.keys(pino.levels.values).join(', ')} or silent`);
    process.exit(2);
  }
  const headendLog = pino({ level }, pino.destination(2));
  const h: Headend = await startHeadend({ config, schedulerTick: false, log: headendLog });
  steps.diagnose = async () =>
    (await h.metrics.render())
      .split('\n')
      .filter((l) => /^stb_(uplinks_in_progress|db_connections|boxes_connected|deliveries_queued)\b/.test(l))
      .join('; ');
  workers.push(...Array.from({ length: Math.ceil(N / PER_WORKER) }, () => new Worker()));
  steps.others = new ProcessCpu({
    fleet: () => workers.flatMap((w) => (w.pid === undefined ? [] : [w.pid])),
    broker: () => spawned?.pid,
    database: DATABASE !== undefined,
  });
  try {
    log(`${N} boxes, ${workers.length} fleet worker process(es), ${cpus().length} cores`);
    const bundles = await provisionFleet(h, { boxes: N, zones: 20 });
    // Embedded: MQTT over WebSocket to the headend; scale-out: the boxes connect to the external broker.
    const ws = BROKER ?? h.urls.ws.replace('localhost', '127.0.0.1');
    const rssBefore = rss();
    // With an external broker the headend sees no connections: the bar then shows the time only.
    const connectMs = await step(
      'fleet online',
      () =>
        Promise.all(
          slices(bundles, workers.length).map((b, i) =>
            workers[i]?.call({ cmd: 'sim-start', bundles: b, brokerUrl: ws, spreadMs: 2000 }),
          ),
        ),
      () => true, // each worker answers once its boxes are online
      { total: SCALE_OUT ? 0 : N, done: () => (SCALE_OUT ? 0 : h.stores.registry.countOnline()) },
    );
    log(`fleet online in ${Math.round(connectMs)} ms`);
    await h.settle();
    const perBox = (rss() - rssBefore) / N;

    // 1. Broadcast: time until every box's displayed receipt is stored.
    const displayed0 = h.metrics.receipts.get({ state: 'displayed' });
    let bid = '';
    const broadcastMs = await step(
      'broadcast',
      async () => {
        bid = (
          await h.notices.send({
            kind: 'ANNOUNCEMENT',
            display: 'BANNER',
            target: { type: 'all' },
            texts,
            createdBy: 'bench',
          })
        ).id;
      },
      async () => h.metrics.receipts.get({ state: 'displayed' }) - displayed0 >= N,
      { total: N, done: () => h.metrics.receipts.get({ state: 'displayed' }) - displayed0 },
    );
    await h.settle();
    const stored = (await h.stores.notices.counts(bid, Date.now())).total.displayed;
    log(`broadcast: ${Math.round(broadcastMs)} ms, ${stored}/${N} displayed receipts stored`);

    // 2. Personalised, signed notices, one per account (2 boxes each), tracked per box.
    // One at a time, then WINDOW sends in flight (as API calls from a billing system would come).
    const accounts = [...new Set((bundles as Array<{ accountId: string }>).map((b) => b.accountId))];
    const toAccount = async (a: string): Promise<void> => {
      await h.notices.send({
        kind: 'ANNOUNCEMENT',
        target: { type: 'accounts', accountIds: [a] },
        accountId: a,
        texts,
        createdBy: 'bench',
      });
    };
    for (const [name, width] of [
      ['personalised', 1],
      [`personalised-${WINDOW}`, WINDOW],
    ] as const) {
      const delivered0 = h.metrics.receipts.get({ state: 'delivered' });
      const personalMs = await step(
        name,
        () => pool(accounts, width, toAccount),
        async () => h.metrics.receipts.get({ state: 'delivered' }) - delivered0 >= N,
        { total: N, done: () => h.metrics.receipts.get({ state: 'delivered' }) - delivered0 },
      );
      await h.settle();
      log(`${name}: ${N} signed notices delivered and tracked in ${Math.round(personalMs)} ms`);
    }

    // 3. A billing run (N1): an invoice due for every account, its fee reminder due now; the
    // scheduler's jobs send them, until every box has acknowledged its reminder.
    const dueAtMs = Date.now() + 2 * 3_600_000;
    await pool([...accounts.entries()], WINDOW, async ([i, a]) => {
      await h.billing.invoiceDue(
        { id: `bench-inv-${i}`, accountId: a, amountMinor: 4_800, currency: 'CNY', dueAtMs },
        'bench',
      );
    });
    const acked = () => h.metrics.receipts.get({ state: 'delivered' }) + h.metrics.receipts.get({ state: 'displayed' });
    const acked0 = acked();
    const billingMs = await step(
      'billing-run',
      () => h.scheduler.runDue(),
      () => acked() - acked0 >= N,
      {
        total: N,
        done: () => acked() - acked0,
      },
    );
    await h.settle();
    log(`billing run: ${accounts.length} fee reminders to ${N} boxes in ${Math.round(billingMs)} ms`);

    // 4. Intake: every box reports a fault; until all are tickets and each box's answer is out.
    const opened0 = h.metrics.ticketsIntake.get({ outcome: 'opened' });
    const intakeMs = await step(
      'intake',
      () => Promise.all(workers.map((w) => w.call({ cmd: 'sim-fault' }))),
      async () => {
        if (h.metrics.ticketsIntake.get({ outcome: 'opened' }) - opened0 < N) return false;
        await h.settle();
        return true;
      },
      { total: N, done: () => h.metrics.ticketsIntake.get({ outcome: 'opened' }) - opened0 },
    );
    log(`intake: ${N} fault reports → tickets in ${Math.round(intakeMs)} ms`);

    // 5. Reconnect storm: every box goes offline, two notices are sent, all come back (jittered over 2 s).
    await Promise.all(workers.map((w) => w.call({ cmd: 'sim-stop' })));
    const missed: string[] = [];
    for (const t of ['停电后一', '停电后二'])
      missed.push(
        (
          await h.notices.send({
            kind: 'ANNOUNCEMENT',
            target: { type: 'all' },
            texts: [{ lang: 'zh-CN', title: t, body: '' }],
            createdBy: 'bench',
          })
        ).id,
      );
    let got: Record<string, number> = {};
    const hellos0 = h.metrics.uplinkAccepted.get({ kind: 'hello' });
    const resent0 = h.metrics.envelopesPublished.get({ scope: 'resend' });
    const stormMs = await step(
      'storm',
      () => Promise.all(workers.map((w) => w.call({ cmd: 'sim-restart', spreadMs: 2000 }))),
      async () => {
        got = await counts(workers, missed);
        return missed.every((id) => (got[id] ?? 0) >= N);
      },
      { total: 2 * N, done: () => sum(missed.map((id) => got[id] ?? 0)) },
      IPC_POLL_MS,
    );
    const lost = 2 * N - sum(missed.map((id) => got[id] ?? 0));
    // More hellos than boxes: answers came later than the box's retry (30 s), and the box asked again.
    const hellos = h.metrics.uplinkAccepted.get({ kind: 'hello' }) - hellos0;
    // Fewer resends than 2 per box: the broker's session kept the rest, and the box's receipt came before its hello.
    const resent = h.metrics.envelopesPublished.get({ scope: 'resend' }) - resent0;
    log(
      `reconnect storm: drained in ${Math.round(stormMs)} ms, lost ${lost}, ${hellos} hellos from ${N} boxes, ${resent} notices sent again after a hello`,
    );
    await Promise.all(workers.map((w) => w.call({ cmd: 'sim-stop' })));
    log('fleet stopped');

    // Sizes of what travels, for the baseline's payloads.
    const { notice, fault } = await baselinePayloads(h, bid, texts);
    await h.close();
    log('headend closed');

    // Baseline: the same fleet size of raw MQTT clients on plain aedes, same payload sizes.
    const rawRss0 = rss();
    const rb = await RawBroker.start();
    const ids = Array.from({ length: N }, (_, i) => `raw-${i}`);
    const rawConnectMs = await timed(
      'raw fleet online',
      () =>
        Promise.all(
          slices(ids, workers.length).map((s, i) =>
            workers[i]?.call({ cmd: 'raw-start', url: rb.url, ids: s, spreadMs: 2000 }),
          ),
        ),
      () => true,
      { total: 0, done: () => 0 },
    );
    const rawPerBox = (rss() - rawRss0) / N;
    log(`raw fleet online in ${Math.round(rawConnectMs)} ms`);
    rb.acks = 0;
    const rawBroadcastMs = await timed(
      'raw-broadcast',
      () => rb.publish('raw/down/all', notice),
      () => rb.acks >= N,
      { total: N, done: () => rb.acks },
    );
    for (const [name, width] of [
      ['raw-unicast', 1],
      [`raw-unicast-${WINDOW}`, WINDOW],
    ] as const) {
      rb.acks = 0;
      const rawUnicastMs = await timed(
        name,
        () => pool(ids, width, (id) => rb.publish(`raw/down/box/${id}`, notice)),
        () => rb.acks >= N,
        { total: N, done: () => rb.acks },
      );
      log(`${name} ${Math.round(rawUnicastMs)} ms`);
    }
    rb.acks = 0;
    const rawIngestMs = await timed(
      'raw-ingest',
      () => Promise.all(workers.map((w) => w.call({ cmd: 'raw-ingest', bytes: fault.length }))),
      () => rb.acks >= N,
      { total: N, done: () => rb.acks },
    );
    await Promise.all(workers.map((w) => w.call({ cmd: 'raw-close' })));
    const before = sum(
      (await Promise.all(workers.map((w) => w.call({ cmd: 'raw-count' })))).map((r) => r.received ?? 0),
    );
    await rb.publish('raw/down/all', notice);
    await rb.publish('raw/down/all', notice);
    let rawGot = 0;
    const rawStormMs = await timed(
      'raw-storm',
      () =>
        Promise.all(
          slices(ids, workers.length).map((s, i) =>
            workers[i]?.call({ cmd: 'raw-start', url: rb.url, ids: s, spreadMs: 2000 }),
          ),
        ),
      async () => {
        rawGot =
          sum((await Promise.all(workers.map((w) => w.call({ cmd: 'raw-count' })))).map((r) => r.received ?? 0)) -
          before;
        return rawGot >= 2 * N;
      },
      { total: 2 * N, done: () => rawGot },
      IPC_POLL_MS,
    );
    await Promise.all(workers.map((w) => w.call({ cmd: 'raw-stop' })));
    await rb.close();
    log(
      `raw: broadcast ${Math.round(rawBroadcastMs)} ms, ingest ${Math.round(rawIngestMs)} ms, storm ${Math.round(rawStormMs)} ms`,
    );

    const rows = benchRows({
      boxes: N,
      ms: steps.ms,
      cpuUs: steps.cpuUs,
      otherCpu: steps.otherCpu,
      lost,
      scaleOut: SCALE_OUT,
      // With an external broker the headend holds no box connections: nothing to compare.
      ...(SCALE_OUT ? {} : { perBox: { stbNotify: perBox, raw: rawPerBox } }),
    });
    // A profiled run is slower: its figures go next to the profiles, not into docs/.
    writeReport({
      rows,
      boxes: N,
      workers: workers.length,
      command: `npm run bench -- --boxes ${N}${BROKER_FLAG ? ` --broker ${BROKER_FLAG}` : ''}${DATABASE ? ` --database ${DATABASE}` : ''}`,
      scaleOut: SCALE_OUT,
      broker: spawned ? 'a Mosquitto 2.0 the bench starts (plain TCP, max_queued_messages 1000000)' : BROKER,
      database: DATABASE === undefined ? 'SQLite' : 'PostgreSQL',
      dir: flag('--cpu-profile') ?? fileURLToPath(new URL('../../../docs/', import.meta.url)),
    });
  } finally {
    for (const w of workers) w.kill();
    await spawned?.stop();
    if (DATABASE !== undefined) await dropBenchSchema(DATABASE);
    // Never let cleanup hide the error that ended the run (e.g. EMFILE at the open-files limit).
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch (err) {
      console.error(`bench: could not remove ${dir}: ${(err as Error).message}`);
    }
  }
}

await main();
process.exit(0);
