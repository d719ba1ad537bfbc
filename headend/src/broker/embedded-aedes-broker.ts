import { once } from 'node:events';
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import type { TLSSocket } from 'node:tls';
import type { Server as TlsServer } from 'node:tls';
import { Aedes } from 'aedes';
import type { AuthenticateError, Client } from 'aedes';
import { boxMayAccess, uplinkFilter } from '@stb-notify/protocol';
import type { BoxIdentity } from '@stb-notify/protocol';
import type { Logger } from 'pino';
import type { Broker } from '../ports/broker';
import { clip, LogThrottle } from '../services/log-throttle';
import type { BoxAuthenticator } from '../services/box-authenticator';
import { StreamFrameGuard } from './mqtt-frame-guard';
import { WebSocketFrameGuard } from './websocket-frame-guard';
import { serveMqttOverWebSocket } from './mqtt-over-websocket';
import { LISTEN_BACKLOG } from './listen-backlog';
import { aedesStore, KeptForBox } from './kept-for-box';

export interface EmbeddedBrokerOptions {
  readonly tls: { readonly keyPem: string; readonly certPem: string; readonly caPem: string };
  readonly mqtts: { readonly host: string; readonly port: number };
  /** HTTP server whose upgrade requests on `wsPath` become MQTT-over-WebSocket connections. */
  readonly httpServer?: HttpServer;
  readonly wsPath?: string;
  readonly authenticator: BoxAuthenticator;
  readonly log: Logger;
  /** Largest MQTT packet a box may send (default MAX_PACKET_BYTES). */
  readonly maxPacketBytes?: number;
  /** Counts refused connects / subscribes / publishes by reason. */
  readonly onRefused?: (what: 'connect' | 'subscribe' | 'publish', reason: string) => void;
}

/** Largest MQTT packet from a box: a 64 KiB uplink envelope with its topic and headers fits. */
export const MAX_PACKET_BYTES = 72 * 1024;
/** Headend publishes in flight inside aedes at once (see publish()). */
const MAX_INFLIGHT = 32;
const NOT_AUTHORIZED = 5;
const BAD_USERNAME_OR_PASSWORD = 4;

function authError(message: string, code: number): AuthenticateError {
  return Object.assign(new Error(message), { returnCode: code }) as AuthenticateError;
}

/**
 * aedes in-process (MQTT 3.1.1): mutual-TLS listener for boxes with certificates, MQTT over
 * WebSocket on the HTTP server for browser boxes. The protocol's access rule decides every
 * subscribe and publish.
 */
export class EmbeddedAedesBroker implements Broker {
  private readonly identities = new WeakMap<Client, BoxIdentity>();
  /** The TLS socket under each guarded connection (for the box certificate). */
  private readonly tlsSockets = new WeakMap<object, TLSSocket>();
  private uplinkHandlers: Array<(topic: string, payload: Uint8Array) => Promise<boolean>> = [];
  private presenceHandlers: Array<(boxId: string, online: boolean) => void> = [];
  private tlsServer: TlsServer | undefined;
  /** Stops the MQTT-over-WebSocket listener and drops its connections. */
  private closeWebSocket: (() => void) | undefined;
  private readonly connected = new Map<string, Client>();
  private readonly kept: KeptForBox;
  private inflight = 0;
  private readonly waiting: Array<() => void> = [];

  private constructor(
    private readonly aedes: Aedes,
    private readonly opts: EmbeddedBrokerOptions,
  ) {
    this.kept = new KeptForBox(aedes, (client) => this.identities.has(client));
  }

  static async start(opts: EmbeddedBrokerOptions): Promise<EmbeddedAedesBroker> {
    const aedes = await Aedes.createBroker({ id: 'stb-headend', heartbeatInterval: 60_000, connectTimeout: 30_000 });
    const broker = new EmbeddedAedesBroker(aedes, opts);
    broker.wire();
    await broker.listen();
    return broker;
  }

  /** The port the TLS listener got (useful when configured with port 0). */
  get mqttsPort(): number {
    return (this.tlsServer?.address() as AddressInfo | null)?.port ?? 0;
  }

  private readonly refuseLog = new LogThrottle();

