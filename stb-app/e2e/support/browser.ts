import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser, Frame, Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's chromium, headless (Playwright cannot download browsers here). */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: run scripts/setup.sh (installs chromium and a CJK font)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The texts Lightning currently shows, read from the inspector's DOM mirror (visible elements only). */
export async function screenTexts(page: Page | Frame): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (const el of Array.from(document.querySelectorAll('[data-testid]'))) {
      let visible = true;
      for (let e: Element | null = el; e !== null; e = e.parentElement) {
        if (e.getAttribute('visible') === 'false') visible = false;
      }
      const text = (el.getAttribute('texture-text') ?? '').replace(/\u200B/g, '');
      if (visible && text !== '') out[el.getAttribute('data-testid') ?? ''] = text;
    }
    return out;
  });
}

const KEYCODES: Record<string, string> = {
  Up: 'ArrowUp',
  Down: 'ArrowDown',
  Left: 'ArrowLeft',
  Right: 'ArrowRight',
  OK: 'Enter',
  Back: 'Backspace',
  Menu: 'm',
  Mailbox: 'e',
  Delete: 'Delete',
};

/** Presses remote keys in order. */
export async function press(page: Page, ...keys: string[]): Promise<void> {
  for (const k of keys) {
    await page.keyboard.press(KEYCODES[k] ?? k);
    await page.waitForTimeout(30);
  }
}
