import { Duplex } from 'node:stream';

/**
 * A box's connection as aedes reads it, with every MQTT packet's size checked from its
 * fixed header before the packet arrives: a packet announcing more than `maxPacketBytes`
 * closes the connection at once. aedes has no packet size limit of its own: it buffers a
 * whole 100 MB PUBLISH, acknowledges it, and only then can the headend drop it. Used on
 * both listeners (TLS, and WebSocket, where one MQTT packet may span many frames).
 */
export class MqttFrameGuard extends Duplex {
  /** Bytes of the current packet still to pass; -1 while reading a fixed header. */
  private bodyLeft = -1;
  private headerBytes = 0;
  private length = 0;
  private multiplier = 1;

  constructor(
    readonly inner: Duplex,
    private readonly maxPacketBytes: number,
    private readonly onOversize: (announcedBytes: number) => void,
  ) {
    super();
    inner.on('data', (chunk: Buffer) => {
      if (!this.check(chunk)) return;
      if (!this.push(chunk)) inner.pause();
    });
    inner.on('end', () => this.push(null));
    inner.on('error', (err) => this.destroy(err));
    inner.on('close', () => this.destroy());
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
    this.inner.resume();
  }

  override _write(chunk: Buffer, encoding: BufferEncoding, cb: (err?: Error | null) => void): void {
    this.inner.write(chunk, encoding, cb);
  }

  /**
   * Everything buffered goes out as one write. mqtt-packet writes a packet in pieces (fixed
   * header, topic, id, payload) inside a cork; without this each piece would be its own
   * WebSocket frame and its own syscall — 5 of each per PUBLISH. MQTT over WebSocket allows
   * any split of packets into frames (MQTT 3.1.1 §6), so one frame may carry several packets.
   */
  override _writev(chunks: Array<{ chunk: Buffer }>, cb: (err?: Error | null) => void): void {
    const only = chunks.length === 1 ? chunks[0] : undefined;
    this.inner.write(only?.chunk ?? Buffer.concat(chunks.map((c) => c.chunk)), cb);
  }

  override _final(cb: (err?: Error | null) => void): void {
    this.inner.end();
    cb();
  }

  override _destroy(err: Error | null, cb: (err?: Error | null) => void): void {
    this.inner.destroy();
    cb(err);
  }
}
