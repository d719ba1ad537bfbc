import type { BoxConfig } from '../core/box-config';
import type { Transport, TransportFactory } from '../core/ports';
import {
  connectPacket,
  disconnectPacket,
  PacketReader,
  PacketType,
  pingreqPacket,
  pubackPacket,
  publishPacket,
  readPublish,
  readU16,
  subscribePacket,
} from './mqtt-packets';
import type { RawPacket } from './mqtt-packets';

/** The part of the browser's WebSocket this transport uses (Node tests pass the `ws` package's). */
export interface WebSocketLike {
  binaryType: string;
  readonly readyState: number;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  send(data: Uint8Array): void;
  close(): void;
}
export type WebSocketConstructor = new (url: string, protocols: string | string[]) => WebSocketLike;

export interface WsMqttOptions {
  /** Default: the browser's WebSocket. */
  WebSocket?: WebSocketConstructor;
  /** Seconds; ≥ 60 because browsers throttle the timers of hidden pages. Default 90. */
  keepAliveSeconds?: number;
  connectTimeoutMs?: number;
  /** The largest packet the box accepts from the broker (notices are at most a few KiB). */
  maxPacketBytes?: number;
}

const OPEN = 1;
const CLOSED = 3;
/** How long close() waits for the socket to close before it gives up waiting. */
const CLOSE_WAIT_MS = 1000;

/**
 * The box app's MQTT transport in the browser: MQTT 3.1.1 over WebSocket, QoS 1, persistent
 * session, client id = box id, the provisioning credential as user name and password.
 *
 * Why not MQTT.js here (the Node boxes and the headend keep it): in the browser bundle it was
 * 339 KiB of 984 (issue 17: the TV must start fast on a low-end box, ≤ 150 KiB gzip in all),
 * while a box needs five packet kinds of MQTT 3.1.1. Paho's JavaScript client (last release
 * 2019) and u8-mqtt (pre-1.0, one maintainer) were the smaller libraries considered.
 */
export function wsMqttTransport(config: BoxConfig, options: WsMqttOptions = {}): TransportFactory {
  const Ws = options.WebSocket ?? (globalThis as unknown as { WebSocket: WebSocketConstructor }).WebSocket;
  const keepAlive = options.keepAliveSeconds ?? 90;
  return () =>
    new WsMqttConnection(
      config,
      Ws,
      keepAlive,
      options.connectTimeoutMs ?? 15_000,
      options.maxPacketBytes ?? 256 * 1024,
    );
}

class WsMqttConnection implements Transport {
  private ws: WebSocketLike | undefined;
  private nextId = 0;
  private readonly acks = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  private keepAliveTimer: ReturnType<typeof setInterval> | undefined;
  private lastSentMs = 0;
  private pingSentMs: number | undefined;
  private closed = false;

  constructor(
    private readonly config: BoxConfig,
    private readonly Ws: WebSocketConstructor,
    private readonly keepAliveSeconds: number,
    private readonly connectTimeoutMs: number,
    private readonly maxPacketBytes: number,
  ) {}

  open(handlers: {
    onMessage(topic: string, payload: Uint8Array): void;
    onClose(reason: string): void;
  }): Promise<{ readonly sessionPresent: boolean }> {
    return new Promise((resolve, reject) => {
      let up = false;
      let failure: Error | undefined;
      const reader = new PacketReader(this.maxPacketBytes);
      const ws = new this.Ws(this.config.brokerUrl, 'mqtt');
      this.ws = ws;
      ws.binaryType = 'arraybuffer';
      const fail = (err: Error): void => {
        clearTimeout(timeout);
        failure ??= err;
        this.drop(err);
      };
      const timeout = setTimeout(() => fail(new Error('no CONNACK in time')), this.connectTimeoutMs);
      ws.onopen = () => {
        this.send(
          connectPacket({
            clientId: this.config.boxId,
            cleanSession: false,
            keepAliveSeconds: this.keepAliveSeconds,
            username: this.config.boxId,
            password: this.config.credential,
          }),
        );
      };
      ws.onmessage = (ev) => {
        let packets: RawPacket[];
        try {
          packets = reader.push(toBytes(ev.data));
        } catch (err) {
          fail(err as Error);
          return;
        }
        for (const p of packets) {
          if (p.type === PacketType.CONNACK && !up) {
            clearTimeout(timeout);
            const code = p.body[1] ?? 255;
            if (code !== 0) {
              fail(new Error(`connection refused (CONNACK ${code})`));
              return;
            }
            up = true;
            this.startKeepAlive();
            // The acknowledge flags' bit 0 (MQTT 3.1.1, 3.2.2.2).
            resolve({ sessionPresent: ((p.body[0] ?? 0) & 1) === 1 });
          } else if (up && !this.closed) this.onPacket(p, handlers);
        }
      };
      ws.onerror = () => fail(new Error('WebSocket error'));
      ws.onclose = () => {
        this.socketClosed();
        clearTimeout(timeout);
        this.stopKeepAlive();
        this.failPending(new Error('connection lost before the acknowledgement'));
        const closedByUs = this.closed;
        this.closed = true;
        if (!up) reject(failure ?? new Error('connection closed before CONNACK'));
        else if (!closedByUs) handlers.onClose('closed');
      };
    });
  }

