/**
 * A bench worker process: holds part of the fleet (simulated boxes running the real box
 * core, or raw MQTT clients for the baseline) and answers the orchestrator over IPC.
 */
import mqtt from 'mqtt';
import type { MqttClient } from 'mqtt';
import { systemClock } from '@stb-notify/protocol';
import { Symptom } from '@stb-notify/protocol';
import { backoffDelay } from '@stb-notify/stb-app';
import { Fleet, pool, spreadOut } from '../fleet';
import type { WorkerCommand, WorkerReply } from './ipc';
import { ProcessProfiler } from './cpu-profile';

let fleet: Fleet | undefined;
let raw: MqttClient[] = [];
let rawUrl = '';
/** Where raw clients publish their fault-sized uplink: the raw broker's topics, or a box's own on a cluster. */
let rawUplink = 'raw/up';
let rawReceived = 0;
const profiler = new ProcessProfiler();

function reply(r: WorkerReply): void {
  process.send?.(r);
}

async function rawConnect(
  id: string,
  tls?: { url: string; ca: string; cert: string; key: string },
): Promise<{ readonly c: MqttClient; readonly sessionPresent: boolean }> {
  // On a NATS cluster: the box's certificate, a clean session (as boxes there).
  const c = mqtt.connect(tls?.url ?? rawUrl, {
    protocolVersion: 4,
    clientId: id,
    clean: tls !== undefined,
    reconnectPeriod: 0,
    connectTimeout: 15_000, // as the boxes' transports
    keepalive: 120,
    ...(tls === undefined ? {} : { ca: tls.ca, cert: tls.cert, key: tls.key, rejectUnauthorized: true }),
  });
  // Attached before CONNACK: a resumed session delivers its queued messages right after it.
  c.on('message', (topic, payload) => {
    rawReceived++;
    // The baseline's "receipt": one small publish back, as a box acknowledges what it showed.
    if (topic.startsWith('raw/down/')) c.publish(`raw/up/${id}`, payload.subarray(0, 16), { qos: 1 });
  });
  // A CONNACK that never comes ends in 'close' (mqtt.js's connect timeout), not 'error'.
  const sessionPresent = await new Promise<boolean>((resolve, reject) => {
    c.once('connect', (connack) => resolve(connack.sessionPresent));
    c.once('error', reject);
    c.once('close', () => reject(new Error('closed before CONNACK')));
  }).catch((err: unknown) => {
    c.end(true);
    throw err;
  });
  return { c, sessionPresent };
}

/**
 * The baseline's clients come online as the boxes do (spreadOut, BoxSession): `spreadMs`
 * apart in total, 50 at a time, each on its own — none waits for another's CONNACK — and a
 * connection that fails is tried again after the box's backoff. They subscribe unless the
 * broker kept their session, as the boxes do. A storm thus meets both brokers with the same
 * arrivals: before, at most 200 clients per worker were connecting at once, so the raw
 * broker's accept queue never overflowed while the boxes' did (issue 19, session 24).
 */
async function rawStart(ids: readonly string[], spreadMs: number): Promise<MqttClient[]> {
  const out: MqttClient[] = [];
  const one = async (id: string): Promise<void> => {
    for (let attempt = 0; ; attempt++) {
      const client = await rawConnect(id)
        .then(async ({ c, sessionPresent }) => {
          if (!sessionPresent)
            await c.subscribeAsync(['raw/down/all', `raw/down/box/${id}`], { qos: 1 }).catch((err: unknown) => {
              c.end(true);
              throw err;
            });
          return c;
        })
        .catch(() => undefined);
      if (client !== undefined) {
        out.push(client);
        return;
      }
      await new Promise((r) => setTimeout(r, backoffDelay(attempt, Math.random)));
    }
  };
  const started: Array<Promise<void>> = [];
  await spreadOut(ids, spreadMs, (id) => started.push(one(id)));
  await Promise.all(started);
  return out;
}

