import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Aedes } from 'aedes';
import { LISTEN_BACKLOG } from '@stb-notify/headend';
import mqtt from 'mqtt';
import type { MqttClient } from 'mqtt';
import { createWebSocketStream, WebSocketServer } from 'ws';

/**
 * The baseline: plain aedes over WebSocket, no auth, no signing, no store — what the same
 * machine does with raw MQTT, measured in the same run.
 */
export class RawBroker {
  private constructor(
    readonly url: string,
    private readonly close_: () => Promise<void>,
    readonly sink: MqttClient,
  ) {}

  acks = 0;

  static async start(): Promise<RawBroker> {
    const aedes = await Aedes.createBroker({ id: 'raw-baseline' });
    const server = createServer();
    const wss = new WebSocketServer({ server });
    wss.on('connection', (ws, req) => aedes.handle(createWebSocketStream(ws), req));
    // The headend's accept queue (LISTEN_BACKLOG): the two are compared as brokers, not as kernel queues.
    server.listen({ port: 0, host: '127.0.0.1', backlog: LISTEN_BACKLOG });
    await once(server, 'listening');
    const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const sink = mqtt.connect(url, { protocolVersion: 4, clientId: 'raw-sink', reconnectPeriod: 0 });
    await new Promise<void>((r) => sink.once('connect', () => r()));
    await sink.subscribeAsync('raw/up/#', { qos: 1 });
    const rb = new RawBroker(
      url,
      async () => {
        await sink.endAsync(true);
        for (const c of wss.clients) c.terminate();
        await new Promise<void>((r) => aedes.close(() => r()));
        await new Promise<void>((r) => server.close(() => r()));
      },
      sink,
    );
    sink.on('message', () => rb.acks++);
    return rb;
  }

  async publish(topic: string, bytes: Uint8Array): Promise<void> {
    await this.sink.publishAsync(topic, Buffer.from(bytes), { qos: 1 });
  }

  close(): Promise<void> {
    return this.close_();
  }
}
