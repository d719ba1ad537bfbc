import { beforeEach, describe, expect, it } from 'vitest';
import { PRESENCE_KEEP_MS } from '../src/ports/registry-store';
import { DAY, HOUR } from './support/manual-clock';
import { useSeededHeadend } from './support/test-headend';
import type { TestHeadend } from './support/test-headend';
import { provisionBox, until } from './support/test-box';

interface History {
  boxId: string;
  online: boolean;
  lastSeenMs: number;
  items: Array<{ atMs: number; event: string }>;
}

/** Issue 18: the console's box page shows when a box was online — its connects, disconnects and hellos. */
describe('a box’s online history', () => {
  const headend = useSeededHeadend();
  let t: TestHeadend;
  beforeEach(() => {
    t = headend();
  });

  const history = async (id: string, query = ''): Promise<History> => {
    const res = await t.api('GET', `/api/v1/boxes/${id}/presence${query}`);
    expect(res.status).toBe(200);
    return res.body as unknown as History;
  };

  it('records the connect, the hello and the disconnect, newest first, on the headend’s clock', async () => {
    const box = await provisionBox(t, 'box-1');
    const connectedAt = t.clock.now();
    await box.connect();
    await until(async () => (await history('box-1')).items.length >= 1, 'connect recorded');
    t.clock.advance(HOUR);
    await box.hello();
    await until(async () => (await history('box-1')).items.length >= 2, 'hello recorded');
    t.clock.advance(2 * HOUR);
    await box.disconnect();
    await until(async () => !(await history('box-1')).online, 'disconnect recorded');

    const h = await history('box-1');
    expect(h.items).toEqual([
      { atMs: connectedAt + 3 * HOUR, event: 'offline' },
      { atMs: connectedAt + HOUR, event: 'hello' },
      { atMs: connectedAt, event: 'online' },
    ]);
    expect(h.lastSeenMs).toBe(connectedAt + 3 * HOUR);
    // Paging back from the last event seen.
    const older = await history('box-1', `?limit=1&before=${connectedAt + HOUR}`);
    expect(older.items).toEqual([{ atMs: connectedAt, event: 'online' }]);
  });

  it('keeps about three months: older events go as new ones come; other boxes keep theirs', async () => {
    const reg = t.h.stores.registry;
    const start = t.clock.now();
    await reg.setOnline('box-1', true, start);
    await reg.setOnline('box-2', true, start);
    await reg.setOnline('box-1', false, start + DAY);
    await reg.setOnline('box-1', true, start + PRESENCE_KEEP_MS + DAY / 2);
    expect((await history('box-1')).items).toEqual([
      { atMs: start + PRESENCE_KEEP_MS + DAY / 2, event: 'online' },
      { atMs: start + DAY, event: 'offline' },
    ]);
    expect((await history('box-2')).items).toEqual([{ atMs: start, event: 'online' }]);
  });

  it('answers 404 for a box it does not know and 400 for a bad limit', async () => {
    expect((await t.api('GET', '/api/v1/boxes/nobody/presence')).status).toBe(404);
    const bad = await t.api('GET', '/api/v1/boxes/box-1/presence?limit=100000');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBeTypeOf('string');
  });
});
