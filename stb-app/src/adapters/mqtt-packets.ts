/**
 * The MQTT 3.1.1 packets a box exchanges (OASIS MQTT 3.1.1, chapter 3): CONNECT, SUBSCRIBE,
 * PUBLISH at QoS 0/1, PUBACK, PINGREQ, DISCONNECT out; CONNACK, SUBACK, PUBLISH, PUBACK,
 * PINGRESP in. Only what the box uses — QoS 2, wills and retained publishes are never sent by
 * a box, and the broker never hands it QoS 2 because it subscribes at QoS 1.
 */

export const PacketType = {
  CONNECT: 1,
  CONNACK: 2,
  PUBLISH: 3,
  PUBACK: 4,
  SUBSCRIBE: 8,
  SUBACK: 9,
  PINGREQ: 12,
  PINGRESP: 13,
  DISCONNECT: 14,
} as const;

/** A packet as read: its type, the fixed header's flags and the bytes after the fixed header. */
export interface RawPacket {
  type: number;
  flags: number;
  body: Uint8Array;
}

const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder();

function lengthBytes(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) b |= 0x80;
    out.push(b);
  } while (n > 0);
  return out;
}

/** A packet: fixed header (type, flags, remaining length) then the parts in order. */
function packet(type: number, flags: number, parts: readonly Uint8Array[]): Uint8Array {
  const bodyLength = parts.reduce((n, p) => n + p.length, 0);
  const head = [(type << 4) | flags, ...lengthBytes(bodyLength)];
  const out = new Uint8Array(head.length + bodyLength);
  out.set(head, 0);
  let at = head.length;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const u16 = (n: number): Uint8Array => Uint8Array.of(n >> 8, n & 0xff);

/** A length-prefixed field (UTF-8 string or binary data). */
function field(value: string | Uint8Array): Uint8Array {
  const bytes = typeof value === 'string' ? utf8.encode(value) : value;
  if (bytes.length > 0xffff) throw new RangeError('MQTT field longer than 65,535 bytes');
  const out = new Uint8Array(2 + bytes.length);
  out.set(u16(bytes.length), 0);
  out.set(bytes, 2);
  return out;
}

export function connectPacket(o: {
  clientId: string;
  cleanSession: boolean;
  keepAliveSeconds: number;
  username?: string;
  password?: string;
}): Uint8Array {
  const flags =
    (o.username === undefined ? 0 : 0x80) | (o.password === undefined ? 0 : 0x40) | (o.cleanSession ? 0x02 : 0);
  return packet(PacketType.CONNECT, 0, [
    field('MQTT'),
    Uint8Array.of(4, flags),
    u16(o.keepAliveSeconds),
    field(o.clientId),
    ...(o.username === undefined ? [] : [field(o.username)]),
    ...(o.password === undefined ? [] : [field(o.password)]),
  ]);
}

export function subscribePacket(packetId: number, topics: readonly string[], qos: 0 | 1): Uint8Array {
  return packet(PacketType.SUBSCRIBE, 0x02, [u16(packetId), ...topics.flatMap((t) => [field(t), Uint8Array.of(qos)])]);
}

/** PUBLISH; `packetId` is required for QoS 1 and absent for QoS 0. */
export function publishPacket(topic: string, payload: Uint8Array, qos: 0 | 1, packetId?: number): Uint8Array {
  if (qos === 1 && packetId === undefined) throw new RangeError('a QoS 1 publish needs a packet id');
  return packet(PacketType.PUBLISH, qos << 1, [
    field(topic),
    ...(qos === 1 && packetId !== undefined ? [u16(packetId)] : []),
    payload,
  ]);
}

export const pubackPacket = (packetId: number): Uint8Array => packet(PacketType.PUBACK, 0, [u16(packetId)]);
export const pingreqPacket = (): Uint8Array => packet(PacketType.PINGREQ, 0, []);
export const disconnectPacket = (): Uint8Array => packet(PacketType.DISCONNECT, 0, []);

export const readU16 = (b: Uint8Array, at: number): number => ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);

/** An incoming PUBLISH's topic, packet id (QoS 1) and payload; undefined when malformed. */
export function readPublish(
  p: RawPacket,
): { topic: string; qos: number; packetId: number; payload: Uint8Array } | undefined {
  const qos = (p.flags >> 1) & 0x03;
  const topicLength = readU16(p.body, 0);
  let at = 2 + topicLength;
  if (at > p.body.length || qos > 1) return undefined;
  const topic = utf8Decoder.decode(p.body.subarray(2, at));
  let packetId = 0;
  if (qos === 1) {
    if (at + 2 > p.body.length) return undefined;
    packetId = readU16(p.body, at);
    at += 2;
  }
  return { topic, qos, packetId, payload: p.body.slice(at) };
}

/**
 * Splits a byte stream (WebSocket messages may hold several packets, or part of one) into
 * packets. A packet announcing more than `maxPacketBytes` is an error before anything of it is
 * buffered: a hostile or broken broker cannot make the box hold more than that.
 */
export class PacketReader {
  private buffered = new Uint8Array(0);

  constructor(private readonly maxPacketBytes: number) {}

  /** The packets completed by `chunk`; throws on a malformed length or a packet over the limit. */
  push(chunk: Uint8Array): RawPacket[] {
    const b = this.buffered.length === 0 ? chunk : concat(this.buffered, chunk);
    const out: RawPacket[] = [];
    let at = 0;
    for (;;) {
      const header = readFixedHeader(b, at);
      if (header === undefined) break;
      if (header.length > this.maxPacketBytes) {
        throw new RangeError(`MQTT packet of ${header.length} bytes, over the ${this.maxPacketBytes} allowed`);
      }
      const end = header.bodyAt + header.length;
      if (end > b.length) break;
      const first = b[at] ?? 0;
      out.push({ type: first >> 4, flags: first & 0x0f, body: b.slice(header.bodyAt, end) });
      at = end;
    }
    this.buffered = at === b.length ? new Uint8Array(0) : b.slice(at);
    return out;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** The remaining length and where the body starts; undefined when the header is not complete yet. */
function readFixedHeader(b: Uint8Array, at: number): { length: number; bodyAt: number } | undefined {
  let length = 0;
  let multiplier = 1;
  for (let i = 1; i <= 4; i++) {
    const byte = b[at + i];
    if (byte === undefined) return undefined;
    length += (byte & 0x7f) * multiplier;
    if ((byte & 0x80) === 0) return { length, bodyAt: at + i + 1 };
    multiplier *= 128;
  }
  throw new RangeError('malformed MQTT remaining length');
}
