import type { Clock } from '@stb-notify/protocol';
import type { Logger } from 'pino';
import type { RegistryStore } from '../ports/registry-store';

/**
 * Records the broker's presence events in the registry, one box's in the order they came: a
 * session takeover is "offline" for the old connection, then "online" for the new, and two
 * writes racing on a PostgreSQL pool could land the other way round (a box online shown
 * offline). Events of different boxes are written concurrently.
 */
export function presenceWriter(d: {
  registry: RegistryStore;
  clock: Clock;
  log: Logger;
}): (boxId: string, online: boolean) => void {
  const queues = new Map<string, Promise<void>>();
  return (boxId, online) => {
    const atMs = d.clock.now();
    const previous = queues.get(boxId) ?? Promise.resolve();
    const next = previous
      .then(() => d.registry.setOnline(boxId, online, atMs))
      .catch((err: unknown) => d.log.error({ err }, 'presence update failed'));
    queues.set(boxId, next);
    void next.finally(() => {
      if (queues.get(boxId) === next) queues.delete(boxId);
    });
  };
}
