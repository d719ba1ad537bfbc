import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, seedRegistry, startTestHeadend } from '../../headend/test/support/test-headend';
import type { TestHeadend } from '../../headend/test/support/test-headend';
import { launchBrowser } from './support/browser';
import { openTv, waitForText } from './support/tv-page';

/** Texture memory after a forced GC, and the JS heap (Chromium's performance.memory). */
async function memory(page: Page): Promise<{ textures: number; heap: number }> {
  return page.evaluate(() => {
    const w = window as unknown as {
      __stb: { stage: { gc(full: boolean): void; textureManager: { usedMemory: number } } };
    };
    w.__stb.stage.gc(true);
    const perf = performance as unknown as { memory?: { usedJSHeapSize: number } };
    return { textures: w.__stb.stage.textureManager.usedMemory, heap: perf.memory?.usedJSHeapSize ?? 0 };
  });
}

describe('hours of notices do not grow graphics memory', () => {
  let browser: Browser;
  let t: TestHeadend;
  beforeAll(async () => {
    browser = await launchBrowser();
    t = await startTestHeadend();
    await seedRegistry(t);
  });
  afterAll(async () => {
    await browser.close();
    await t.stop();
    await removeDir(t.dir);
  });

  it('texture memory after 150 banners equals that after 10 (the renderer reuses its elements)', async () => {
    const { page } = await openTv(browser, t, 'box-1');
    const banner = async (i: number) => {
      await t.api('POST', '/api/v1/notices', {
        kind: 'ANNOUNCEMENT',
        target: { type: 'boxes', boxIds: ['box-1'] },
        display: 'BANNER',
        collapseKey: `n-${i % 5}`,
        texts: [
          {
            lang: 'zh-CN',
            title: `第${i}条通知`,
            body: `这是第${i}条通知的正文，内容各不相同，用来检查纹理是否被回收。`,
          },
        ],
      });
      await waitForText(page, 'banner-title', `第${i}条通知`);
    };
    for (let i = 0; i < 10; i++) await banner(i);
    const early = await memory(page);
    for (let i = 10; i < 150; i++) await banner(i);
    const late = await memory(page);
    console.log('texture bytes after 10 / 150 notices:', early.textures, late.textures, 'heap:', early.heap, late.heap);
    expect(late.textures).toBeLessThanOrEqual(early.textures * 1.1);
    await page.close();
  }, 120_000);
});
