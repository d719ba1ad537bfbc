import { parseTopic, uplinkFilter } from '@stb-notify/protocol';
import mqtt from 'mqtt';
import type { IClientOptions, MqttClient } from 'mqtt';
import type { Logger } from 'pino';
import { corkForTurn } from './cork-for-turn';
import { HandlingGate } from './handling-gate';
import { HeadendError } from '../errors';
import type { Broker } from '../ports/broker';
import { MAX_PACKET_BYTES } from './embedded-aedes-broker';
import { publishQos1 } from './publish-qos1';

export interface ExternalBrokerOptions {
  /** mqtts://host:port (client certificate) or mqtt://host:port (a broker without TLS, e.g. tests). */
  readonly url: string;
  /** The headend's client certificate and the CA that signed the broker's (mqtts only). */
  readonly tls?: { readonly caPem: string; readonly certPem: string; readonly keyPem: string };
  /** This instance's MQTT client id. */
  readonly clientId: string;
  /** Shared-subscription group: each uplink message goes to one instance of the group. */
  readonly group: string;
  readonly log: Logger;
  /** How long to wait for the first connection. */
  readonly connectTimeoutMs?: number;
}

/**
 * The headend as an MQTT 5 client of an external broker (Mosquitto, EMQX, VerneMQ, HiveMQ).
 * Boxes connect to that broker, which enforces the access rule (see mosquitto-config.ts).
 *
 * Uplink arrives through the shared subscription `$share/<group>/stb/v1/up/+/+`, so several
 * headend instances split it, each message to one of them. Up to MAX_HANDLING messages are
 * handled at once (acknowledged on arrival; beyond that the broker waits). What an instance
 * was handling when it died is not redelivered by the broker (Mosquitto drops a clean
 * session's in-flight messages): boxes send unanswered fault reports again with the same id,
 * and every pending notice is resent on a box's hello. Handling is idempotent (report ids,
 * receipts that never move a delivery backwards), so a repeat changes nothing twice.
 */
/**
 * Uplink messages, and their bytes, handled concurrently per instance before the broker is made
 * to wait. A fault report waits for its pass (fault-report-batch.ts), so the count bounds the
 * pass: with 256 a burst of reports came in passes of ~125 (issue 19); the bytes bound memory
 * whatever the messages' sizes (up to MAX_PACKET_BYTES each).
 */
const MAX_HANDLING = 1024;
const MAX_HANDLING_BYTES = 8 * 1024 * 1024;

export class ExternalMqttBroker implements Broker {
  private readonly gate = new HandlingGate(MAX_HANDLING, MAX_HANDLING_BYTES);
  private handlers: Array<(topic: string, payload: Uint8Array) => Promise<boolean>> = [];

  private constructor(
    /** Receives uplink: its PUBACKs wait for the handler, so nothing may wait on this connection meanwhile. */
    private readonly client: MqttClient,
    /** Publishes downlink: a second connection, because a handler publishes (ticket updates) and
     *  must not wait for a PUBACK queued behind the message it is handling. */
    private readonly publisher: MqttClient,
    private readonly opts: ExternalBrokerOptions,
  ) {}

