import type { MqttClient } from 'mqtt';

/** Publishes downlink with QoS 1 (retained when asked); resolves on the broker's PUBACK. */
export async function publishQos1(
  client: MqttClient,
  topic: string,
  payload: Uint8Array,
  opts: { readonly retain?: boolean },
): Promise<void> {
  await client.publishAsync(topic, Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength), {
    qos: 1,
    retain: opts.retain === true,
  });
}
