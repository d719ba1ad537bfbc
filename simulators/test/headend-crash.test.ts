import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '@stb-notify/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../headend/test/support/mosquitto';
import { removeDir } from '../../headend/test/support/test-headend';
import { Fleet, until } from '../src/fleet';
import { zoneId } from '../src/provision-fleet';
import { operatorApi, spawnHeadend } from '../src/spawn-headend';

const BOXES = 200;
const ZONES = 4;
/** Boxes switched off before the crash and on again after the restart. */
const AWAY = 10;

/**
 * Issue 14: the headend is SIGKILLed while boxes are sending receipts, then started again on
 * the same data directory. The headend runs in its own process (a crash cannot be simulated
 * in this one), so it and the boxes run on the real clock; nothing here depends on the date.
 */
describe('a headend killed mid-traffic and started again', () => {
  let dir = '';
  let httpPort = 0;
  let mqttsPort = 0;
  let headend: ChildProcess | undefined;
  let token = '';
  let fleet: Fleet;

  async function startHeadendProcess(): Promise<void> {
    headend = (await spawnHeadend({ dataDir: dir, httpPort, mqttsPort })).child;
  }

  async function kill(): Promise<void> {
    const child = headend;
    if (child === undefined || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }

  const api = (method: string, path: string, body?: unknown): Promise<Record<string, unknown>> =>
    operatorApi(`http://127.0.0.1:${httpPort}`, token)(method, path, body);

  const send = async (title: string, target: Record<string, unknown>): Promise<string> =>
    String(
      (
        (await api('POST', '/api/v1/notices', {
          kind: 'ANNOUNCEMENT',
          target,
          display: 'BANNER',
          texts: [{ lang: 'zh-CN', title, body: '' }],
        })) as { notice: { id: string } }
      ).notice.id,
    );

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'stb-crash-'));
    httpPort = await freePort();
    mqttsPort = await freePort();
    await startHeadendProcess();
    token = readFileSync(join(dir, 'operator-token'), 'utf8').trim();
    const ids = Array.from({ length: BOXES }, (_, i) => `cb-${String(i).padStart(3, '0')}`);
    await api('POST', '/api/v1/registry/import', {
      zones: Array.from({ length: ZONES }, (_, z) => ({
        id: zoneId(z),
        name: `区${z}`,
        type: 'urban',
        maintainer: 'wang',
      })),
      boxes: ids.map((id, i) => ({ id, accountId: `ca-${i}`, zoneId: zoneId(i % ZONES) })),
    });
    const bundles = (await api('POST', '/api/v1/boxes/provision-websocket', { boxIds: ids })).items as unknown[];
    fleet = new Fleet(bundles, { clock: systemClock, brokerUrl: `ws://127.0.0.1:${httpPort}/mqtt` });
    await fleet.start(500);
    expect(await fleet.waitOnline(30_000)).toBe(true);
  });

  afterAll(async () => {
    await fleet.stop();
    await kill();
    await removeDir(dir);
  });

  it('every box gets every notice exactly once, and no delivery stays queued', { timeout: 150_000 }, async () => {
    const shown = new Map<string, number>();
    for (const b of fleet.boxes)
      b.session.on('notice', (m) => shown.set(`${b.id}/${m.noticeId}`, (shown.get(`${b.id}/${m.noticeId}`) ?? 0) + 1));
    const away = fleet.boxes.slice(0, AWAY);
    for (const b of away) await b.session.stop();

    // Traffic in flight: notices to everyone and to each zone, receipts streaming back.
    const before = [await send('崩溃前 1', { type: 'all' })];
    for (let z = 0; z < ZONES; z++) before.push(await send(`崩溃前 区${z}`, { type: 'zones', zoneIds: [zoneId(z)] }));
    await until(() => fleet.received(before[0] ?? '') > (BOXES - AWAY) / 2, 10_000, 5);
    await kill();

    await startHeadendProcess();
    for (const b of away) b.session.start();
    const after = [await send('重启后', { type: 'all' })];
    const all = [...before, ...after];

    const expected = (noticeIdx: number, boxIdx: number): boolean =>
      noticeIdx === 0 || noticeIdx === all.length - 1 || (noticeIdx - 1) % ZONES === boxIdx % ZONES;
    const missing = (): string[] =>
      fleet.boxes.flatMap((b, bi) =>
        all.flatMap((id, ni) => (expected(ni, bi) && !b.timings.has(id) ? [`${b.id}/${id}`] : [])),
      );
    await until(() => missing().length === 0, 60_000, 100);
    expect(missing()).toEqual([]);
    expect([...shown.entries()].filter(([, n]) => n > 1)).toEqual([]);

    // Every receipt reached the headend: nothing is left "queued" for a box that shows it.
    const queued = async (): Promise<number> => {
      let n = 0;
      for (const id of all) {
        const s = (await api('GET', `/api/v1/notices/${id}`)) as { total: { queued: number } };
        n += s.total.queued;
      }
      return n;
    };
    await until(async () => (await queued()) === 0, 60_000, 200);
    expect(await queued()).toBe(0);
  });
});
