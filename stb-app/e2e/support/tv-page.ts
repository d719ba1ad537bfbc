import type { Browser, Page } from 'playwright-core';
import type { ProvisioningResult } from '../../../headend/src/services/provisioning-service';
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
): Promise<{ page: Page; bundle: ProvisioningResult }> {
  const bundle = (await t.api('POST', `/api/v1/boxes/${boxId}/provision`)).body as unknown as ProvisioningResult;
  const page = await browser.newPage({ viewport: size });
  page.on('pageerror', (e) => console.error('page error:', e.message));
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
  page: Page,
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
