import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { TestBox } from '../../../headend/test/support/test-box';
import { removeDir, seedRegistry, startTestHeadend } from '../../../headend/test/support/test-headend';
import type { TestHeadend } from '../../../headend/test/support/test-headend';
import type { ProvisioningResult } from '../../../headend/src/services/provisioning-service';
import { launchBrowser } from '../../../stb-app/e2e/support/browser';
import { followClock, openTv } from '../../../stb-app/e2e/support/tv-page';

/** Where the console tests save their screenshots (copies of some in docs/screens/). */
export const SCREENS = fileURLToPath(new URL('../screens/', import.meta.url));
mkdirSync(SCREENS, { recursive: true });

/** Fills a datetime-local input with an instant, written in the browser's own time zone. */
export async function fillTime(page: Page, selector: string, ms: number): Promise<void> {
  const local = await page.evaluate((at) => {
    const d = new Date(at);
    const p = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
  }, ms);
  await page.fill(selector, local);
}

export interface ConsoleSession {
  readonly page: Page;
  readonly t: TestHeadend;
  /** Provisions and connects a test box that answers every notice with delivered and displayed receipts. */
  connectBox(id: string): Promise<TestBox>;
  /** Opens the box app as box `id` in the same browser (its screen mirrored by Lightning's inspector). */
  openTv(id: string): Promise<Page>;
}

/** The console's TV preview: the box app in preview mode, in a frame of the compose page. */
export async function previewFrame(page: Page): Promise<Frame> {
  const el = await page.waitForSelector('[data-testid=tv-preview] iframe');
  const frame = await el.contentFrame();
  if (frame === null) throw new Error('the TV preview has no frame');
  return frame;
}

/**
 * For each test of the calling suite: a fresh headend with the seeded registry, and the console
 * open in Chromium, signed in as its operator, on the headend's clock.
 */
export function useConsoleSession(): () => ConsoleSession {
  let browser: Browser;
  let session: ConsoleSession | undefined;
  const boxes: TestBox[] = [];
  const tvs: Page[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });
  beforeEach(async () => {
    const t = await startTestHeadend();
    await seedRegistry(t);
    const page = await browser.newPage({ viewport: { width: 1440, height: 960 } });
    // The browser reads the headend's clock, so the composer's lead times agree with the rules'.
    await followClock(page, t.clock);
    page.setDefaultTimeout(8000);
    page.on('pageerror', (e) => console.error('console page error:', e.message));
    // ?inspect: the TV preview's frame mirrors its screen into the DOM, as the box app's tests read it.
    await page.goto(`${t.h.urls.http}/console/?inspect`);
    await page.fill('input[name=token]', t.token);
    await page.press('input[name=token]', 'Enter');
    await page.waitForSelector('[data-testid=who]');
    session = {
      page,
      t,
      async connectBox(id) {
        const bundle = (await t.api('POST', `/api/v1/boxes/${id}/provision`)).body as unknown as ProvisioningResult;
        const box = new TestBox(bundle, t.clock);
        box.autoReceipts = ['delivered', 'displayed'];
        await box.connect();
        boxes.push(box);
        return box;
      },
      async openTv(id) {
        const tv = await openTv(browser, t, id);
        tvs.push(tv.page);
        return tv.page;
      },
    };
  });
  afterEach(async () => {
    const s = session;
    session = undefined;
    if (s === undefined) return;
    await s.page.close();
    for (const p of tvs.splice(0)) await p.close();
    for (const b of boxes.splice(0)) await b.disconnect();
    await s.t.stop();
    await removeDir(s.t.dir);
  });
  return () => {
    if (session === undefined) throw new Error('no console session outside a test');
    return session;
  };
}
