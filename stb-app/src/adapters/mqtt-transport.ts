import mqtt from 'mqtt';
import type { IClientOptions, MqttClient } from 'mqtt';
import type { BoxConfig } from '../core/box-config';
import type { Transport, TransportFactory } from '../core/ports';

/**
 * MQTT.js transport (3.1.1, QoS 1, persistent session — as the bundle says on a NATS cluster — client id = box id). Over
 * WebSocket with the provisioning credential in a browser; over TLS with the box
 * certificate in Node. Reconnecting is the session's job (jittered backoff), not MQTT.js's.
 */
export function mqttTransport(config: BoxConfig): TransportFactory {
  // A broker cluster (issue 21) is a comma-separated list of node URLs. Each box starts on a
  // node picked from its id, so a fleet spreads over the nodes, and moves to the next node on
  // every new connection: when its node dies, the reconnect lands on a live one.
  const urls = config.brokerUrl.split(',').filter((u) => u !== '');
  let next = [...config.boxId].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) >>> 0, 7) % Math.max(1, urls.length);
  return () => {
    let client: MqttClient | undefined;
    // Publishes waiting for their PUBACK. With a persistent session and no auto-reconnect,
    // MQTT.js would keep them waiting forever once the connection drops; they fail instead,
    // so the box's outbox keeps them and sends them on the next connection.
    const awaitingAck = new Set<(err: Error) => void>();
    const failPending = (): void => {
      for (const fail of [...awaitingAck]) fail(new Error('connection lost before PUBACK'));
      awaitingAck.clear();
    };
    const t: Transport = {
      open(handlers) {
        const opts: IClientOptions = {
          protocolVersion: 4,
          clientId: config.boxId,
          clean: config.cleanSession === true,
          reconnectPeriod: 0,
          connectTimeout: 15_000,
          // ≥ 60 s: browsers throttle timers of hidden pages, shorter keep-alives break there.
          keepalive: 90,
          ...(config.tls
            ? { ca: config.tls.caPem, cert: config.tls.certPem, key: config.tls.keyPem, rejectUnauthorized: true }
            : { username: config.boxId, password: config.credential }),
        };
        const url = urls[next % urls.length] ?? config.brokerUrl;
        next++;
        const c = mqtt.connect(url, opts);
        client = c;
        return new Promise((resolve, reject) => {
          let up = false;
          c.on('message', (topic, payload) =>
            handlers.onMessage(topic, new Uint8Array(payload.buffer, payload.byteOffset, payload.byteLength)),
          );
          c.once('connect', (connack) => {
            up = true;
            resolve({ sessionPresent: connack.sessionPresent });
          });
          c.on('error', (err) => {
            if (!up) reject(err);
          });
          c.on('close', () => {
            failPending();
            if (up) handlers.onClose('closed');
            else reject(new Error('connection closed'));
          });
        });
      },
      async subscribe(topics) {
        if (client === undefined) throw new Error('not connected');
        const c = client;
        return new Promise<number[]>((resolve, reject) => {
          c.subscribe([...topics], { qos: config.subscribeQos ?? 1 }, (err, granted) => {
            if (granted !== undefined) resolve(granted.map((g) => g.qos));
            else reject(err ?? new Error('subscribe failed'));
          });
        });
      },
      async publish(topic, payload) {
        if (client === undefined) throw new Error('not connected');
        const c = client;
        await new Promise<void>((resolve, reject) => {
          const fail = (err: Error): void => {
            awaitingAck.delete(fail);
            reject(err);
          };
          awaitingAck.add(fail);
          c.publish(topic, payload as Buffer, { qos: 1 }, (err) => {
            if (!awaitingAck.delete(fail)) return;
            if (err) reject(err);
            else resolve();
          });
        });
      },
      async close() {
        const c = client;
        client = undefined;
        failPending();
        // end(true) drops the socket at once; never wait more than a moment on a half-dead client.
        if (c !== undefined) await Promise.race([c.endAsync(true), new Promise((r) => setTimeout(r, 1000))]);
      },
    };
    return t;
  };
}
