import type { Browser, Frame, Page } from 'playwright-core';
import type { ProvisioningResult } from '../../../headend/src/services/provisioning-service';
import type { ManualClock } from '../../../headend/test/support/manual-clock';
import type { TestHeadend } from '../../../headend/test/support/test-headend';
import { screenTexts } from './browser';

/** Opens the box app as box `boxId`, provisioned through the operator API and handed over in the URL fragment. */
export async function openTv(
  browser: Browser,
  t: TestHeadend,
  boxId: string,
  size = { width: 1280, height: 720 },
  /** Extra query, e.g. '&canvas2d'. */
  query = '',
  /** Runs on the new page before it loads the app (init scripts, request listeners). */
  prepare: (page: Page) => Promise<void> = () => Promise.resolve(),
): Promise<{ page: Page; bundle: ProvisioningResult }> {
  const bundle = (await t.api('POST', `/api/v1/boxes/${boxId}/provision`)).body as unknown as ProvisioningResult;
  const page = await browser.newPage({ viewport: size });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await followClock(page, t.clock);
  await prepare(page);
  const frag = Buffer.from(JSON.stringify(bundle)).toString('base64url');
  await page.goto(`${t.h.urls.http.replace('localhost', '127.0.0.1')}/tv/?inspect${query}#bundle=${frag}`);
  await page.waitForFunction(
    () => (window as unknown as { __stb?: { session: { connection: string } } }).__stb?.session.connection === 'online',
    undefined,
    { timeout: 15_000 },
  );
  return { page, bundle };
}

/** Waits until the screen shows `text` under the given test id (or anywhere when id is '*'). */
export async function waitForText(
  page: Page | Frame,
  id: string,
  text: string,
  timeoutMs = 8000,
): Promise<Record<string, string>> {
  const start = Date.now();
  for (;;) {
    const texts = await screenTexts(page);
    const hit = id === '*' ? Object.values(texts).some((v) => v.includes(text)) : (texts[id] ?? '').includes(text);
    if (hit) return texts;
    if (Date.now() - start > timeoutMs)
      throw new Error(`screen never showed ${JSON.stringify(text)} in ${id}; it shows ${JSON.stringify(texts)}`);
    await page.waitForTimeout(50);
  }
}

/**
 * Puts the page on the test's clock: its `Date` reads the headend's manual time, jumps
 * whenever the test moves that clock, and runs on at real speed between jumps. Timers,
 * `performance.now()` and animation frames stay native, so MQTT keep-alives and the UI
 * behave as on a real box. (Playwright's own `page.clock` fakes the timers too, and
 * MQTT.js then times its keep-alive out at once.) Survives reloads: the offset is kept in
 * the tab's session storage.
 */
export async function followClock(page: Page, clock: ManualClock): Promise<void> {
  await page.addInitScript((startMs: number) => {
    const KEY = 'stb.test.clockOffsetMs';
    const RealDate = Date;
    const stored = sessionStorage.getItem(KEY);
    let offset = stored === null ? startMs - RealDate.now() : Number(stored);
    class TestDate extends RealDate {
      constructor(...args: unknown[]) {
        if (args.length === 0) super(RealDate.now() + offset);
        else super(...(args as [string]));
      }
      static override now(): number {
        return RealDate.now() + offset;
      }
    }
    globalThis.Date = TestDate as DateConstructor;
    (globalThis as unknown as { __stbSetTestTime: (ms: number) => void }).__stbSetTestTime = (ms) => {
      offset = ms - RealDate.now();
      sessionStorage.setItem(KEY, String(offset));
    };
  }, clock.now());
  const stop = clock.onChange((ms) => {
    page
      .evaluate(
        (at) => (globalThis as unknown as { __stbSetTestTime?: (ms: number) => void }).__stbSetTestTime?.(at),
        ms,
      )
      .catch(() => undefined);
  });
  page.once('close', stop);
}
