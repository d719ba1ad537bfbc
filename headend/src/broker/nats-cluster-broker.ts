import { AckPolicy, jetstream, jetstreamManager, RetentionPolicy, StorageType } from '@nats-io/jetstream';
import type { ConsumerMessages, JsMsg } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/transport-node';
import { parseTopic } from '@stb-notify/protocol';
import mqtt from 'mqtt';
import type { MqttClient } from 'mqtt';
import type { Logger } from 'pino';
import { HeadendError } from '../errors';
import type { Broker } from '../ports/broker';
import { MAX_PACKET_BYTES } from './embedded-aedes-broker';
import { HandlingGate } from './handling-gate';
import { publishQos1 } from './publish-qos1';
import { NATS_UPLINK_SUBJECTS } from './nats-config';
import { NatsUsersSync } from './nats-users-sync';
import type { NatsUsersSyncOptions } from './nats-users-sync';

export interface NatsClusterBrokerOptions {
  /** The cluster's NATS endpoints (tls://host:port), for the uplink stream. */
  readonly natsServers: readonly string[];
  /** The cluster's MQTT endpoints (mqtts://host:port), for downlink; tried in turn when one fails. */
  readonly mqttUrls: readonly string[];
  /** The headend's client certificate and the operator CA (the cluster maps it to the headend user). */
  readonly tls: { readonly caPem: string; readonly certPem: string; readonly keyPem: string };
  /** This instance's name (MQTT client id suffix; NATS connection name). */
  readonly instance: string;
  /** The durable consumer every headend instance shares: each report goes to one of them. */
  readonly group: string;
  /** Replicas of the uplink stream (the cluster's size, at most 3). */
  readonly replicas: number;
  /**
   * A message not acknowledged within this long (its instance died) goes to another instance.
   * Handling takes milliseconds; a handler still busy when half of it has passed says so
   * (in-progress), so a slow store does not cause redelivery.
   */
  readonly ackWaitMs: number;
  readonly log: Logger;
  readonly connectTimeoutMs?: number;
  /** Keep the cluster's users file in step with the registry (absent: the operator regenerates it). */
  readonly users?: Omit<NatsUsersSyncOptions, 'log'>;
}

/** How long one pull request for uplink lives (its heartbeats come at half this). */
const PULL_EXPIRES_MS = 5_000;
/** The JetStream stream holding every box's uplink until a headend instance has handled it. */
export const UPLINK_STREAM = 'STB_UPLINK';
/**
 * Uplink messages one instance handles at once, and their bytes: a fault report waits in hand
 * for its intake pass, so the limit is the size of a pass. 256 gave 187 reports/s on a 5,000-box
 * cluster bench, 1,024 gave 386/s (issue 19, session 24), as on the external broker (session 21).
 */
const MAX_HANDLING = 1024;
const MAX_HANDLING_BYTES = 8 * 1024 * 1024;
/** The consumer's pull buffer, fetched ahead of handling (at most this many messages of MAX_PACKET_BYTES). */
const PULL_BATCH = 256;
/** A message that failed this many times is dropped (and logged): one poison report must not loop forever. */
const MAX_DELIVER = 20;
/** JetStream durations are nanoseconds. */
const nanos = (millis: number): number => millis * 1_000_000;

/**
 * The headend on a NATS cluster with JetStream (issue 21). Boxes speak MQTT 3.1.1 to any node;
 * the cluster enforces the access rule (nats-config.ts).
 *
 * Uplink: NATS turns a box's MQTT publish on stb/v1/up/<box>/<kind> into the subject
 * stb.v1.up.<box>.<kind>, which the work-queue stream STB_UPLINK stores (replicated). Every
 * instance pulls from one durable consumer, so each message goes to one instance, and is
 * acknowledged only after its handler stored the outcome: when an instance dies, what it held
 * is redelivered to another after ACK_WAIT_MS — no reliance on boxes resending. Handling is
 * idempotent (report ids, receipts never moving backwards), so a redelivery changes nothing twice.
 *
 * Downlink: published over MQTT with QoS 1 (and retain for the key set), so NATS keeps it for
 * offline boxes' persistent sessions; the headend's resend-on-hello stays the guarantee.
 */