  /** `reason`: one of a few fixed words (a metric label); `detail`: the topic or message, for the log only. */
  private refuse(
    what: 'connect' | 'subscribe' | 'publish',
    reason: string,
    client: Client | null,
    detail?: string,
  ): void {
    this.opts.onRefused?.(what, reason);
    const admitted = this.refuseLog.admit(`${what}/${reason}`);
    if (admitted !== undefined)
      this.opts.log.warn(
        {
          client: client === null ? undefined : clip(client.id, 80),
          what,
          reason,
          ...(detail === undefined ? {} : { detail: clip(detail) }),
          ...(admitted.suppressed > 0 ? admitted : {}),
        },
        'broker refused',
      );
  }

  private get maxPacketBytes(): number {
    return this.opts.maxPacketBytes ?? MAX_PACKET_BYTES;
  }

  private readonly onOversize = (n: number): void => this.refuse('publish', 'oversize', null, `packet of ${n} bytes`);

  private wire(): void {
    const { aedes, opts } = this;
    aedes.authenticate = (client, username, password, done) => {
      const conn = client.conn;
      const tls = this.tlsSockets.get(conn);
      const attempt =
        tls !== undefined
          ? opts.authenticator.byCertificate(tls.getPeerCertificate(), client.id)
          : opts.authenticator.byCredential(username, password, client.id);
      attempt.then(
        (r) => {
          if (r.ok) {
            this.identities.set(client, r.identity);
            done(null, true);
          } else {
            this.refuse('connect', r.reason, client);
            // Over WebSocket an unknown box and a wrong password get the same answer (no enumeration).
            const code = tls === undefined || r.reason === 'bad-credential' ? BAD_USERNAME_OR_PASSWORD : NOT_AUTHORIZED;
            done(authError(r.reason, code), false);
          }
        },
        (err: unknown) => {
          opts.log.error({ err }, 'authentication failed');
          done(authError('server error', 3), false);
        },
      );
    };
    aedes.authorizeSubscribe = (client, sub, cb) => {
      const id = this.identities.get(client);
      if (id !== undefined && boxMayAccess(id, 'subscribe', sub.topic)) return cb(null, sub);
      this.refuse('subscribe', 'access-rule', client, sub.topic);
      cb(null, null); // negative SUBACK (0x80); the box stays connected
    };
    aedes.authorizePublish = (client, packet, cb) => {
      const id = client === null ? undefined : this.identities.get(client);
      if (id !== undefined && boxMayAccess(id, 'publish', packet.topic)) {
        // Uplink is for the headend, never kept: a retained box message would sit in the
        // broker's memory for good (and be handed to every later subscriber).
        if (packet.retain) {
          packet.retain = false;
          this.refuse('publish', 'retained', client, packet.topic);
        }
        return cb(null);
      }
      this.refuse('publish', 'access-rule', client, packet.topic);
      cb(new Error('not authorised')); // MQTT 3.1.1 has no publish NACK: the client is disconnected
    };
    // One entry per box, its latest connection: a box that reconnects before its old
    // connection is dropped (session takeover) is counted once and stays online.
    aedes.on('clientReady', (client) => {
      const id = this.identities.get(client);
      if (id === undefined) return;
      this.connected.set(id.boxId, client);
      for (const h of this.presenceHandlers) h(id.boxId, true);
    });
    aedes.on('clientDisconnect', (client) => {
      const id = this.identities.get(client);
      if (id === undefined || this.connected.get(id.boxId) !== client) return;
      this.connected.delete(id.boxId);
      for (const h of this.presenceHandlers) h(id.boxId, false);
    });
    aedes.on('clientError', (client, err) => opts.log.debug({ client: client.id, err: err.message }, 'client error'));
    aedes.subscribe(
      uplinkFilter(),
      (packet, done) => {
        const payload = typeof packet.payload === 'string' ? Buffer.from(packet.payload) : packet.payload;
        // aedes has already acknowledged the box's PUBLISH; the handler's outcome is tracked by
        // the headend (durable delivery re-asks boxes on hello), not by the broker here.
        for (const h of this.uplinkHandlers)
          void h(packet.topic, new Uint8Array(payload.buffer, payload.byteOffset, payload.byteLength));
        // Not synchronously: mqemitter delivers the next queued message from inside done(),
        // so a burst of thousands of uplink messages would otherwise recurse until the stack
        // overflows and take the headend down.
        queueMicrotask(done);
      },
      () => undefined,
    );
  }

