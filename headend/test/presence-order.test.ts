import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { presenceWriter } from '../src/services/presence-writer';
import { ManualClock, T0 } from './support/manual-clock';

type Change = { readonly id: string; readonly online: boolean; readonly atMs: number };

describe('presence is recorded in the order the broker reported it', () => {
  it('a session takeover (offline for the old connection, online for the new) leaves the box online, also when its events straddle two passes', async () => {
    const state = new Map<string, boolean>();
    const passes: Array<{ readonly changes: readonly Change[]; readonly release: () => void }> = [];
    // Each pass waits until the test lets it finish.
    const registry = {
      setOnlineMany: (changes: readonly Change[]) =>
        new Promise<void>((resolve) => {
          passes.push({
            changes: [...changes],
            release: () => {
              for (const c of changes) state.set(c.id, c.online);
              resolve();
            },
          });
        }),
    };
    const write = presenceWriter({ registry, clock: new ManualClock(T0), log: pino({ level: 'silent' }) });
    write('box-1', false);
    write('box-2', true);
    while (passes.length < 1) await new Promise((r) => setImmediate(r));
    // The new connection's "online" comes while the old one's "offline" is being written.
    write('box-1', true);
    write('box-3', true);
    write('box-3', false);
    passes[0]?.release();
    while (passes.length < 2) await new Promise((r) => setImmediate(r));
    passes[1]?.release();
    await new Promise((r) => setImmediate(r));
    expect(passes.map((p) => p.changes.map((c) => `${c.id}:${String(c.online)}`))).toEqual([
      ['box-1:false', 'box-2:true'],
      ['box-1:true', 'box-3:true', 'box-3:false'],
    ]);
    expect(state.get('box-1')).toBe(true);
    expect(state.get('box-2')).toBe(true);
    expect(state.get('box-3')).toBe(false);
  });
});
