import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { removeDir, seedRegistry, startTestHeadend } from '../../headend/test/support/test-headend';
import type { TestHeadend } from '../../headend/test/support/test-headend';
import { launchBrowser } from './support/browser';
import { openTv, waitForText } from './support/tv-page';

/**
 * Issue 17: the TV verifies notices and signs its uplink with WebCrypto; the pure-JS Ed25519
 * (node-forge) is a separate download, fetched only by a browser without WebCrypto Ed25519.
 */
describe('the pure-JS crypto is downloaded only by a box that needs it', () => {
  let browser: Browser;
  let t: TestHeadend;
  let page: Page | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });
  beforeEach(async () => {
    t = await startTestHeadend();
    await seedRegistry(t);
  });
  afterEach(async () => {
    await page?.close();
    await t.stop();
    await removeDir(t.dir);
  });

  /** Opens the TV, counting its downloads of the fallback script. */
  async function tv(withoutWebCrypto: boolean): Promise<{ fallbackLoads: () => number }> {
    let loads = 0;
    ({ page } = await openTv(browser, t, 'box-1', undefined, '', async (p) => {
      p.on('request', (r) => {
        if (/\/tv\/ed25519-forge\.[\w-]+\.js$/.test(r.url())) loads++;
      });
      if (withoutWebCrypto) {
        // As on a page served over plain http to a remote box: no crypto.subtle.
        await p.addInitScript(() =>
          Object.defineProperty(Crypto.prototype, 'subtle', { get: () => undefined, configurable: true }),
        );
      }
    }));
    return { fallbackLoads: () => loads };
  }

  const banner = (title: string) =>
    t.api('POST', '/api/v1/notices', {
      kind: 'ANNOUNCEMENT',
      target: { type: 'boxes', boxIds: ['box-1'] },
      display: 'BANNER',
      texts: [{ lang: 'zh-CN', title, body: '' }],
    });

  it('with WebCrypto the notice is verified and shown, and the fallback is never fetched', async () => {
    const box = await tv(false);
    expect((await banner('停机检修通知')).status).toBe(201);
    await waitForText(page as Page, 'banner-title', '停机检修通知');
    expect(box.fallbackLoads()).toBe(0);
  });

  it('without WebCrypto the box fetches the fallback once, then verifies and shows notices with it', async () => {
    const box = await tv(true);
    expect((await banner('第一条')).status).toBe(201);
    await waitForText(page as Page, 'banner-title', '第一条');
    const second = await banner('第二条');
    expect(second.status).toBe(201);
    await waitForText(page as Page, 'banner-title', '第二条');
    expect(box.fallbackLoads()).toBe(1);
    // Its uplink is signed by the fallback too: the headend accepts and counts its receipt.
    const id = String((second.body.notice as { id: string }).id);
    await expect
      .poll(async () => {
        await t.h.settle();
        return (await t.h.stores.notices.counts(id, t.clock.now())).total.displayed;
      })
      .toBe(1);
  });
});
