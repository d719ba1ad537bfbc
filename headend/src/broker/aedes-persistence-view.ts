import type { Aedes } from 'aedes';

/** What the headend reads from aedes' persistence, which aedes' types do not expose. */
interface AedesPersistence {
  createRetainedStream(pattern: string): AsyncIterable<{ topic: string }>;
  outgoingStream(client: { id: string }): AsyncIterable<{ payload: Buffer | string }>;
}

const persistence = (aedes: Aedes): AedesPersistence =>
  (aedes as unknown as { persistence: AedesPersistence }).persistence;

/** Topics the broker keeps a retained message for. */
export async function retainedTopics(aedes: Aedes, pattern: string): Promise<string[]> {
  const out: string[] = [];
  for await (const packet of persistence(aedes).createRetainedStream(pattern)) out.push(packet.topic);
  return out;
}

/**
 * The QoS 1 messages aedes holds for a client's session: queued while it was away, or sent and
 * not yet acknowledged (kept until its PUBACK; in memory, so gone with the process).
 */
export async function heldForClient(aedes: Aedes, clientId: string): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for await (const packet of persistence(aedes).outgoingStream({ id: clientId }))
    if (typeof packet.payload !== 'string') out.push(packet.payload);
  return out;
}