  private async listen(): Promise<void> {
    const { opts, aedes } = this;
    this.tlsServer = createTlsServer(
      { key: opts.tls.keyPem, cert: opts.tls.certPem, ca: opts.tls.caPem, requestCert: true, rejectUnauthorized: true },
      (socket) => {
        // Small packets (PUBACKs) go out at once; Nagle's algorithm would hold each ~40 ms.
        socket.setNoDelay(true);
        // A connection as aedes sees it: packets over the size limit close it before they are buffered.
        const conn = new StreamFrameGuard(socket, this.maxPacketBytes, this.onOversize);
        this.tlsSockets.set(conn, socket);
        aedes.handle(conn);
      },
    );
    this.tlsServer.on('tlsClientError', (err) => this.refuse('connect', 'tls', null, err.message));
    this.tlsServer.listen({ port: opts.mqtts.port, host: opts.mqtts.host, backlog: LISTEN_BACKLOG });
    await once(this.tlsServer, 'listening');
    if (opts.httpServer !== undefined)
      // Without the upgrade request: aedes would keep it (headers and all) for the life of the connection.
      this.closeWebSocket = serveMqttOverWebSocket(opts.httpServer, opts.wsPath ?? '/mqtt', (ws) =>
        aedes.handle(new WebSocketFrameGuard(ws, this.maxPacketBytes, this.onOversize)),
      );
  }

  /**
   * At most MAX_INFLIGHT headend publishes inside aedes at once, each next one started from
   * a fresh macrotask. A storm of resends (10,000 boxes reconnecting, two notices each) to
   * sessions that are still offline completes synchronously inside aedes' emitter, which then
   * recurses once per queued message until the stack overflows (mqemitter#204; seen in
   * `npm run bench`). Pacing keeps that queue short and the stack flat.
   */
  private async slot(): Promise<void> {
    if (this.inflight < MAX_INFLIGHT) {
      this.inflight++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next === undefined) this.inflight--;
    else setImmediate(next);
  }

  async publish(topic: string, payload: Uint8Array, opts?: { readonly retain?: boolean }): Promise<void> {
    await this.slot();
    try {
      await this.publishNow(topic, payload, opts);
    } finally {
      this.release();
    }
  }

  private publishNow(topic: string, payload: Uint8Array, opts?: { readonly retain?: boolean }): Promise<void> {
    return new Promise((resolve, reject) => {
      this.aedes.publish(
        {
          cmd: 'publish',
          topic,
          payload: Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength),
          qos: 1,
          retain: opts?.retain === true,
          dup: false,
        },
        (err) => (err ? reject(err) : resolve()),
      );
    });
  }

  onUplink(handler: (topic: string, payload: Uint8Array) => Promise<boolean>): void {
    this.uplinkHandlers.push(handler);
  }

  keptFor(boxId: string): Promise<Uint8Array[]> {
    return this.kept.take(boxId);
  }

  onPresence(handler: (boxId: string, online: boolean) => void): void {
    this.presenceHandlers.push(handler);
  }

  /** Topics the broker keeps a retained message for (the signed key set; never a box's uplink). */
  async retainedTopics(pattern = '#'): Promise<string[]> {
    const out: string[] = [];
    for await (const packet of aedesStore(this.aedes).createRetainedStream(pattern)) out.push(packet.topic);
    return out;
  }

  connectedBoxes(): number {
    return this.connected.size;
  }

  async close(): Promise<void> {
    this.closeWebSocket?.();
    const tls = this.tlsServer;
    if (tls !== undefined) {
      const closed = new Promise<void>((r) => tls.close(() => r()));
      await new Promise<void>((r) => this.aedes.close(() => r()));
      await closed;
    } else {
      await new Promise<void>((r) => this.aedes.close(() => r()));
    }
  }
}