async function handle(m: WorkerCommand): Promise<WorkerReply> {
  switch (m.cmd) {
    case 'sim-start':
      fleet = new Fleet(m.bundles, {
        clock: systemClock,
        ...(m.brokerUrl === undefined ? {} : { brokerUrl: m.brokerUrl }),
        ...(m.mqtts === true ? { mqtts: true } : {}),
      });
      await fleet.start(m.spreadMs);
      await fleet.waitOnline(m.spreadMs + 300_000);
      return { ok: true, online: fleet.online() };
    case 'sim-stop':
      await fleet?.stop();
      return { ok: true, online: fleet?.online() ?? 0 };
    case 'sim-restart':
      await fleet?.start(m.spreadMs);
      return { ok: true };
    case 'sim-count': {
      const counts: Record<string, number> = {};
      for (const id of m.noticeIds) counts[id] = fleet?.received(id) ?? 0;
      counts.online = fleet?.online() ?? 0;
      return { ok: true, counts };
    }
    case 'sim-fault':
      await pool(fleet?.boxes ?? [], 500, async (b) => {
        await b.session.reportFault(Symptom.SYMPTOM_NO_SOUND);
      });
      return { ok: true };
    case 'raw-start': {
      rawUrl = m.url;
      rawUplink = m.cluster === undefined ? 'raw/up' : 'stb/v1/up';
      const cluster = m.cluster;
      if (cluster === undefined) {
        raw = await rawStart(m.ids, m.spreadMs);
        return { ok: true, online: raw.length };
      }
      const step = m.ids.length > 0 ? m.spreadMs / m.ids.length : 0;
      const out: MqttClient[] = [];
      const giveUpAt = Date.now() + (m.giveUpAfterMs ?? Infinity);
      await pool(m.ids, 200, async (id) => {
        if (step > 0) await new Promise((r) => setTimeout(r, step * 200));
        // The cluster's access rule: the box's own topics, QoS 0 as boxes subscribe there.
        const i = m.ids.indexOf(id);
        for (let attempt = 0; Date.now() < giveUpAt; attempt++) {
          const url = cluster.urls[(i + attempt) % cluster.urls.length] ?? '';
          const tls = { url, ca: cluster.caPem, cert: cluster.certs[i] ?? '', key: cluster.keyPem };
          const c = await rawConnect(id, tls).then(
            (r) => r.c,
            () => undefined,
          );
          const subscribed =
            c !== undefined &&
            (await Promise.race([
              c.subscribeAsync(['stb/v1/down/all', `stb/v1/down/box/${id}`], { qos: 0 }).then(() => true),
              new Promise<boolean>((r) => setTimeout(() => r(false), 30_000)),
            ]).catch(() => false));
          if (c !== undefined && subscribed) {
            out.push(c);
            return;
          }
          c?.end(true);
          await new Promise((r) => setTimeout(r, 1000 + Math.random() * 2000));
        }
      });
      raw = out;
      return { ok: true, online: raw.length };
    }
    case 'raw-ingest': {
      const body = Buffer.alloc(m.bytes, 7);
      await pool(raw, 500, async (c) => {
        const id = c.options.clientId ?? '';
        await c.publishAsync(`${rawUplink}/${id}/fault`, body, { qos: 1 });
      });
      return { ok: true };
    }
    case 'raw-count':
      return { ok: true, received: rawReceived };
    case 'raw-stop':
      await pool(raw, 500, async (c) => {
        await c.endAsync(true);
      });
      raw = [];
      rawReceived = 0;
      return { ok: true };
    case 'raw-close':
      await pool(raw, 500, async (c) => {
        await c.endAsync(true);
      });
      raw = [];
      return { ok: true };
    case 'profile-start':
      await profiler.start();
      return { ok: true };
    case 'profile-stop':
      return { ok: true, hotspots: await profiler.stop(m.file) };
    case 'exit':
      await fleet?.stop();
      setTimeout(() => process.exit(0), 50);
      return { ok: true };
  }
}

// The orchestrator is gone (finished, killed or crashed): never linger with a fleet of reconnecting boxes.
process.on('disconnect', () => process.exit(0));

process.on('message', (m: WorkerCommand) => {
  handle(m).then(reply, (err: unknown) =>
    reply({ ok: false, error: err instanceof Error ? err.message : String(err) }),
  );
});
