import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { RegistryStore } from '../src/ports/registry-store';
import { presenceWriter } from '../src/services/presence-writer';
import { ManualClock, T0 } from './support/manual-clock';

describe('presence is recorded in the order the broker reported it', () => {
  it('a session takeover (offline for the old connection, online for the new) leaves the box online, however the writes race', async () => {
    const state = new Map<string, boolean>();
    const releases: Array<() => void> = [];
    // Each write waits until the test lets it finish: the first one is let go last.
    const registry = {
      setOnline: (boxId: string, online: boolean) =>
        new Promise<void>((resolve) => {
          releases.push(() => {
            state.set(boxId, online);
            resolve();
          });
        }),
    } as unknown as RegistryStore;
    const write = presenceWriter({ registry, clock: new ManualClock(T0), log: pino({ level: 'silent' }) });
    write('box-1', false);
    write('box-1', true);
    write('box-2', true);
    // Written concurrently across boxes: box-1's first write and box-2's are under way.
    while (releases.length < 2) await new Promise((r) => setImmediate(r));
    releases[1]?.();
    releases[0]?.();
    while (releases.length < 3) await new Promise((r) => setImmediate(r));
    releases[2]?.();
    await new Promise((r) => setImmediate(r));
    expect(state.get('box-1')).toBe(true);
    expect(state.get('box-2')).toBe(true);
  });
});
