import type { Clock } from '@stb-notify/protocol';
import type { Logger } from 'pino';
import type { RegistryStore } from '../ports/registry-store';
import { Passes } from './passes';

/** Presence events written in one unit of work at most. */
const MAX_BATCH = 512;

interface Change {
  readonly id: string;
  readonly online: boolean;
  readonly atMs: number;
  readonly reject: (err: unknown) => void;
}

const ignore = (): void => undefined;

/**
 * Records the broker's presence events in the registry in the order they came: a session
 * takeover is "offline" for the old connection, then "online" for the new, and must not land
 * the other way round (a box online shown offline). Events that arrive while a pass is written
 * go in the next pass together, in arrival order, one unit of work each (issue 19: a reconnect
 * storm's 10,000 connects were 10,000 transactions). A pass that fails is logged; the next
 * connect or hello of those boxes records them again.
 */
export function presenceWriter(d: {
  registry: Pick<RegistryStore, 'setOnlineMany'>;
  clock: Clock;
  log: Logger;
}): (boxId: string, online: boolean) => void {
  const passes = new Passes<Change>(MAX_BATCH, async (batch) => {
    try {
      await d.registry.setOnlineMany(batch);
    } catch (err) {
      d.log.error({ err, events: batch.length }, 'presence update failed');
    }
  });
  return (boxId, online) => passes.add({ id: boxId, online, atMs: d.clock.now(), reject: ignore });
}
