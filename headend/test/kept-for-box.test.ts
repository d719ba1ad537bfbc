import { EventEmitter } from 'node:events';
import { Readable } from 'node:stream';
import type { Aedes, Client } from 'aedes';
import { describe, expect, it } from 'vitest';
import { KeptForBox } from '../src/broker/kept-for-box';

/**
 * Issue 19: what a box's broker session kept for it, as its hello asks for it. aedes is
 * stood in for by its events and its persistence's queue, so the order of events can be the
 * one a fast box produces: its hello handled before aedes calls its connection ready.
 */
function broker(queued: Map<Client, Uint8Array[]>): EventEmitter {
  const aedes = new EventEmitter() as EventEmitter & { persistence: unknown };
  aedes.persistence = {
    outgoingStream: (client: Client) =>
      Readable.from((queued.get(client) ?? []).map((payload) => ({ cmd: 'publish', payload }))),
    createRetainedStream: () => Readable.from([]),
  };
  return aedes;
}

const client = (id: string): Client => ({ id }) as Client;
const bytes = (...b: number[]): Uint8Array => Uint8Array.from(b);
const publish = (payload: Uint8Array) => ({ cmd: 'publish', payload });

describe('KeptForBox', () => {
  it("finds a box's connection from its registration: a hello before aedes calls it ready still gets what the session holds", async () => {
    const c = client('box-1');
    const aedes = broker(new Map([[c, [bytes(1), bytes(2)]]]));
    const kept = new KeptForBox(aedes as unknown as Aedes, () => true);
    aedes.emit('client', c); // registered, CONNACK on its way; no 'clientReady' yet
    expect(await kept.take('box-1')).toEqual([bytes(1), bytes(2)]);
  });

  it('a session takeover: the old connection closing after the new one registered does not lose the new one', async () => {
    const old = client('box-1');
    const now = client('box-1');
    const aedes = broker(new Map([[now, [bytes(9)]]]));
    const kept = new KeptForBox(aedes as unknown as Aedes, () => true);
    aedes.emit('client', old);
    aedes.emit('client', now);
    aedes.emit('ack', publish(bytes(7)), now);
    aedes.emit('clientDisconnect', old);
    expect(await kept.take('box-1')).toEqual([bytes(7), bytes(9)]);
    // A hello asks once: the acknowledgements are not remembered any more.
    expect(await kept.take('box-1')).toEqual([bytes(9)]);
  });

  it('keeps nothing for a connection that is not a box, or that has gone', async () => {
    const other = client('console-1');
    const gone = client('box-2');
    const aedes = broker(new Map([[other, [bytes(1)]]]));
    const kept = new KeptForBox(aedes as unknown as Aedes, (c) => c !== other);
    aedes.emit('client', other);
    aedes.emit('client', gone);
    aedes.emit('ack', publish(bytes(3)), gone);
    aedes.emit('clientDisconnect', gone);
    expect(await kept.take('console-1')).toEqual([]);
    expect(await kept.take('box-2')).toEqual([]);
  });
});
