import { describe, expect, it } from 'vitest';
import { MemoryStorage } from '../src/adapters/index';
import { backoffDelay, Mailbox } from '../src/core/index';
import { mail } from './support/mail-item';

describe('mailbox', () => {
  it('is bounded: the oldest read mail goes first, then the oldest unread', () => {
    const box = new Mailbox(new MemoryStorage(), 3);
    box.add(mail('a'));
    box.add(mail('b'));
    box.update('a', { read: true });
    box.add(mail('c'));
    box.add(mail('d'));
    expect(box.list().map((m) => m.noticeId)).toEqual(['d', 'c', 'b']);
    box.add(mail('e'));
    expect(box.list().map((m) => m.noticeId)).toEqual(['e', 'd', 'c']);
  });

  it('never takes the same notice twice, even after it was deleted', () => {
    const box = new Mailbox(new MemoryStorage());
    expect(box.add(mail('a')).outcome).toBe('added');
    box.delete('a');
    expect(box.add(mail('a')).outcome).toBe('duplicate');
    expect(box.list()).toHaveLength(0);
  });

  it('a newer notice with the same collapse key replaces the older one', () => {
    const box = new Mailbox(new MemoryStorage());
    box.add(mail('a', { collapseKey: 'k' }));
    box.add(mail('x'));
    const r = box.add(mail('b', { collapseKey: 'k' }));
    expect(r).toMatchObject({ outcome: 'replaced', replaced: { noticeId: 'a' } });
    expect(box.list().map((m) => m.noticeId)).toEqual(['b', 'x']);
  });

  it('an older notice with the collapse key of a newer one here (a late resend) does not replace it (issue 21)', () => {
    const box = new Mailbox(new MemoryStorage());
    box.add(mail('new', { collapseKey: 'k', issuedAtMs: 2000 }));
    expect(box.add(mail('old', { collapseKey: 'k', issuedAtMs: 1000 })).outcome).toBe('stale');
    expect(box.list().map((m) => m.noticeId)).toEqual(['new']);
    expect(box.add(mail('old', { collapseKey: 'k', issuedAtMs: 1000 })).outcome).toBe('duplicate');
  });

  it('persists across instances (reload), prunes expired mail, and survives corrupt storage', () => {
    const storage = new MemoryStorage();
    const one = new Mailbox(storage);
    one.add(mail('keep', { expiresAtMs: 1000 }));
    one.add(mail('old', { expiresAtMs: 10 }));
    one.update('keep', { read: true });
    const two = new Mailbox(storage);
    expect(two.get('keep')?.read).toBe(true);
    expect(two.pruneExpired(500)).toBe(1);
    expect(two.unreadCount()).toBe(0);
    storage.set('stb.mailbox.v1', '{not json');
    expect(new Mailbox(storage).list()).toEqual([]);
  });
});

describe('reconnect backoff', () => {
  it('grows exponentially to a cap and spreads boxes with jitter', () => {
    expect(backoffDelay(0, () => 0)).toBe(1000);
    expect(backoffDelay(0, () => 1)).toBe(1000);
    expect(backoffDelay(3, () => 1)).toBe(8000);
    expect(backoffDelay(30, () => 1)).toBe(60_000);
    const spread = new Set(Array.from({ length: 100 }, (_, i) => backoffDelay(5, () => i / 100)));
    expect(spread.size).toBeGreaterThan(90);
  });
});
