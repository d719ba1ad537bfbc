import { describe, expect, it } from 'vitest';
import { MemoryStorage } from '../src/adapters/memory-storage';
import { Emitter } from '../src/core/emitter';
import { Mailbox } from '../src/core/mailbox';
import type { BoxSession, MailItem, SessionEvents } from '../src/core/index';
import { DeferredSession } from '../src/ui/deferred-session';

const mail = (noticeId: string): MailItem => ({
  noticeId,
  kind: 'ANNOUNCEMENT',
  display: 'MAILBOX',
  priority: 2,
  collapseKey: '',
  texts: [{ lang: 'zh-CN', title: noticeId, body: '' }],
  hotline: '96956',
  actionRequired: false,
  detail: {},
  issuedAtMs: 1,
  expiresAtMs: 0,
  receivedAtMs: 1,
  displayed: false,
  read: false,
  withdrawn: false,
});

/** The part of a BoxSession the UI uses, recording what it was asked. */
class FakeSession extends Emitter<SessionEvents> {
  readonly calls: string[] = [];
  connection: 'offline' | 'connecting' | 'online' = 'online';
  constructor(readonly mailbox: Mailbox) {
    super();
  }
  async markRead(id: string): Promise<void> {
    this.calls.push(`read ${id}`);
  }
  deleteMail(id: string): void {
    this.calls.push(`delete ${id}`);
  }
  async reportFault(): Promise<string> {
    this.calls.push('fault');
    return 'r-1';
  }
  fire<K extends keyof SessionEvents>(e: K, p: SessionEvents[K]): void {
    this.emit(e, p);
  }
}

describe('the UI’s first session (issue 17): the stored mailbox first, the real session after the first frame', () => {
  it('shows the stored mailbox, connecting; calls made before the session is there reach it once it is', async () => {
    const storage = new MemoryStorage();
    new Mailbox(storage).add(mail('n-stored'));
    const early = new DeferredSession(storage);
    expect(early.mailbox.list().map((m) => m.noticeId)).toEqual(['n-stored']);
    expect(early.connection).toBe('connecting');

    const read = early.markRead('n-stored');
    early.deleteMail('n-stored');
    const fault = early.reportFault(1);
    const seen: string[] = [];
    early.on('state', (s) => seen.push(`state ${s}`));
    early.on('notice', (m) => seen.push(`notice ${m.noticeId}`));

    const real = new FakeSession(new Mailbox(storage));
    early.attach(real as unknown as BoxSession);
    await read;
    expect(await fault).toBe('r-1');
    expect(real.calls).toEqual(['read n-stored', 'delete n-stored', 'fault']);
    expect(early.connection).toBe('online');
    expect(early.mailbox).toBe(real.mailbox);
    // Its events are the UI's now, the redraw on attach first.
    real.fire('notice', mail('n-new'));
    expect(seen).toEqual(['state online', 'notice n-new']);
  });
});
