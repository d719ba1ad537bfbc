import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvedOutage } from '../../headend/test/support/staff-fixtures';
import { removeDir, seedRegistry, startTestHeadend } from '../../headend/test/support/test-headend';
import type { TestHeadend } from '../../headend/test/support/test-headend';
import { launchBrowser, press } from './support/browser';
import { openTv, waitForText } from './support/tv-page';

const SCREENS = fileURLToPath(new URL('./screens/', import.meta.url));
mkdirSync(SCREENS, { recursive: true });

describe('1920×1080 without WebGL (canvas2d), as on boxes that lack it', () => {
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

  it('renders notices and menus at full HD with the canvas 2D renderer', async () => {
    const { page } = await openTv(browser, t, 'box-1', { width: 1920, height: 1080 }, '&canvas2d');
    await approvedOutage(t, { zoneIds: ['z-east'], etaMs: t.clock.now() + 3 * 3600_000 });
    const shown = await waitForText(page, 'banner-title', '故障通知');
    expect(shown['banner-body']).toContain('预计');
    await page.screenshot({ path: `${SCREENS}outage-1080p-canvas2d.png` });
    // OK on a banner opens its notice; the menu key opens the menu.
    await press(page, 'OK');
    await waitForText(page, 'title', '故障通知');
    await press(page, 'Menu');
    await waitForText(page, 'title', '菜单');
    const size = await page.evaluate(() => {
      const c = document.querySelector('canvas');
      return { w: c?.width ?? 0, h: c?.height ?? 0 };
    });
    expect(size).toMatchObject({ w: 1920, h: 1080 });
    await page.close();
  });
});
