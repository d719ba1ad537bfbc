import type { WebSocket } from 'ws';
import { MqttFrameGuard } from './mqtt-frame-guard';

/**
 * The guard straight over a WebSocket (MQTT over WebSocket: browser boxes): one stream object
 * per connection instead of ws' `createWebSocketStream` under a byte-stream guard, which cost
 * each connected box another Duplex and its listeners (issue 19: headend memory per box).
 * Messages in (binary or text, each a piece of the MQTT byte stream), binary messages out.
 */
export class WebSocketFrameGuard extends MqttFrameGuard {
  /** The WebSocket failed (a bad frame): ws itself closes it, with a close frame the box can read. */
  private failed = false;

  constructor(
    private readonly ws: WebSocket,
    maxPacketBytes: number,
    onOversize: (announcedBytes: number) => void,
  ) {
    super(maxPacketBytes, onOversize);
    // binaryType 'nodebuffer' (the default): every message is one Buffer.
    ws.on('message', (data: Buffer) => this.receive(data));
    // The end of the box's bytes, not of the stream: aedes still reads what it had not yet (a
    // last PUBLISH before the close), then ends the connection itself.
    ws.on('close', () => this.push(null));
    ws.on('error', (err) => {
      this.failed = true;
      this.destroy(err);
    });
  }

  protected pauseTransport(): void {
    this.ws.pause();
  }

  protected resumeTransport(): void {
    if (this.ws.isPaused) this.ws.resume();
  }

  protected send(chunk: Buffer, cb: (err?: Error | null) => void): void {
    this.ws.send(chunk, { binary: true }, cb);
  }

  protected endTransport(): void {
    this.ws.close();
  }

  protected destroyTransport(): void {
    if (!this.failed) this.ws.terminate();
  }
}