  subscribe(topics: readonly string[]): Promise<number[]> {
    const id = this.packetId();
    const done = this.awaitAck(id) as Promise<number[]>;
    this.send(subscribePacket(id, topics, 1));
    return done;
  }

  async publish(topic: string, payload: Uint8Array): Promise<void> {
    const id = this.packetId();
    const done = this.awaitAck(id);
    this.send(publishPacket(topic, payload, 1, id));
    await done;
  }

  /**
   * Ends the connection: from now on nothing more is handed to the box (what the broker still
   * sends goes unacknowledged and stays queued in the box's session for the next connection),
   * and the promise resolves once the socket has closed, or after CLOSE_WAIT_MS. A box that
   * restarts its connection thus never has the old one still open beside the new one.
   */
  close(): Promise<void> {
    const ws = this.ws;
    this.closed = true;
    this.stopKeepAlive();
    this.failPending(new Error('connection closed'));
    if (ws === undefined || ws.readyState === CLOSED) return Promise.resolve();
    const closed = new Promise<void>((resolve) => {
      const wait = setTimeout(resolve, CLOSE_WAIT_MS);
      this.socketClosed = () => {
        clearTimeout(wait);
        resolve();
      };
    });
    if (ws.readyState === OPEN) ws.send(disconnectPacket());
    ws.close();
    return closed;
  }

  /** Called when the socket has closed (close() waits for it). */
  private socketClosed: () => void = () => undefined;

  private onPacket(p: RawPacket, handlers: { onMessage(topic: string, payload: Uint8Array): void }): void {
    switch (p.type) {
      case PacketType.PUBLISH: {
        const m = readPublish(p);
        if (m === undefined) {
          this.drop(new Error('malformed PUBLISH'));
          return;
        }
        handlers.onMessage(m.topic, m.payload);
        if (m.qos === 1) this.send(pubackPacket(m.packetId));
        return;
      }
      case PacketType.PUBACK:
        this.settle(readU16(p.body, 0), undefined);
        return;
      case PacketType.SUBACK:
        this.settle(readU16(p.body, 0), Array.from(p.body.subarray(2)));
        return;
      case PacketType.PINGRESP:
        this.pingSentMs = undefined;
        return;
      default:
      // Nothing else is expected from a broker; ignoring it is what MQTT.js does too.
    }
  }

  private packetId(): number {
    do this.nextId = (this.nextId % 0xffff) + 1;
    while (this.acks.has(this.nextId));
    return this.nextId;
  }

  private awaitAck(id: number): Promise<unknown> {
    if (this.ws === undefined || this.ws.readyState !== OPEN || this.closed) {
      return Promise.reject(new Error('not connected'));
    }
    return new Promise((resolve, reject) => this.acks.set(id, { resolve, reject }));
  }

  private settle(id: number, value: unknown): void {
    const waiting = this.acks.get(id);
    this.acks.delete(id);
    waiting?.resolve(value);
  }

  /** With a persistent session and no automatic reconnect, unacknowledged publishes fail: the box's outbox keeps them. */
  private failPending(err: Error): void {
    for (const w of this.acks.values()) w.reject(err);
    this.acks.clear();
  }

  private send(bytes: Uint8Array): void {
    if (this.ws?.readyState !== OPEN) return;
    this.lastSentMs = performance.now();
    this.ws.send(bytes);
  }

  /**
   * PINGREQ when nothing was sent for half the keep-alive period (the broker allows 1.5 periods
   * of silence); no PINGRESP within half a period ends the connection. Measured on
   * `performance.now()`, which follows neither the wall clock nor the network time.
   */
  private startKeepAlive(): void {
    const half = (this.keepAliveSeconds * 1000) / 2;
    this.keepAliveTimer = setInterval(() => {
      const now = performance.now();
      if (this.pingSentMs !== undefined) {
        if (now - this.pingSentMs >= half) this.drop(new Error('no PINGRESP'));
        return;
      }
      if (now - this.lastSentMs >= half) {
        this.send(pingreqPacket());
        this.pingSentMs = now;
      }
    }, half / 4);
  }

  private stopKeepAlive(): void {
    clearInterval(this.keepAliveTimer);
    this.keepAliveTimer = undefined;
  }

  private drop(err: Error): void {
    this.failPending(err);
    this.ws?.close();
  }
}

function toBytes(data: unknown): Uint8Array {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (Array.isArray(data)) {
    // The `ws` package may hand fragmented messages as an array of Buffers.
    const parts = data as Uint8Array[];
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }
  throw new TypeError('unexpected WebSocket message type');
}
