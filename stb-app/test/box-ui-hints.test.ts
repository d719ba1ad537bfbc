import { describe, expect, it } from 'vitest';
import { MemoryStorage } from '../src/adapters/index';
import { Mailbox } from '../src/core/index';
import type { MailItem } from '../src/core/index';
import { BoxUi } from '../src/ui/box-ui';
import type { Key } from '../src/ui/box-ui';
import { mail } from './support/mail-item';
import { uiSession } from './support/ui-session';

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

function ticketMail(id: string, ticketId: string, number: number): MailItem {
  return mail(id, {
    kind: 'TICKET_UPDATE',
    display: 'BANNER',
    detail: { ticketId, ticketNumber: number, status: 1, dueAtMs: 3_600_000 },
  });
}

/** Each screen and the keys that reach it from the picture, with `mails` in the mailbox. */
const SCREENS: Array<{ name: string; mails: MailItem[]; keys: Key[] }> = [
  { name: 'home', mails: [], keys: [] },
  { name: 'menu', mails: [], keys: ['Menu'] },
  { name: 'mailbox, empty', mails: [], keys: ['Mailbox'] },
  { name: 'mailbox, one mail', mails: [mail('n1')], keys: ['Mailbox'] },
  { name: 'mailbox, two mails', mails: [mail('n1'), mail('n2')], keys: ['Mailbox'] },
  { name: 'mail', mails: [mail('n1')], keys: ['Mailbox', 'Enter'] },
  { name: 'fault symptoms', mails: [], keys: ['Menu', 'Down', 'Enter'] },
  { name: 'fault confirm', mails: [], keys: ['Menu', 'Down', 'Enter', 'Enter'] },
  { name: 'fault result', mails: [], keys: ['Menu', 'Down', 'Enter', 'Enter', 'Enter'] },
  { name: 'tickets, none', mails: [], keys: ['Menu', 'Down', 'Down', 'Enter'] },
  { name: 'tickets, one', mails: [ticketMail('u1', 't-1', 100001)], keys: ['Menu', 'Down', 'Down', 'Enter'] },
  {
    name: 'tickets, two',
    mails: [ticketMail('u1', 't-1', 100001), ticketMail('u2', 't-2', 100002)],
    keys: ['Menu', 'Down', 'Down', 'Enter'],
  },
  { name: 'payments', mails: [], keys: ['Menu', 'Down', 'Down', 'Down', 'Enter'] },
  { name: 'settings', mails: [], keys: ['Menu', 'Down', 'Down', 'Down', 'Down', 'Enter'] },
];

async function open(screen: (typeof SCREENS)[number]): Promise<BoxUi> {
  const mailbox = new Mailbox(new MemoryStorage(), 10);
  for (const m of screen.mails) mailbox.add(m);
  const ui = new BoxUi(uiSession(mailbox), {
    hotline: '96956',
    settings: new MemoryStorage(),
    fetchPayments: () =>
      Promise.resolve([{ paidAtMs: 3_600_000, amountMinor: 2600, currency: 'CNY', method: 'wechat' }]),
  });
  for (const k of screen.keys) {
    ui.key(k);
    await tick(); // what a key starts (a report, loading a list) settles before the next key
  }
  return ui;
}

/** Issue 17: a hint promises only what its keys do on that screen. */
describe('the hint on every TV screen', () => {
  for (const screen of SCREENS) {
    it(`${screen.name}: ↑↓ and OK are offered only where they do something`, async () => {
      const ui = await open(screen);
      const v = ui.view();
      const hint = v.hint ?? '';
      if (hint.includes('↑↓')) expect(v.rows.length > 1 || (v.pages ?? 1) > 1).toBe(true);
      if (hint.includes('OK')) {
        const before = JSON.stringify(ui.view());
        ui.key('Enter');
        await tick();
        expect(JSON.stringify(ui.view())).not.toBe(before);
      }
    });
  }
});
