import { Duplex } from 'node:stream';
import { corkForTurn } from './cork-for-turn';

/**
 * A box's connection as aedes reads it, with every MQTT packet's size checked from its
 * fixed header before the packet arrives: a packet announcing more than `maxPacketBytes`
 * closes the connection at once. aedes has no packet size limit of its own: it buffers a
 * whole 100 MB PUBLISH, acknowledges it, and only then can the headend drop it. One
 * subclass per transport under it: a byte stream (TLS) or a WebSocket, where one MQTT packet
 * may span many messages.
 */
export abstract class MqttFrameGuard extends Duplex {
  /** Bytes of the current packet still to pass; -1 while reading a fixed header. */
  private bodyLeft = -1;
  private headerBytes = 0;
  private length = 0;
  private multiplier = 1;

  constructor(
    private readonly maxPacketBytes: number,
    private readonly onOversize: (announcedBytes: number) => void,
  ) {
    super();
  }

  /** Stops reading from the transport (aedes is behind). */
  protected abstract pauseTransport(): void;
  protected abstract resumeTransport(): void;
  protected abstract send(chunk: Buffer, cb: (err?: Error | null) => void): void;
  /** aedes has finished writing: close the transport gracefully. */
  protected abstract endTransport(): void;
  protected abstract destroyTransport(): void;

  /** Bytes from the box: handed to aedes, or the connection closed on an oversize packet. */
  protected receive(chunk: Buffer): void {
    // A WebSocket may still hand over messages it had read when the guard closed it.
    if (this.destroyed || !this.check(chunk)) return;
    if (!this.push(chunk)) this.pauseTransport();
  }

  /** Walks the packet boundaries in `chunk`; false (and the connection closed) on an oversize packet. */
  private check(chunk: Buffer): boolean {
    let i = 0;
    while (i < chunk.length) {
      if (this.bodyLeft > 0) {
        const take = Math.min(this.bodyLeft, chunk.length - i);
        this.bodyLeft -= take;
        i += take;
        continue;
      }
      const byte = chunk[i++] ?? 0;
      if (this.headerBytes === 0) {
        // The packet type byte; the remaining length follows (1-4 bytes, 7 bits each).
        this.headerBytes = 1;
        this.length = 0;
        this.multiplier = 1;
        continue;
      }
      this.length += (byte & 0x7f) * this.multiplier;
      this.multiplier *= 128;
      this.headerBytes++;
      if (this.length > this.maxPacketBytes || (byte & 0x80 && this.headerBytes > 4)) {
        this.onOversize(this.length);
        this.destroy(new Error(`MQTT packet of ${this.length} bytes > limit ${this.maxPacketBytes}`));
        return false;
      }
      if ((byte & 0x80) === 0) {
        this.headerBytes = 0;
        this.bodyLeft = this.length;
      }
    }
    return true;
  }

  override _read(): void {
    this.resumeTransport();
  }

  /**
   * mqtt-packet corks the stream around each packet it writes; the first packet of an
   * event-loop turn also corks it until the turn ends (corkForTurn, which calls back in here
   * once and returns), so what aedes writes to this box in one turn — a CONNACK and the
   * messages its session kept, acknowledgements of several uplinks — leaves as one frame in
   * one system call (issue 19: writev was 11 % of the headend's time in a reconnect storm;
   * frames per box there 7.5 → 6.4, `npm run bench`). Delays a write by at most the turn.
   */
  override cork(): void {
    corkForTurn(this);
    super.cork();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, cb: (err?: Error | null) => void): void {
    this.send(chunk, cb);
  }

  /**
   * Everything buffered goes out as one write. mqtt-packet writes a packet in pieces (fixed
   * header, topic, id, payload) inside a cork; without this each piece would be its own
   * WebSocket frame and its own syscall — 5 of each per PUBLISH. MQTT over WebSocket allows
   * any split of packets into frames (MQTT 3.1.1 §6), so one frame may carry several packets.
   */
  override _writev(chunks: Array<{ chunk: Buffer }>, cb: (err?: Error | null) => void): void {
    const only = chunks.length === 1 ? chunks[0] : undefined;
    this.send(only?.chunk ?? Buffer.concat(chunks.map((c) => c.chunk)), cb);
  }

  override _final(cb: (err?: Error | null) => void): void {
    this.endTransport();
    cb();
  }

  override _destroy(err: Error | null, cb: (err?: Error | null) => void): void {
    this.destroyTransport();
    cb(err);
  }
}

/** The guard over a byte stream (the TLS listener's sockets). */
export class StreamFrameGuard extends MqttFrameGuard {
  constructor(
    readonly inner: Duplex,
    maxPacketBytes: number,
    onOversize: (announcedBytes: number) => void,
  ) {
    super(maxPacketBytes, onOversize);
    inner.on('data', (chunk: Buffer) => this.receive(chunk));
    inner.on('end', () => this.push(null));
    inner.on('error', (err) => this.destroy(err));
    inner.on('close', () => this.destroy());
  }

  protected pauseTransport(): void {
    this.inner.pause();
  }

  protected resumeTransport(): void {
    this.inner.resume();
  }

  protected send(chunk: Buffer, cb: (err?: Error | null) => void): void {
    this.inner.write(chunk, cb);
  }

  protected endTransport(): void {
    this.inner.end();
  }

  protected destroyTransport(): void {
    this.inner.destroy();
  }
}
