import type { Readable } from 'node:stream';
import type { Aedes, Client } from 'aedes';

/** What of an aedes packet this needs. */
interface KeptPacket {
  readonly cmd?: string;
  readonly payload?: Uint8Array | string;
}

/** aedes's persistence, which its types leave out: the calls made on it. */
export interface AedesStore {
  createRetainedStream(pattern: string): AsyncIterable<{ topic: string }>;
  outgoingStream(client: Client): Readable;
}

export function aedesStore(aedes: Aedes): AedesStore {
  return (aedes as unknown as { persistence: AedesStore }).persistence;
}

/** Acknowledged payloads remembered per connection, at most; and for all connections together, in bytes. */
const PER_CONNECTION = 32;
const TOTAL_BYTES = 16 * 1024 * 1024;
/** Queued messages read back per box at most. */
const QUEUED = 64;

/**
 * What a box's broker session handed it since it connected, or still holds for it: the
 * messages the broker kept while the box was away (a persistent session), delivered right
 * after it reconnects. A box's hello asks for them (`take`) so the headend does not send them
 * again while the box's receipts are still on their way (issue 19: in a 10,000-box reconnect
 * storm 4,498 of 20,000 notices went out twice). Remembered from connect until the hello, per
 * connection, bounded: past PER_CONNECTION or TOTAL_BYTES nothing more is remembered, and the
 * hello then sends what it cannot rule out, as before.
 */
export class KeptForBox {
  private readonly acked = new Map<Client, Uint8Array[]>();
  /**
   * Each box's connection from the moment aedes registers it, before its CONNACK. Not aedes's
   * 'clientReady': that comes only once the session's queue has been handed over, and the box
   * may say hello before (aedes reads its packets meanwhile). A hello looked up there missed
   * its connection and sent everything again (1,144 of 8,000 notices in a 4,000-box storm).
   */
  private readonly byBox = new Map<string, Client>();
  private bytes = 0;

  /** Follows `aedes`'s connections of clients `isBox` says are boxes. */
  constructor(
    private readonly aedes: Aedes,
    isBox: (client: Client) => boolean,
  ) {
    // 'client' comes before the CONNACK and the session's queue, so no acknowledgement is missed.
    aedes.on('client', (client) => isBox(client) && this.connected(client));
    // aedes calls this inside its PUBACK handling: a throw here would leave the box's packet
    // unfinished. Its packet is undefined for a PUBACK of a message id the session does not hold.
    aedes.on('ack', (packet: KeptPacket | undefined, client) => this.ack(client, packet));
    aedes.on('clientDisconnect', (client) => {
      this.forget(client);
      if (this.byBox.get(client.id) === client) this.byBox.delete(client.id);
    });
  }

  private connected(client: Client): void {
    this.forget(client);
    this.acked.set(client, []);
    this.byBox.set(client.id, client);
  }

  /** The box acknowledged a QoS 1 message. */
  private ack(client: Client, packet: KeptPacket | undefined): void {
    const list = this.acked.get(client);
    const p = packet?.payload;
    if (list === undefined || packet?.cmd !== 'publish' || p === undefined || typeof p === 'string') return;
    // A connection that acknowledged this much without a hello is not one coming back with its
    // session's queue: stop remembering for it (its hello then sends what is still pending).
    if (list.length >= PER_CONNECTION || this.bytes + p.byteLength > TOTAL_BYTES) return this.forget(client);
    list.push(p);
    this.bytes += p.byteLength;
  }

  /**
   * The payloads the box's connection acknowledged since it connected, and those its session
   * still holds for it; remembering stops (a hello asks once).
   */
  async take(boxId: string): Promise<Uint8Array[]> {
    const client = this.byBox.get(boxId);
    if (client === undefined) return [];
    const out = [...(this.acked.get(client) ?? [])];
    this.forget(client);
    let n = 0;
    for await (const packet of aedesStore(this.aedes).outgoingStream(client) as AsyncIterable<KeptPacket>) {
      if (++n > QUEUED) break;
      if (packet.cmd === 'publish' && packet.payload !== undefined && typeof packet.payload !== 'string')
        out.push(packet.payload);
    }
    return out;
  }

  private forget(client: Client): void {
    for (const p of this.acked.get(client) ?? []) this.bytes -= p.byteLength;
    this.acked.delete(client);
  }
}
