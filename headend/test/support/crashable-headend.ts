import pino from 'pino';
import { loadConfig } from '../../src/config/load-config';
import { startHeadend } from '../../src/headend';
import { ManualClock } from './manual-clock';

/**
 * A headend in a process of its own (a SIGKILL cannot be simulated in the test's process),
 * on a manual clock the test moves over IPC: `{ id, setClock }` sets the clock, runs the due
 * jobs and the outbox sweep, and answers `{ id }`. STB_NOTIFY_CRASH_AT arms crash points.
 * Started by headend/test/decision-crash.test.ts, compiled to JavaScript first (support/compile-child.ts).
 */
const env = process.env;
const clock = new ManualClock(Number(env.CRASH_T0));
const config = loadConfig({
  flags: {
    dataDir: env.CRASH_DIR ?? '',
    'http.host': '127.0.0.1',
    'http.port': Number(env.CRASH_HTTP_PORT),
    'mqtts.host': '127.0.0.1',
    'mqtts.port': Number(env.CRASH_MQTTS_PORT),
    publicHost: '127.0.0.1',
    logLevel: 'silent',
    ...(env.CRASH_DATABASE ? { database: env.CRASH_DATABASE } : {}),
  },
});
const h = await startHeadend({ config, clock, schedulerTick: false, log: pino({ level: env.TEST_LOG ?? 'silent' }) });
const token = (await h.tokens.create('crash-test', 'operator')).token;

process.on('message', (m: { id: number; setClock: number }) => {
  clock.set(m.setClock);
  void h.scheduler
    .runDue()
    .then(() => h.settle())
    .then(() => process.send?.({ id: m.id }));
});
process.send?.({ ready: true, token, mqtts: h.urls.mqtts, http: h.urls.http });
