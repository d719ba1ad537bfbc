import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, press, screenTexts } from '../../stb-app/e2e/support/browser';
import { waitForText } from '../../stb-app/e2e/support/tv-page';
import { runScriptedDay } from '../src/demo/scripted-day';
import type { DemoSummary, WatchInfo } from '../src/demo/scripted-day';

const SCREENS = fileURLToPath(new URL('./screens/', import.meta.url));
mkdirSync(SCREENS, { recursive: true });

interface TvWindow {
  __stb?: {
    session: {
      connection: string;
      mailbox: { list(): Array<{ kind: string }> };
      on(event: 'notice', fn: (m: { kind: string }) => void): void;
    };
  };
  __shown?: string[];
}

// `npm run demo -- --watch`: the day can be followed on a TV in a browser. The browser box's
// clock is the real one while the demo's headend runs days ahead; it takes the network's time.
describe('the demo watched in a browser', () => {
  let browser: Browser;
  let summary: DemoSummary | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await summary?.stop?.();
    await browser.close();
  });

  it('the late-paying household’s TV shows its reminder, warning, suspension, restore and the 48 h maintenance notice', async () => {
    let page: Page | undefined;
    let info: WatchInfo | undefined;
    summary = await runScriptedDay({
      boxes: 12,
      zones: 4,
      log: () => undefined,
      keepRunning: true,
      watch: async (w) => {
        info = w;
        page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
        page.on('pageerror', (e) => console.error('page error:', e.message));
        await page.goto(w.tvUrl.replace('/tv/#', '/tv/?inspect#'));
        await page.waitForFunction(() => (window as TvWindow).__stb?.session.connection === 'online', undefined, {
          timeout: 15_000,
        });
        // Every notice the TV puts up, in order.
        await page.evaluate(() => {
          const w = window as TvWindow;
          w.__shown = [];
          w.__stb?.session.on('notice', (m) => w.__shown?.push(m.kind));
        });
      },
    });
    if (page === undefined || info === undefined) throw new Error('the demo never offered a TV to watch');
    const tv = page;
    expect(summary).toMatchObject({ boxesOnline: 12, suspendedBoxes: 2, followUpGaps: 0 });
    // Everything its household was sent, verified on the box despite its clock being days behind.
    await tv.waitForFunction(
      () => ((window as TvWindow).__stb?.session.mailbox.list() ?? []).some((m) => m.kind === 'MAINTENANCE'),
      undefined,
      { timeout: 10_000 },
    );
    const shown = await tv.evaluate(() => (window as TvWindow).__shown ?? []);
    expect(shown.slice(0, 3)).toEqual(['FEE_DUE', 'SUSPENSION_WARNING', 'SUSPENDED']);
    // The payment: the restore, and the "payment received" confirmation (an announcement) that
    // replaces the paid fee reminder — in either order — then the maintenance notice.
    expect(new Set(shown.slice(3, 5))).toEqual(new Set(['RESTORED', 'ANNOUNCEMENT']));
    expect(shown.slice(5)).toEqual(['MAINTENANCE']);
    // The restore replaced the suspension notices (one collapse key per account's suspension), the
    // confirmation the fee reminder: nothing in the mailbox tells this paying household to pay.
    const kept = await tv.evaluate(() => (window as TvWindow).__stb?.session.mailbox.list().map((m) => m.kind) ?? []);
    expect(new Set(kept)).toEqual(new Set(['ANNOUNCEMENT', 'RESTORED', 'MAINTENANCE']));
    // The suspension warning was never acknowledged, but it is stale now: it is off the screen.
    expect((await screenTexts(tv))['full-title']).toBeUndefined();
    // And on screen: the mailbox, newest first, opens on the maintenance notice.
    await press(tv, 'Back', 'Back', 'Mailbox');
    await waitForText(tv, 'row-0', '维护');
    await tv.screenshot({ path: `${SCREENS}demo-tv-mailbox.png` });
    // The console of the same run answers with the operator token it printed.
    const res = await fetch(info.consoleUrl.replace('/console/', '/api/v1/tickets?limit=1'), {
      headers: { authorization: `Bearer ${info.operatorToken}` },
    });
    expect(res.status).toBe(200);
  }, 90_000);
});
