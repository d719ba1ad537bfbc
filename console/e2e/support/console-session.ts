import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { TestBox } from '../../../headend/test/support/test-box';
import { removeDir, seedRegistry, startTestHeadend } from '../../../headend/test/support/test-headend';
import type { TestHeadend } from '../../../headend/test/support/test-headend';
import type { ProvisioningResult } from '../../../headend/src/services/provisioning-service';
import { launchBrowser } from '../../../stb-app/e2e/support/browser';
import { followClock } from '../../../stb-app/e2e/support/tv-page';

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
}

/**
 * For each test of the calling suite: a fresh headend with the seeded registry, and the console
 * open in Chromium, signed in as its operator, on the headend's clock.
 */
export function useConsoleSession(): () => ConsoleSession {
  let browser: Browser;
  let session: ConsoleSession | undefined;
  const boxes: TestBox[] = [];
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
    await page.goto(`${t.h.urls.http}/console/`);
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
    };
  });
  afterEach(async () => {
    const s = session;
    session = undefined;
    if (s === undefined) return;
    await s.page.close();
    for (const b of boxes.splice(0)) await b.disconnect();
    await s.t.stop();
    await removeDir(s.t.dir);
  });
  return () => {
    if (session === undefined) throw new Error('no console session outside a test');
    return session;
  };
}
