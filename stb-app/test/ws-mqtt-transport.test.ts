import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { connectPacket, PacketReader, PacketType, publishPacket } from '../src/adapters/mqtt-packets';
import { wsMqttTransport } from '../src/adapters/ws-mqtt-transport';
import type { WebSocketConstructor } from '../src/adapters/ws-mqtt-transport';
import type { BoxConfig } from '../src/core/index';

/**
 * The TV's own MQTT client (issue 17: MQTT.js was a third of the bundle). The box core's suite
 * (box-session.test.ts) runs on it against the real headend; these are the edges a real broker
 * does not show: streams split anywhere, refusals, a hostile broker, a dropped connection.
 */

const config = { boxId: 'box-1', credential: 'secret', brokerUrl: '' } as unknown as BoxConfig;
const Ws = WebSocket as unknown as WebSocketConstructor;

describe('MQTT packets', () => {
  it('reads packets from a stream split at every byte, and several packets in one chunk', () => {
    const payload = new Uint8Array(300).fill(7); // a two-byte remaining length
    const a = publishPacket('stb/v1/box/box-1/down', payload, 1, 42);
    const b = publishPacket('stb/v1/all/down', Uint8Array.of(1, 2), 0);
    const stream = Uint8Array.from([...a, ...b]);
    const reader = new PacketReader(1024);
    const read = [...stream].flatMap((byte) => reader.push(Uint8Array.of(byte)));
    expect(read.map((p) => [p.type, p.body.length])).toEqual([
      [PacketType.PUBLISH, a.length - 3],
      [PacketType.PUBLISH, b.length - 2],
    ]);
    expect(new PacketReader(1024).push(stream)).toHaveLength(2);
  });

  it('refuses a packet announced over the limit before any of its body arrives', () => {
    const reader = new PacketReader(64 * 1024);
    // PUBLISH announcing 10 MB: only the fixed header is sent.
    expect(() => reader.push(Uint8Array.of(0x30, 0x80, 0xad, 0xe2, 0x04))).toThrow(/over the 65536 allowed/);
    expect(() => new PacketReader(64).push(Uint8Array.of(0x30, 0xff, 0xff, 0xff, 0xff, 0x01))).toThrow(/malformed/);
  });

  it('writes a CONNECT with the persistent session and the credential', () => {
    const c = connectPacket({
      clientId: 'box-1',
      cleanSession: false,
      keepAliveSeconds: 90,
      username: 'box-1',
      password: 's',
    });
    const [p] = new PacketReader(1024).push(c);
    expect(p?.type).toBe(PacketType.CONNECT);
    // protocol name "MQTT", level 4, flags user+password (no clean session), keep-alive 90
    expect([...(p?.body.subarray(0, 10) ?? [])]).toEqual([0, 4, 77, 81, 84, 84, 4, 0xc0, 0, 90]);
  });
});

describe('the TV MQTT transport against a scripted broker', () => {
  let server: WebSocketServer | undefined;
  afterEach(async () => {
    for (const c of server?.clients ?? []) c.terminate();
    server?.close();
    server = undefined;
  });

  /** A WebSocket "broker" that answers CONNECT with `connack` and then runs `script`. */
  async function broker(
    connack: number,
    script: (ws: WebSocket) => void = () => undefined,
    ackFlags = 0,
  ): Promise<string> {
    server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    server.on('connection', (ws) => {
      ws.once('message', () => {
        ws.send(Uint8Array.of(0x20, 2, ackFlags, connack));
        script(ws);
      });
    });
    await once(server, 'listening');
    return `ws://127.0.0.1:${(server.address() as AddressInfo).port}/mqtt`;
  }

  it('a refused CONNACK rejects the connection', async () => {
    const url = await broker(5);
    const t = wsMqttTransport({ ...config, brokerUrl: url }, { WebSocket: Ws })();
    await expect(t.open({ onMessage: () => undefined, onClose: () => undefined })).rejects.toThrow(/CONNACK 5/);
  });

  it('tells the box whether the broker kept its session (CONNACK session present)', async () => {
    for (const [flags, kept] of [
      [1, true],
      [0, false],
    ] as const) {
      const url = await broker(0, () => undefined, flags);
      const t = wsMqttTransport({ ...config, brokerUrl: url }, { WebSocket: Ws })();
      expect(await t.open({ onMessage: () => undefined, onClose: () => undefined })).toEqual({ sessionPresent: kept });
      await t.close();
      for (const c of server?.clients ?? []) c.terminate();
      server?.close();
    }
  });

  it('a broker announcing a 10 MB packet is disconnected, and the box is told', async () => {
    const url = await broker(0, (ws) => ws.send(Uint8Array.of(0x30, 0x80, 0xad, 0xe2, 0x04)));
    const t = wsMqttTransport({ ...config, brokerUrl: url }, { WebSocket: Ws })();
    const closed = new Promise<string>((resolve) => {
      void t.open({ onMessage: () => undefined, onClose: resolve });
    });
    expect(await closed).toBe('closed');
  });

  it('a publish waiting for its PUBACK fails when the connection drops, so the outbox keeps it', async () => {
    const url = await broker(0, (ws) => ws.on('message', () => ws.terminate()));
    const t = wsMqttTransport({ ...config, brokerUrl: url }, { WebSocket: Ws })();
    await t.open({ onMessage: () => undefined, onClose: () => undefined });
    await expect(t.publish('stb/v1/box/box-1/up', Uint8Array.of(1))).rejects.toThrow(/connection lost/);
  });

  it('a QoS 1 message is delivered to the box and acknowledged', async () => {
    const got: Array<[string, number[]]> = [];
    const acked = new Promise<number[]>((resolve) => {
      void broker(0, (ws) => {
        ws.send(publishPacket('stb/v1/box/box-1/down', Uint8Array.of(9, 8), 1, 513));
        ws.on('message', (d: Buffer) => resolve([...d]));
      }).then((url) => {
        const t = wsMqttTransport({ ...config, brokerUrl: url }, { WebSocket: Ws })();
        void t.open({ onMessage: (topic, payload) => got.push([topic, [...payload]]), onClose: () => undefined });
      });
    });
    expect(await acked).toEqual([0x40, 2, 2, 1]); // PUBACK for packet 513
    expect(got).toEqual([['stb/v1/box/box-1/down', [9, 8]]]);
  });

  it('after close() nothing more reaches the box, and close() resolves once the socket has closed', async () => {
    // The broker answers the box's DISCONNECT with one more QoS 1 message: unacknowledged, it
    // stays in the box's session for the next connection instead of going to a box that left.
    const url = await broker(0, (ws) =>
      ws.on('message', (d: Buffer) => {
        if (d[0] === 0xe0) ws.send(publishPacket('stb/v1/box/box-1/down', Uint8Array.of(5), 1, 7));
      }),
    );
    const sockets: WebSocket[] = [];
    class Tracked extends WebSocket {
      constructor(address: string, protocols: string | string[]) {
        super(address, protocols);
        sockets.push(this);
      }
    }
    const got: string[] = [];
    const t = wsMqttTransport(
      { ...config, brokerUrl: url },
      { WebSocket: Tracked as unknown as WebSocketConstructor },
    )();
    await t.open({ onMessage: (topic) => got.push(topic), onClose: () => undefined });
    await t.close();
    expect(sockets[0]?.readyState).toBe(WebSocket.CLOSED);
    expect(got).toEqual([]);
  });
});