export class NatsClusterBroker implements Broker {
  private handlers: Array<(topic: string, payload: Uint8Array) => Promise<boolean>> = [];
  private messages: ConsumerMessages | undefined;
  private loop: Promise<void> = Promise.resolve();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly gate = new HandlingGate(MAX_HANDLING, MAX_HANDLING_BYTES);
  private readonly users: NatsUsersSync | undefined;
  /** Messages being handled: one timer tells JetStream they are still in progress (not one timer each). */
  private readonly handling = new Set<JsMsg>();
  private progress: ReturnType<typeof setInterval> | undefined;

  private constructor(
    private readonly nc: NatsConnection,
    private readonly publisher: MqttClient,
    private readonly opts: NatsClusterBrokerOptions,
  ) {
    this.users = opts.users === undefined ? undefined : new NatsUsersSync({ ...opts.users, log: opts.log });
  }

  static async connect(opts: NatsClusterBrokerOptions): Promise<NatsClusterBroker> {
    if (opts.natsServers.length === 0 || opts.mqttUrls.length === 0)
      throw new HeadendError('CONFIG_INVALID', 'broker.nats and broker.url must each name at least one node');
    const timeout = opts.connectTimeoutMs ?? 10_000;
    const nc = await connect({
      servers: [...opts.natsServers],
      name: `stb-headend-${opts.instance}`,
      tls: { ca: opts.tls.caPem, cert: opts.tls.certPem, key: opts.tls.keyPem },
      timeout,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
    }).catch((err: unknown) => {
      throw new HeadendError(
        'CONFIG_INVALID',
        `cannot reach the NATS cluster at ${opts.natsServers.join(',')}: ${String(err)}`,
      );
    });
    const servers = opts.mqttUrls.map((u) => {
      const url = new URL(u);
      return {
        host: url.hostname,
        port: Number(url.port || 8883),
        protocol: url.protocol === 'mqtt:' ? 'mqtt' : 'mqtts',
      };
    }) as Array<{ host: string; port: number; protocol: 'mqtt' | 'mqtts' }>;
    const publisher = mqtt.connect({
      servers,
      // mqtt.js checks the first server's protocol before it rotates through `servers`.
      protocol: servers[0]?.protocol ?? 'mqtts',
      protocolVersion: 4,
      clientId: `stb-headend-${opts.instance}-pub`,
      clean: true,
      reconnectPeriod: 500,
      connectTimeout: timeout,
      keepalive: 30,
      ca: opts.tls.caPem,
      cert: opts.tls.certPem,
      key: opts.tls.keyPem,
      rejectUnauthorized: true,
    });
    publisher.on('connect', () => {
      const socket = publisher.stream as unknown as { setNoDelay?: (on: boolean) => void };
      socket.setNoDelay?.(true);
    });
    publisher.on('error', (err) => opts.log.warn({ err: err.message }, 'cluster MQTT publisher error'));
    publisher.on('offline', () => opts.log.warn('cluster MQTT publisher offline; trying the next node'));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        publisher.end(true);
        void nc.close();
        reject(new HeadendError('CONFIG_INVALID', `cannot reach the cluster's MQTT at ${opts.mqttUrls.join(',')}`));
      }, timeout);
      publisher.once('connect', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    const broker = new NatsClusterBroker(nc, publisher, opts);
    await broker.ensureStream();
    // What changed while no instance was running (a crash after a provisioning) reaches the nodes.
    void broker.users?.changed().catch(() => undefined);
    return broker;
  }

  /** Creates the uplink stream and the shared consumer, or leaves them as another instance made them. */
  private async ensureStream(): Promise<void> {
    await this.retrying('create the uplink stream', () => this.ensureStreamOnce());
  }

  /**
   * JetStream answers "timeout" while a node that died held a leader and the cluster elects
   * another (measured: ~4 s). An instance starting then, or its consumer, keeps trying.
   */
  private async retrying<T>(what: string, fn: () => Promise<T>): Promise<T> {
    const until = Date.now() + 6 * (this.opts.connectTimeoutMs ?? 10_000);
    for (;;) {
      try {
        return await fn();
      } catch (err) {
        if (Date.now() > until) throw err;
        this.opts.log.warn({ err: String(err) }, `NATS cluster: cannot ${what} yet; trying again`);
        await new Promise((r) => setTimeout(r, 1_000));
      }
    }
  }

  private async ensureStreamOnce(): Promise<void> {
    const jsm = await jetstreamManager(this.nc);
    await jsm.streams.info(UPLINK_STREAM).catch(() =>
      jsm.streams.add({
        name: UPLINK_STREAM,
        subjects: [NATS_UPLINK_SUBJECTS],
        retention: RetentionPolicy.Workqueue,
        storage: StorageType.File,
        num_replicas: Math.max(1, Math.min(3, this.opts.replicas)),
        max_msg_size: MAX_PACKET_BYTES,
        // A week of uplink while every headend is down; then the oldest go (boxes resend reports).
        max_age: nanos(7 * 24 * 3_600_000),
        max_bytes: 4 * 1024 ** 3,
      }),
    );
    await jsm.consumers.info(UPLINK_STREAM, this.opts.group).catch(() =>
      jsm.consumers.add(UPLINK_STREAM, {
        durable_name: this.opts.group,
        ack_policy: AckPolicy.Explicit,
        ack_wait: nanos(this.opts.ackWaitMs),
        max_deliver: MAX_DELIVER,
        max_ack_pending: 8 * MAX_HANDLING,
      }),
    );
  }

  private async consume(): Promise<void> {
    this.progress = setInterval(
      () => {
        for (const m of this.handling) m.working();
      },
      Math.max(500, this.opts.ackWaitMs / 2),
    );
    const consumer = await this.retrying('reach the uplink consumer', () =>
      jetstream(this.nc).consumers.get(UPLINK_STREAM, this.opts.group),
    );
    // Pull requests live 5 s, with a heartbeat every 2.5 s: when the consumer's leader dies, two
    // missed heartbeats (5 s) make the client pull again from the new leader. nats.js's default
    // (30 s, heartbeats every 15 s) left the uplink unread for 30 s after a node was killed.
    const messages = await consumer.consume({ max_messages: PULL_BATCH, expires: PULL_EXPIRES_MS });
    this.messages = messages;
    for await (const m of messages) {
      await new Promise<void>((room) => this.gate.whenRoom(room));
      const leave = this.gate.take(m.data.byteLength);
      const p = this.handle(m).finally(() => {
        leave();
        this.inFlight.delete(p);
      });
      this.inFlight.add(p);
    }
  }

  private async handle(m: JsMsg): Promise<void> {
    const topic = m.subject.replaceAll('.', '/');
    this.handling.add(m);
    try {
      let ok = true;
      if (parseTopic(topic)?.dir === 'up') for (const h of this.handlers) ok = (await h(topic, m.data)) && ok;
      if (ok) m.ack();
      else if (m.info.deliveryCount >= MAX_DELIVER) {
        this.opts.log.error(
          { topic, deliveries: m.info.deliveryCount },
          'uplink message dropped after repeated failures',
        );
        m.term();
      } else m.nak(1_000);
    } catch (err) {
      this.opts.log.error({ err, topic }, 'uplink dispatch failed');
      m.nak(1_000);
    } finally {
      this.handling.delete(m);
    }
  }

  publish(topic: string, payload: Uint8Array, opts: { readonly retain?: boolean } = {}): Promise<void> {
    return publishQos1(this.publisher, topic, payload, opts);
  }

  onUplink(handler: (topic: string, payload: Uint8Array) => Promise<boolean>): void {
    this.handlers.push(handler);
    if (this.handlers.length === 1)
      this.loop = this.consume().catch((err: unknown) => this.opts.log.error({ err }, 'uplink consumer stopped'));
  }

  /** The cluster does not report box connections to clients; the headend learns of boxes by hello. */
  onPresence(): void {
    this.opts.log.debug('presence events are not available from a NATS cluster; hello marks boxes online');
  }

  connectedBoxes(): undefined {
    return undefined;
  }

  async registryChanged(): Promise<void> {
    await this.users?.changed();
  }

  async close(): Promise<void> {
    await this.users?.flush().catch(() => undefined);
    this.messages?.stop();
    clearInterval(this.progress);
    await this.loop;
    await Promise.all(this.inFlight);
    await Promise.all([this.nc.drain(), this.publisher.endAsync()]);
  }
}
