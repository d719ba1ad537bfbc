import { describe, expect, it } from 'vitest';
import { MemoryStorage } from '../src/adapters/index';
import { Mailbox } from '../src/core/index';
import { BoxUi } from '../src/ui/box-ui';
import type { UiOptions } from '../src/ui/box-ui';
import { mail } from './support/mail-item';
import { uiSession } from './support/ui-session';

/** A box with read-aloud switched on; `spoken` is everything it said, in order. */
function boxWithReadAloud(mailbox: Mailbox, over: Partial<UiOptions> = {}): { ui: BoxUi; spoken: string[] } {
  const spoken: string[] = [];
  const settings = new MemoryStorage();
  settings.set('tts', 'on');
  const ui = new BoxUi(uiSession(mailbox), {
    hotline: '96956',
    settings,
    timeZone: 'Asia/Shanghai',
    speak: (text) => spoken.push(text),
    ...over,
  });
  return { ui, spoken };
}

const flush = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

/** Issue 17: read-aloud says whatever is focused or opened, whole — not only a title or the first page. */
describe('read-aloud on the TV', () => {
  it('reads an opened mail whole, though the screen shows it a page at a time', () => {
    const sentences = Array.from({ length: 40 }, (_, i) => `第${i + 1}条：自下月起基本收视费调整，请留意账单变化。`);
    const body = sentences.join('');
    const mailbox = new Mailbox(new MemoryStorage(), 10);
    mailbox.add(mail('n-long', { texts: [{ lang: 'zh-CN', title: '资费调整公告', body }] }));
    const { ui, spoken } = boxWithReadAloud(mailbox);
    ui.key('Mailbox');
    ui.key('Enter');
    expect(ui.view().screen).toBe('mail');
    expect(ui.view().pages).toBeGreaterThan(1); // the screen pages it…
    const said = spoken.at(-1) ?? '';
    expect(said).toContain('资费调整公告');
    expect(said.replace(/\u200B/g, '')).toContain(body); // …read-aloud says all of it
  });

  it('says the focused row as the focus moves, and what a list screen holds when it opens', async () => {
    const mailbox = new Mailbox(new MemoryStorage(), 10);
    const payments = Array.from({ length: 13 }, (_, i) => ({
      paidAtMs: (i + 1) * 28 * 86_400_000, // a payment every four weeks
      amountMinor: 2600 + i,
      currency: 'CNY',
      method: 'wechat',
    }));
    const { ui, spoken } = boxWithReadAloud(mailbox, { fetchPayments: () => Promise.resolve(payments) });
    ui.key('Menu');
    ui.key('Down');
    expect(spoken.at(-1)).toBe(ui.view().rows[1]?.label);
    ui.key('Down');
    ui.key('Down');
    ui.key('Enter');
    expect(ui.view().screen).toBe('payments');
    await flush();
    const said = spoken.at(-1) ?? '';
    // Every payment of the year, though the screen shows them a page at a time.
    expect(ui.view().pages).toBeGreaterThan(1);
    for (const p of payments) expect(said).toContain((p.amountMinor / 100).toFixed(2));
  });
});
