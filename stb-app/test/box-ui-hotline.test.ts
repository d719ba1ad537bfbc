import { describe, expect, it } from 'vitest';
import { MemoryStorage } from '../src/adapters/index';
import { Mailbox } from '../src/core/index';
import { mail } from './support/mail-item';
import { uiSession } from './support/ui-session';
import { BoxUi } from '../src/ui/box-ui';

describe('the hotline on the TV (N7)', () => {
  it('is the one the operator’s newest notice carries, the configured one before any notice', () => {
    const mailbox = new Mailbox(new MemoryStorage(), 10);
    const ui = new BoxUi(uiSession(mailbox), { hotline: '96956', settings: new MemoryStorage() });
    for (const k of ['Enter', 'Down', 'Enter'] as const) ui.key(k); // menu → report a fault, which shows the hotline
    expect(ui.view().screen).toBe('fault-symptom');
    expect(ui.view().hotline).toContain('96956');
    mailbox.add(mail('n1', { hotline: '12345' }));
    mailbox.add(mail('n2', { hotline: '96000' }));
    expect(ui.view().hotline).toContain('96000');
    expect(ui.view().hotline).not.toContain('96956');
  });
});