  static async connect(opts: ExternalBrokerOptions): Promise<ExternalMqttBroker> {
    const url = new URL(opts.url);
    if (url.protocol !== 'mqtts:' && url.protocol !== 'mqtt:')
      throw new HeadendError('CONFIG_INVALID', `broker.url: mqtts:// or mqtt://, got ${opts.url}`);
    const options: IClientOptions = {
      protocolVersion: 5,
      clientId: opts.clientId,
      // A clean session, on purpose: a broker keeps handing a disconnected persistent member
      // its share of a shared subscription (measured with Mosquitto 2.0: those messages are
      // never delivered, not even when the member comes back). With a clean session a dead
      // instance leaves the group at once and the others take all new uplink; what was in
      // flight to it is covered by the box resending unanswered fault reports (same report id).
      clean: true,
      // The broker must not hand the headend anything larger than an uplink packet may be.
      properties: { receiveMaximum: 1000, maximumPacketSize: MAX_PACKET_BYTES },
      reconnectPeriod: 1000,
      connectTimeout: opts.connectTimeoutMs ?? 10_000,
      keepalive: 30,
      ...(url.protocol === 'mqtts:' && opts.tls !== undefined
        ? { ca: opts.tls.caPem, cert: opts.tls.certPem, key: opts.tls.keyPem, rejectUnauthorized: true }
        : {}),
    };
    const client = mqtt.connect(opts.url, options);
    const publisher = mqtt.connect(opts.url, {
      ...options,
      clientId: `${opts.clientId}-pub`,
      clean: true,
      properties: { receiveMaximum: 1000, maximumPacketSize: MAX_PACKET_BYTES },
    });
    const broker = new ExternalMqttBroker(client, publisher, opts);
    // mqtt.js hands over one message at a time and sends its PUBACK when `done` is called.
    // Up to MAX_HANDLING messages (MAX_HANDLING_BYTES) are handled at once; beyond that `done`
    // waits for some to finish, so a slow store pushes back on the broker instead of piling up
    // in memory.
    client.handleMessage = (packet, done) => {
      const leave = broker.gate.take(packet.payload.length);
      void broker
        .dispatch(packet.topic, packet.payload)
        .catch((err: unknown) => opts.log.error({ err, topic: packet.topic }, 'uplink dispatch failed'))
        .finally(leave);
      broker.gate.whenRoom(() => {
        corkForTurn(client.stream); // the PUBACK leaves with the turn's others
        done();
      });
    };
    for (const c of [client, publisher]) {
      // Request/response over one socket (publish → PUBACK): without TCP_NODELAY, Nagle and
      // delayed ACKs add up to ~40 ms to every publish the headend awaits.
      c.on('connect', () => {
        const socket = c.stream as unknown as { setNoDelay?: (on: boolean) => void };
        socket.setNoDelay?.(true);
      });
      c.on('error', (err) => opts.log.warn({ err: err.message }, 'external broker error'));
      c.on('offline', () => opts.log.warn({ url: opts.url }, 'external broker offline; reconnecting'));
    }
    client.on('connect', (ack) => {
      opts.log.info({ url: opts.url, sessionPresent: ack.sessionPresent }, 'connected to the external broker');
      // Subscribe on every connect: harmless when the session kept it, needed when it did not.
      client
        .subscribeAsync(`$share/${opts.group}/${uplinkFilter()}`, { qos: 1 })
        .then((granted) => {
          const refused = granted.filter((g) => g.qos > 2);
          if (refused.length > 0) opts.log.error({ granted }, 'external broker refused the uplink subscription');
        })
        .catch((err: unknown) => opts.log.error({ err }, 'uplink subscription failed'));
    });
    const connected = (c: MqttClient) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          client.end(true);
          publisher.end(true);
          reject(new HeadendError('CONFIG_INVALID', `cannot reach the external broker at ${opts.url}`));
        }, opts.connectTimeoutMs ?? 10_000);
        c.once('connect', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    await Promise.all([connected(client), connected(publisher)]);
    return broker;
  }

  private async dispatch(topic: string, payload: Buffer | string): Promise<boolean> {
    // Only uplink topics are subscribed; anything else is not ours to handle.
    if (parseTopic(topic)?.dir !== 'up') return true;
    const bytes = typeof payload === 'string' ? Buffer.from(payload) : payload;
    const data = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let ok = true;
    for (const h of this.handlers) ok = (await h(topic, data)) && ok;
    return ok;
  }

  publish(topic: string, payload: Uint8Array, opts: { readonly retain?: boolean } = {}): Promise<void> {
    corkForTurn(this.publisher.stream);
    return publishQos1(this.publisher, topic, payload, opts);
  }

  onUplink(handler: (topic: string, payload: Uint8Array) => Promise<boolean>): void {
    this.handlers.push(handler);
  }

  /** The external broker does not report box connections to clients; the headend learns of boxes by hello. */
  onPresence(): void {
    this.opts.log.debug('presence events are not available from an external broker; hello marks boxes online');
  }

  connectedBoxes(): undefined {
    return undefined;
  }

  async close(): Promise<void> {
    await Promise.all([this.client.endAsync(), this.publisher.endAsync()]);
  }
}
