/**
 * Quick figures for the headend alone (no boxes connected): how long sending a notice takes
 * when it targets many registered boxes, for a broadcast and for personalised notices.
 * The full benchmarks with a box fleet and a raw-broker baseline live in simulators/.
 *   npx tsx headend/scripts/measure-send.ts [boxes=10000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { loadConfig } from '../src/config/load-config';
import { startHeadend } from '../src/headend';

const n = Number(process.argv[2] ?? 10_000);
const dir = mkdtempSync(join(tmpdir(), 'stb-measure-'));
const config = loadConfig({
  flags: { dataDir: dir, 'http.port': 0, 'mqtts.port': 0, 'mqtts.host': '127.0.0.1', logLevel: 'silent' },
});
const h = await startHeadend({ config, schedulerTick: false, log: pino({ level: 'silent' }) });
try {
  await h.stores.registry.upsertZones([{ id: 'z1', name: 'z', type: 'urban', maintainer: 'm' }]);
  await h.stores.registry.upsertBoxes(
    Array.from({ length: n }, (_, i) => ({ id: `b${i}`, accountId: `a${i >> 1}`, zoneId: 'z1' })),
  );
  const texts = [{ lang: 'zh-CN', title: '公告', body: '正文'.repeat(20) }];
  let t = performance.now();
  await h.notices.send({ kind: 'ANNOUNCEMENT', target: { type: 'all' }, texts, createdBy: 'measure' });
  const broadcastMs = performance.now() - t;
  const accounts = Array.from({ length: n >> 1 }, (_, i) => `a${i}`);
  t = performance.now();
  await h.notices.send({
    kind: 'ANNOUNCEMENT',
    target: { type: 'accounts', accountIds: accounts.slice(0, 1000) },
    texts,
    createdBy: 'measure',
  });
  const perBoxMs = performance.now() - t;
  console.log(
    JSON.stringify({
      boxes: n,
      broadcastToAllMs: Math.round(broadcastMs),
      personalisedBoxes: 2000,
      personalisedMs: Math.round(perBoxMs),
      personalisedPerSecond: Math.round(2000 / (perBoxMs / 1000)),
    }),
  );
} finally {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
}
